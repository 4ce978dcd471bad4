"""Applications for cloud resources, their lines, the review decisions and the filings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, Role
from govcloud.catalog.models import CatalogItem
from govcloud.systems.models import InformationSystem


class ApplicationKind(models.TextChoices):
    NEW = "new", _("New resources")
    CHANGE = "change", _("Change")
    EXIT = "exit", _("Exit")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for supplement")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REJECTED = "rejected", _("Rejected")
    APPROVED = "approved", _("Approved, awaiting provisioning")
    PROVISIONED = "provisioned", _("Provisioned, awaiting delivery confirmation")
    DELIVERED = "delivered", _("Delivered")
    # A change or exit application ends here once the provider has changed or reclaimed the resource.
    COMPLETED = "completed", _("Completed: changed or reclaimed")


# States in which the department may still edit the application.
EDITABLE_STATES = (ApplicationStatus.DRAFT, ApplicationStatus.RETURNED)
# States waiting for the management unit's decision.
REVIEW_STATES = (ApplicationStatus.SUBMITTED,)
# States after an approving decision.
APPROVED_STATES = (
    ApplicationStatus.APPROVED, ApplicationStatus.PROVISIONED, ApplicationStatus.DELIVERED, ApplicationStatus.COMPLETED,
)
TERMINAL_STATES = (
    ApplicationStatus.WITHDRAWN, ApplicationStatus.REJECTED, ApplicationStatus.DELIVERED, ApplicationStatus.COMPLETED,
)
# Kinds that act on one provisioned resource, named by target_resource (第十四条 change, 第十五条 exit).
RESOURCE_KINDS = (ApplicationKind.CHANGE, ApplicationKind.EXIT)


class NetworkZone(models.TextChoices):
    EXTRANET = "extranet", _("E-government extranet")
    INTERNET = "internet", _("Internet zone")
    PRIVATE = "private", _("Dedicated business network")


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Limit to what the user's organisation may see: a department only its own."""
        if user.sees_whole_city:
            return self
        if user.role == Role.EXPERT:
            # An expert sees only the applications the management unit invited them to (第十一条).
            return self.filter(expert_invitations__expert=user)
        organisation = user.organisation
        if organisation is None:
            return self.none()
        if organisation.is_user_department:
            return self.filter(department=organisation)
        if user.role == Role.PROVIDER:
            # A provider works on an application once it is approved; drafts of change applications
            # already name the resource's provider but are still the department's own.
            return self.filter(provider=organisation, status__in=APPROVED_STATES)
        return self.none()


class Application(models.Model):
    """A department's request for cloud resources for one of its systems (第十条)."""

    number = models.CharField(_("application number"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ApplicationKind.choices, default=ApplicationKind.NEW)
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT, db_index=True
    )
    department = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="applications", verbose_name=_("department")
    )
    system = models.ForeignKey(
        InformationSystem, on_delete=models.PROTECT, related_name="applications", verbose_name=_("information system")
    )
    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="assigned_applications", null=True, blank=True,
        verbose_name=_("provider"),
    )
    is_offline = models.BooleanField(_("paper application"), default=False)
    target_resource = models.ForeignKey(
        "resources.CloudResource", on_delete=models.PROTECT, related_name="resource_applications", null=True,
        blank=True, verbose_name=_("target resource"),
        help_text=_("The provisioned resource a change or exit application is about."),
    )

    contact_name = models.CharField(_("contact"), max_length=60)
    contact_phone = models.CharField(_("contact phone"), max_length=20)
    contact_email = models.EmailField(_("e-mail for delivery"), blank=True)
    reason = models.TextField(_("reason for the request"))
    funding_basis = models.CharField(_("funding source or project approval"), max_length=200, blank=True)
    network_zone = models.CharField(
        _("network zone"), max_length=20, choices=NetworkZone.choices, default=NetworkZone.EXTRANET
    )
    public_facing = models.BooleanField(_("serves the public"), default=False)
    wanted_on = models.DateField(_("wanted delivery date"), null=True, blank=True)
    period_months = models.PositiveSmallIntegerField(
        _("period of use (months)"), default=12, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["provider", "status"]),
            models.Index(fields=["status", "submitted_at"]),
        ]

    def __str__(self):
        return "%s %s" % (self.number, self.system.name if self.system_id else "")

    def get_absolute_url(self):
        return reverse("applications:detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.status in EDITABLE_STATES


class ApplicationLine(models.Model):
    """One catalog item and quantity asked for, as on the requirements form (附件3)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(CatalogItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("item"))
    quantity = models.PositiveIntegerField(_("quantity"))
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    approved_quantity = models.PositiveIntegerField(_("approved quantity"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("application line")
        verbose_name_plural = _("application lines")
        constraints = [
            models.UniqueConstraint(fields=["application", "item"], name="application_item_once"),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="application_line_quantity_positive"),
        ]

    def __str__(self):
        return "%s × %s" % (self.item.code, self.quantity)


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve as requested")
    APPROVE_ADJUSTED = "approve_adjusted", _("Approve with adjusted quantities")
    RETURN = "return", _("Return for supplement")
    REJECT = "reject", _("Reject")


APPROVING_DECISIONS = (Decision.APPROVE, Decision.APPROVE_ADJUSTED)


class Review(models.Model):
    """The management unit's written opinion on one submission (第十一条). Never edited:
    a resubmission gets a new review, and every review remains."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="reviews")
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    opinion = models.TextField(_("review opinion"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reviewer")
    )
    decided_at = models.DateTimeField(_("decided at"))
    decided_on = models.DateField(_("opinion date"))

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("review opinion")
        verbose_name_plural = _("review opinions")

    def __str__(self):
        return "%s %s" % (self.application.number, self.get_decision_display())


class ReviewLine(models.Model):
    """The quantity approved (核定) for one application line, with the reason for any change."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey(ApplicationLine, on_delete=models.PROTECT, related_name="review_lines")
    approved_quantity = models.PositiveIntegerField(_("approved quantity"))
    reason = models.CharField(_("reason for the adjustment"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]


class FilingQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.role == Role.MANAGER:
            return self
        return self.filter(recipient=user.organisation_id)


class Filing(models.Model):
    """A review result filed (备案) with finance or the authority, who mark it read (第十一条)."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="filings")
    recipient = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="filings", verbose_name=_("recipient")
    )
    filed_at = models.DateTimeField(_("filed at"))
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("read by"),
    )

    objects = FilingQuerySet.as_manager()

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [models.UniqueConstraint(fields=["review", "recipient"], name="filing_once_per_recipient")]

    def __str__(self):
        return "%s → %s" % (self.review, self.recipient)


# The dossier models (materials, versions, expert invitations) live in their own module.
from govcloud.applications.dossier_models import (  # noqa: E402, F401
    ApplicationVersion,
    ExpertConclusion,
    ExpertInvitation,
    FileType,
    InvitationStatus,
    Material,
    MaterialKind,
    VersionEvent,
)
