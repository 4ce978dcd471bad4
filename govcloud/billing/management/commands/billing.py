"""`manage.py billing simulate SCENARIO.json` and `manage.py billing rebuild --from YYYY-MM --to YYYY-MM`."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from govcloud.billing import scenario
from govcloud.billing.services import DifferenceKind, rebuild_statements

# The what-if run must not need a database, so the system checks (which open one) are skipped.
NO_CHECKS = []


def _month(value):
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise CommandError(_("“{value}” is not a month (YYYY-MM).").format(value=value))


class Command(BaseCommand):
    help = "Bill a what-if scenario file without the database, or recompute stored statements and report differences."
    requires_system_checks = NO_CHECKS

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        simulate = actions.add_parser("simulate", help="Print the charges of a scenario file as JSON.")
        simulate.add_argument("scenario", help="Path of the scenario JSON file.")
        simulate.add_argument("--explain", action="store_true",
                              help="Add each line's quantity, price version and days to the output.")
        rebuild = actions.add_parser("rebuild", help="Recompute the statements of a period from the records.")
        rebuild.add_argument("--from", dest="first", required=True, help="First month, YYYY-MM.")
        rebuild.add_argument("--to", dest="last", required=True, help="Last month, YYYY-MM.")
        rebuild.add_argument("--dry-run", action="store_true", help="Report the differences but keep the stored statements.")

    def handle(self, *args, **options):
        with translation.override(options.get("language") or "zh-hans"):
            if options["action"] == "simulate":
                return self._simulate(options)
            return self._rebuild(options)

    def _simulate(self, options):
        try:
            with open(options["scenario"], encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as error:
            raise CommandError(_("Cannot read the scenario file: {error}").format(error=error), returncode=2)
        except json.JSONDecodeError as error:
            raise CommandError(_("The scenario file is not valid JSON: {error}").format(error=error), returncode=2)
        try:
            result = scenario.run(data, explain=options["explain"])
        except scenario.ScenarioError as error:
            raise CommandError(str(error), returncode=2)
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _rebuild(self, options):
        first, last = _month(options["first"]), _month(options["last"])
        if last < first:
            raise CommandError(_("The last month is before the first month."))
        report = rebuild_statements(first, last, apply=not options["dry_run"])
        for difference in report.differences:
            self.stdout.write(_("{kind}: resource {resource} {item} from {date}: stored {stored}, computed {computed}").format(
                kind=DifferenceKind(difference.kind).label, resource=difference.resource_id, item=difference.item,
                date=difference.first_day.isoformat(), stored=difference.stored if difference.stored is not None else "-",
                computed=difference.computed if difference.computed is not None else "-",
            ))
        for resource_id, message in report.errors:
            self.stderr.write(_("Left out, cannot be billed: {message}").format(message=message))
        for settlement, signed_total, computed in report.settlement_differences:
            self.stdout.write(_(
                "Signed settlement {settlement} stays at {signed}; the records now give {computed}: "
                "record the difference as an adjustment."
            ).format(settlement=settlement, signed=signed_total, computed=computed))
        self.stdout.write(_("{count} difference(s); total {total}; statements {state}.").format(
            count=len(report.differences), total=report.total,
            state=_("kept") if options["dry_run"] else _("replaced"),
        ))
