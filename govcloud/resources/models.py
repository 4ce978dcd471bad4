"""Provisioned cloud resources, service agreements and delivery confirmations (第十二条, 第十三条)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, Role
from govcloud.applications.models import Application, ApplicationLine, NetworkZone
from govcloud.catalog.models import CatalogItem
from govcloud.systems.models import InformationSystem


class ResourceStatus(models.TextChoices):
    PROVISIONED = "provisioned", _("Provisioned")
    IN_SERVICE = "in_service", _("In service")
    RECLAIMED = "reclaimed", _("Reclaimed")


class DepartmentScopedQuerySet(models.QuerySet):
    """Records owned by one department and served by one provider."""

    def visible_to(self, user):
        if user.sees_whole_city:
            return self
        organisation = user.organisation
        if organisation is None:
            return self.none()
        if organisation.is_user_department:
            return self.filter(department=organisation)
        if user.role == Role.PROVIDER:
            return self.filter(provider=organisation)
        return self.none()


class CloudResource(models.Model):
    """One provisioned instance (a cloud host, a disk, a bandwidth package) serving a department's system.

    Its size over time is its list of components; billing runs from the delivery
    confirmation date (inclusive) to the reclaim date (exclusive).
    """

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="resources", verbose_name=_("application")
    )
    department = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="resources", verbose_name=_("department")
    )
    system = models.ForeignKey(
        InformationSystem, on_delete=models.PROTECT, related_name="resources", verbose_name=_("information system")
    )
    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="provided_resources", verbose_name=_("provider")
    )
    name = models.CharField(_("instance name"), max_length=80)
    instance_id = models.CharField(_("instance id"), max_length=80)
    network_zone = models.CharField(_("network zone"), max_length=20, choices=NetworkZone.choices)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    operating_system = models.CharField(_("operating system"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ResourceStatus.choices, default=ResourceStatus.PROVISIONED, db_index=True
    )
    provisioned_on = models.DateField(_("provisioned on"))
    billing_starts_on = models.DateField(_("billing starts on"), null=True, blank=True)
    billing_ends_on = models.DateField(
        _("billing ends on"), null=True, blank=True, help_text=_("The reclaim date; this day is no longer billed.")
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = DepartmentScopedQuerySet.as_manager()

    class Meta:
        ordering = ["department", "name"]
        verbose_name = _("cloud resource")
        verbose_name_plural = _("cloud resources")
        constraints = [
            models.UniqueConstraint(fields=["provider", "instance_id"], name="resource_instance_unique_per_provider"),
        ]
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["provider", "status"]),
        ]

    def __str__(self):
        return "%s (%s)" % (self.name, self.instance_id)

    def get_absolute_url(self):
        return reverse("resources:detail", args=[self.pk])


class ResourceComponent(models.Model):
    """A quantity of one catalog item that is part of a resource from one date to another.

    A change closes the old component on its completion date and opens a new one
    from that date, so the size in force on any day can be read back (F5).
    """

    resource = models.ForeignKey(CloudResource, on_delete=models.CASCADE, related_name="components")
    item = models.ForeignKey(CatalogItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("item"))
    quantity = models.PositiveIntegerField(_("quantity"))
    application_line = models.ForeignKey(
        ApplicationLine, on_delete=models.PROTECT, related_name="components", verbose_name=_("application line")
    )
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective to"), null=True, blank=True, help_text=_("Exclusive."))

    class Meta:
        ordering = ["resource", "effective_from", "pk"]
        verbose_name = _("resource component")
        verbose_name_plural = _("resource components")
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="component_quantity_positive"),
        ]

    def __str__(self):
        return "%s × %s" % (self.item.code, self.quantity)


class AgreementStatus(models.TextChoices):
    SIGNED = "signed", _("Signed, not yet filed")
    FILED = "filed", _("Filed")


class ServiceAgreement(models.Model):
    """The service agreement for the approved resources, filed with the management unit
    within 7 days of signing (第十二条)."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="agreement")
    department = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("agreement number"), max_length=60, unique=True)
    signed_on = models.DateField(_("signed on"))
    status = models.CharField(_("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.SIGNED)
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = DepartmentScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("service agreement")
        verbose_name_plural = _("service agreements")

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("applications:detail", args=[self.application_id])


class ConfirmationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CONFIRMED = "confirmed", _("Confirmed")


class DeliveryConfirmation(models.Model):
    """The delivery confirmation letter (附件4). Billing starts on the day the management unit confirms it (第十三条)."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="delivery")
    department = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("delivery number"), max_length=30, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ConfirmationStatus.choices, default=ConfirmationStatus.SUBMITTED
    )
    credential_handover = models.CharField(
        _("how the initial credentials were handed over"), max_length=200,
        help_text=_("Describe the handover; never enter the credentials themselves."),
    )
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_on = models.DateField(_("confirmed on (billing start)"), null=True, blank=True)

    objects = DepartmentScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery confirmation")
        verbose_name_plural = _("delivery confirmations")

    def __str__(self):
        return self.number
