"""The periodic assessment of 第二十六条: long-idle resources, zombie systems, resources used other than applied.

Definitions (policy values, read for the assessment date):
- idle: on every day of the idle window with data, the resource's daily CPU p95 is below the idle threshold,
  with at least the policy's minimum of days with data;
- zombie system: every in-service resource of a system is idle AND its daily network p95 stays below the
  zombie threshold (almost no traffic) on every such day; each of its resources gets a zombie finding;
- used other than applied: recorded by the management unit from an inspection, with a note.
The management unit then orders rectification (an obligation of the department) or reclaim (an
obligation of the provider), or dismisses the finding.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_own_department, require_role
from govcloud.audit.services import record_event
from govcloud.deadlines.models import ObligationKind
from govcloud.deadlines.services import meet_obligations, open_obligation
from govcloud.metering.models import (
    CLOSED_FINDING_STATES,
    DailyRollup,
    FindingKind,
    FindingStatus,
    Metric,
    RationalityAssessment,
    RationalityFinding,
)
from govcloud.notifications.services import send_message
from govcloud.policy.models import Parameter
from govcloud.policy.services import int_value_on, value_on
from govcloud.resources.models import CloudResource, ResourceStatus

logger = logging.getLogger(__name__)


def definitions_on(day):
    return {
        "idle_window_days": int_value_on(Parameter.IDLE_WINDOW_DAYS, day),
        "idle_cpu_p95_percent": float(value_on(Parameter.IDLE_CPU_P95_PERCENT, day)),
        "zombie_network_kbps": float(value_on(Parameter.ZOMBIE_NETWORK_KBPS, day)),
        "min_days": int_value_on(Parameter.UTILIZATION_MIN_DAYS, day),
    }


def _daily_series(resources, start, end):
    series = {}
    rollups = DailyRollup.objects.filter(resource__in=resources, metric__in=(Metric.CPU, Metric.NETWORK),
                                         day__gte=start, day__lte=end).order_by("resource_id", "metric", "day")
    for rollup in rollups:
        series.setdefault((rollup.resource_id, rollup.metric), []).append(rollup)
    return series


def classify_resources(resources, start, end, definitions):
    """Return {resource id: (is_idle, is_quiet, evidence)} for resources with enough days of CPU data."""
    series = _daily_series(resources, start, end)
    result = {}
    for resource in resources:
        cpu = series.get((resource.pk, Metric.CPU), [])
        if len(cpu) < definitions["min_days"]:
            continue
        network = series.get((resource.pk, Metric.NETWORK), [])
        is_idle = all(rollup.p95 < definitions["idle_cpu_p95_percent"] for rollup in cpu)
        # Without network data a resource cannot be shown to be silent, so it is at most idle.
        is_quiet = bool(network) and all(rollup.p95 < definitions["zombie_network_kbps"] for rollup in network)
        evidence = {
            "cpu_p95": {rollup.day.isoformat(): round(rollup.p95, 3) for rollup in cpu},
            "network_p95": {rollup.day.isoformat(): round(rollup.p95, 3) for rollup in network},
        }
        result[resource.pk] = (is_idle, is_quiet, evidence)
    return result


def _has_live_finding(resource, kind):
    return RationalityFinding.objects.filter(resource=resource, kind=kind).exclude(
        status__in=CLOSED_FINDING_STATES).exists()


@transaction.atomic
def run_assessment(today, *, actor=None):
    """Assess every in-service resource over the idle window ending yesterday; return the assessment."""
    if actor is not None:
        require_role(actor, Role.MANAGER)
    definitions = definitions_on(today)
    end = today - datetime.timedelta(days=1)
    start = today - datetime.timedelta(days=definitions["idle_window_days"])
    assessment = RationalityAssessment.objects.create(assessed_on=today, window_start=start, window_end=end,
                                                      parameters=definitions, run_by=actor)
    resources = list(CloudResource.objects.filter(status=ResourceStatus.IN_SERVICE).select_related("system"))
    states = classify_resources(resources, start, end, definitions)
    by_system = {}
    for resource in resources:
        by_system.setdefault(resource.system_id, []).append(resource)
    for members in by_system.values():
        zombie_system = all(states.get(member.pk, (False, False))[:2] == (True, True) for member in members)
        for resource in members:
            if resource.pk not in states or not states[resource.pk][0]:
                continue
            kind = FindingKind.ZOMBIE if zombie_system else FindingKind.IDLE
            if _has_live_finding(resource, kind):
                continue
            RationalityFinding.objects.create(
                assessment=assessment, resource=resource, department=resource.department, provider=resource.provider,
                kind=kind, evidence=states[resource.pk][2], found_on=today)
    record_event("metering.rationality_assessed", assessment, actor=actor,
                 details={"findings": assessment.findings.count(), **definitions})
    logger.info("rationality assessment %s on %s: %s finding(s)", assessment.pk, today, assessment.findings.count())
    return assessment


@transaction.atomic
def record_misuse(resource, *, actor, note, today):
    """Record that a resource is used other than as applied (found by an inspection)."""
    require_role(actor, Role.MANAGER)
    if not note.strip():
        raise ValidationError(_("Describe how the resource is used other than as applied."))
    finding = RationalityFinding.objects.create(
        resource=resource, department=resource.department, provider=resource.provider, kind=FindingKind.MISUSE,
        note=note, found_on=today, evidence={"recorded_by": str(actor)})
    record_event("metering.misuse_recorded", finding, actor=actor, after=FindingStatus.OPEN, details={"note": note})
    return finding


def _lock_open(finding):
    finding = RationalityFinding.objects.select_for_update().get(pk=finding.pk)
    if finding.status != FindingStatus.OPEN:
        raise ValidationError(_("This finding has already been decided."))
    return finding


@transaction.atomic
def order_rectification(finding, *, actor, today, note=""):
    """Order the department to rectify; it owes a rectification report within the policy's working days."""
    require_role(actor, Role.MANAGER)
    finding = _lock_open(finding)
    _decide(finding, FindingStatus.RECTIFICATION_ORDERED, actor, today, note)
    obligation = open_obligation(ObligationKind.RECTIFICATION, finding, owed_by=finding.department,
                                 department=finding.department, triggered_on=today)
    send_message(finding.department, _("The management unit orders rectification of {resource} ({kind}) by {due}. "
                                       "{note}").format(resource=finding.resource.name, kind=finding.get_kind_display(),
                                                        due=obligation.due_on, note=note).strip(),
                 link=reverse("metering:findings"))
    return finding


