"""Import a monitoring export (CSV, XLSX or a Bitbrains trace file) and print what was stored or rejected."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from govcloud.accounts.models import Organisation
from govcloud.metering.services import import_file, rollups_of_file
from govcloud.metering.tables import preset_names
from govcloud.resources.models import CloudResource


class Command(BaseCommand):
    help = "Import utilization samples from a monitoring export file into daily roll-ups."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV, XLSX or gzip-compressed CSV file")
        parser.add_argument("--preset", required=True, help="column mapping: %s" % ", ".join(preset_names()))
        parser.add_argument("--resource", help="instance id of the resource a one-VM file belongs to")
        parser.add_argument("--provider", help="code of the provider whose instance ids the file uses")
        parser.add_argument("--shift-to", type=datetime.date.fromisoformat,
                            help="move the data by whole days so that its last day is this date (YYYY-MM-DD)")
        parser.add_argument("--dry-run", action="store_true",
                            help="print the roll-ups as JSON lines and store nothing, without looking the "
                                 "resources up")

    def handle(self, *args, **options):
        try:
            if options["dry_run"]:
                return self._dry_run(options)
            provider = None
            if options["provider"]:
                provider = Organisation.objects.filter(code=options["provider"]).first()
                if provider is None:
                    raise CommandError(_("Unknown provider code “{code}”.").format(code=options["provider"]))
            outcome = import_file(options["path"], options["preset"], instance=options["resource"],
                                  provider=provider, shift_to=options["shift_to"])
        except (LookupError, ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        self._report(outcome)

    def _dry_run(self, options):
        rollups, samples, _first_rows, problems = rollups_of_file(
            options["path"], options["preset"], instance=options["resource"], shift_to=options["shift_to"])
        for problem in problems:
            self.stderr.write(str(problem))
        if problems.total:
            raise CommandError(_("{count} row(s) rejected; nothing would be stored.").format(count=problems.total))
        for rollup in rollups:
            self.stdout.write(json.dumps(rollup.as_json_dict(), ensure_ascii=False))
        # The dry run also checks roll-ups of traces not yet tied to a resource, so unknown instances only warn.
        instances = sorted({rollup.instance for rollup in rollups})
        known = set(CloudResource.objects.filter(instance_id__in=instances).values_list("instance_id", flat=True))
        for instance in instances:
            if instance not in known:
                self.stderr.write(_("Warning: no resource has the instance id “{instance}”; the real import would "
                                    "reject this file.").format(instance=instance))

    def _report(self, outcome):
        run = outcome.run
        if not outcome.succeeded:
            for problem in run.problems:
                self.stderr.write(problem)
            raise CommandError(_("Import rejected: {count} problem(s); nothing was stored.").format(
                count=len(run.problems)))
        self.stdout.write(_("Imported {samples} samples: {created} daily roll-ups added, {updated} changed, "
                            "{unchanged} unchanged.").format(samples=run.samples, created=run.rollups_created,
                                                            updated=run.rollups_updated,
                                                            unchanged=run.rollups_unchanged))
