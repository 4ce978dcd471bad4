"""Due dates on the official calendar (第十二条), counted as the Civil Code prescribes (民法典第二百零一条, 第二百零三条)."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from govcloud.workdays.calendar import WorkdayCalendar
from govcloud.workdays.services import declare_year_complete, enter_day

pytestmark = pytest.mark.django_db

D = datetime.date


def _due(*args):
    out, err = StringIO(), StringIO()
    call_command("workdays", "due", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def test_provisioning_across_national_day_2025_第十二条():
    """第十二条: 2 working days from an opinion of 2025-09-30; 10-01 to 10-08 are the National Day holiday,
    so the first working day after it is 10-09 and the second 10-10."""
    due = WorkdayCalendar().add_workdays(D(2025, 9, 30), 2)

    assert due.date == D(2025, 10, 10)
    assert not due.is_assumed


def test_provisioning_across_spring_festival_2026_第十二条_第二百零一条():
    """第十二条, 民法典第二百零一条: the opinion day 2026-02-13 does not count; 02-14 (a Saturday) is an adjusted
    working day, 02-15 to 02-23 are the Spring Festival, so the 2nd working day is 02-24."""
    due = WorkdayCalendar().add_workdays(D(2026, 2, 13), 2)

    assert due.date == D(2026, 2, 24)


def test_agreement_filing_last_day_holiday_第十二条_第二百零三条():
    """第十二条 (7 days after signing), 民法典第二百零三条: signed 2026-09-28, the 7th day 10-05 is in the
    National Day holiday, so the period ends on the next working day, 10-08."""
    due = WorkdayCalendar().add_calendar_days(D(2026, 9, 28), 7)

    assert due.date == D(2026, 10, 8)


def test_unknown_year_assumed_then_exact_after_entering_第十二条():
    """第十二条: 2027 is past the calendar package; 2026-12-31 + 1 working day is assumed to be 2027-01-01 (a Friday)
    until the management unit enters New Year's Day and declares 2027; then it is 2027-01-04."""
    assumed = WorkdayCalendar().add_workdays(D(2026, 12, 31), 1)
    assert assumed.date == D(2027, 1, 1)
    assert assumed.assumed_years == (2027,)

    entered = WorkdayCalendar({D(2027, 1, 1): False}, {2027}).add_workdays(D(2026, 12, 31), 1)
    assert entered.date == D(2027, 1, 4)
    assert not entered.is_assumed


def test_command_prints_due_date_第十二条():
    assert _due("2025-09-30", "2") == ("2025-10-10", "")
    assert _due("2026-02-13", "2") == ("2026-02-24", "")
    assert _due("2026-09-28", "7", "--calendar-days") == ("2026-10-08", "")


def test_command_warns_about_assumed_year_in_chinese():
    out, err = _due("2026-12-31", "1")

    assert out == "2027-01-01"
    assert "2027 年的节假日尚未录入" in err


def test_command_exact_after_2027_entered(users):
    """第十二条: once 2027-01-01 is entered as a holiday and 2027 declared, the due date is exact."""
    enter_day(actor=users["reviewer"], date=D(2027, 1, 1), is_workday=False, name="元旦")
    declare_year_complete(actor=users["reviewer"], year=2027, source="国务院办公厅关于2027年部分节假日安排的通知")

    assert _due("2026-12-31", "1") == ("2027-01-04", "")


def test_command_rejects_bad_input_in_chinese():
    with pytest.raises(CommandError) as raised:
        _due("2026-13-01", "2")
    assert "不是 YYYY-MM-DD 格式的日期" in str(raised.value)

    with pytest.raises(CommandError) as raised:
        _due("2026-01-05", "0")
    assert "至少为 1 日" in str(raised.value)
