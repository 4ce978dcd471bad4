"""Importing utilization: from a monitoring export file or from a provider's Prometheus (第十四条)."""

import datetime
import logging
import pathlib

from django.utils.translation import gettext as _

from govcloud.metering import prometheus
from govcloud.metering.bitbrains import read_bitbrains
from govcloud.metering.imports import ImportOutcome, resolve_instances, store_rollups
from govcloud.metering.models import ImportRun, ImportStatus, PrometheusSource, SourceKind
from govcloud.metering.problems import ProblemList
from govcloud.metering.rollups import SampleSet, shift_days_to_end_on
from govcloud.metering.tables import load_preset, read_table

logger = logging.getLogger(__name__)

BITBRAINS = "bitbrains"


def read_file(path, preset_name, *, instance=None):
    """Read a monitoring export; return (SampleSet, rows read, first row per instance, ProblemList)."""
    problems = ProblemList()
    if preset_name == BITBRAINS:
        if not instance:
            raise ValueError(_("The Bitbrains trace has one VM per file: name its resource with --resource."))
        samples, rows = read_bitbrains(path, instance, problems)
        return samples, rows, {instance: 0}, problems
    preset = load_preset(preset_name)
    samples, rows, first_rows = read_table(path, preset, problems)
    if instance:
        # Limitation: --resource with a table preset only checks that the file names that one instance.
        for other in set(samples.instances()) - {instance}:
            problems.add(first_rows.get(other, 0), _("The file has rows of “{other}”, not only of “{instance}”.")
                         .format(other=other, instance=instance))
    return samples, rows, first_rows, problems


def rollups_of_file(path, preset_name, *, instance=None, shift_to=None):
    """Return (roll-ups, rows read, first rows, problems) of a file without touching the database."""
    samples, rows, first_rows, problems = read_file(path, preset_name, instance=instance)
    shift = shift_days_to_end_on(samples, shift_to) if shift_to else 0
    return samples.rollups(shift_days=shift), samples.accepted, first_rows, problems


def import_file(path, preset_name, *, instance=None, provider=None, shift_to=None, actor=None, now=None):
    """Import a monitoring export: every row valid and every instance known, or nothing stored."""
    rollups, samples_read, first_rows, problems = rollups_of_file(
        path, preset_name, instance=instance, shift_to=shift_to)
    instances = sorted({rollup.instance for rollup in rollups} | set(first_rows))
    resolved = resolve_instances(instances, problems, provider=provider, first_rows=first_rows)
    return store_rollups(rollups, resolved, source_kind=SourceKind.FILE, source_name=pathlib.Path(path).name,
                         preset=preset_name, actor=actor, samples_read=samples_read, problems=problems, now=now)


def pull_prometheus(source, first_day, last_day, *, actor=None, client=None, now=None):
    """Read the local days first_day..last_day from a Prometheus source and store their roll-ups."""
    problems = ProblemList()
    try:
        samples, _points = prometheus.read_days(source, first_day, last_day, client=client, samples=SampleSet())
    except prometheus.PrometheusError as error:
        logger.warning("Prometheus source %s failed: %s", source.pk, error)
        problems.add(0, str(error))
        return store_rollups([], {}, source_kind=SourceKind.PROMETHEUS, source_name=source.name,
                             actor=actor, problems=problems, now=now)
    rollups = samples.rollups()
    # Series of instances the platform does not know (other customers, infrastructure) are skipped,
    # not rejected: a provider's Prometheus watches far more than the government cloud.
    known = resolve_instances(samples.instances(), ProblemList(), provider=source.provider)
    rollups = [rollup for rollup in rollups if rollup.instance in known]
    outcome = store_rollups(rollups, known, source_kind=SourceKind.PROMETHEUS, source_name=source.name,
                            actor=actor, samples_read=samples.accepted, problems=problems, now=now)
    if outcome.succeeded:
        source.last_pulled_through = max(last_day, source.last_pulled_through or last_day)
        source.save(update_fields=["last_pulled_through"])
    return outcome


def pull_all_sources(today, *, days_back=2, actor=None):
    """Pull every enabled Prometheus source from the day after its last pull (at most days_back days) to yesterday."""
    yesterday = today - datetime.timedelta(days=1)
    outcomes = []
    for source in PrometheusSource.objects.filter(is_enabled=True).select_related("provider").order_by("pk"):
        first_day = yesterday - datetime.timedelta(days=days_back - 1)
        if source.last_pulled_through and source.last_pulled_through >= first_day:
            first_day = source.last_pulled_through + datetime.timedelta(days=1)
        if first_day > yesterday:
            continue
        outcomes.append(pull_prometheus(source, first_day, yesterday, actor=actor))
    return outcomes


__all__ = ["ImportOutcome", "ImportRun", "ImportStatus", "import_file", "pull_all_sources", "pull_prometheus",
           "read_file", "rollups_of_file"]
