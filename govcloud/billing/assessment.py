"""The annual usage assessment of a provider's resources (第二十八条): what it holds, drafting and submission.

The management unit or a third-party assessor writes it; on submission its findings
and charges are frozen, because the settlement is computed on its basis.
"""

import datetime
import logging

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
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
        # Limitation: utilization roll-ups come from the metering app, which is not installed here.
        return {"recorded": False, "summary": [], "findings": []}
    from govcloud.metering import assessment_data  # noqa: PLC0415 (only when the app exists)

    return assessment_data.for_provider_year(provider, year)


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
