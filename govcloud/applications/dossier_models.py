"""The dossier of an application: uploaded materials, frozen versions and expert opinions.

Imported at the end of applications/models.py so Django registers these models in the
applications app; they live in their own module to keep the core models readable.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from govcloud.applications.models import Application


class MaterialKind(models.TextChoices):
    """The materials 第十条 names, grouped by the article's three paragraphs."""

    # 第十条 (一): for every application.
    APPLICATION_LETTER = "application_letter", _("Application letter")
    APPLICATION_FORM = "application_form", _("Application form (Annex 2)")
    REQUIREMENTS_FORM = "requirements_form", _("Requirements form (Annex 3)")
    # 第十条 (二): the system's own papers, by the system's kind.
    PROJECT_APPROVAL = "project_approval", _("Project approval document")
    CONSTRUCTION_PLAN = "construction_plan", _("Construction plan")
    CONSTRUCTION_CONTRACT = "construction_contract", _("Construction contract")
    COMPLETION_ACCEPTANCE = "completion_acceptance", _("Completion acceptance opinion")
    MLPS_FILING = "mlps_filing", _("MLPS filing certificate")
    MLPS_ASSESSMENT = "mlps_assessment", _("MLPS assessment report")
    PROMOTION_DOCUMENT = "promotion_document", _("Promotion document or policy basis")
    # 第十条 (三): for every application that moves or deploys a system.
    MIGRATION_PLAN = "migration_plan", _("Migration (deployment) technical plan")
    OTHER = "other", _("Other material")


class FileType(models.TextChoices):
    """A file type the platform accepts, as identified from the file's content."""

    PDF = "pdf", _("PDF document")
    DOCX = "docx", _("Word document")
    XLSX = "xlsx", _("Excel workbook")
    DOC = "doc", _("Word 97-2003 document")
    XLS = "xls", _("Excel 97-2003 workbook")
    OFD = "ofd", _("OFD document")
    PNG = "png", _("PNG image")
    JPEG = "jpg", _("JPEG image")
    TIFF = "tif", _("TIFF image")


class MaterialQuerySet(models.QuerySet):
    def current(self):
        return self.filter(withdrawn_at__isnull=True)

    def visible_to(self, user):
        return self.filter(application__in=Application.objects.visible_to(user))


def material_path(instance, filename):
    # The stored name is the content hash, never the uploader's name, so no path trick reaches the disk.
    return "materials/%s/%s.%s" % (instance.application_id, instance.sha256, instance.file_type)


class Material(models.Model):
    """One uploaded file of an application's dossier (第十条).

    A material is never deleted: withdrawing it keeps the file, because earlier
    versions of the application still list it.
    """

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="materials", verbose_name=_("application")
    )
    kind = models.CharField(_("material"), max_length=30, choices=MaterialKind.choices)
    file = models.FileField(_("file"), upload_to=material_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=150)
    file_type = models.CharField(_("file type"), max_length=10, choices=FileType.choices)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = MaterialQuerySet.as_manager()

    class Meta:
        ordering = ["application", "kind", "uploaded_at", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        indexes = [models.Index(fields=["application", "withdrawn_at"])]

    def __str__(self):
        return "%s %s" % (self.get_kind_display(), self.original_name)


class VersionEvent(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RESUBMITTED = "resubmitted", _("Resubmitted after supplement")
    RECORDED_OFFLINE = "recorded_offline", _("Paper application recorded")


class ApplicationVersion(models.Model):
    """A frozen copy of the form, its lines and its materials at each submission.

    The snapshot is JSON so a later edit of the application or of the catalog
    never changes what was submitted.
    """

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="versions", verbose_name=_("application")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    event = models.CharField(_("event"), max_length=20, choices=VersionEvent.choices)
    snapshot = models.JSONField(_("snapshot"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        ordering = ["application", "number"]
        verbose_name = _("application version")
        verbose_name_plural = _("application versions")
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="application_version_number_once"),
        ]

    def __str__(self):
        return "%s v%s" % (self.application.number, self.number)


class ExpertConclusion(models.TextChoices):
    AGREE = "agree", _("Agree")
    AGREE_WITH_CHANGES = "agree_with_changes", _("Agree with changes")
    DISAGREE = "disagree", _("Disagree")


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("Awaiting opinion")
    ANSWERED = "answered", _("Opinion given")


class ExpertInvitationQuerySet(models.QuerySet):
    def visible_to(self, user):
        from govcloud.accounts.models import Role

        if user.role == Role.EXPERT:
            return self.filter(expert=user)
        return self.filter(application__in=Application.objects.visible_to(user))


class ExpertInvitation(models.Model):
    """An expert invited by the management unit to judge one application's resource needs (第十一条)."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="expert_invitations", verbose_name=_("application")
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="expert_invitations",
        verbose_name=_("expert"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("invited by")
    )
    invited_at = models.DateTimeField(_("invited at"))
    status = models.CharField(
        _("status"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.INVITED
    )
    conclusion = models.CharField(_("conclusion"), max_length=20, choices=ExpertConclusion.choices, blank=True)
    opinion = models.TextField(_("opinion"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = ExpertInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["application", "invited_at", "pk"]
        verbose_name = _("expert invitation")
        verbose_name_plural = _("expert invitations")
        constraints = [
            models.UniqueConstraint(fields=["application", "expert"], name="expert_invited_once_per_application"),
        ]
        indexes = [models.Index(fields=["expert", "status"])]

    def __str__(self):
        return "%s ← %s" % (self.application.number, self.expert)
