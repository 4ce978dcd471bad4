"""Catalog pages: everybody reads it; the management unit edits items (第五条); finance sets prices (第六条)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from govcloud.catalog.filters import PriceState
from govcloud.catalog.models import BillingPeriod, CatalogItem, FeeStandard, ItemStatus
from tests.factories import CatalogItemFactory, CategoryFactory, FeeStandardFactory

NOW = datetime.datetime(2026, 12, 4, 2, 0, tzinfo=datetime.timezone.utc)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW)


def test_list_shows_price_in_force_and_unpriced(client, users, priced_items, frozen):
    CatalogItemFactory(code="NET-EIP", name="公网IP", category=CategoryFactory(name="网络服务"))
    client.force_login(users["applicant"])

    response = client.get(reverse("catalog:list"))

    items = {item.code: item for item in response.context["rows"]}
    assert items["ECS-VCPU"].price_in_force == Decimal("46.00")
    assert items["ECS-VCPU"].price_effective_from == datetime.date(2025, 1, 1)
    assert items["NET-EIP"].price_in_force is None
    assert "尚无费用标准" in response.content.decode()
    assert "网络服务" in response.content.decode()


def test_list_filters(client, users, priced_items, frozen):
    unpriced = CatalogItemFactory(code="NET-EIP", category=CategoryFactory(name="网络服务"))
    CatalogItem.objects.filter(code="ECS-MEM").update(retired_on=datetime.date(2026, 6, 1))
    client.force_login(users["reviewer"])
    url = reverse("catalog:list")

    def codes(**params):
        return sorted(item.code for item in client.get(url, params).context["rows"])

    assert codes(priced=PriceState.UNPRICED) == ["NET-EIP"]
    assert codes(priced=PriceState.PRICED) == ["ECS-MEM", "ECS-VCPU"]
    assert codes(status=ItemStatus.RETIRED) == ["ECS-MEM"]
    assert codes(status=ItemStatus.OFFERED) == ["ECS-VCPU", "NET-EIP"]
    assert codes(category=unpriced.category.pk) == ["NET-EIP"]


def test_detail_shows_full_price_history(client, users, priced_items, frozen):
    FeeStandardFactory(item=priced_items["vcpu"], unit_price=Decimal("48.50"), effective_from=datetime.date(2027, 1, 1))
    client.force_login(users["finance"])

    response = client.get(reverse("catalog:detail", args=[priced_items["vcpu"].pk]))

    assert [fee.unit_price for fee in response.context["history"]] == [Decimal("48.50"), Decimal("46.00")]
    assert response.context["in_force"].unit_price == Decimal("46.00")
    assert "尚未生效" in response.content.decode()


def test_finance_sets_price_on_page_第六条(client, users, priced_items, frozen):
    client.force_login(users["finance"])

    response = client.post(reverse("catalog:fee_standard", args=[priced_items["vcpu"].pk]),
                           {"unit_price": "48.50", "effective_from": "2027-01-01", "basis": "长财〔2026〕12号"})

    assert response.status_code == 302
    assert FeeStandard.objects.get(item=priced_items["vcpu"], effective_from=datetime.date(2027, 1, 1)).unit_price \
        == Decimal("48.50")


def test_price_form_rejects_negative_in_chinese_第六条(client, users, priced_items, frozen):
    client.force_login(users["finance"])

    response = client.post(reverse("catalog:fee_standard", args=[priced_items["vcpu"].pk]),
                           {"unit_price": "-5", "effective_from": "2027-01-01", "basis": "x"})

    assert response.status_code == 200
    assert "价格不能为负数" in response.content.decode()


@pytest.mark.parametrize("role", ["reviewer", "applicant", "authority"])
def test_price_form_is_finance_only_第六条(client, users, priced_items, role):
    client.force_login(users[role])

    assert client.get(reverse("catalog:fee_standard", args=[priced_items["vcpu"].pk])).status_code == 403


def test_manager_creates_and_retires_item(client, users, frozen):
    category = CategoryFactory(name="安全服务")
    client.force_login(users["reviewer"])

    created = client.post(reverse("catalog:create"), {
        "code": "SEC-WAF", "category": category.pk, "name": "Web应用防火墙", "spec": "", "unit": "系统",
        "billing_period": BillingPeriod.MONTH, "position": 1,
    })
    item = CatalogItem.objects.get(code="SEC-WAF")
    retired = client.post(reverse("catalog:retire", args=[item.pk]))

    assert (created.status_code, retired.status_code) == (302, 302)
    item.refresh_from_db()
    assert item.retired_on == datetime.date(2026, 12, 4)


@pytest.mark.parametrize("role", ["finance", "applicant"])
def test_item_forms_are_manager_only(client, users, priced_items, role):
    client.force_login(users[role])

    assert client.get(reverse("catalog:create")).status_code == 403
    assert client.post(reverse("catalog:retire", args=[priced_items["vcpu"].pk])).status_code == 403


def test_list_query_count_flat(client, users, frozen):
    client.force_login(users["applicant"])

    def count_queries(rows):
        FeeStandard.objects.all().delete()
        CatalogItem.objects.all().delete()
        for number in range(rows):
            category = CategoryFactory(name="类别%d" % (number % 3))
            item = CatalogItemFactory(code="C-%d" % number, category=category)
            if number % 2:
                FeeStandardFactory(item=item)
        with CaptureQueriesContext(connection) as context:
            client.get(reverse("catalog:list"))
        return len(context.captured_queries)

    assert count_queries(3) == count_queries(30)


def test_manager_deletes_unused_item_on_page(client, users, frozen):
    item = CatalogItemFactory(code="TMP-1")
    client.force_login(users["reviewer"])

    response = client.post(reverse("catalog:delete", args=[item.pk]))

    assert response.status_code == 302
    assert response.url == reverse("catalog:list")
    assert not CatalogItem.objects.filter(code="TMP-1").exists()


def test_manager_edits_item_but_not_its_code(client, users, priced_items, frozen):
    vcpu = priced_items["vcpu"]
    client.force_login(users["reviewer"])

    response = client.post(reverse("catalog:edit", args=[vcpu.pk]), {
        "code": "CHANGED", "category": vcpu.category.pk, "name": "云主机vCPU（通用型）", "spec": "x86",
        "unit": "vCPU", "billing_period": BillingPeriod.MONTH, "position": 0,
    })

    assert response.status_code == 302
    vcpu.refresh_from_db()
    assert (vcpu.code, vcpu.name, vcpu.spec) == ("ECS-VCPU", "云主机vCPU（通用型）", "x86")


def test_finance_corrects_future_price_on_page_第六条(client, users, priced_items, frozen):
    future = FeeStandardFactory(item=priced_items["vcpu"], unit_price=Decimal("48.50"),
                                effective_from=datetime.date(2027, 1, 1))
    client.force_login(users["finance"])
    url = reverse("catalog:fee_standard", args=[priced_items["vcpu"].pk])

    form = client.get(url, {"correct": future.pk}).context["form"]
    response = client.post(url, {"unit_price": "47.80", "effective_from": "2027-01-01", "basis": "更正"})

    assert form.initial["unit_price"] == Decimal("48.50")
    assert response.status_code == 302
    future.refresh_from_db()
    assert future.unit_price == Decimal("47.80")


def test_finance_cannot_edit_price_in_force_on_page_第六条(client, users, priced_items, time_machine):
    time_machine.move_to(datetime.datetime(2025, 1, 1, 2, 0, tzinfo=datetime.timezone.utc))
    client.force_login(users["finance"])

    response = client.post(reverse("catalog:fee_standard", args=[priced_items["vcpu"].pk]),
                           {"unit_price": "40.00", "effective_from": "2025-01-01", "basis": "x"})

    assert response.status_code == 200
    assert "不得修改" in response.content.decode()
    assert priced_items["vcpu"].fee_standards.get().unit_price == Decimal("46.00")
