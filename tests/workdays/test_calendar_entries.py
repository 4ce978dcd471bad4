"""The management unit's entries in the working-day calendar, for years the calendar package does not cover."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.audit.models import AuditEvent
from govcloud.workdays.models import CalendarDay, CalendarYear, Coverage
from govcloud.workdays.services import declare_year_complete, enter_day, year_coverage

D = datetime.date


def test_manager_enters_holiday_and_adjusted_day(users):
    holiday = enter_day(actor=users["reviewer"], date=D(2027, 2, 8), is_workday=False, name="春节")
    workday = enter_day(actor=users["reviewer"], date=D(2027, 2, 20), is_workday=True, name="春节调休上班")

    assert (holiday.is_workday, workday.is_workday) == (False, True)
    assert AuditEvent.objects.filter(action="workdays.day_entered").count() == 2


def test_reentering_day_updates_it(users):
    enter_day(actor=users["reviewer"], date=D(2027, 2, 8), is_workday=False, name="春节")

    enter_day(actor=users["reviewer"], date=D(2027, 2, 8), is_workday=False, name="春节假期")

    assert CalendarDay.objects.get(date=D(2027, 2, 8)).name == "春节假期"


@pytest.mark.parametrize("role", ["authority", "finance", "applicant"])
def test_only_manager_enters_days(users, role):
    with pytest.raises(PermissionDenied):
        enter_day(actor=users[role], date=D(2027, 1, 1), is_workday=False, name="元旦")


def test_weekday_cannot_be_adjusted_working_day(users):
    with pytest.raises(ValidationError) as raised:
        enter_day(actor=users["reviewer"], date=D(2027, 1, 5), is_workday=True, name="调休")

    assert "只有周末才能设为调休上班日" in str(raised.value)


def test_year_needs_days_and_source(users):
    with pytest.raises(ValidationError):
        declare_year_complete(actor=users["reviewer"], year=2027, source="通知")
    enter_day(actor=users["reviewer"], date=D(2027, 1, 1), is_workday=False, name="元旦")
    with pytest.raises(ValidationError):
        declare_year_complete(actor=users["reviewer"], year=2027, source=" ")

    declare_year_complete(actor=users["reviewer"], year=2027, source="国办发明电〔2026〕号")

    assert CalendarYear.objects.get(year=2027).recorded_by == users["reviewer"]
    with pytest.raises(ValidationError):
        declare_year_complete(actor=users["reviewer"], year=2027, source="again")


def test_year_package_covers_cannot_be_declared(users):
    enter_day(actor=users["reviewer"], date=D(2026, 1, 1), is_workday=False, name="元旦")

    with pytest.raises(ValidationError) as raised:
        declare_year_complete(actor=users["reviewer"], year=2026, source="通知")

    assert "官方日历数据已覆盖 2026 年" in str(raised.value)
    assert not CalendarYear.objects.exists()


def test_year_coverage_names_source(users):
    rows = {row["year"]: row for row in year_coverage(2027)}

    assert rows[2004]["coverage"] == Coverage.PACKAGE
    assert rows[2026]["coverage"] == Coverage.PACKAGE
    assert rows[2027]["coverage"] == Coverage.ASSUMED
    assert min(rows) == 2004

    enter_day(actor=users["reviewer"], date=D(2027, 1, 1), is_workday=False, name="元旦")
    declare_year_complete(actor=users["reviewer"], year=2027, source="通知")
    rows = {row["year"]: row for row in year_coverage(2027)}

    assert rows[2027]["coverage"] == Coverage.ENTERED
    assert [day.name for day in rows[2027]["days"]] == ["元旦"]
