"""Loading the service catalog (附件1) and its reference prices from the CSV shipped with the project.

Rows with a price get a fee standard in force from 2025-01-01 whose basis names the price source;
rows without one get none, so finance has to set it (第六条) before the item can be billed.
Existing items are left as the management unit last edited them, and an existing fee standard
is never changed, so running the loader again changes nothing.
"""

import datetime
import logging
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from govcloud.accounts.reference import ReferenceDataError, read_rows, require_fields
from govcloud.catalog.models import BillingPeriod, CatalogCategory, CatalogItem, FeeStandard
from govcloud.catalog.pricing import clean_unit_price

logger = logging.getLogger(__name__)

CATALOG_CSV = Path(__file__).resolve().parent / "data" / "catalog.csv"
CATALOG_COLUMNS = ("code", "category", "item", "spec", "unit", "price_yuan", "per", "price_source")
REFERENCE_PRICES_FROM = datetime.date(2025, 1, 1)


def _validated_row(path, line, row):
    name = Path(path).name
    require_fields(path, line, row, ("code", "category", "item", "unit", "per"))
    if row["per"] not in BillingPeriod.values:
        raise ReferenceDataError(
            _("{file} line {line}: unknown billing period “{period}”.").format(file=name, line=line, period=row["per"])
        )
    price = None
    if row["price_yuan"]:
        try:
            price = clean_unit_price(row["price_yuan"])
        except ValidationError as error:
            raise ReferenceDataError(
                _("{file} line {line}: {error}").format(file=name, line=line, error=" ".join(error.messages))
            ) from error
        require_fields(path, line, row, ("price_source",))
    return row, price


def _categories(rows):
    names = []
    for _line, (row, _price) in rows:
        if row["category"] not in names:
            names.append(row["category"])
    categories = {}
    for position, name in enumerate(names, start=1):
        categories[name], _created = CatalogCategory.objects.get_or_create(name=name, defaults={"position": position})
    return categories


@transaction.atomic
def load_catalog(path=CATALOG_CSV):
    """Create the missing categories, items and reference fee standards; return a dict of counts.

    The whole file is checked before anything is written, so a bad row loads nothing.
    """
    rows = []
    seen = set()
    for line, row in read_rows(path, CATALOG_COLUMNS):
        if row["code"] in seen:
            raise ReferenceDataError(
                _("{file} line {line}: the code “{code}” appears twice.").format(
                    file=Path(path).name, line=line, code=row["code"]
                )
            )
        seen.add(row["code"])
        rows.append((line, _validated_row(path, line, row)))

    categories = _categories(rows)
    existing = {item.code: item for item in CatalogItem.objects.filter(code__in=seen)}
    counts = {"items": 0, "fee_standards": 0}
    for position, (_line, (row, price)) in enumerate(rows, start=1):
        item = existing.get(row["code"])
        if item is None:
            item = CatalogItem.objects.create(
                code=row["code"], category=categories[row["category"]], name=row["item"], spec=row["spec"],
                unit=row["unit"], billing_period=row["per"], position=position,
            )
            counts["items"] += 1
        if price is not None and not item.fee_standards.filter(effective_from=REFERENCE_PRICES_FROM).exists():
            FeeStandard.objects.create(
                item=item, unit_price=price, effective_from=REFERENCE_PRICES_FROM, basis=row["price_source"][:200]
            )
            counts["fee_standards"] += 1

    logger.info("catalog loaded from %s: %s items and %s fee standards created",
                path, counts["items"], counts["fee_standards"])
    return counts
