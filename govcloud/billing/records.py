"""Reading the platform's records into the engine's plain data: price versions and resource histories."""

from collections import defaultdict

from govcloud.billing.engine import PriceBook, PriceVersion, ResourceHistory, Segment
from govcloud.catalog.models import FeeStandard
from govcloud.resources.models import CloudResource, ResourceComponent


def load_price_book():
    """Return every fee standard as the engine's price book; each version keeps its row id as ref, so every bill line names its price version."""
    rows = FeeStandard.objects.values_list("pk", "item__code", "unit_price", "effective_from", "item__billing_period")
    return PriceBook([
        PriceVersion(item=code, unit_price=price, per=per, effective_from=effective_from, ref=pk)
        for pk, code, price, effective_from, per in rows
    ])


def load_histories(resources=None, *, first_day=None, last_day=None):
    """Return the resource histories of the confirmed resources in a queryset (all resources by default).

    With first_day and last_day, only resources billed on some day of that range are read.
    """
    resources = CloudResource.objects.all() if resources is None else resources
    resources = resources.filter(billing_starts_on__isnull=False)
    if last_day is not None:
        resources = resources.filter(billing_starts_on__lte=last_day)
    if first_day is not None:
        resources = resources.exclude(billing_ends_on__lte=first_day)

    components = defaultdict(list)
    rows = ResourceComponent.objects.filter(resource__in=resources.values("pk")).values_list(
        "resource_id", "item__code", "quantity", "effective_from", "effective_to"
    )
    for resource_id, code, quantity, effective_from, effective_to in rows:
        components[resource_id].append(Segment(code, quantity, effective_from, effective_to))

    histories = []
    fields = ("pk", "department_id", "provider_id", "billing_starts_on", "billing_ends_on")
    for pk, department_id, provider_id, starts_on, ends_on in resources.order_by("pk").values_list(*fields):
        histories.append(ResourceHistory(
            id=pk, department=department_id, provider=provider_id, billing_starts_on=starts_on,
            billing_ends_on=ends_on, segments=tuple(components.get(pk, ())),
        ))
    return histories


def history_of(resource):
    """Return the history of one resource, or None before its delivery is confirmed."""
    histories = load_histories(CloudResource.objects.filter(pk=resource.pk))
    return histories[0] if histories else None
