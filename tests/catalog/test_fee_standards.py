"""Fee standards: only finance sets prices, and a price in force is never edited (第六条)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.audit.models import AuditEvent
from govcloud.catalog.models import CatalogItem, FeeStandard
from govcloud.catalog.pricing import clean_unit_price, fee_standard_on, with_price_on
from govcloud.catalog.services import set_fee_standard

TODAY = datetime.date(2026, 12, 4)


@pytest.mark.parametrize("role", ["reviewer", "authority", "applicant", "engineer"])
def test_fee_standard_only_finance_第六条(users, priced_items, role):
    """第六条: 市财政局负责制订政务云服务目录费用标准 — nobody else may set a price."""
    with pytest.raises(PermissionDenied):
        set_fee_standard(priced_items["vcpu"], actor=users[role], unit_price="50.00",
                         effective_from=datetime.date(2027, 1, 1), basis="x", today=TODAY)

    assert priced_items["vcpu"].fee_standards.count() == 1


def test_new_price_is_new_version_第六条(users, priced_items):
    """第六条: a new price is a new row from a later date; the 2025 price stays for days before it."""
    vcpu = priced_items["vcpu"]

    fee = set_fee_standard(vcpu, actor=users["finance"], unit_price="48.50",
                           effective_from=datetime.date(2027, 1, 1), basis="长财〔2026〕12号", today=TODAY)

    assert vcpu.fee_standards.count() == 2
    assert fee.set_by == users["finance"]
    assert fee_standard_on(vcpu, datetime.date(2026, 12, 31)).unit_price == Decimal("46.00")
    assert fee_standard_on(vcpu, datetime.date(2027, 1, 1)).unit_price == Decimal("48.50")
    assert AuditEvent.objects.filter(action="catalog.fee_standard_set", object_id=str(fee.pk)).exists()


def test_price_in_force_never_edited_第六条(users, priced_items):
    """第六条: re-entering the date of a price already in force is refused, the price unchanged."""
    FeeStandard.objects.create(item=priced_items["memory"], unit_price=Decimal("18.00"), effective_from=TODAY)

    with pytest.raises(ValidationError) as raised:
        set_fee_standard(priced_items["memory"], actor=users["finance"], unit_price="19.00",
                         effective_from=TODAY, basis="x", today=TODAY)

    assert raised.value.code == "in_force"
    assert "不得修改" in " ".join(raised.value.messages)
    assert FeeStandard.objects.get(item=priced_items["memory"], effective_from=TODAY).unit_price == Decimal("18.00")


def test_past_date_rejected_第六条(users, priced_items):
    """第六条: days already billed keep their price, so a price cannot start before today."""
    with pytest.raises(ValidationError) as raised:
        set_fee_standard(priced_items["vcpu"], actor=users["finance"], unit_price="40.00",
                         effective_from=datetime.date(2025, 1, 1), basis="x", today=TODAY)

    assert raised.value.code == "past"
    assert priced_items["vcpu"].fee_standards.get().unit_price == Decimal("46.00")


def test_future_price_may_be_corrected_第六条(users, priced_items):
    vcpu = priced_items["vcpu"]
    future = datetime.date(2027, 1, 1)
    set_fee_standard(vcpu, actor=users["finance"], unit_price="48.50", effective_from=future, basis="a", today=TODAY)

    corrected = set_fee_standard(vcpu, actor=users["finance"], unit_price="47.80", effective_from=future,
                                 basis="b", today=TODAY)

    assert vcpu.fee_standards.count() == 2
    assert corrected.unit_price == Decimal("47.80")
    assert corrected.basis == "b"
    event = AuditEvent.objects.get(action="catalog.fee_standard_corrected")
    assert (event.state_before, event.state_after) == ("48.50", "47.80")


@pytest.mark.parametrize("price, message", [("-1.00", "不能为负"), ("46.001", "两位小数"), ("abc", "不是有效的价格")])
def test_bad_price_rejected_in_chinese(users, priced_items, price, message):
    with pytest.raises(ValidationError) as raised:
        set_fee_standard(priced_items["vcpu"], actor=users["finance"], unit_price=price,
                         effective_from=datetime.date(2027, 1, 1), basis="x", today=TODAY)

    assert message in " ".join(raised.value.messages)
    assert priced_items["vcpu"].fee_standards.count() == 1


def test_clean_unit_price_keeps_two_places():
    assert clean_unit_price("70.4") == Decimal("70.40")
    assert clean_unit_price(Decimal("0")) == Decimal("0.00")


def test_with_price_on_picks_version_by_date(users, priced_items):
    set_fee_standard(priced_items["vcpu"], actor=users["finance"], unit_price="48.50",
                     effective_from=datetime.date(2027, 1, 1), basis="x", today=TODAY)

    before = with_price_on(CatalogItem.objects.filter(code="ECS-VCPU"), datetime.date(2026, 12, 31)).get()
    after = with_price_on(CatalogItem.objects.filter(code="ECS-VCPU"), datetime.date(2027, 1, 1)).get()

    assert (before.price_in_force, before.price_effective_from) == (Decimal("46.00"), datetime.date(2025, 1, 1))
    assert (after.price_in_force, after.price_effective_from) == (Decimal("48.50"), datetime.date(2027, 1, 1))
