"""The catalog's actions: the management unit edits and retires items (第五条), finance sets
their fee standards (第六条)."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.catalog.models import CatalogItem, FeeStandard, ItemStatus
from govcloud.catalog.pricing import clean_unit_price

logger = logging.getLogger(__name__)

ITEM_FIELDS = ("category", "name", "spec", "unit", "billing_period", "position")


def item_is_used(item):
    """Return True when an application line or a provisioned resource refers to the item."""
    from govcloud.applications.models import ApplicationLine
    from govcloud.resources.models import ResourceComponent

    return (
        ApplicationLine.objects.filter(item=item).exists()
        or ResourceComponent.objects.filter(item=item).exists()
    )


def _snapshot(item):
    return {field: str(getattr(item, field)) for field in ITEM_FIELDS}


@transaction.atomic
def create_item(*, actor, code, category, name, unit, billing_period, spec="", position=0):
    """Add a service item to the catalog (第五条: the management unit compiles the catalog)."""
    require_role(actor, Role.MANAGER)
    if CatalogItem.objects.filter(code=code).exists():
        raise ValidationError(_("An item with the code “{code}” already exists.").format(code=code), code="duplicate")

    item = CatalogItem.objects.create(
        code=code, category=category, name=name, spec=spec, unit=unit, billing_period=billing_period, position=position
    )
    record_event("catalog.item_created", item, actor=actor, details=_snapshot(item))
    logger.info("catalog item %s created by %s", item.code, actor.username)
    return item


@transaction.atomic
def update_item(item, *, actor, **changes):
    """Change an item's description; its code stays, because bills and applications quote it."""
    require_role(actor, Role.MANAGER)
    unknown = set(changes) - set(ITEM_FIELDS)
    if unknown:
        raise ValueError("not editable item fields: %s" % ", ".join(sorted(unknown)))

    item = CatalogItem.objects.select_for_update().get(pk=item.pk)
    before = _snapshot(item)
    changed = [field for field, value in changes.items() if getattr(item, field) != value]
    if not changed:
        return item
    for field in changed:
        setattr(item, field, changes[field])
    item.save(update_fields=changed)
    record_event("catalog.item_updated", item, actor=actor, details={"before": before, "after": _snapshot(item)})
    logger.info("catalog item %s updated by %s: %s", item.code, actor.username, ", ".join(changed))
    return item


@transaction.atomic
def retire_item(item, *, actor, today):
    """Stop offering an item from today on; applications and bills that used it keep it."""
    require_role(actor, Role.MANAGER)
    item = CatalogItem.objects.select_for_update().get(pk=item.pk)
    if item.retired_on is not None:
        raise ValidationError(_("This item was already retired on {date}.").format(date=item.retired_on), code="retired")

    item.retired_on = today
    item.save(update_fields=["retired_on"])
    record_event("catalog.item_retired", item, actor=actor, before=ItemStatus.OFFERED, after=ItemStatus.RETIRED,
                 details={"retired_on": today})
    logger.info("catalog item %s retired by %s", item.code, actor.username)
    return item


@transaction.atomic
def reinstate_item(item, *, actor):
    """Offer a retired item again."""
    require_role(actor, Role.MANAGER)
    item = CatalogItem.objects.select_for_update().get(pk=item.pk)
    if item.retired_on is None:
        raise ValidationError(_("This item is offered already."), code="offered")

    retired_on = item.retired_on
    item.retired_on = None
    item.save(update_fields=["retired_on"])
    record_event("catalog.item_reinstated", item, actor=actor, before=ItemStatus.RETIRED, after=ItemStatus.OFFERED,
                 details={"retired_on": retired_on})
    return item


@transaction.atomic
def delete_item(item, *, actor):
    """Delete an item nobody has applied for or been provisioned; a used item can only be retired."""
    require_role(actor, Role.MANAGER)
    item = CatalogItem.objects.select_for_update().get(pk=item.pk)
    if item_is_used(item):
        raise ValidationError(
            _("“{item}” is used by an application or a resource, so it can only be retired, not deleted.").format(
                item=item
            ),
            code="used",
        )

    record_event("catalog.item_deleted", item, actor=actor, details=_snapshot(item))
    code = item.code
    # Its fee standards go with it: nothing was billed at them, since nothing used the item.
    item.fee_standards.all().delete()
    item.delete()
    logger.info("catalog item %s deleted by %s", code, actor.username)


@transaction.atomic
def set_fee_standard(item, *, actor, unit_price, effective_from, basis, today):
    """Set finance's price of an item from a date on (第六条: only finance sets fee standards).

    A fee standard that has taken effect is never edited: a new price is a new version with a
    later date. A version that has not yet taken effect may be corrected by finance. A date in
    the past is rejected, because days already billed must keep the price they were billed at.
    """
    require_role(actor, Role.FINANCE)
    price = clean_unit_price(unit_price)
    # Lock the item so two finance officers cannot add versions for the same date at once.
    item = CatalogItem.objects.select_for_update().get(pk=item.pk)
    if effective_from < today:
        raise ValidationError(
            _("A fee standard cannot start in the past ({date}); choose today or a later date.").format(
                date=effective_from
            ),
            code="past",
        )

    existing = FeeStandard.objects.filter(item=item, effective_from=effective_from).first()
    if existing is not None:
        return _correct_future_fee_standard(existing, actor=actor, price=price, basis=basis, today=today)

    fee = FeeStandard.objects.create(
        item=item, unit_price=price, effective_from=effective_from, basis=basis, set_by=actor
    )
    record_event("catalog.fee_standard_set", fee, actor=actor, after=str(price),
                 details={"item": item.code, "effective_from": effective_from, "basis": basis})
    logger.info("fee standard of %s set to %s from %s by %s", item.code, price, effective_from, actor.username)
    return fee


def _correct_future_fee_standard(fee, *, actor, price, basis, today):
    if fee.has_taken_effect(today):
        raise ValidationError(
            _("The fee standard in force since {date} is never edited; set a new price with a later date.").format(
                date=fee.effective_from
            ),
            code="in_force",
        )

    before = str(fee.unit_price)
    fee.unit_price = price
    fee.basis = basis
    fee.set_by = actor
    fee.save(update_fields=["unit_price", "basis", "set_by"])
    record_event("catalog.fee_standard_corrected", fee, actor=actor, before=before, after=str(price),
                 details={"item": fee.item.code, "effective_from": fee.effective_from, "basis": basis})
    logger.info("future fee standard %s of %s corrected by %s", fee.pk, fee.item.code, actor.username)
    return fee
