"""What-if scenarios for finance: the billing engine over a JSON file, without the database.

Format (kept stable, since others check the engine with it)::

    {"period": {"from": "2026-03-01", "to": "2026-06-30"},
     "prices": [{"item": "ECS-4C8G", "unit_price": "1000.00", "per": "month", "effective_from": "2026-01-01"}],
     "resources": [{"id": "vm-1", "department": "D01", "events": [
         {"date": "2026-03-10", "type": "confirm", "item": "ECS-4C8G", "quantity": 1},
         {"date": "2026-05-16", "type": "change", "item": "ECS-8C16G", "quantity": 1},
         {"date": "2026-06-10", "type": "reclaim"}]}]}

The period's "to" day is billed.  A confirm starts billing, a change bills the new
item and quantity from its date, and a reclaim date is no longer billed (第十三条 – 第十五条).
"""

import datetime
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from govcloud.billing.engine import BillingDataError, PriceBook, PriceVersion, ResourceHistory, Segment, charge_lines
from govcloud.billing.proration import Per, fen_to_yuan


class ScenarioError(BillingDataError):
    """The scenario file is not valid; the message names the entry at fault."""


class EventType:
    CONFIRM = "confirm"
    CHANGE = "change"
    RECLAIM = "reclaim"
    ALL = (CONFIRM, CHANGE, RECLAIM)


def _event_label(event_type):
    labels = {EventType.CONFIRM: _("confirmation"), EventType.CHANGE: _("change"), EventType.RECLAIM: _("reclaim")}
    return labels[event_type]


def _date(value, where):
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ScenarioError(_("{where}: “{value}” is not a date (YYYY-MM-DD).").format(where=where, value=value))


def _price(entry, position):
    where = _("price {number}").format(number=position)
    if not isinstance(entry, dict) or not entry.get("item"):
        raise ScenarioError(_("{where}: the item is missing.").format(where=where))
    where = _("price {number} ({item})").format(number=position, item=entry["item"])
    try:
        unit_price = Decimal(str(entry.get("unit_price")))
    except InvalidOperation:
        raise ScenarioError(_("{where}: the unit price is not a number.").format(where=where))
    if unit_price < 0 or unit_price != unit_price.quantize(Decimal("0.01")):
        raise ScenarioError(
            _("{where}: the unit price must be a non-negative amount in yuan with at most two decimals.").format(
                where=where
            )
        )
    per = entry.get("per")
    if per not in Per.ALL:
        raise ScenarioError(
            _("{where}: “per” must be one of day, month, year, once.").format(where=where)
        )
    return PriceVersion(
        item=str(entry["item"]), unit_price=unit_price, per=per,
        effective_from=_date(entry.get("effective_from"), where), ref=position,
    )


def _prices(entries):
    prices = [_price(entry, position) for position, entry in enumerate(entries or [], start=1)]
    seen = {}
    for price in prices:
        key = (price.item, price.effective_from)
        if key in seen:
            raise ScenarioError(
                _("Prices {first} and {second}: item {item} has two prices effective from the same date {date}.").format(
                    first=seen[key], second=price.ref, item=price.item, date=price.effective_from.isoformat()
                )
            )
        seen[key] = price.ref
    return PriceBook(prices)


def _events(resource_id, events):
    where = _("resource {resource}").format(resource=resource_id)
    parsed = []
    for position, event in enumerate(events or [], start=1):
        event_where = _("resource {resource}, event {number}").format(resource=resource_id, number=position)
        if not isinstance(event, dict) or event.get("type") not in EventType.ALL:
            raise ScenarioError(
                _("{where}: the type must be confirm, change or reclaim.").format(where=event_where)
            )
        parsed.append((_date(event.get("date"), event_where), position, event, event_where))
    confirms = [entry for entry in parsed if entry[2]["type"] == EventType.CONFIRM]
    if len(confirms) != 1:
        raise ScenarioError(_("{where}: there must be exactly one confirm event.").format(where=where))
    confirmed_on = confirms[0][0]
    for day, _position, event, event_where in parsed:
        if day < confirmed_on:
            raise ScenarioError(
                _("{where}: the {type} on {date} is before the confirmation on {confirmed}.").format(
                    where=event_where, type=_event_label(event["type"]), date=day.isoformat(), confirmed=confirmed_on.isoformat()
                )
            )
    parsed.sort(key=lambda entry: (entry[0], entry[1]))
    return confirmed_on, parsed


