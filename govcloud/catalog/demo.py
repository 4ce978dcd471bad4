"""Demo records of the catalog: a price change announced for next year, a price finance has just set,
and a retired item, so that every state of the catalog page shows something."""

import datetime
from decimal import Decimal

from govcloud.accounts.models import Role, User
from govcloud.catalog.models import BillingPeriod, CatalogCategory, CatalogItem
from govcloud.catalog.services import create_item, retire_item, set_fee_standard


def _actor(context, username, role):
    return context.users.get(username) or User.objects.filter(role=role, is_active=True).first()


def build(context):
    """Add the catalog demo; needs the reference catalog and the demo's manager and finance accounts."""
    manager = _actor(context, "manager", Role.MANAGER)
    finance = _actor(context, "finance", Role.FINANCE)
    next_year = datetime.date(context.today.year + 1, 1, 1)

    vcpu = CatalogItem.objects.filter(code="ECS-VCPU").first()
    if vcpu and not vcpu.fee_standards.filter(effective_from=next_year).exists():
        set_fee_standard(vcpu, actor=finance, unit_price=Decimal("44.00"), effective_from=next_year,
                         basis="演示数据：财政部门年度调价通知", today=context.today)

    eip = CatalogItem.objects.filter(code="NET-EIP").first()
    if eip and not eip.fee_standards.exists():
        set_fee_standard(eip, actor=finance, unit_price=Decimal("20.00"), effective_from=context.today,
                         basis="演示数据：财政部门核定", today=context.today)

    if not CatalogItem.objects.filter(code="OBS-ARC").exists():
        storage = CatalogCategory.objects.filter(name="存储服务").first()
        if storage is not None:
            archive = create_item(actor=manager, code="OBS-ARC", category=storage, name="归档存储（演示：已停用）",
                                  spec="低频访问，最短存储90天", unit="GB", billing_period=BillingPeriod.MONTH,
                                  position=99)
            retire_item(archive, actor=manager, today=context.today)
