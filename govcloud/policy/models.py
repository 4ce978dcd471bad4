"""The limits and thresholds of the rules, kept as data with effective dates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Parameter(models.TextChoices):
    PROVISION_WORKDAYS = "provision_workdays", _("Provisioning limit (working days after the review opinion)")
    AGREEMENT_FILING_DAYS = "agreement_filing_days", _("Agreement filing limit (days after signing)")
    MIGRATION_WORKDAYS = "migration_workdays", _("Migration and testing limit (working days after confirmation)")
    TEST_REPORT_WORKDAYS = "test_report_workdays", _("Test report limit (working days after normal operation)")
    CHANGE_WORKDAYS = "change_workdays", _("Change completion limit (working days after approval)")
    RECLAIM_WORKDAYS = "reclaim_workdays", _("Reclaim limit (working days after approval)")
    ADJUSTMENT_NOTICE_WORKDAYS = "adjustment_notice_workdays", _("Notice before an adjustment (working days)")
    UTILIZATION_LOW_PERCENT = "utilization_low_percent", _("Low utilization threshold (%)")
    UTILIZATION_HIGH_PERCENT = "utilization_high_percent", _("High utilization threshold (%)")
    WEIGHT_RESPONSE = "weight_response", _("Evaluation weight: service response")
    WEIGHT_QUALITY = "weight_quality", _("Evaluation weight: service quality")
    WEIGHT_SATISFACTION = "weight_satisfaction", _("Evaluation weight: satisfaction")
    WEIGHT_SECURITY = "weight_security", _("Evaluation weight: security management")
    DUE_SOON_WORKDAYS = "due_soon_workdays", _("Warn this many working days before a due date")
    UTILIZATION_WINDOW_DAYS = "utilization_window_days", _("Utilization window (days) for low and high flags")
    UTILIZATION_MIN_DAYS = "utilization_min_days", _("Days with data needed in the window before a flag is raised")
    IDLE_WINDOW_DAYS = "idle_window_days", _("Idle and zombie window (days)")
    IDLE_CPU_P95_PERCENT = "idle_cpu_p95_percent", _("Idle: daily CPU p95 below (%)")
    ZOMBIE_NETWORK_KBPS = "zombie_network_kbps", _("Zombie: daily network p95 below (KB/s)")
    RECTIFICATION_WORKDAYS = "rectification_workdays", _("Rectification limit (working days after the order)")


class PolicyValue(models.Model):
    """One value of a rule parameter, in force from a date until the next value of the same parameter."""

    parameter = models.CharField(_("parameter"), max_length=40, choices=Parameter.choices)
    value = models.DecimalField(_("value"), max_digits=10, decimal_places=2)
    effective_from = models.DateField(_("effective from"))
    source = models.CharField(_("source"), max_length=200, help_text=_("The article or decision the value comes from."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["parameter", "-effective_from"]
        verbose_name = _("policy value")
        verbose_name_plural = _("policy values")
        constraints = [
            models.UniqueConstraint(fields=["parameter", "effective_from"], name="policy_one_value_per_date"),
        ]

    def __str__(self):
        return "%s = %s (%s)" % (self.get_parameter_display(), self.value, self.effective_from)
