"""The registry of each department's government information systems (第四条)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, Role


class SystemKind(models.TextChoices):
    BUILT = "built", _("Already built")
    NEW = "new", _("Newly built")
    PROMOTED = "promoted", _("Promoted from a higher authority")


class CloudStatus(models.TextChoices):
    ON_CLOUD = "on_cloud", _("On the cloud")
    TO_MIGRATE = "to_migrate", _("To migrate")
    EXEMPT = "exempt", _("Exempt")


class MlpsLevel(models.IntegerChoices):
    LEVEL_1 = 1, _("Level 1")
    LEVEL_2 = 2, _("Level 2")
    LEVEL_3 = 3, _("Level 3")
    LEVEL_4 = 4, _("Level 4")


class InformationSystemQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.sees_whole_city:
            return self
        if user.organisation and user.organisation.is_user_department:
            return self.filter(department=user.organisation)
        if user.role == Role.PROVIDER:
            return self.filter(applications__provider=user.organisation).distinct()
        return self.none()


class InformationSystem(models.Model):
    """A non-classified government information system that runs on, or is due to move to, the cloud."""

    department = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="systems", verbose_name=_("owner department")
    )
    name = models.CharField(_("system name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    contact_name = models.CharField(_("contact"), max_length=60)
    contact_phone = models.CharField(_("contact phone"), max_length=20)
    kind = models.CharField(_("kind"), max_length=20, choices=SystemKind.choices)
    mlps_level = models.PositiveSmallIntegerField(_("MLPS level"), choices=MlpsLevel.choices)
    mlps_filing_number = models.CharField(_("MLPS filing certificate number"), max_length=60, blank=True)
    cloud_status = models.CharField(
        _("cloud status"), max_length=20, choices=CloudStatus.choices, default=CloudStatus.TO_MIGRATE, db_index=True
    )
    exemption_basis = models.CharField(
        _("legal or policy basis for exemption"), max_length=300, blank=True,
        help_text=_("Required when the system is exempt from moving to the cloud (第四条)."),
    )
    shares_data_exchange = models.BooleanField(
        _("connected to the data sharing and exchange platform"), default=False
    )
    builder = models.CharField(_("builder or O&M company"), max_length=120, blank=True)
    construction_period_end = models.DateField(_("end of approved construction period"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = InformationSystemQuerySet.as_manager()

    class Meta:
        ordering = ["department", "name"]
        verbose_name = _("information system")
        verbose_name_plural = _("information systems")
        constraints = [
            models.UniqueConstraint(fields=["department", "name"], name="system_name_unique_per_department"),
        ]
        indexes = [
            models.Index(fields=["department", "cloud_status"]),
            # The list page filters by kind and MLPS level.
            models.Index(fields=["kind"], name="system_kind_idx"),
            models.Index(fields=["mlps_level"], name="system_mlps_level_idx"),
        ]

    def __str__(self):
        return self.name
