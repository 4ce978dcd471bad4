"""The working-day calendar page: every year from 2004 with where its holidays come from."""

import datetime

import pytest
from django.urls import reverse

from govcloud.workdays.models import CalendarDay, CalendarYear, Coverage, DayKind

NOW = datetime.datetime(2026, 12, 4, 2, 0, tzinfo=datetime.timezone.utc)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(NOW)


def test_years_2004_to_next_year_with_warning(client, users):
    client.force_login(users["authority"])

    response = client.get(reverse("workdays:list"))

    years = {row["year"]: row["coverage"] for row in response.context["years"]}
    assert min(years) == 2004
    assert max(years) == 2027
    assert years[2026] == Coverage.PACKAGE
    assert years[2027] == Coverage.ASSUMED
    page = response.content.decode()
    assert "未录入：该年期限按周一至周五推算" in page
    assert "day-form" not in page


def test_manager_enters_day_and_declares_year(client, users):
    client.force_login(users["reviewer"])
    url = reverse("workdays:list")

    entered = client.post(url, {"day-date": "2027-01-01", "day-kind": DayKind.HOLIDAY, "day-name": "元旦"})
    declared = client.post(url, {"year-year": "2027", "year-source": "国务院办公厅通知"})

    assert (entered.status_code, declared.status_code) == (302, 302)
    assert CalendarDay.objects.get(date=datetime.date(2027, 1, 1)).is_workday is False
    assert CalendarYear.objects.get(year=2027).source == "国务院办公厅通知"
    years = {row["year"]: row["coverage"] for row in client.get(url).context["years"]}
    assert years[2027] == Coverage.ENTERED


def test_weekday_as_adjusted_day_shows_error(client, users):
    client.force_login(users["reviewer"])

    response = client.post(reverse("workdays:list"),
                           {"day-date": "2027-01-05", "day-kind": DayKind.WORKDAY, "day-name": "调休"})

    assert response.status_code == 200
    assert "只有周末才能设为调休上班日" in response.content.decode()
    assert not CalendarDay.objects.exists()


def test_authority_cannot_post(client, users):
    client.force_login(users["authority"])

    response = client.post(reverse("workdays:list"), {"day-date": "2027-01-01", "day-kind": DayKind.HOLIDAY,
                                                      "day-name": "元旦"})

    assert response.status_code == 403
    assert not CalendarDay.objects.exists()


@pytest.mark.parametrize("role", ["applicant", "finance", "engineer"])
def test_closed_to_other_roles(client, users, role):
    client.force_login(users[role])

    assert client.get(reverse("workdays:list")).status_code == 403
