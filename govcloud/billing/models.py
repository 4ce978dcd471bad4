"""Providers' contracts, stored charges and monthly statements, the annual usage assessment,
evaluation scores, the score bands and the settlements finance signs (第二十七条 – 第二十九条)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, Role
from govcloud.catalog.models import CatalogItem, FeeStandard
from govcloud.resources.models import CloudResource, DepartmentScopedQuerySet

MONEY = {"max_digits": 14, "decimal_places": 2}


class ProviderContract(models.Model):
    """The procurement of one provider: how it was chosen and for which period (第二十七条)."""

    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="contracts", verbose_name=_("provider"),
        limit_choices_to={"kind": "provider"},
    )
    number = models.CharField(_("contract number"), max_length=60, unique=True)
    procurement_basis = models.CharField(
        _("procurement basis"), max_length=200, help_text=_("The procurement procedure and document that chose the provider.")
    )
    starts_on = models.DateField(_("contract starts on"))
    ends_on = models.DateField(_("contract ends on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["provider", "-starts_on"]
        verbose_name = _("provider contract")
        verbose_name_plural = _("provider contracts")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="contract_period_ordered"),
        ]

    def __str__(self):
        return "%s %s" % (self.provider, self.number)


class Statement(models.Model):
    """The charges one department owes one provider for one calendar month, rebuilt from the records."""

    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    department = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("department"))
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("provider"))
    total = models.DecimalField(_("total (yuan)"), **MONEY)
    line_count = models.PositiveIntegerField(_("lines"))
    computed_at = models.DateTimeField(_("computed at"))

    # A department sees its own statements and a provider those it serves, as with resources.
    objects = DepartmentScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "department", "provider"]
        verbose_name = _("monthly statement")
        verbose_name_plural = _("monthly statements")
        constraints = [
            models.UniqueConstraint(fields=["month", "department", "provider"], name="statement_once_per_month"),
        ]
        indexes = [
            models.Index(fields=["department", "month"]),
            models.Index(fields=["provider", "month"]),
        ]

    def __str__(self):
        return "%s %s %s" % (self.month.strftime("%Y-%m"), self.department, self.provider)


class Charge(models.Model):
    """One statement line: consecutive days of one resource in one month at one size and one price version."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="charges")
    resource = models.ForeignKey(CloudResource, on_delete=models.PROTECT, related_name="charges",
                                 verbose_name=_("resource"))
    item = models.ForeignKey(CatalogItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("item"))
    quantity = models.PositiveIntegerField(_("quantity"))
    fee_standard = models.ForeignKey(FeeStandard, on_delete=models.PROTECT, related_name="charges",
                                     verbose_name=_("price version"))
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    days = models.PositiveSmallIntegerField(_("days"))
    amount = models.DecimalField(_("amount (yuan)"), **MONEY)

    class Meta:
        ordering = ["resource", "first_day", "item"]
        verbose_name = _("charge")
        verbose_name_plural = _("charges")
        indexes = [models.Index(fields=["resource", "first_day"])]

    def __str__(self):
        return "%s %s %s–%s" % (self.resource_id, self.item_id, self.first_day, self.last_day)


class StatementRun(models.Model):
    """One recomputation of the statements of a period from the records, and how many lines it changed."""

    first_month = models.DateField(_("first month"))
    last_month = models.DateField(_("last month"))
    applied = models.BooleanField(_("statements replaced"), default=False)
    differences = models.PositiveIntegerField(_("differences"))
    total = models.DecimalField(_("total (yuan)"), **MONEY)
    ran_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("run by"))
    ran_at = models.DateTimeField(_("run at"))

    class Meta:
        ordering = ["-ran_at"]
        verbose_name = _("statement run")
        verbose_name_plural = _("statement runs")

    def __str__(self):
        return "%s – %s" % (self.first_month.strftime("%Y-%m"), self.last_month.strftime("%Y-%m"))


class ScoreBand(models.Model):
    """From an evaluation score up, the share of the charges that is paid (第二十九条), from a date on.

    The bands in force on a date are all rows of the latest effective date not after it.
    """

    effective_from = models.DateField(_("effective from"))
    min_score = models.DecimalField(_("minimum score"), max_digits=5, decimal_places=2)
    payment_percent = models.DecimalField(_("payment (%)"), max_digits=5, decimal_places=2)
    consequence = models.CharField(_("consequence"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=200)
    to_be_confirmed = models.BooleanField(_("default to be confirmed"), default=False)

    class Meta:
        ordering = ["-effective_from", "-min_score"]
        verbose_name = _("score band")
        verbose_name_plural = _("score bands")
        constraints = [
            models.UniqueConstraint(fields=["effective_from", "min_score"], name="score_band_unique"),
        ]

    def __str__(self):
        return "≥%s → %s%%" % (self.min_score, self.payment_percent)


class EvaluationScore(models.Model):
    """The provider's evaluation score for a year, entered by the management unit with its source (第二十五条)."""

    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("provider"))
    year = models.PositiveSmallIntegerField(_("year"))
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    source = models.CharField(_("source"), max_length=200, help_text=_("The evaluation report the score comes from."))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(_("entered at"))

    class Meta:
        ordering = ["-year", "provider"]
        verbose_name = _("evaluation score")
        verbose_name_plural = _("evaluation scores")
        constraints = [
            models.UniqueConstraint(fields=["provider", "year"], name="evaluation_score_once_per_year"),
            models.CheckConstraint(condition=models.Q(score__gte=0, score__lte=100), name="evaluation_score_range"),
        ]

    def __str__(self):
        return "%s %s: %s" % (self.provider, self.year, self.score)


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


