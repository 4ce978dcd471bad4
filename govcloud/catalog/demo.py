"""Demo records of the catalog: a price change announced for next year, a price finance has just set,
and a retired item, so that every state of the catalog page shows something.

The demo's texts live in data/demo.json, which the policy and calendar demos read as well.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from govcloud.accounts.models import Role, User
from govcloud.catalog.models import CatalogCategory, CatalogItem
from govcloud.catalog.services import create_item, retire_item, set_fee_standard

DEMO_JSON = Path(__file__).resolve().parent / "data" / "demo.json"


def demo_texts():
    with DEMO_JSON.open(encoding="utf-8") as handle:
        return json.load(handle)


def demo_actor(context, username, role):
    """Return the demo account named username, or any active user with the role."""
    return context.users.get(username) or User.objects.filter(role=role, is_active=True).first()


def build(context):
    """Add the catalog demo; needs the reference catalog and the demo's manager and finance accounts."""
    texts = demo_texts()
    manager = demo_actor(context, "manager", Role.MANAGER)
    finance = demo_actor(context, "finance", Role.FINANCE)
    next_year = datetime.date(context.today.year + 1, 1, 1)

    change = texts["price_change"]
    item = CatalogItem.objects.filter(code=change["code"]).first()
    if item and not item.fee_standards.filter(effective_from=next_year).exists():
        set_fee_standard(item, actor=finance, unit_price=Decimal(change["unit_price"]), effective_from=next_year,
                         basis=change["basis"], today=context.today)

    new_price = texts["new_price"]
    item = CatalogItem.objects.filter(code=new_price["code"]).first()
    if item and not item.fee_standards.exists():
        set_fee_standard(item, actor=finance, unit_price=Decimal(new_price["unit_price"]),
                         effective_from=context.today, basis=new_price["basis"], today=context.today)

    retired = dict(texts["retired_item"])
    category = CatalogCategory.objects.filter(name=retired.pop("category")).first()
    if category is not None and not CatalogItem.objects.filter(code=retired["code"]).exists():
        item = create_item(actor=manager, category=category, **retired)
        retire_item(item, actor=manager, today=context.today)
