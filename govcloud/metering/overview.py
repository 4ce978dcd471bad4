"""How each resource stands today: low, normal, high, idle or without data, counted per department (第十四条, 第二十六条)."""

import datetime

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from govcloud.metering.flags import Thresholds, classify
from govcloud.metering.models import DailyRollup, FlagDirection, Metric
from govcloud.policy.models import Parameter
from govcloud.policy.services import int_value_on, value_on
from govcloud.resources.models import CloudResource, ResourceStatus


class UtilizationState(TextChoices):
    IDLE = "idle", _("Idle")
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    NO_DATA = "no_data", _("No data")


def state_of(cpu_rollups, thresholds, idle_cpu_percent, idle_start, flag_start):
    """Return the state of one resource from its daily CPU roll-ups (ascending) since the earlier window start.

    Idle wins over low: every day of the idle window has a CPU p95 under the idle threshold.
    """
    idle_days = [rollup for rollup in cpu_rollups if rollup.day >= idle_start]
    flag_days = [rollup for rollup in cpu_rollups if rollup.day >= flag_start]
    if len(flag_days) < thresholds.min_days:
        return UtilizationState.NO_DATA
    if len(idle_days) >= thresholds.min_days and all(rollup.p95 < idle_cpu_percent for rollup in idle_days):
        return UtilizationState.IDLE
    direction = classify(flag_days, thresholds)
    if direction == FlagDirection.LOW:
        return UtilizationState.LOW
    if direction == FlagDirection.HIGH:
        return UtilizationState.HIGH
    return UtilizationState.NORMAL


def city_overview(user, today):
    """Return rows {department, counts by state, total} for the departments the user may see, and the totals."""
    thresholds = Thresholds.on(today)
    idle_cpu = float(value_on(Parameter.IDLE_CPU_P95_PERCENT, today))
    idle_start = today - datetime.timedelta(days=int_value_on(Parameter.IDLE_WINDOW_DAYS, today))
    flag_start = today - datetime.timedelta(days=thresholds.window_days)
    resources = (CloudResource.objects.visible_to(user).filter(status=ResourceStatus.IN_SERVICE)
                 .select_related("department"))
    series = {}
    rollups = (DailyRollup.objects.filter(resource__in=resources, metric=Metric.CPU,
                                          day__gte=min(idle_start, flag_start), day__lt=today)
               .only("resource_id", "day", "p95").order_by("resource_id", "day"))
    for rollup in rollups:
        series.setdefault(rollup.resource_id, []).append(rollup)
    rows, totals = {}, {state: 0 for state in UtilizationState}
    for resource in resources:
        state = state_of(series.get(resource.pk, []), thresholds, idle_cpu, idle_start, flag_start)
        row = rows.setdefault(resource.department_id, {"department": resource.department,
                                                       "counts": {s: 0 for s in UtilizationState}, "total": 0})
        row["counts"][state] += 1
        row["total"] += 1
        totals[state] += 1
    return sorted(rows.values(), key=lambda row: row["department"].name), totals