EDITABLE_ASSESSMENT_STATES = (AssessmentStatus.DRAFT,)
FROZEN_ASSESSMENT_STATES = (AssessmentStatus.SUBMITTED,)


class ProviderScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.sees_whole_city or user.role == Role.ASSESSOR:
            return self
        if user.role == Role.PROVIDER and user.organisation_id:
            return self.filter(provider=user.organisation)
        return self.none()


class UsageAssessment(models.Model):
    """The year's resource usage assessment report of one provider (第二十八条), the basis of its settlement."""

    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("provider"))
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=AssessmentStatus.choices,
                              default=AssessmentStatus.DRAFT, db_index=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    content = models.JSONField(_("findings"), default=dict,
                               help_text=_("Resources, utilization, idle and zombie findings and charges, frozen on submission."))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("written by"))
    written_at = models.DateTimeField(_("written at"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    objects = ProviderScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "provider"]
        verbose_name = _("usage assessment")
        verbose_name_plural = _("usage assessments")
        constraints = [
            models.UniqueConstraint(fields=["provider", "year"], name="usage_assessment_once_per_year"),
        ]

    def __str__(self):
        return "%s %s" % (self.provider, self.year)

    @property
    def is_frozen(self):
        return self.status in FROZEN_ASSESSMENT_STATES


class SettlementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed by finance")


OPEN_SETTLEMENT_STATES = (SettlementStatus.DRAFT,)
FINAL_SETTLEMENT_STATES = (SettlementStatus.SIGNED,)


class Settlement(models.Model):
    """The year's payment to one provider (第二十九条): charges × the payment share of its score, plus adjustments.

    Once finance signs it, none of its amounts or lines change again.
    """

    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("provider"))
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=SettlementStatus.choices,
                              default=SettlementStatus.DRAFT, db_index=True)
    assessment = models.ForeignKey(UsageAssessment, on_delete=models.PROTECT, related_name="settlements",
                                   verbose_name=_("usage assessment"))
    score = models.DecimalField(_("evaluation score"), max_digits=5, decimal_places=2)
    score_source = models.CharField(_("score source"), max_length=200)
    payment_percent = models.DecimalField(_("payment (%)"), max_digits=5, decimal_places=2)
    bands_effective_from = models.DateField(_("score bands of"))
    charges_total = models.DecimalField(_("charges (yuan)"), **MONEY)
    after_evaluation = models.DecimalField(_("after evaluation (yuan)"), **MONEY)
    adjustments_total = models.DecimalField(_("adjustments (yuan)"), **MONEY)
    payable = models.DecimalField(_("payable (yuan)"), **MONEY)
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("prepared by"))
    prepared_at = models.DateTimeField(_("prepared at"))
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  null=True, blank=True, verbose_name=_("signed by"))
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)

    objects = ProviderScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "provider"]
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        constraints = [
            models.UniqueConstraint(fields=["provider", "year"], name="settlement_once_per_year"),
        ]

    def __str__(self):
        return "%s %s" % (self.provider, self.year)

    @property
    def is_signed(self):
        return self.status in FINAL_SETTLEMENT_STATES


class SettlementLine(models.Model):
    """The year's charges of one department in one catalog category, frozen into the settlement."""

    settlement = models.ForeignKey(Settlement, on_delete=models.CASCADE, related_name="lines")
    department = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("department"))
    category = models.CharField(_("category"), max_length=40)
    amount = models.DecimalField(_("charges (yuan)"), **MONEY)

    class Meta:
        ordering = ["department", "category"]
        verbose_name = _("settlement line")
        verbose_name_plural = _("settlement lines")


class Adjustment(models.Model):
    """A correction of what was settled, with its reason; it is paid on the provider's next settlement."""

    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("provider"))
    amount = models.DecimalField(_("amount (yuan)"), **MONEY, help_text=_("Negative when the provider was overpaid."))
    reason = models.CharField(_("reason"), max_length=300)
    corrects = models.ForeignKey(Settlement, on_delete=models.PROTECT, null=True, blank=True, related_name="corrections",
                                 verbose_name=_("corrects settlement"))
    settlement = models.ForeignKey(Settlement, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="adjustments", verbose_name=_("settled on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        ordering = ["-recorded_at"]
        verbose_name = _("adjustment")
        verbose_name_plural = _("adjustments")
        indexes = [models.Index(fields=["provider", "settlement"])]

    def __str__(self):
        return "%s %s" % (self.provider, self.amount)
