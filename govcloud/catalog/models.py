"""The service catalog (附件1) and finance's fee standards for its items."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BillingPeriod(models.TextChoices):
    DAY = "day", _("per day")
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")
    ONCE = "once", _("one-off")


class ItemStatus(models.TextChoices):
    """Whether an item can be applied for; derived from CatalogItem.retired_on, not stored."""

    OFFERED = "offered", _("Offered")
    RETIRED = "retired", _("Retired")


class CatalogCategory(models.Model):
    """A group of service items: compute, storage, network, security and so on."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("catalog category")
        verbose_name_plural = _("catalog categories")

    def __str__(self):
        return self.name


class CatalogItemQuerySet(models.QuerySet):
    def offered(self):
        return self.filter(retired_on__isnull=True)


class CatalogItem(models.Model):
    """One service a department can apply for, priced per unit by finance's fee standards.

    An item that has been applied for is retired, never deleted (B1).
    """

    code = models.CharField(_("code"), max_length=40, unique=True)
    category = models.ForeignKey(
        CatalogCategory, on_delete=models.PROTECT, related_name="items", verbose_name=_("category")
    )
    name = models.CharField(_("name"), max_length=80)
    spec = models.CharField(_("specification"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=20)
    billing_period = models.CharField(
        _("billing period"), max_length=10, choices=BillingPeriod.choices, default=BillingPeriod.MONTH
    )
    retired_on = models.DateField(_("retired on"), null=True, blank=True, db_index=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = CatalogItemQuerySet.as_manager()

    class Meta:
        ordering = ["category__position", "position", "code"]
        verbose_name = _("catalog item")
        verbose_name_plural = _("catalog items")

    def __str__(self):
        return "%s %s" % (self.code, self.name)

    @property
    def status(self):
        return ItemStatus.RETIRED if self.retired_on else ItemStatus.OFFERED


class FeeStandard(models.Model):
    """Finance's price for one catalog item from a date on (第六条).

    A price that has taken effect is never edited; a new price is a new row
    with a later effective date, and every bill line names the row it used (B2).
    """

    item = models.ForeignKey(CatalogItem, on_delete=models.PROTECT, related_name="fee_standards", verbose_name=_("item"))
    unit_price = models.DecimalField(_("unit price (yuan)"), max_digits=12, decimal_places=2)
    effective_from = models.DateField(_("effective from"))
    basis = models.CharField(_("basis"), max_length=200, blank=True, help_text=_("The finance document or price source."))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("set by")
    )
    set_at = models.DateTimeField(_("set at"), auto_now_add=True)

    class Meta:
        ordering = ["item", "-effective_from"]
        verbose_name = _("fee standard")
        verbose_name_plural = _("fee standards")
        constraints = [
            models.UniqueConstraint(fields=["item", "effective_from"], name="fee_one_price_per_item_and_date"),
            models.CheckConstraint(condition=models.Q(unit_price__gte=0), name="fee_price_not_negative"),
        ]

    def __str__(self):
        return "%s %s (%s)" % (self.item.code, self.unit_price, self.effective_from)

    def has_taken_effect(self, today):
        return self.effective_from <= today