@transaction.atomic
def order_reclaim(finding, *, actor, today, note=""):
    """Order the provider to reclaim the resource (第二十六条); it owes the reclaim within the policy's working days."""
    require_role(actor, Role.MANAGER)
    finding = _lock_open(finding)
    _decide(finding, FindingStatus.RECLAIM_ORDERED, actor, today, note)
    resource = finding.resource
    obligation = open_obligation(ObligationKind.RECLAIM, resource, owed_by=resource.provider,
                                 department=resource.department, triggered_on=today)
    text = _("The management unit orders {resource} reclaimed by {due} ({kind}).").format(
        resource=resource.name, due=obligation.due_on, kind=finding.get_kind_display())
    send_message(resource.department, text, link=reverse("metering:findings"))
    send_message(resource.provider, text, link=reverse("metering:findings"))
    return finding


def _decide(finding, status, actor, today, note):
    before = finding.status
    finding.status, finding.decided_by, finding.decided_on = status, actor, today
    if note:
        finding.note = "\n".join(part for part in (finding.note, note) if part)
    finding.save(update_fields=["status", "decided_by", "decided_on", "note"])
    record_event("metering.finding_decided", finding, actor=actor, before=before, after=status, details={"note": note})
    logger.info("rationality finding %s: %s by %s", finding.pk, status, actor)


@transaction.atomic
def report_rectified(finding, *, actor, today, note):
    """Record the department's report that the rectification is done, which meets its obligation."""
    require_own_department(actor, finding.department)
    finding = RationalityFinding.objects.select_for_update().get(pk=finding.pk)
    if finding.status != FindingStatus.RECTIFICATION_ORDERED:
        raise ValidationError(_("No rectification was ordered for this finding."))
    finding.status, finding.closed_on = FindingStatus.RECTIFIED, today
    finding.note = "\n".join(part for part in (finding.note, note) if part)
    finding.save(update_fields=["status", "closed_on", "note"])
    meet_obligations(ObligationKind.RECTIFICATION, finding, met_on=today)
    record_event("metering.finding_rectified", finding, actor=actor, before=FindingStatus.RECTIFICATION_ORDERED,
                 after=FindingStatus.RECTIFIED, details={"note": note})
    return finding


@transaction.atomic
def dismiss_finding(finding, *, actor, today, note):
    """Dismiss a finding with the management unit's reason (for example a standby host idle on purpose)."""
    require_role(actor, Role.MANAGER)
    if not note.strip():
        raise ValidationError(_("Give the reason for dismissing the finding."))
    finding = _lock_open(finding)
    _decide(finding, FindingStatus.DISMISSED, actor, today, note)
    finding.closed_on = today
    finding.save(update_fields=["closed_on"])
    return finding


def close_reclaimed_findings(resource, today):
    """Close the reclaim-ordered findings of a resource once the provider has reclaimed it."""
    return RationalityFinding.objects.filter(resource=resource, status=FindingStatus.RECLAIM_ORDERED).update(
        status=FindingStatus.RECLAIMED, closed_on=today)
