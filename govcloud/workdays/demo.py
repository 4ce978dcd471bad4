"""Demo records of the working-day calendar: next year's New Year's Day entered, the year not yet
declared complete, so the calendar page shows both an entered day and the "assumed" warning."""

import datetime

from govcloud.accounts.models import Role
from govcloud.catalog.demo import demo_actor, demo_texts
from govcloud.workdays.calendar import package_covers
from govcloud.workdays.models import CalendarDay
from govcloud.workdays.services import enter_day


def build(context):
    """Enter 1 January of next year as a holiday when the calendar package does not cover that year."""
    manager = demo_actor(context, "manager", Role.MANAGER)
    new_year = datetime.date(context.today.year + 1, 1, 1)
    # New Year's Day is a statutory holiday every year, so entering it invents nothing about the notice.
    if not package_covers(new_year.year) and not CalendarDay.objects.filter(date=new_year).exists():
        enter_day(actor=manager, date=new_year, is_workday=False, name=demo_texts()["new_year_name"])
