"""Demo records of the working-day calendar: next year's New Year's Day entered, the year not yet
declared complete, so the calendar page shows both an entered day and the "assumed" warning."""

import datetime

from govcloud.accounts.models import Role, User
from govcloud.workdays.calendar import package_covers
from govcloud.workdays.models import CalendarDay
from govcloud.workdays.services import enter_day


def build(context):
    """Enter 1 January of next year as a holiday when the calendar package does not cover that year."""
    manager = context.users.get("manager") or User.objects.filter(role=Role.MANAGER, is_active=True).first()
    new_year = datetime.date(context.today.year + 1, 1, 1)
    # 元旦 is a statutory holiday every year, so entering it invents nothing about next year's notice.
    if not package_covers(new_year.year) and not CalendarDay.objects.filter(date=new_year).exists():
        enter_day(actor=manager, date=new_year, is_workday=False, name="元旦")
