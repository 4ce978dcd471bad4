"""Storing daily roll-ups from any source: all or nothing, and idempotent.

An import with any problem (a bad number, an unknown instance, wrong units) stores no roll-up; the
run is still recorded with its problems. Storing the same roll-ups again changes no row.
"""

import dataclasses
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.metering.models import DailyRollup, ImportRun, ImportStatus
from govcloud.metering.problems import ProblemList
from govcloud.resources.models import CloudResource

logger = logging.getLogger(__name__)

ROLLUP_FIELDS = ("mean", "p95", "maximum", "samples")


@dataclasses.dataclass
class ImportOutcome:
    run: ImportRun
    rollups: list
    problems: list

    @property
    def succeeded(self):
        return self.run.status == ImportStatus.IMPORTED


def resolve_instances(instances, problems, *, provider=None, first_rows=None, explicit=None):
    """Return {instance id: CloudResource}; every instance that matches no resource, or several, is a problem."""
    first_rows = first_rows or {}
    resources = CloudResource.objects.filter(instance_id__in=instances)
    if provider is not None:
        resources = resources.filter(provider=provider)
    found = {}
    for resource in resources.order_by("pk"):
        found.setdefault(resource.instance_id, []).append(resource)
    resolved = {}
    for instance in instances:
        matches = found.get(instance, [])
        row = first_rows.get(instance, 0)
        if not matches:
            problems.add(row, _("Unknown resource “{instance}”: no provisioned resource has this instance id.").format(
                instance=instance))
        elif len(matches) > 1:
            problems.add(row, _("The instance id “{instance}” is used by several providers; name the provider.").format(
                instance=instance))
        else:
            resolved[instance] = matches[0]
    return resolved


def _check_actor(actor, resources):
    """Only the platform itself (actor None), the management unit, or the provider of every resource may import."""
    if actor is None:
        return
    require_role(actor, Role.MANAGER, Role.PROVIDER)
    if actor.role == Role.PROVIDER:
        for resource in resources:
            if resource.provider_id != actor.organisation_id:
                from django.core.exceptions import PermissionDenied

                raise PermissionDenied(_("The resource {resource} is served by another provider.").format(
                    resource=resource))


@transaction.atomic
def store_rollups(rollups, resolved, *, source_kind, source_name, preset="", actor=None, samples_read=0,
                  problems=None, now=None):
    """Store roll-ups for resolved instances unless problems were found; return an ImportOutcome."""
    problems = problems if problems is not None else ProblemList()
    now = now or timezone.now()
    run = ImportRun(source_kind=source_kind, source_name=str(source_name)[:200], preset=preset, actor=actor,
                    started_at=now, samples=samples_read)
    _check_actor(actor, resolved.values())
    if problems.total:
        run.status = ImportStatus.REJECTED
        ordered = sorted(problems, key=lambda problem: problem.row)
        run.problems = [str(problem) for problem in ordered]
        run.save()
        logger.warning("utilization import from %s rejected: %s problem(s)", source_name, problems.total)
        return ImportOutcome(run, [], ordered)

    run.status = ImportStatus.IMPORTED
    run.save()
    created, updated, unchanged = _upsert(rollups, resolved, run, source_kind)
    run.rollups_created, run.rollups_updated, run.rollups_unchanged = created, updated, unchanged
    run.save(update_fields=["rollups_created", "rollups_updated", "rollups_unchanged"])
    record_event("metering.imported", run, actor=actor, after=ImportStatus.IMPORTED,
                 details={"source": source_name, "created": created, "updated": updated, "unchanged": unchanged})
    logger.info("utilization import %s from %s: %s added, %s changed, %s unchanged",
                run.pk, source_name, created, updated, unchanged)
    return ImportOutcome(run, rollups, [])


def _upsert(rollups, resolved, run, source_kind):
    """Write the roll-ups that are new or differ; leave equal rows untouched so a re-import changes nothing."""
    resource_ids = {resolved[rollup.instance].pk for rollup in rollups}
    days = {rollup.day for rollup in rollups}
    existing = {}
    if rollups:
        rows = DailyRollup.objects.filter(resource_id__in=resource_ids, day__gte=min(days), day__lte=max(days))
        existing = {(row.resource_id, row.metric, row.day): row for row in rows}
    to_create, to_update, unchanged = [], [], 0
    for rollup in rollups:
        key = (resolved[rollup.instance].pk, str(rollup.metric), rollup.day)
        values = {"mean": rollup.mean, "p95": rollup.p95, "maximum": rollup.maximum, "samples": rollup.samples}
        row = existing.get(key)
        if row is None:
            to_create.append(DailyRollup(resource_id=key[0], metric=key[1], day=key[2], source_kind=source_kind,
                                         import_run=run, **values))
        elif any(getattr(row, field) != values[field] for field in ROLLUP_FIELDS):
            for field, value in values.items():
                setattr(row, field, value)
            row.source_kind, row.import_run = source_kind, run
            to_update.append(row)
        else:
            unchanged += 1
    DailyRollup.objects.bulk_create(to_create, batch_size=2000)
    DailyRollup.objects.bulk_update(to_update, [*ROLLUP_FIELDS, "source_kind", "import_run"], batch_size=2000)
    return len(to_create), len(to_update), unchanged
