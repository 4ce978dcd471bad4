"""Catalog items: the management unit compiles the catalog (第五条); a used item is retired, never deleted."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.audit.models import AuditEvent
from govcloud.catalog.models import BillingPeriod, CatalogItem, ItemStatus
from govcloud.catalog.services import create_item, delete_item, reinstate_item, retire_item, update_item
from tests.factories import CategoryFactory

TODAY = datetime.date(2026, 12, 4)


def _new_item(actor, code="NET-WAF"):
    return create_item(actor=actor, code=code, category=CategoryFactory(name="安全服务"), name="Web应用防火墙",
                       unit="系统", billing_period=BillingPeriod.MONTH)


def test_manager_creates_item_第五条(users):
    item = _new_item(users["reviewer"])

    assert item.status == ItemStatus.OFFERED
    assert AuditEvent.objects.filter(action="catalog.item_created", object_id=str(item.pk)).exists()


@pytest.mark.parametrize("role", ["finance", "authority", "applicant"])
def test_only_manager_edits_items_第五条(users, role):
    with pytest.raises(PermissionDenied):
        _new_item(users[role])


def test_duplicate_code_rejected(users):
    _new_item(users["reviewer"])

    with pytest.raises(ValidationError):
        _new_item(users["reviewer"])


def test_update_item_keeps_code(users, priced_items):
    item = update_item(priced_items["vcpu"], actor=users["reviewer"], name="云主机vCPU（通用型）")

    assert item.name == "云主机vCPU（通用型）"
    assert item.code == "ECS-VCPU"
    with pytest.raises(ValueError):
        update_item(item, actor=users["reviewer"], code="X")


def test_retire_and_reinstate(users, priced_items):
    item = retire_item(priced_items["vcpu"], actor=users["reviewer"], today=TODAY)

    assert item.retired_on == TODAY
    assert not CatalogItem.objects.offered().filter(pk=item.pk).exists()
    with pytest.raises(ValidationError):
        retire_item(item, actor=users["reviewer"], today=TODAY)

    item = reinstate_item(item, actor=users["reviewer"])
    assert item.retired_on is None


def test_unused_item_can_be_deleted(users):
    item = _new_item(users["reviewer"])

    delete_item(item, actor=users["reviewer"])

    assert not CatalogItem.objects.filter(code="NET-WAF").exists()


def test_used_item_is_never_deleted(users, priced_items, system):
    """第五条: an item on an application line stays in the catalog; it can only be retired."""
    from govcloud.applications.models import Application, ApplicationLine

    application = Application.objects.create(
        number="SQ-2026-0001", department=system.department, system=system, contact_name="张三",
        contact_phone="13800000000", reason="上云", created_by=users["applicant"],
    )
    ApplicationLine.objects.create(application=application, item=priced_items["vcpu"], quantity=4)

    with pytest.raises(ValidationError) as raised:
        delete_item(priced_items["vcpu"], actor=users["reviewer"])

    assert raised.value.code == "used"
    assert "只能停用" in " ".join(raised.value.messages)
    assert CatalogItem.objects.filter(code="ECS-VCPU").exists()
