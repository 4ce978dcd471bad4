"""Deadline arithmetic on China's official working-day calendar.

Every due date in the platform is computed here. Counting follows the Civil Code
(民法典 第二百零一条, 第二百零三条): the day of the triggering event does not count;
N working days end with the N-th working day after it; N calendar days whose last
day is a rest day or holiday end on the next working day.
"""

import dataclasses
import datetime

import chinese_calendar

from govcloud.workdays.models import CalendarDay, CalendarYear

# Far enough for any limit in the rules (the longest is 30 working days) across a long holiday.
_MAX_SCAN_DAYS = 400


@dataclasses.dataclass(frozen=True)
class Due:
    """A due date and the years whose calendar had to be assumed (weekdays work, weekends rest)."""

    date: datetime.date
    assumed_years: tuple = ()

    @property
    def is_assumed(self):
        return bool(self.assumed_years)


def package_covers(year):
    try:
        chinese_calendar.is_workday(datetime.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


class WorkdayCalendar:
    """The official calendar: entered days first, then the chinesecalendar package, then weekdays.

    Build one per operation; it reads the entered days once.
    """

    def __init__(self, entered_days=None, entered_years=None):
        if entered_days is None:
            entered_days = dict(CalendarDay.objects.values_list("date", "is_workday"))
        if entered_years is None:
            entered_years = set(CalendarYear.objects.values_list("year", flat=True))
        self._entered_days = entered_days
        self._entered_years = set(entered_years)
        self._package_years = {}

    def is_known_year(self, year):
        if year in self._entered_years:
            return True
        if year not in self._package_years:
            self._package_years[year] = package_covers(year)
        return self._package_years[year]

    def is_workday(self, day):
        """Return (is_workday, known); known is False where the weekday rule had to be assumed."""
        if day in self._entered_days:
            return self._entered_days[day], True
        if day.year in self._entered_years:
            return day.weekday() < 5, True
        if self.is_known_year(day.year):
            return chinese_calendar.is_workday(day), True
        return day.weekday() < 5, False

    def add_workdays(self, start, count):
        """Return the count-th working day after start (start itself never counts)."""
        if count < 1:
            raise ValueError("count must be at least 1, got %r" % count)
        assumed = set()
        day = start
        found = 0
        for _ in range(_MAX_SCAN_DAYS):
            day += datetime.timedelta(days=1)
            working, known = self.is_workday(day)
            if not known:
                assumed.add(day.year)
            if working:
                found += 1
                if found == count:
                    return Due(day, tuple(sorted(assumed)))
        raise ValueError("no %d working days found within %d days of %s" % (count, _MAX_SCAN_DAYS, start))

    def add_calendar_days(self, start, count):
        """Return start + count days, moved to the next working day when that day is a rest day."""
        if count < 1:
            raise ValueError("count must be at least 1, got %r" % count)
        assumed = set()
        day = start + datetime.timedelta(days=count)
        for _ in range(_MAX_SCAN_DAYS):
            working, known = self.is_workday(day)
            if not known:
                assumed.add(day.year)
            if working:
                return Due(day, tuple(sorted(assumed)))
            day += datetime.timedelta(days=1)
        raise ValueError("no working day found within %d days of %s" % (_MAX_SCAN_DAYS, start))

    def workdays_between(self, start, end):
        """Count working days after start up to and including end (0 when end <= start)."""
        count = 0
        day = start
        while day < end:
            day += datetime.timedelta(days=1)
            if self.is_workday(day)[0]:
                count += 1
        return count


def due_after_workdays(start, count):
    return WorkdayCalendar().add_workdays(start, count)


def due_after_calendar_days(start, count):
    return WorkdayCalendar().add_calendar_days(start, count)
