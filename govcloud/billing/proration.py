"""Calendar arithmetic of daily charges: month pieces, per-day fractions and the one rounding to fen.

Amounts are carried as exact fractions of a fen (integer numerator over integer
denominator) until a statement line is complete, and only then rounded half-up
to whole fen, so the lines of a statement add up exactly to its total.
"""

import calendar
import datetime
import functools
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

FEN = Decimal("0.01")
ONE_DAY = datetime.timedelta(days=1)


class Per:
    """The billing periods of a fee standard, spelled as the catalog spells them."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    ONCE = "once"
    ALL = (DAY, MONTH, YEAR, ONCE)


def days_in_month(day):
    return _days_in_month(day.year, day.month)


@functools.lru_cache(maxsize=4096)
def _days_in_month(year, month):
    return calendar.monthrange(year, month)[1]


def days_in_year(year):
    return 366 if calendar.isleap(year) else 365


def month_start(day):
    return day.replace(day=1)


def next_month_start(day):
    return _next_month_start(day.year, day.month)


@functools.lru_cache(maxsize=4096)
def _next_month_start(year, month):
    return datetime.date(year + 1, 1, 1) if month == 12 else datetime.date(year, month + 1, 1)


def split_by_month(start, end):
    """Yield (first, end) pieces of the half-open range [start, end) that never cross a month boundary."""
    first = start
    while first < end:
        piece_end = min(next_month_start(first), end)
        yield first, piece_end
        first = piece_end


def to_fen(price):
    """Return a Decimal yuan price as an integer number of fen; prices carry at most two places."""
    fen = Decimal(price) * 100
    if fen != fen.to_integral_value():
        raise ValueError("price %s has more than two decimal places" % price)
    return int(fen)


def daily_divisor(per, day):
    """Return the number of days one period's price is spread over on day (1 for day and one-off prices)."""
    if per == Per.MONTH:
        return days_in_month(day)
    if per == Per.YEAR:
        return days_in_year(day.year)
    return 1


def daily_fen(price_fen, quantity, per, day):
    """Return the exact charge of one day in fen, as a Fraction (a monthly price accrues price ÷ days in that month)."""
    return Fraction(price_fen * quantity, daily_divisor(per, day))


def round_fen(numerator, denominator=1):
    """Round the non-negative fraction numerator/denominator of a fen half-up to a whole fen."""
    if numerator < 0:
        return -round_fen(-numerator, denominator)
    return (2 * numerator + denominator) // (2 * denominator)


def fen_to_yuan(fen):
    return (Decimal(fen) / 100).quantize(FEN, rounding=ROUND_HALF_UP)


def quantize_yuan(amount):
    """Round a Decimal yuan amount half-up to the fen."""
    return Decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)