def _quantity(event, where):
    quantity = event.get("quantity", 1)
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
        raise ScenarioError(_("{where}: the quantity must be a positive whole number.").format(where=where))
    return quantity


def _resource(entry, position):
    if not isinstance(entry, dict) or not entry.get("id"):
        raise ScenarioError(_("resource {number}: the id is missing.").format(number=position))
    resource_id = str(entry["id"])
    confirmed_on, events = _events(resource_id, entry.get("events"))

    segments = []
    reclaimed_on = None
    item = quantity = None
    since = None
    for day, _position, event, where in events:
        if reclaimed_on is not None:
            raise ScenarioError(_("{where}: the event is after the reclaim.").format(where=where))
        if event["type"] == EventType.RECLAIM:
            reclaimed_on = day
            continue
        new_item = str(event.get("item") or item or "")
        if not new_item:
            raise ScenarioError(_("{where}: the item is missing.").format(where=where))
        new_quantity = _quantity(event, where)
        if item is not None and day == since:
            raise ScenarioError(_("{where}: another size already starts on {date}.").format(
                where=where, date=day.isoformat()))
        if item is not None:
            segments.append(Segment(item, quantity, since, day))
        item, quantity, since = new_item, new_quantity, day
    segments.append(Segment(item, quantity, since, reclaimed_on))
    return ResourceHistory(
        id=resource_id, department=str(entry.get("department", "")), billing_starts_on=confirmed_on,
        billing_ends_on=reclaimed_on, segments=tuple(segments),
    )


def parse(data):
    """Return (first day, last day, price book, histories) from a scenario mapping, or raise ScenarioError."""
    if not isinstance(data, dict):
        raise ScenarioError(_("The scenario must be a JSON object."))
    period = data.get("period") or {}
    where = _("period")
    first_day = _date(period.get("from"), where)
    last_day = _date(period.get("to"), where)
    if last_day < first_day:
        raise ScenarioError(_("period: “to” is before “from”."))
    book = _prices(data.get("prices"))
    resources = data.get("resources") or []
    ids = set()
    histories = []
    for position, entry in enumerate(resources, start=1):
        history = _resource(entry, position)
        if history.id in ids:
            raise ScenarioError(_("resource {resource}: the id is used twice.").format(resource=history.id))
        ids.add(history.id)
        histories.append(history)
    return first_day, last_day, book, histories


def run(data, *, explain=False):
    """Bill a scenario and return the result mapping: lines, totals by month and the total."""
    first_day, last_day, book, histories = parse(data)
    try:
        lines = charge_lines(histories, book, first_day, last_day)
    except ScenarioError:
        raise
    except BillingDataError as error:
        raise ScenarioError(str(error)) from error

    by_month = defaultdict(int)
    output_lines = []
    for line in lines:
        month = line.month.strftime("%Y-%m")
        by_month[month] += line.amount_fen
        entry = {"resource": line.resource, "month": month, "item": line.item, "days": line.days,
                 "amount": str(line.amount)}
        if explain:
            entry.update({
                "quantity": line.quantity, "unit_price": str(line.price.unit_price), "per": line.price.per,
                "price_effective_from": line.price.effective_from.isoformat(),
                "first_day": line.first_day.isoformat(), "last_day": line.last_day.isoformat(),
            })
        output_lines.append(entry)
    return {
        "lines": output_lines,
        "by_month": {month: str(fen_to_yuan(fen)) for month, fen in sorted(by_month.items())},
        "total": str(fen_to_yuan(sum(by_month.values()))),
    }
