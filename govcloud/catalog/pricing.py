"""Which fee standard is in force for an item on a day (B2)."""

from govcloud.catalog.models import FeeStandard


def fee_standard_on(item, on):
    """Return the FeeStandard of item in force on date on, or None when finance has set none yet."""
    return FeeStandard.objects.filter(item=item, effective_from__lte=on).order_by("-effective_from").first()


def unpriced_items(items, on):
    """Return the items among items that have no fee standard in force on date on."""
    priced = set(
        FeeStandard.objects.filter(item__in=items, effective_from__lte=on).values_list("item_id", flat=True)
    )
    return [item for item in items if item.pk not in priced]
