"""Registering and updating information systems (第四条) and summarising migration progress (第五条)."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from govcloud.accounts.models import USER_DEPARTMENT_KINDS, Organisation
from govcloud.accounts.permissions import require_own_department
from govcloud.audit.services import record_event
from govcloud.systems.models import CloudStatus, InformationSystem, MlpsLevel

logger = logging.getLogger(__name__)

SYSTEM_FIELDS = (
    "name", "description", "contact_name", "contact_phone", "kind", "mlps_level", "mlps_filing_number",
    "cloud_status", "exemption_basis", "shares_data_exchange", "builder", "construction_period_end",
)


def _check(department, values, *, exclude_pk=None):
    errors = {}
    if values.get("mlps_level") not in MlpsLevel.values:
        errors["mlps_level"] = _("The MLPS level must be 1, 2, 3 or 4.")
    # 第四条: only a system that a law, regulation or policy keeps off the cloud is exempt, so the basis is required.
    if values.get("cloud_status") == CloudStatus.EXEMPT and not (values.get("exemption_basis") or "").strip():
        errors["exemption_basis"] = _("An exempt system needs the law, regulation or policy that keeps it off the cloud.")
    duplicates = InformationSystem.objects.filter(department=department, name=values.get("name"))
    if exclude_pk is not None:
        duplicates = duplicates.exclude(pk=exclude_pk)
    if duplicates.exists():
        errors["name"] = _("Your department already has a system with this name.")
    if errors:
        raise ValidationError(errors)


def _snapshot(system):
    return {field: str(getattr(system, field)) for field in SYSTEM_FIELDS}


@transaction.atomic
def register_system(*, actor, department, **values):
    """Register a system of the actor's own department (第七条: each department is responsible for its own systems)."""
    require_own_department(actor, department)
    values = {field: values[field] for field in SYSTEM_FIELDS if field in values}
    if values.get("cloud_status") != CloudStatus.EXEMPT:
        values["exemption_basis"] = ""
    _check(department, values)

    system = InformationSystem.objects.create(department=department, **values)
    record_event("systems.registered", system, actor=actor, after=system.cloud_status, details=_snapshot(system))
    logger.info("system %s registered for %s by %s", system.pk, department.code, actor.username)
    return system


@transaction.atomic
def update_system(system, *, actor, **changes):
    """Change a system's registration; only its own department may, and the exemption rule still holds."""
    system = InformationSystem.objects.select_for_update().get(pk=system.pk)
    require_own_department(actor, system.department)
    unknown = set(changes) - set(SYSTEM_FIELDS)
    if unknown:
        raise ValueError("not editable system fields: %s" % ", ".join(sorted(unknown)))

    before = _snapshot(system)
    values = {**{field: getattr(system, field) for field in SYSTEM_FIELDS}, **changes}
    if values["cloud_status"] != CloudStatus.EXEMPT:
        values["exemption_basis"] = ""
    _check(system.department, values, exclude_pk=system.pk)
    changed = [field for field in SYSTEM_FIELDS if getattr(system, field) != values[field]]
    if not changed:
        return system

    for field in changed:
        setattr(system, field, values[field])
    system.save(update_fields=changed)
    record_event("systems.updated", system, actor=actor, before=before["cloud_status"], after=system.cloud_status,
                 details={"before": before, "after": _snapshot(system)})
    logger.info("system %s updated by %s: %s", system.pk, actor.username, ", ".join(changed))
    return system


def _status_counts(prefix=""):
    return {
        "total": Count(prefix + "pk"),
        "on_cloud": Count(prefix + "pk", filter=Q(**{prefix + "cloud_status": CloudStatus.ON_CLOUD})),
        "to_migrate": Count(prefix + "pk", filter=Q(**{prefix + "cloud_status": CloudStatus.TO_MIGRATE})),
        "exempt": Count(prefix + "pk", filter=Q(**{prefix + "cloud_status": CloudStatus.EXEMPT})),
    }


def migration_progress(today):
    """Return the city-wide counts and one row per user department with systems (第五条: migration to the cloud).

    Each row carries total, on_cloud, to_migrate, exempt, the share on the cloud among the systems
    that must move (exempt ones excluded) and overdue: the open migration deadlines (30 working days
    after delivery confirmation, 第十三条) already past on today. Three queries, whatever the number
    of departments.
    """
    departments = (
        Organisation.objects.filter(kind__in=USER_DEPARTMENT_KINDS)
        .annotate(**_status_counts("systems__"))
        .filter(total__gt=0)
        .order_by("kind", "code")
    )
    city = InformationSystem.objects.aggregate(**_status_counts())
    overdue = _overdue_migrations(today)
    rows = [_with_share(_department_counts(department)) for department in departments]
    for row in rows:
        row["overdue"] = overdue.get(row["department"].pk, 0)
    city["overdue"] = sum(overdue.values())
    return {"city": _with_share(city), "departments": rows}


def _overdue_migrations(today):
    from govcloud.deadlines.models import Obligation, ObligationKind

    overdue = (
        Obligation.objects.overdue_on(today).filter(kind=ObligationKind.MIGRATION)
        .values("department").annotate(count=Count("pk")).order_by()
    )
    return {row["department"]: row["count"] for row in overdue}


def _department_counts(department):
    return {
        "department": department, "total": department.total, "on_cloud": department.on_cloud,
        "to_migrate": department.to_migrate, "exempt": department.exempt,
    }


def _with_share(counts):
    due = counts["total"] - counts["exempt"]
    counts["share_on_cloud"] = round(100 * counts["on_cloud"] / due) if due else None
    return counts

