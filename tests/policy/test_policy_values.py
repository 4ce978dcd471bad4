"""Policy parameters with effective dates: the limits of 第十二条 and others are data, not code."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from govcloud.policy.models import Parameter, PolicyValue
from govcloud.policy.services import MissingPolicyValue, record_policy_value, value_on

TODAY = datetime.date(2026, 12, 4)


def test_value_on_picks_by_date_第十二条(users):
    """第十二条 sets 2 working days from 2022-01-10; a value recorded from 2027-03-01 applies from that day only."""
    record_policy_value(actor=users["reviewer"], parameter=Parameter.PROVISION_WORKDAYS, value=Decimal("3"),
                        effective_from=datetime.date(2027, 3, 1), source="修订后的实施细则", today=TODAY)

    assert value_on(Parameter.PROVISION_WORKDAYS, datetime.date(2027, 2, 28)) == Decimal("2")
    assert value_on(Parameter.PROVISION_WORKDAYS, datetime.date(2027, 3, 1)) == Decimal("3")
    with pytest.raises(MissingPolicyValue):
        value_on(Parameter.PROVISION_WORKDAYS, datetime.date(2022, 1, 9))


def test_value_in_force_cannot_be_changed_第十二条(users):
    """第十二条: the value in force since 2022-01-10 is never edited, nor replaced from today or a past date."""
    for day in (datetime.date(2022, 1, 10), TODAY):
        with pytest.raises(ValidationError):
            record_policy_value(actor=users["reviewer"], parameter=Parameter.PROVISION_WORKDAYS, value=Decimal("5"),
                                effective_from=day, source="x", today=TODAY)

    assert PolicyValue.objects.get(parameter=Parameter.PROVISION_WORKDAYS).value == Decimal("2")


def test_only_manager_records_values(users):
    with pytest.raises(PermissionDenied):
        record_policy_value(actor=users["finance"], parameter=Parameter.PROVISION_WORKDAYS, value=Decimal("3"),
                            effective_from=datetime.date(2027, 3, 1), source="x", today=TODAY)


def test_source_required(users):
    with pytest.raises(ValidationError):
        record_policy_value(actor=users["reviewer"], parameter=Parameter.PROVISION_WORKDAYS, value=Decimal("3"),
                            effective_from=datetime.date(2027, 3, 1), source="", today=TODAY)


def test_page_lists_every_parameter_with_value_and_source(client, users):
    client.force_login(users["finance"])

    response = client.get(reverse("policy:list"))

    assert response.status_code == 200
    rows = {row["parameter"]: row for row in response.context["rows"]}
    assert set(rows) == set(Parameter)
    assert rows[Parameter.PROVISION_WORKDAYS]["in_force"].value == Decimal("2")
    assert rows[Parameter.PROVISION_WORKDAYS]["in_force"].source == "第十二条"
    assert "开通时限（审核意见后工作日数）" in response.content.decode()
    assert b"policy-form" not in response.content


def test_manager_records_future_value_on_page(client, users, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 4, 10, 0, tzinfo=datetime.timezone.utc))
    client.force_login(users["reviewer"])

    response = client.post(reverse("policy:list"), {
        "parameter": Parameter.UTILIZATION_LOW_PERCENT, "value": "40", "effective_from": "2027-01-01",
        "source": "市政务信息管理局决定",
    })

    assert response.status_code == 302
    assert value_on(Parameter.UTILIZATION_LOW_PERCENT, datetime.date(2027, 1, 1)) == Decimal("40")
    history = client.get(reverse("policy:list")).context["rows"]
    low = next(row for row in history if row["parameter"] == Parameter.UTILIZATION_LOW_PERCENT)
    assert [value.value for value in low["history"]] == [Decimal("40"), Decimal("50")]
    assert low["in_force"].value == Decimal("50")


@pytest.mark.parametrize("role", ["applicant", "engineer"])
def test_page_closed_to_departments_and_providers(client, users, role):
    client.force_login(users[role])

    assert client.get(reverse("policy:list")).status_code == 403
