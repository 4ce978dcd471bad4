"""The management unit's entries in the working-day calendar, and what each year's calendar rests on.

China's State Council publishes each year's holidays and adjusted working days late in the
year before. The chinesecalendar package covers the years it knew when released; for a later
year the management unit enters the days from the notice and then declares the year complete.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.workdays.calendar import package_covers
from govcloud.workdays.models import CalendarDay, CalendarYear, Coverage, DayKind

logger = logging.getLogger(__name__)

FIRST_PACKAGE_YEAR = 2004


@transaction.atomic
def enter_day(*, actor, date, is_workday, name):
    """Record one holiday or adjusted working day (调休); it overrides the calendar package for that date."""
    require_role(actor, Role.MANAGER)
    if not name.strip():
        raise ValidationError({"name": _("Give the day its name from the notice, for example the festival.")})
    if is_workday and date.weekday() < 5:
        raise ValidationError(
            {"is_workday": _("{date} is a weekday and so a working day already; only a weekend day can be an "
                             "adjusted working day.").format(date=date.isoformat())}
        )

    day = CalendarDay.objects.select_for_update().filter(date=date).first()
    before = "" if day is None else _day_state(day)
    if day is None:
        day = CalendarDay(date=date)
    day.is_workday = is_workday
    day.name = name.strip()
    day.recorded_by = actor
    day.save()
    record_event("workdays.day_entered", day, actor=actor, before=before, after=_day_state(day),
                 details={"date": date, "name": day.name})
    logger.info("calendar day %s entered by %s (working day: %s)", date, actor.username, is_workday)
    return day


def _day_state(day):
    return DayKind.WORKDAY if day.is_workday else DayKind.HOLIDAY


@transaction.atomic
def declare_year_complete(*, actor, year, source):
    """Declare that every holiday and adjusted working day of year is entered, citing the notice.

    From then on deadlines that run into the year are exact instead of assumed.
    """
    require_role(actor, Role.MANAGER)
    if not source.strip():
        raise ValidationError({"source": _("Name the notice the days were taken from.")})
    if package_covers(year):
        # A declared year replaces the package's days by the entered ones, which would drop its holidays.
        raise ValidationError({"year": _("The official calendar package already covers {year}; enter single days "
                                         "only to correct it.").format(year=year)})
    if CalendarYear.objects.filter(year=year).exists():
        raise ValidationError({"year": _("{year} has already been declared complete.").format(year=year)})
    if not CalendarDay.objects.filter(date__year=year).exists():
        raise ValidationError({"year": _("No day of {year} has been entered yet; enter the holidays first.").format(
            year=year)})

    calendar_year = CalendarYear.objects.create(year=year, source=source.strip(), recorded_by=actor)
    record_event("workdays.year_declared", calendar_year, actor=actor, details={"year": year, "source": source})
    logger.info("calendar year %s declared complete by %s", year, actor.username)
    return calendar_year


def year_coverage(last_year):
    """Return one row per year from 2004 to last_year: the year, its Coverage and its entered days."""
    entered_years = {row.year: row for row in CalendarYear.objects.select_related("recorded_by")}
    days_by_year = {}
    for day in CalendarDay.objects.filter(date__year__gte=FIRST_PACKAGE_YEAR).order_by("date"):
        days_by_year.setdefault(day.date.year, []).append(day)

    rows = []
    for year in range(last_year, FIRST_PACKAGE_YEAR - 1, -1):
        if year in entered_years:
            coverage = Coverage.ENTERED
        elif package_covers(year):
            coverage = Coverage.PACKAGE
        else:
            coverage = Coverage.ASSUMED
        rows.append({
            "year": year, "coverage": coverage, "declared": entered_years.get(year),
            "days": days_by_year.get(year, []),
        })
    return rows
