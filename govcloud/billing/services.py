"""Statements: computing the charges of a period from the records, storing them, and reporting differences.

Charges are a pure function of the records (confirmations, changes, reclaims and
prices), so a statement can be recomputed at any time. Signed settlements keep
their own frozen lines, so a recomputation never touches them (第二十九条).
"""

import dataclasses
import datetime
import logging
from collections import defaultdict

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.billing.engine import charge_lines, forecast
from govcloud.billing.models import Charge, Settlement, SettlementStatus, Statement, StatementRun
from govcloud.billing.proration import ONE_DAY, fen_to_yuan, month_start, next_month_start
from govcloud.billing.records import load_histories, load_price_book
from govcloud.catalog.models import CatalogItem

logger = logging.getLogger(__name__)


class DifferenceKind(models.TextChoices):
    ADDED = "added", _("added")
    REMOVED = "removed", _("removed")
    CHANGED = "changed", _("changed")


@dataclasses.dataclass(frozen=True)
class Difference:
    """A statement line that a recomputation adds, removes or changes."""

    kind: str
    resource_id: int
    item: str
    first_day: datetime.date
    stored: object
    computed: object


@dataclasses.dataclass
class RebuildReport:
    first_month: datetime.date
    last_month: datetime.date
    differences: list
    total: object
    settlement_differences: list
    run: StatementRun | None = None
    # (resource id, message) of each resource left out because it cannot be billed, e.g. an item without a price.
    errors: list = dataclasses.field(default_factory=list)


def period_lines(first_day, last_day, resources=None, errors=None):
    """Return the engine's charge lines of the resources (all by default) for first_day..last_day.

    With an errors list, a resource that cannot be billed is reported there instead of raising.
    """
    histories = load_histories(resources, first_day=first_day, last_day=last_day)
    return charge_lines(histories, load_price_book(), first_day, last_day, errors=errors)


def _line_key(resource_id, item_code, quantity, price_ref, first_day):
    return (resource_id, item_code, quantity, price_ref, first_day)


def _stored_lines(first_month, end):
    stored = {}
    rows = Charge.objects.filter(statement__month__gte=first_month, statement__month__lt=end).values_list(
        "resource_id", "item__code", "quantity", "fee_standard_id", "first_day", "last_day", "amount"
    )
    for resource_id, code, quantity, price_ref, first_day, last_day, amount in rows:
        stored[_line_key(resource_id, code, quantity, price_ref, first_day)] = (last_day, amount)
    return stored


def _compare(stored, lines):
    differences = []
    computed = {}
    for line in lines:
        computed[_line_key(line.resource, line.item, line.quantity, line.price.ref, line.first_day)] = (
            line.last_day, line.amount
        )
    for key, value in computed.items():
        if key not in stored:
            differences.append(Difference(DifferenceKind.ADDED, key[0], key[1], key[4], None, value[1]))
        elif stored[key] != value:
            differences.append(Difference(DifferenceKind.CHANGED, key[0], key[1], key[4], stored[key][1], value[1]))
    for key, value in stored.items():
        if key not in computed:
            differences.append(Difference(DifferenceKind.REMOVED, key[0], key[1], key[4], value[1], None))
    differences.sort(key=lambda difference: (difference.first_day, difference.resource_id, difference.item))
    return differences


def _signed_settlement_differences(lines, first_day, end):
    """Compare each signed settlement inside the period with what the records give now; the settlement stays."""
    by_provider_year = defaultdict(int)
    for line in lines:
        by_provider_year[(line.provider, line.first_day.year)] += line.amount_fen
    differences = []
    signed = Settlement.objects.filter(status=SettlementStatus.SIGNED, year__gte=first_day.year,
                                       year__lte=(end - ONE_DAY).year).select_related("provider")
    for settlement in signed:
        if not (first_day <= datetime.date(settlement.year, 1, 1) and datetime.date(settlement.year + 1, 1, 1) <= end):
            continue
        computed = fen_to_yuan(by_provider_year.get((settlement.provider_id, settlement.year), 0))
        if computed != settlement.charges_total:
            differences.append((settlement, settlement.charges_total, computed))
    return differences


