"""Flagging resources whose utilization stays outside the thresholds of 第十四条, and drafting the change.

A percent metric of a resource is low when every day with data in the policy window has a daily p95
below the low threshold (even its busy moments stay under 50 %), and high when every such day has a
daily p95 above the high threshold (it runs above 85 % at peak every day). The window needs at least
the policy's minimum of days with data, so a resource that was off is not flagged on one day.
"""

import dataclasses
import datetime
import logging
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from govcloud.applications.models import APPROVED_STATES, REVIEW_STATES, ApplicationStatus
from govcloud.audit.services import record_event
from govcloud.metering.models import (
    ACTIVE_FLAG_STATES,
    DailyRollup,
    FlagDirection,
    FlagStatus,
    Metric,
    UtilizationFlag,
)
from govcloud.metering.sizing import component_for, recommended_quantity
from govcloud.notifications.services import send_message
from govcloud.policy.models import Parameter
from govcloud.policy.services import int_value_on, value_on
from govcloud.resources.models import CloudResource, ResourceStatus

logger = logging.getLogger(__name__)

FLAGGED_METRICS = (Metric.CPU, Metric.MEMORY, Metric.DISK)


@dataclasses.dataclass(frozen=True)
class Thresholds:
    low: Decimal
    high: Decimal
    window_days: int
    min_days: int

    @classmethod
    def on(cls, day):
        return cls(
            low=value_on(Parameter.UTILIZATION_LOW_PERCENT, day),
            high=value_on(Parameter.UTILIZATION_HIGH_PERCENT, day),
            window_days=int_value_on(Parameter.UTILIZATION_WINDOW_DAYS, day),
            min_days=int_value_on(Parameter.UTILIZATION_MIN_DAYS, day),
        )


@dataclasses.dataclass(frozen=True)
class Finding:
    resource: CloudResource
    metric: str
    direction: str
    threshold: Decimal
    window_start: datetime.date
    window_end: datetime.date
    evidence: list

    @property
    def peak_p95(self):
        return max(day["p95"] for day in self.evidence)


def classify(rollups, thresholds):
    """Return FlagDirection.LOW, FlagDirection.HIGH or None for one metric's daily roll-ups in the window."""
    if len(rollups) < thresholds.min_days:
        return None
    if all(rollup.p95 < float(thresholds.low) for rollup in rollups):
        return FlagDirection.LOW
    if all(rollup.p95 > float(thresholds.high) for rollup in rollups):
        return FlagDirection.HIGH
    return None


def find_outside_thresholds(today, resources=None):
    """Return the findings of the window that ends yesterday, for in-service resources."""
    thresholds = Thresholds.on(today)
    window_end = today - datetime.timedelta(days=1)
    window_start = today - datetime.timedelta(days=thresholds.window_days)
    resources = resources if resources is not None else CloudResource.objects.filter(status=ResourceStatus.IN_SERVICE)
    rollups = (DailyRollup.objects.filter(resource__in=resources, metric__in=FLAGGED_METRICS,
                                          day__gte=window_start, day__lte=window_end)
               .select_related("resource").order_by("resource_id", "metric", "day"))
    grouped = {}
    for rollup in rollups:
        grouped.setdefault((rollup.resource, rollup.metric), []).append(rollup)
    findings = []
    for (resource, metric), series in grouped.items():
        direction = classify(series, thresholds)
        if direction is None:
            continue
        threshold = thresholds.low if direction == FlagDirection.LOW else thresholds.high
        evidence = [{"day": rollup.day.isoformat(), "mean": round(rollup.mean, 2), "p95": round(rollup.p95, 2),
                     "max": round(rollup.maximum, 2)} for rollup in series]
        findings.append(Finding(resource, metric, direction, threshold, window_start, window_end, evidence))
    return findings


def flag_message(flag):
    return _("{resource} ({system}): {metric} stayed {direction} from {start} to {end}. Under Article 14 of the rules "
             "the department must file a change application; a draft recommending {recommended} is ready to edit "
             "and submit.").format(
        resource=flag.resource.name, system=flag.resource.system.name, metric=flag.get_metric_display(),
        direction=flag.get_direction_display(), start=flag.window_start, end=flag.window_end,
        recommended=flag.recommended_quantity or _("a new size"))


@transaction.atomic
def raise_flag(finding, *, today, draft_change=None):
    """Record a flag with its evidence, draft the change application and notify the department.

    draft_change(resource, flags) returns the draft change application; a resource that already has an
    active flag for the metric and direction is left alone, so a daily run raises each flag once.
    """
    resource = finding.resource
    exists = UtilizationFlag.objects.select_for_update().filter(
        resource=resource, metric=finding.metric, direction=finding.direction, status__in=ACTIVE_FLAG_STATES)
    if exists.exists():
        return None
    component = component_for(resource, finding.metric, today)
    current = component.quantity if component else None
    flag = UtilizationFlag.objects.create(
        resource=resource, department=resource.department, provider=resource.provider, metric=finding.metric,
        direction=finding.direction, window_start=finding.window_start, window_end=finding.window_end,
        threshold=finding.threshold, evidence=finding.evidence, current_quantity=current,
        recommended_quantity=recommended_quantity(finding.metric, current, finding.peak_p95,
                                                  Thresholds.on(today).high) if current else None,
        raised_on=today,
    )
    if draft_change is not None:
        flag.change_application = draft_change(resource, [flag])
        flag.save(update_fields=["change_application"])
    record_event("metering.flag_raised", flag, after=FlagStatus.OPEN,
                 details={"metric": finding.metric, "direction": finding.direction, "evidence": finding.evidence})
    send_message(resource.department, flag_message(flag), link=reverse("metering:resource", args=[resource.pk]))
    logger.info("utilization flag %s raised on resource %s (%s %s)", flag.pk, resource.pk, finding.metric,
                finding.direction)
    return flag


@transaction.atomic
def clear_recovered_flags(today, findings):
    """Close open flags whose resource is back within the thresholds; return how many were cleared."""
    still = {(finding.resource.pk, str(finding.metric), str(finding.direction)) for finding in findings}
    cleared = 0
    for flag in UtilizationFlag.objects.select_for_update().filter(status=FlagStatus.OPEN).order_by("pk"):
        if (flag.resource_id, flag.metric, flag.direction) in still:
            continue
        flag.status, flag.closed_on = FlagStatus.CLEARED, today
        flag.save(update_fields=["status", "closed_on"])
        record_event("metering.flag_cleared", flag, before=FlagStatus.OPEN, after=FlagStatus.CLEARED)
        cleared += 1
    return cleared


def mark_changes_filed():
    """Follow each flag's change application: submitted or approved means filed; withdrawn or rejected reopens."""
    UtilizationFlag.objects.filter(
        status=FlagStatus.CHANGE_FILED,
        change_application__status__in=(ApplicationStatus.WITHDRAWN, ApplicationStatus.REJECTED),
    ).update(status=FlagStatus.OPEN)
    return UtilizationFlag.objects.filter(
        status=FlagStatus.OPEN, change_application__status__in=(*REVIEW_STATES, *APPROVED_STATES),
    ).update(status=FlagStatus.CHANGE_FILED)


def evaluate_utilization(today, *, draft_change=None):
    """Raise the flags of the window ending yesterday and clear those that recovered; return (raised, cleared)."""
    mark_changes_filed()
    findings = find_outside_thresholds(today)
    raised = [flag for flag in (raise_flag(finding, today=today, draft_change=draft_change) for finding in findings)
              if flag is not None]
    return raised, clear_recovered_flags(today, findings)
