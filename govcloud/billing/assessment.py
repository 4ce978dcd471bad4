"""The annual usage assessment of a provider's resources (第二十八条): what it holds, drafting and submission.

The management unit or a third-party assessor writes it; on submission its findings
and charges are frozen, because the settlement is computed on its basis.
"""

import datetime
import logging

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Max
from django.utils.translation import gettext as _

from govcloud.accounts.models import Organisation, Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.billing.models import AssessmentStatus, UsageAssessment
from govcloud.billing.proration import fen_to_yuan
from govcloud.billing.settlement import charges_by_department_and_category
from govcloud.resources.models import CloudResource

logger = logging.getLogger(__name__)

AUTHOR_ROLES = (Role.MANAGER, Role.ASSESSOR)


def _resources_section(provider, year):
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    resources = (
        CloudResource.objects.filter(provider=provider, billing_starts_on__lte=last)
        .exclude(billing_ends_on__lte=first)
        .select_related("department", "system")
        .order_by("department__code", "name")
    )
    rows = [
        {"department": resource.department.name, "system": resource.system.name, "name": resource.name,
         "instance_id": resource.instance_id, "billing_starts_on": resource.billing_starts_on.isoformat(),
         "billing_ends_on": resource.billing_ends_on.isoformat() if resource.billing_ends_on else ""}
        for resource in resources
    ]
    return {"count": len(rows), "rows": rows}


def _utilization_section(provider, year):
    """Return the utilization summary and the idle and zombie findings, when the metering app records them."""
    if not apps.is_installed("govcloud.metering"):
        # Limitation: utilization roll-ups come from the metering app, so without it the report states that none are recorded.
        return {"recorded": False, "summary": [], "findings": []}
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    summary = _utilization_summary(provider, first, last)
    findings = _rationality_findings(provider, first, last)
    return {"recorded": bool(summary), "summary": summary, "findings": findings}


def _utilization_summary(provider, first, last):
    rollup = apps.get_model("metering", "DailyRollup")
    metric_labels = dict(rollup._meta.get_field("metric").choices)
    rows = (
        rollup.objects.filter(resource__provider=provider, day__gte=first, day__lte=last)
        .values("metric")
        .annotate(mean=Avg("mean"), peak=Max("maximum"), resources=Count("resource", distinct=True),
                  days=Count("pk"))
        .order_by("metric")
    )
    return [
        {"metric": str(metric_labels.get(row["metric"], row["metric"])), "mean": round(row["mean"], 1),
         "peak": round(row["peak"], 1), "resources": row["resources"], "resource_days": row["days"]}
        for row in rows
    ]


def _rationality_findings(provider, first, last):
    finding = apps.get_model("metering", "RationalityFinding")
    findings = (
        finding.objects.filter(provider=provider, found_on__gte=first, found_on__lte=last)
        .select_related("resource", "department")
        .order_by("found_on", "pk")
    )
    # Limitation: findings are frozen as text in the language active at submission, not re-translated later.
    return [
        _("{found_on} {kind}: {resource} ({department}), {status}").format(
            found_on=entry.found_on.isoformat(), kind=entry.get_kind_display(), resource=entry.resource.name,
            department=entry.department.name, status=entry.get_status_display())
        for entry in findings
    ]


def _charges_section(provider, year):
    totals, total_fen = charges_by_department_and_category(provider, year)
    names = dict(Organisation.objects.filter(pk__in={key[0] for key in totals}).values_list("pk", "name"))
    rows = [
        {"department": names.get(department, ""), "category": category, "amount": str(fen_to_yuan(fen))}
        for (department, category), fen in sorted(totals.items(), key=lambda entry: (names.get(entry[0][0], ""),
                                                                                     entry[0][1]))
    ]
    return {"rows": rows, "total": str(fen_to_yuan(total_fen))}


def assessment_content(provider, year):
    """Return the findings of a provider's year: its resources, utilization, idle and zombie findings and charges."""
    return {
        "resources": _resources_section(provider, year),
        "utilization": _utilization_section(provider, year),
        "charges": _charges_section(provider, year),
    }


def _check_author(actor, assessment):
    require_role(actor, *AUTHOR_ROLES)
    if assessment.is_frozen:
        raise ValidationError(_("A submitted usage assessment is frozen."))
    if assessment.pk and actor.organisation_id != assessment.written_by.organisation_id:
        raise PermissionDenied(_("Another organisation writes this assessment."))


@transaction.atomic
def draft_assessment(*, actor, provider, year, conclusions, now):
    """Write or rewrite the draft usage assessment of a provider's year, refreshing its findings from the records."""
    require_role(actor, *AUTHOR_ROLES)
    assessment = UsageAssessment.objects.select_for_update().filter(provider=provider, year=year).first()
    if assessment is None:
        assessment = UsageAssessment(provider=provider, year=year, written_by=actor)
    _check_author(actor, assessment)

    before = assessment.conclusions
    assessment.conclusions = conclusions
    assessment.content = assessment_content(provider, year)
    assessment.written_at = now
    assessment.save()
    record_event("billing.assessment_drafted", assessment, actor=actor, before=before, after=conclusions[:200],
                 now=now)
    return assessment


@transaction.atomic
def submit_assessment(*, actor, assessment, now):
    """Submit a usage assessment: its findings are refreshed one last time and frozen with its conclusions."""
    assessment = UsageAssessment.objects.select_for_update().get(pk=assessment.pk)
    _check_author(actor, assessment)
    if not assessment.conclusions.strip():
        raise ValidationError(_("Write the conclusions before submitting the assessment."))

    assessment.content = assessment_content(assessment.provider, assessment.year)
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = now
    assessment.save(update_fields=["content", "status", "submitted_at"])
    record_event("billing.assessment_submitted", assessment, actor=actor, before=AssessmentStatus.DRAFT,
                 after=AssessmentStatus.SUBMITTED, details={"charges": assessment.content["charges"]["total"]}, now=now)
    logger.info("usage assessment %s of provider %s for %s submitted", assessment.pk, assessment.provider_id,
                assessment.year)
    return assessment