def _replace_statements(first_month, end, lines, now):
    Statement.objects.filter(month__gte=first_month, month__lt=end).delete()
    items = dict(CatalogItem.objects.values_list("code", "pk"))
    groups = defaultdict(list)
    for line in lines:
        groups[(line.month, line.department, line.provider)].append(line)

    operations = connection.ops
    _insert_rows(Statement, STATEMENT_COLUMNS, (
        (operations.adapt_datefield_value(month), department, provider,
         operations.adapt_decimalfield_value(fen_to_yuan(sum(line.amount_fen for line in group)), 14, 2), len(group),
         operations.adapt_datetimefield_value(now))
        for (month, department, provider), group in groups.items()
    ))
    by_key = {
        (month, department, provider): pk
        for pk, month, department, provider in Statement.objects.filter(month__gte=first_month, month__lt=end)
        .values_list("pk", "month", "department_id", "provider_id")
    }
    _insert_rows(Charge, CHARGE_COLUMNS, (
        (by_key[key], line.resource, items[line.item], line.quantity, line.price.ref,
         operations.adapt_datefield_value(line.first_day), operations.adapt_datefield_value(line.last_day), line.days,
         operations.adapt_decimalfield_value(line.amount, 14, 2))
        for key, group in groups.items() for line in group
    ))


STATEMENT_COLUMNS = ("month", "department_id", "provider_id", "total", "line_count", "computed_at")
CHARGE_COLUMNS = ("statement_id", "resource_id", "item_id", "quantity", "fee_standard_id", "first_day", "last_day",
                  "days", "amount")
INSERT_BATCH = 5000


def _insert_rows(model, columns, rows):
    """Insert already adapted rows with executemany, because a province has about a million statement lines a
    year and building a model instance per line (bulk_create) would take most of a recomputation's time."""
    operations = connection.ops
    sql = "INSERT INTO %s (%s) VALUES (%s)" % (
        operations.quote_name(model._meta.db_table), ", ".join(operations.quote_name(column) for column in columns),
        ", ".join(["%s"] * len(columns)))
    batch = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= INSERT_BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


@transaction.atomic
def rebuild_statements(first_month, last_month, *, actor=None, apply=True, now=None):
    """Recompute the statements of first_month..last_month and report every difference from what was stored.

    Days after today (the local date of now) are not billed yet. With apply, the stored
    statements of those months are replaced; signed settlements are never changed, and a
    difference from one is reported for an adjustment. A run without an actor is the
    platform's own monthly job.
    """
    if actor is not None:
        require_role(actor, Role.MANAGER, Role.FINANCE)
    now = now or timezone.now()
    first_month = month_start(first_month)
    end = next_month_start(last_month)

    # One unpriced item must not hold back every department's statement: the resource is reported instead.
    errors = []
    # A statement bills only days that have begun: the current month's grows day by day until it ends.
    last_day = min(end - ONE_DAY, timezone.localdate(now))
    lines = period_lines(first_month, last_day, errors=errors) if last_day >= first_month else []
    for resource_id, message in errors:
        logger.warning("resource %s left out of the statements %s..%s: %s", resource_id, first_month, last_month,
                       message)
    differences = _compare(_stored_lines(first_month, end), lines)
    total = fen_to_yuan(sum(line.amount_fen for line in lines))
    if apply:
        _replace_statements(first_month, end, lines, now)

    run = StatementRun.objects.create(first_month=first_month, last_month=month_start(last_month), applied=apply,
                                      differences=len(differences), total=total, ran_by=actor, ran_at=now)
    record_event("billing.statements_rebuilt", run, actor=actor, after=str(total),
                 details={"differences": len(differences), "applied": apply, "left_out": len(errors)}, now=now)
    logger.info("statements %s..%s recomputed: %s lines, %s differences, applied=%s",
                first_month, last_month, len(lines), len(differences), apply)
    return RebuildReport(first_month, month_start(last_month), differences, total,
                         _signed_settlement_differences(lines, first_month, end), run, errors)


def forecast_next_year(today, errors=None):
    """Return [(department id, Decimal yuan)]: next year's cost if today's resources run all year at today's prices.

    With an errors list, resources with an unpriced item are reported there and left out.
    """
    histories = load_histories(first_day=today, last_day=today)
    totals = forecast(histories, load_price_book(), today, today.year + 1, errors=errors)
    return sorted(((department, fen_to_yuan(fen)) for department, fen in totals.items()),
                  key=lambda entry: -entry[1])
