"""Working-day arithmetic from the command line: `manage.py workdays due 2026-02-13 2`."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from govcloud.workdays.calendar import WorkdayCalendar


def _date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(_("“{value}” is not a date in the form YYYY-MM-DD.").format(value=text)) from error


class Command(BaseCommand):
    help = "Compute due dates on the official working-day calendar."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        due = commands.add_parser("due", help="Print the due date N working days (or calendar days) after DATE.")
        due.add_argument("start", help="The day of the triggering event, YYYY-MM-DD; it does not count.")
        due.add_argument("count", type=int, help="The length of the period, at least 1.")
        due.add_argument("--calendar-days", action="store_true",
                         help="Count calendar days; a last day that is a rest day moves to the next working day.")

    def handle(self, *args, **options):
        start = _date(options["start"])
        count = options["count"]
        if count < 1:
            raise CommandError(_("The period must be at least 1 day, got {count}.").format(count=count))

        calendar = WorkdayCalendar()
        if options["calendar_days"]:
            due = calendar.add_calendar_days(start, count)
        else:
            due = calendar.add_workdays(start, count)

        self.stdout.write(due.date.isoformat())
        for year in due.assumed_years:
            self.stderr.write(
                _("Warning: the holidays of {year} have not been entered, so weekdays were assumed to be working "
                  "days in {year}; the due date may change once the management unit enters them.").format(year=year)
            )
