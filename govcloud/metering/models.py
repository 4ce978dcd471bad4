"""Utilization of provisioned resources: monitoring sources, import runs, daily roll-ups and flags (第十四条)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from govcloud.resources.models import CloudResource, DepartmentScopedQuerySet


class Metric(models.TextChoices):
    CPU = "cpu", _("CPU utilization (%)")
    MEMORY = "memory", _("Memory utilization (%)")
    DISK = "disk", _("Storage utilization (%)")
    DISK_IO = "disk_io", _("Disk throughput (KB/s)")
    NETWORK = "network", _("Network throughput (KB/s)")


# Metrics measured in percent of the provisioned size: clamped to [0, 100] and compared with the
# 50 % and 85 % thresholds of 第十四条. The others are throughputs used to tell idle from zombie.
PERCENT_METRICS = (Metric.CPU, Metric.MEMORY, Metric.DISK)
THROUGHPUT_METRICS = (Metric.DISK_IO, Metric.NETWORK)


class SourceKind(models.TextChoices):
    PROMETHEUS = "prometheus", _("Prometheus server")
    FILE = "file", _("Monitoring export file")


class ResourceScopedQuerySet(models.QuerySet):
    """Records about one resource, visible to the users who may read that resource."""

    def visible_to(self, user):
        return self.filter(resource__in=CloudResource.objects.visible_to(user))


class PrometheusSource(models.Model):
    """A provider's Prometheus server and the PromQL that yields each metric per instance.

    Every series must carry the label named by instance_label whose value is the
    resource's instance id at that provider.
    """

    provider = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="prometheus_sources",
        verbose_name=_("provider"),
    )
    name = models.CharField(_("name"), max_length=80)
    base_url = models.URLField(_("base URL"), help_text=_("For example http://prometheus.example:9090"))
    instance_label = models.CharField(_("instance label"), max_length=60, default="instance")
    cpu_query = models.CharField(_("PromQL for CPU (%)"), max_length=500, blank=True)
    memory_query = models.CharField(_("PromQL for memory (%)"), max_length=500, blank=True)
    disk_query = models.CharField(_("PromQL for storage (%)"), max_length=500, blank=True)
    disk_io_query = models.CharField(_("PromQL for disk throughput (KB/s)"), max_length=500, blank=True)
    network_query = models.CharField(_("PromQL for network throughput (KB/s)"), max_length=500, blank=True)
    timeout_seconds = models.PositiveSmallIntegerField(_("timeout (seconds)"), default=30)
    is_enabled = models.BooleanField(_("enabled"), default=True)
    last_pulled_through = models.DateField(_("pulled through"), null=True, blank=True)

    class Meta:
        ordering = ["provider", "name"]
        verbose_name = _("Prometheus source")
        verbose_name_plural = _("Prometheus sources")

    def __str__(self):
        return self.name

    def queries(self):
        """Return {metric: PromQL} for the metrics this source is configured for."""
        configured = {
            Metric.CPU: self.cpu_query,
            Metric.MEMORY: self.memory_query,
            Metric.DISK: self.disk_query,
            Metric.DISK_IO: self.disk_io_query,
            Metric.NETWORK: self.network_query,
        }
        return {metric: query for metric, query in configured.items() if query.strip()}


class ImportStatus(models.TextChoices):
    IMPORTED = "imported", _("Imported")
    REJECTED = "rejected", _("Rejected, nothing stored")


class ImportRun(models.Model):
    """One import of utilization data, kept with what it stored or why it was rejected."""

    source_kind = models.CharField(_("source"), max_length=20, choices=SourceKind.choices)
    source_name = models.CharField(_("source name"), max_length=200)
    preset = models.CharField(_("preset"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices, db_index=True)
    samples = models.PositiveIntegerField(_("samples read"), default=0)
    rollups_created = models.PositiveIntegerField(_("roll-ups added"), default=0)
    rollups_updated = models.PositiveIntegerField(_("roll-ups changed"), default=0)
    rollups_unchanged = models.PositiveIntegerField(_("roll-ups unchanged"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    started_at = models.DateTimeField(_("started at"))

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("utilization import")
        verbose_name_plural = _("utilization imports")

    def __str__(self):
        return "%s %s" % (self.source_name, self.started_at)


class DailyRollup(models.Model):
    """One metric of one resource on one local day (Asia/Shanghai): mean, nearest-rank p95, max, sample count.

    The definitions live in govcloud.metering.rollups and are the same for every source.
    """

    resource = models.ForeignKey(CloudResource, on_delete=models.CASCADE, related_name="rollups")
    day = models.DateField(_("day"))
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    mean = models.FloatField(_("mean"))
    p95 = models.FloatField(_("95th percentile"))
    maximum = models.FloatField(_("maximum"))
    samples = models.PositiveIntegerField(_("samples"))
    source_kind = models.CharField(_("source"), max_length=20, choices=SourceKind.choices)
    import_run = models.ForeignKey(ImportRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = ResourceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["resource", "metric", "day"]
        verbose_name = _("daily roll-up")
        verbose_name_plural = _("daily roll-ups")
        constraints = [
            models.UniqueConstraint(fields=["resource", "metric", "day"], name="rollup_once_per_resource_metric_day"),
        ]
        indexes = [models.Index(fields=["day", "metric"])]

    def __str__(self):
        return "%s %s %s" % (self.resource_id, self.metric, self.day)


class FlagDirection(models.TextChoices):
    LOW = "low", _("Below the low threshold")
    HIGH = "high", _("Above the high threshold")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open: a change application is due")
    CHANGE_FILED = "change_filed", _("Change application submitted")
    RESOLVED = "resolved", _("Resolved by a completed change")
    CLEARED = "cleared", _("Cleared: utilization back within the thresholds")


# A flag in these states still asks the department to act; a resource has at most one per metric and direction.
ACTIVE_FLAG_STATES = (FlagStatus.OPEN, FlagStatus.CHANGE_FILED)
CLOSED_FLAG_STATES = (FlagStatus.RESOLVED, FlagStatus.CLEARED)


class UtilizationFlag(models.Model):
    """A resource whose utilization stayed outside the thresholds over the policy window (第十四条).

    The evidence lists the days and daily values that triggered it; the draft change
    application carries the recommended size.
    """

    resource = models.ForeignKey(CloudResource, on_delete=models.CASCADE, related_name="utilization_flags")
    department = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    provider = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("provider")
    )
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    direction = models.CharField(_("direction"), max_length=10, choices=FlagDirection.choices)
    status = models.CharField(_("status"), max_length=20, choices=FlagStatus.choices, default=FlagStatus.OPEN,
                              db_index=True)
    window_start = models.DateField(_("window start"))
    window_end = models.DateField(_("window end"))
    threshold = models.DecimalField(_("threshold (%)"), max_digits=6, decimal_places=2)
    evidence = models.JSONField(_("evidence"), default=list)
    current_quantity = models.PositiveIntegerField(_("current quantity"), null=True, blank=True)
    recommended_quantity = models.PositiveIntegerField(_("recommended quantity"), null=True, blank=True)
    change_application = models.ForeignKey(
        "applications.Application", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("change application"),
    )
    raised_on = models.DateField(_("raised on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = DepartmentScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_on", "-pk"]
        verbose_name = _("utilization flag")
        verbose_name_plural = _("utilization flags")
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["resource", "metric", "direction", "status"]),
        ]

    def __str__(self):
        return "%s %s %s" % (self.resource, self.get_metric_display(), self.get_direction_display())


class FindingKind(models.TextChoices):
    IDLE = "idle", _("Long-idle resource")
    ZOMBIE = "zombie", _("Zombie system")
    MISUSE = "misuse", _("Used other than as applied")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RECTIFICATION_ORDERED = "rectification_ordered", _("Rectification ordered")
    RECLAIM_ORDERED = "reclaim_ordered", _("Reclaim ordered")
    RECTIFIED = "rectified", _("Rectified")
    RECLAIMED = "reclaimed", _("Reclaimed")
    DISMISSED = "dismissed", _("Dismissed")


# Findings the management unit has not yet decided on, and those waiting for the department or provider.
UNDECIDED_FINDING_STATES = (FindingStatus.OPEN,)
ORDERED_FINDING_STATES = (FindingStatus.RECTIFICATION_ORDERED, FindingStatus.RECLAIM_ORDERED)
CLOSED_FINDING_STATES = (FindingStatus.RECTIFIED, FindingStatus.RECLAIMED, FindingStatus.DISMISSED)


class RationalityAssessment(models.Model):
    """One periodic assessment of whether resources are needed and used as applied (第二十六条)."""

    assessed_on = models.DateField(_("assessed on"), db_index=True)
    window_start = models.DateField(_("window start"))
    window_end = models.DateField(_("window end"))
    parameters = models.JSONField(_("definitions used"), default=dict)
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("run by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("rationality assessment")
        verbose_name_plural = _("rationality assessments")

    def __str__(self):
        return "%s %s" % (self._meta.verbose_name, self.assessed_on)


class RationalityFinding(models.Model):
    """A resource found idle, part of a zombie system, or used other than applied, and what was ordered."""

    assessment = models.ForeignKey(RationalityAssessment, on_delete=models.CASCADE, related_name="findings",
                                   null=True, blank=True)
    resource = models.ForeignKey(CloudResource, on_delete=models.CASCADE, related_name="rationality_findings",
                                 verbose_name=_("resource"))
    department = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("department"))
    provider = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provider"))
    kind = models.CharField(_("kind"), max_length=20, choices=FindingKind.choices)
    status = models.CharField(_("status"), max_length=30, choices=FindingStatus.choices, default=FindingStatus.OPEN,
                              db_index=True)
    evidence = models.JSONField(_("evidence"), default=dict)
    note = models.TextField(_("note"), blank=True)
    found_on = models.DateField(_("found on"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("decided by"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = DepartmentScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-found_on", "-pk"]
        verbose_name = _("rationality finding")
        verbose_name_plural = _("rationality findings")
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["kind", "status"]),
            models.Index(fields=["resource", "kind", "status"]),
        ]

    def __str__(self):
        return "%s: %s" % (self.get_kind_display(), self.resource)

    @property
    def is_undecided(self):
        return self.status in UNDECIDED_FINDING_STATES

    @property
    def awaits_rectification(self):
        return self.status == FindingStatus.RECTIFICATION_ORDERED


class HandoverStatus(models.TextChoices):
    RECORDED = "recorded", _("Recorded by the provider")
    CONFIRMED = "confirmed", _("Confirmed by the department")


class HandoverRecord(models.Model):
    """The handover of data and documents and the clearing of the reclaimed resource, with the
    department's receipt (第十五条)."""

    application = models.OneToOneField("applications.Application", on_delete=models.PROTECT,
                                       related_name="handover", verbose_name=_("exit application"))
    resource = models.ForeignKey(CloudResource, on_delete=models.PROTECT, related_name="handovers",
                                 verbose_name=_("resource"))
    department = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("department"))
    provider = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provider"))
    status = models.CharField(_("status"), max_length=20, choices=HandoverStatus.choices,
                              default=HandoverStatus.RECORDED, db_index=True)
    data_handover = models.TextField(_("data handed over"), help_text=_("What data was handed over, how and to whom."))
    documents_handover = models.TextField(_("documents handed over"), blank=True)
    clearing = models.TextField(_("clearing"), help_text=_("How the data and disks were cleared after the handover."))
    cleared_on = models.DateField(_("cleared on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"))
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("confirmed by"))
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)

    objects = DepartmentScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("handover and clearing record")
        verbose_name_plural = _("handover and clearing records")
        indexes = [models.Index(fields=["department", "status"])]

    def __str__(self):
        return "%s %s" % (self._meta.verbose_name, self.resource)
