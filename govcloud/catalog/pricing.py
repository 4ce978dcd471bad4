"""Fee-standard arithmetic shared by the catalog's services, loaders and pages: checking a price
and finding the price in force on a date."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from govcloud.catalog.models import FeeStandard

PRICE_PLACES = 2


def clean_unit_price(value):
    """Return value as a Decimal yuan amount, rejecting a negative price or more than two decimal places."""
    try:
        price = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as error:
        raise ValidationError(_("“{value}” is not a valid price.").format(value=value), code="invalid") from error
    if not price.is_finite():
        raise ValidationError(_("“{value}” is not a valid price.").format(value=value), code="invalid")
    if price < 0:
        raise ValidationError(_("A price cannot be negative (got {value}).").format(value=value), code="negative")
    if -price.as_tuple().exponent > PRICE_PLACES:
        raise ValidationError(
            _("A price has at most two decimal places, in yuan and fen (got {value}).").format(value=value),
            code="precision",
        )
    return price.quantize(Decimal("0.01"))


def with_price_on(items, day):
    """Annotate items with the unit price and effective date of the fee standard in force on day.

    Both are None for an item that has no fee standard in force yet. One subquery each, so a
    list page stays at a fixed number of queries however many items it shows. On SQLite the
    annotated price is not rounded to two places (0.3 may read 0.300000000000000), so pages
    format it with floatformat:2.
    """
    in_force = FeeStandard.objects.filter(item=OuterRef("pk"), effective_from__lte=day).order_by("-effective_from")
    return items.annotate(
        price_in_force=Subquery(in_force.values("unit_price")[:1]),
        price_effective_from=Subquery(in_force.values("effective_from")[:1]),
    )


def fee_standard_on(item, day):
    """Return the FeeStandard of item in force on day, or None."""
    return item.fee_standards.filter(effective_from__lte=day).order_by("-effective_from").first()


def unpriced_items(items, day):
    """Return the items among items that have no fee standard in force on day."""
    priced = set(
        FeeStandard.objects.filter(item__in=items, effective_from__lte=day).values_list("item_id", flat=True)
    )
    return [item for item in items if item.pk not in priced]
