"""The billing engine: daily charges of resources over plain data, with no database access.

The database side (services.py) and the what-if command (scenario.py) both feed it
the same records. These are the price versions and, per resource, its billing start
(delivery confirmation, inclusive), its billing end (reclaim, exclusive) and its size
history as segments of item × quantity.  Charges are a pure function of those records (第十三条 – 第十五条).
"""

import bisect
import dataclasses
import datetime
import functools
from collections import defaultdict
from fractions import Fraction

from django.utils.translation import gettext as _

from govcloud.billing.proration import (
    ONE_DAY,
    Per,
    daily_divisor,
    daily_fen,
    days_in_year,
    fen_to_yuan,
    month_start,
    round_fen,
    split_by_month,
    to_fen,
)


class BillingDataError(ValueError):
    """The records cannot be billed as they stand; the message names the record at fault."""


@dataclasses.dataclass(frozen=True)
class PriceVersion:
    """One fee standard: the price of one unit of an item per period, from a date on."""

    item: str
    unit_price: object
    per: str
    effective_from: datetime.date
    ref: object = None

    @functools.cached_property
    def price_fen(self):
        return to_fen(self.unit_price)


@dataclasses.dataclass(frozen=True)
class Segment:
    """A quantity of one item that is part of a resource from start (inclusive) to end (exclusive, None = open)."""

    item: str
    quantity: int
    start: datetime.date
    end: datetime.date | None = None


@dataclasses.dataclass(frozen=True)
class ResourceHistory:
    """The billing facts of one resource: its department, provider, billing dates and size segments."""

    id: object
    department: object
    billing_starts_on: datetime.date
    billing_ends_on: datetime.date | None
    segments: tuple
    provider: object = None


# Not frozen: a province has millions of lines a year, and a frozen dataclass is slower to build.
@dataclasses.dataclass(slots=True)
class ChargeLine:
    """A run of consecutive days in one month at one item, quantity and price version."""

    resource: object
    department: object
    provider: object
    item: str
    quantity: int
    price: PriceVersion
    first_day: datetime.date
    last_day: datetime.date
    # The exact amount in fen is numerator ÷ divisor; Fraction is built only on request, for speed.
    numerator: int
    divisor: int = 1

    @property
    def exact_fen(self):
        return Fraction(self.numerator, self.divisor)

    @property
    def month(self):
        return month_start(self.first_day)

    @property
    def days(self):
        return (self.last_day - self.first_day).days + 1

    @property
    def amount_fen(self):
        """The line rounded half-up to the fen: the one rounding of a statement line."""
        return round_fen(self.numerator, self.divisor)

    @property
    def amount(self):
        return fen_to_yuan(self.amount_fen)


@dataclasses.dataclass(frozen=True)
class DayCharge:
    """The exact charge of one resource, item and day, in fen."""

    resource: object
    day: datetime.date
    item: str
    quantity: int
    price: PriceVersion
    exact_fen: Fraction


class PriceBook:
    """The price versions of every item, to find the one in force on a day."""

    def __init__(self, prices):
        by_item = defaultdict(list)
        for price in prices:
            if price.per not in Per.ALL:
                raise BillingDataError(
                    _("The price of {item} from {date} has an unknown period “{per}”.").format(
                        item=price.item, date=price.effective_from.isoformat(), per=price.per
                    )
                )
            by_item[price.item].append(price)
        self._versions = {}
        self._starts = {}
        for item, versions in by_item.items():
            versions.sort(key=lambda version: version.effective_from)
            for earlier, later in zip(versions, versions[1:]):
                if earlier.effective_from == later.effective_from:
                    raise BillingDataError(
                        _("Item {item} has two prices effective from the same date {date}.").format(
                            item=item, date=later.effective_from.isoformat()
                        )
                    )
            self._versions[item] = versions
            self._starts[item] = [version.effective_from for version in versions]

    def in_force(self, item, day):
        """Return the price version of item in force on day, or None."""
        starts = self._starts.get(item)
        if not starts:
            return None
        index = bisect.bisect_right(starts, day) - 1
        return self._versions[item][index] if index >= 0 else None

    def pieces(self, item, start, end):
        """Yield (first, end, price) for the half-open range [start, end) split where a new price takes effect.

        Raise BillingDataError when some day of the range has no price in force.
        """
        price = self.in_force(item, start)
        if price is None:
            raise BillingDataError(
                _("Item {item} has no price in force on {date}.").format(item=item, date=start.isoformat())
            )
        versions = self._versions[item]
        index = versions.index(price)
        first = start
        while first < end:
            following = versions[index + 1] if index + 1 < len(versions) else None
            piece_end = min(end, following.effective_from) if following else end
            yield first, piece_end, versions[index]
            first = piece_end
            index += 1


def _billed_range(history, segment, period_first, period_end):
    """Return the half-open range of the segment's days that are billed and inside the period, or None."""
    ends = [period_end]
    if segment.end is not None:
        ends.append(segment.end)
    if history.billing_ends_on is not None:
        ends.append(history.billing_ends_on)
    start = max(segment.start, history.billing_starts_on, period_first)
    end = min(ends)
    return (start, end) if start < end else None


