"""Monthly statements from the records and their recomputation (第十三条 – 第十五条, 第二十九条)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from govcloud.billing.models import Charge, Statement, StatementRun
from govcloud.billing.services import DifferenceKind, forecast_next_year, rebuild_statements
from govcloud.resources.models import ResourceComponent
from tests.factories import FeeStandardFactory

D = datetime.date


@pytest.fixture
def changed_vm(ecs_items, make_resource):
    """Confirmed 2026-03-10 as ECS-4C8G, changed to ECS-8C16G on 2026-05-16, reclaimed 2026-06-10."""
    return make_resource([(ecs_items["small"], 1, D(2026, 3, 10), D(2026, 5, 16)),
                          (ecs_items["large"], 1, D(2026, 5, 16), None)], starts=D(2026, 3, 10), ends=D(2026, 6, 10))


def test_statements_follow_confirmation_change_and_reclaim(changed_vm, orgs):
    """第十三条/第十四条/第十五条: one statement per month, lines per size and price version."""
    rebuild_statements(D(2026, 3, 1), D(2026, 7, 1))

    statements = Statement.objects.filter(department=orgs["applicant"]).order_by("month")
    assert [(s.month, s.total) for s in statements] == [
        (D(2026, 3, 1), Decimal("709.68")), (D(2026, 4, 1), Decimal("1000.00")),
        (D(2026, 5, 1), Decimal("1516.13")), (D(2026, 6, 1), Decimal("600.00")),
    ]
    may = Charge.objects.filter(statement__month=D(2026, 5, 1)).order_by("first_day")
    assert [(c.item.code, c.days, c.amount) for c in may] == [("ECS-4C8G", 15, Decimal("483.87")),
                                                            ("ECS-8C16G", 16, Decimal("1032.26"))]
    assert all(charge.fee_standard.item_id == charge.item_id for charge in may)


def test_rebuild_reports_differences_after_backdated_change(changed_vm, orgs):
    """Rebuilding: a correction of the change date shows as changed lines; a dry run keeps what was stored."""
    rebuild_statements(D(2026, 5, 1), D(2026, 5, 1))
    ResourceComponent.objects.filter(resource=changed_vm, effective_to=D(2026, 5, 16)).update(
        effective_to=D(2026, 5, 21))
    ResourceComponent.objects.filter(resource=changed_vm, effective_from=D(2026, 5, 16)).update(
        effective_from=D(2026, 5, 21))

    report = rebuild_statements(D(2026, 5, 1), D(2026, 5, 1), apply=False)

    kinds = sorted((DifferenceKind(difference.kind), difference.item) for difference in report.differences)
    assert kinds == [(DifferenceKind.ADDED, "ECS-8C16G"), (DifferenceKind.CHANGED, "ECS-4C8G"),
                     (DifferenceKind.REMOVED, "ECS-8C16G")]
    assert Statement.objects.get(month=D(2026, 5, 1)).total == Decimal("1516.13")
    assert StatementRun.objects.filter(applied=False, differences=3).exists()


def test_rebuild_command_prints_differences(changed_vm, capsys):
    call_command("billing", "rebuild", "--from", "2026-03", "--to", "2026-06")
    FeeStandardFactory(item=changed_vm.components.first().item, unit_price=Decimal("1100.00"),
                       effective_from=D(2026, 4, 1))

    call_command("billing", "rebuild", "--from", "2026-03", "--to", "2026-06", "--dry-run")

    output = capsys.readouterr().out
    assert "2026-04-01" in output
    assert "1100.00" in output


def test_rebuild_needs_manager_or_finance(changed_vm, users):
    with pytest.raises(PermissionDenied):
        rebuild_statements(D(2026, 3, 1), D(2026, 3, 1), actor=users["applicant"])


def test_forecast_counts_resources_in_service_today(ecs_items, make_resource, orgs):
    """第六条: a running ECS-8C16G (2,000.00/month) forecasts 24,000.00 next year; a reclaimed one nothing."""
    make_resource([(ecs_items["large"], 1, D(2026, 3, 10), None)], starts=D(2026, 3, 10))
    make_resource([(ecs_items["small"], 3, D(2026, 3, 10), None)], starts=D(2026, 3, 10), ends=D(2026, 6, 10))

    assert forecast_next_year(D(2026, 12, 4)) == [(orgs["applicant"].pk, Decimal("24000.00"))]


def test_monthly_task_rebuilds_last_and_current_month(changed_vm):
    """第十三条 – 第十五条: the periodic job recomputes last month and this month from the records."""
    import time_machine

    from govcloud.billing.tasks import rebuild_recent_statements

    with time_machine.travel(datetime.datetime(2026, 6, 15, 2, 0, tzinfo=datetime.UTC), tick=False):
        differences = rebuild_recent_statements()

    # May has two lines (before and after the change on 05-16), June one (to the reclaim on 06-10).
    assert differences == 3
    assert sorted(Statement.objects.values_list("month", flat=True)) == [D(2026, 5, 1), D(2026, 6, 1)]


def test_unpriced_item_left_out_and_reported(changed_vm, make_resource, orgs):
    """第六条: a resource whose item has no fee standard yet is reported, the others are still billed."""
    from tests.factories import CatalogItemFactory

    unpriced = CatalogItemFactory(code="GPU-A10", name="GPU云主机", unit="台")
    orphan = make_resource([(unpriced, 1, D(2026, 3, 1), None)], starts=D(2026, 3, 1))

    report = rebuild_statements(D(2026, 3, 1), D(2026, 3, 1))

    assert [resource_id for resource_id, _message in report.errors] == [orphan.pk]
    assert "GPU-A10" in report.errors[0][1]
    assert Statement.objects.get(month=D(2026, 3, 1)).total == Decimal("709.68")


def test_days_after_today_not_billed_yet(ecs_items, make_resource):
    """第十三条: on 2026-12-04 (Asia/Shanghai) December's statement holds 4 days: 1,000.00 × 4 ÷ 31 = 129.03."""
    make_resource([(ecs_items["small"], 1, D(2026, 3, 10), None)], starts=D(2026, 3, 10))

    # 12:00 UTC is 20:00 on 2026-12-04 in Asia/Shanghai.
    rebuild_statements(D(2026, 12, 1), D(2027, 1, 1), now=datetime.datetime(2026, 12, 4, 12, 0, tzinfo=datetime.UTC))

    assert list(Statement.objects.values_list("month", "total")) == [(D(2026, 12, 1), Decimal("129.03"))]
