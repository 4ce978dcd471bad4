"""The demo builders of the catalog, calendar and policy apps, run on the real reference data."""

import datetime
import types

import pytest
from django.core.management import call_command

from govcloud.catalog import demo as catalog_demo
from govcloud.catalog.models import CatalogItem
from govcloud.policy import demo as policy_demo
from govcloud.policy.models import Parameter, PolicyValue
from govcloud.workdays import demo as workdays_demo
from govcloud.workdays.models import CalendarDay

TODAY = datetime.date(2026, 12, 4)


@pytest.fixture
def context(users):
    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    return types.SimpleNamespace(today=TODAY, users={"manager": users["reviewer"], "finance": users["finance"]})


def test_builders_add_every_state_and_run_twice(context):
    for _ in range(2):
        catalog_demo.build(context)
        workdays_demo.build(context)
        policy_demo.build(context)

    vcpu = CatalogItem.objects.get(code="ECS-VCPU")
    assert [fee.effective_from for fee in vcpu.fee_standards.order_by("effective_from")] == [
        datetime.date(2025, 1, 1), datetime.date(2027, 1, 1)]
    assert CatalogItem.objects.get(code="NET-EIP").fee_standards.get().effective_from == TODAY
    assert CatalogItem.objects.get(code="OBS-ARC").retired_on == TODAY
    assert _new_year_names() == ["元旦"]
    assert PolicyValue.objects.filter(parameter=Parameter.DUE_SOON_WORKDAYS).count() == 2


def _new_year_names():
    return list(CalendarDay.objects.filter(date=datetime.date(2027, 1, 1)).values_list("name", flat=True))