def _check_segments(history):
    """Reject a history whose segments of one item overlap, since those days would be billed twice."""
    by_item = defaultdict(list)
    for segment in history.segments:
        if segment.end is not None and segment.end <= segment.start:
            raise BillingDataError(
                _("Resource {resource}: the size of {item} from {date} ends before it starts.").format(
                    resource=history.id, item=segment.item, date=segment.start.isoformat()
                )
            )
        by_item[segment.item].append(segment)
    for item, segments in by_item.items():
        segments.sort(key=lambda segment: segment.start)
        for earlier, later in zip(segments, segments[1:]):
            if earlier.end is None or earlier.end > later.start:
                raise BillingDataError(
                    _("Resource {resource}: two sizes of {item} overlap from {date}.").format(
                        resource=history.id, item=item, date=later.start.isoformat()
                    )
                )


def _first_billed_day(history, item):
    """Return the first billed day on which the resource has item, the day a one-off item is charged."""
    starts = [max(segment.start, history.billing_starts_on) for segment in history.segments if segment.item == item]
    return min(starts)


def _segment_lines(history, segment, book, period_first, period_end):
    billed = _billed_range(history, segment, period_first, period_end)
    if billed is None:
        return
    start, end = billed
    for first, piece_end, price in book.pieces(segment.item, start, end):
        if price.per == Per.ONCE:
            charge_day = _first_billed_day(history, segment.item)
            if first <= charge_day < piece_end:
                yield ChargeLine(
                    history.id, history.department, history.provider, segment.item, segment.quantity, price,
                    charge_day, charge_day, price.price_fen * segment.quantity,
                )
            continue
        for month_first, month_end in split_by_month(first, piece_end):
            days = (month_end - month_first).days
            yield ChargeLine(
                history.id, history.department, history.provider, segment.item, segment.quantity, price,
                month_first, month_end - ONE_DAY, price.price_fen * segment.quantity * days,
                daily_divisor(price.per, month_first),
            )


def _resource_lines(history, book, period_first, period_end):
    _check_segments(history)
    lines = []
    for segment in history.segments:
        try:
            lines.extend(_segment_lines(history, segment, book, period_first, period_end))
        except BillingDataError as error:
            raise BillingDataError(
                _("Resource {resource}: {error}").format(resource=history.id, error=error)
            ) from error
    return lines


def charge_lines(histories, book, period_first, period_last, errors=None):
    """Return the statement lines of every resource for the days period_first..period_last (inclusive).

    Each line covers consecutive days of one month at one item, quantity and price
    version, so a change or a new price starts a new line on its date.  A resource that
    cannot be billed raises BillingDataError, unless an errors list is given: then the
    resource is left out and (resource id, message) is appended to it.
    """
    period_end = period_last + ONE_DAY
    lines = []
    for history in histories:
        try:
            lines.extend(_resource_lines(history, book, period_first, period_end))
        except BillingDataError as error:
            if errors is None:
                raise
            errors.append((history.id, str(error)))
    lines.sort(key=lambda line: (line.resource, line.first_day, line.item))
    return lines


def day_charges(history, book, first_day, last_day):
    """Yield the exact charge of every billed day of one resource between first_day and last_day, day by day.

    This walks day by day on purpose: it is the drill-down behind a statement line and
    the independent reference the interval arithmetic of charge_lines is tested against.
    """
    _check_segments(history)
    for segment in history.segments:
        billed = _billed_range(history, segment, first_day, last_day + ONE_DAY)
        if billed is None:
            continue
        day, end = billed
        while day < end:
            price = book.in_force(segment.item, day)
            if price is None:
                raise BillingDataError(
                    _("Resource {resource}: item {item} has no price in force on {date}.").format(
                        resource=history.id, item=segment.item, date=day.isoformat()
                    )
                )
            if price.per == Per.ONCE:
                if day == _first_billed_day(history, segment.item):
                    yield DayCharge(history.id, day, segment.item, segment.quantity, price,
                                    Fraction(price.price_fen * segment.quantity))
            else:
                yield DayCharge(history.id, day, segment.item, segment.quantity, price,
                                daily_fen(price.price_fen, segment.quantity, price.per, day))
            day += ONE_DAY


def total_fen(lines):
    return sum(line.amount_fen for line in lines)


def totals_by(lines, key):
    """Return {key(line): total fen} over the rounded lines."""
    totals = defaultdict(int)
    for line in lines:
        totals[key(line)] += line.amount_fen
    return dict(totals)


def annual_cost_fen(segment, price, year):
    """Return what one segment costs over a whole year at one price; one-off items cost nothing more."""
    base = price.price_fen * segment.quantity
    if price.per == Per.MONTH:
        return base * 12
    if price.per == Per.YEAR:
        return base
    if price.per == Per.DAY:
        return base * days_in_year(year)
    return 0


def forecast(histories, book, today, year, errors=None):
    """Return {department: fen} that the resources in service today cost over year at today's prices (第六条).

    With an errors list, a resource with an unpriced item is left out and reported there instead of raising.
    """
    totals = defaultdict(int)
    for history in histories:
        if history.billing_starts_on > today:
            continue
        if history.billing_ends_on is not None and history.billing_ends_on <= today:
            continue
        for segment in history.segments:
            if segment.start > today or (segment.end is not None and segment.end <= today):
                continue
            price = book.in_force(segment.item, today)
            if price is None:
                error = BillingDataError(
                    _("Resource {resource}: item {item} has no price in force on {date}.").format(
                        resource=history.id, item=segment.item, date=today.isoformat()
                    )
                )
                if errors is None:
                    raise error
                errors.append((history.id, str(error)))
                continue
            totals[history.department] += annual_cost_fen(segment, price, year)
    return dict(totals)
