"""The daily-charge rules (第六条, 第十三条, 第十四条, 第十五条) on plain data, worked out by hand."""

import datetime
from decimal import Decimal

import pytest

from govcloud.billing.engine import (
    BillingDataError,
    PriceBook,
    PriceVersion,
    ResourceHistory,
    Segment,
    charge_lines,
    day_charges,
    forecast,
)

D = datetime.date


def book(*prices):
    return PriceBook([PriceVersion(item, Decimal(price), per, effective_from)
                      for item, price, per, effective_from in prices])


def history(*segments, starts=D(2026, 3, 10), ends=None, resource="vm-1"):
    return ResourceHistory(resource, "D01", starts, ends, tuple(segments))


def amounts(lines):
    return [(line.item, line.first_day, line.days, line.amount) for line in lines]


def test_confirmation_mid_month_bills_22_of_31_days():
    """第十三条: billing starts on the confirmation date; 1,000.00/month from 2026-03-10 costs 709.68 for March."""
    lines = charge_lines([history(Segment("ECS", 1, D(2026, 3, 10)))],
                         book(("ECS", "1000.00", "month", D(2026, 1, 1))), D(2026, 3, 1), D(2026, 3, 31))

    assert amounts(lines) == [("ECS", D(2026, 3, 10), 22, Decimal("709.68"))]


def test_new_price_version_applies_from_its_date():
    """第六条: a price changed from 1,000.00 to 1,200.00 from 2026-07-01 bills June at 1,000.00 and July at 1,200.00."""
    prices = book(("ECS", "1000.00", "month", D(2026, 1, 1)), ("ECS", "1200.00", "month", D(2026, 7, 1)))

    lines = charge_lines([history(Segment("ECS", 1, D(2026, 3, 10)))], prices, D(2026, 6, 1), D(2026, 7, 31))

    assert amounts(lines) == [("ECS", D(2026, 6, 1), 30, Decimal("1000.00")),
                              ("ECS", D(2026, 7, 1), 31, Decimal("1200.00"))]
    assert [line.price.effective_from for line in lines] == [D(2026, 1, 1), D(2026, 7, 1)]


def test_change_bills_new_size_from_completion_date():
    """第十四条: a 4 → 8 vCPU change completed 2026-05-16 bills May as 15 days at 4 and 16 days at 8 vCPU."""
    resource = history(Segment("VCPU", 4, D(2026, 3, 10), D(2026, 5, 16)), Segment("VCPU", 8, D(2026, 5, 16)))
    prices = book(("VCPU", "46.00", "month", D(2026, 1, 1)))

    lines = charge_lines([resource], prices, D(2026, 5, 1), D(2026, 5, 31))

    assert [(line.quantity, line.days) for line in lines] == [(4, 15), (8, 16)]
    # 46 × 4 × 15 / 31 = 89.032… → 89.03; 46 × 8 × 16 / 31 = 189.935… → 189.94
    assert [line.amount for line in lines] == [Decimal("89.03"), Decimal("189.94")]


def test_reclaimed_resource_billed_to_day_before_reclaim():
    """第十五条: a resource reclaimed on 2026-06-10 is billed to 2026-06-09 inclusive and never after."""
    resource = history(Segment("ECS", 1, D(2026, 3, 10)), ends=D(2026, 6, 10))
    prices = book(("ECS", "1000.00", "month", D(2026, 1, 1)))

    lines = charge_lines([resource], prices, D(2026, 6, 1), D(2026, 12, 31))
    days = [charge.day for charge in day_charges(resource, prices, D(2026, 6, 1), D(2026, 12, 31))]

    assert amounts(lines) == [("ECS", D(2026, 6, 1), 9, Decimal("300.00"))]
    assert max(days) == D(2026, 6, 9)


def test_yearly_price_accrues_per_day_of_year():
    """第六条 fee standards: a yearly price of 3,650.00 accrues 10.00 a day in 2026 (365 days)."""
    lines = charge_lines([history(Segment("WAF", 1, D(2026, 3, 10)))],
                         book(("WAF", "3650.00", "year", D(2026, 1, 1))), D(2026, 3, 1), D(2026, 3, 31))

    assert amounts(lines) == [("WAF", D(2026, 3, 10), 22, Decimal("220.00"))]


def test_one_off_item_billed_once():
    """第六条 fee standards: a one-off migration service is charged once, on the first billed day."""
    lines = charge_lines([history(Segment("MIG", 2, D(2026, 3, 10)))],
                         book(("MIG", "500.00", "once", D(2026, 1, 1))), D(2026, 1, 1), D(2026, 12, 31))

    assert amounts(lines) == [("MIG", D(2026, 3, 10), 1, Decimal("1000.00"))]


def test_daily_price_multiplies_by_days():
    lines = charge_lines([history(Segment("BW", 3, D(2026, 3, 10)))],
                         book(("BW", "1.50", "day", D(2026, 1, 1))), D(2026, 3, 1), D(2026, 3, 31))

    assert amounts(lines) == [("BW", D(2026, 3, 10), 22, Decimal("99.00"))]


def test_missing_price_names_resource_and_item():
    with pytest.raises(BillingDataError, match="vm-1.*ECS.*2026-03-10"):
        charge_lines([history(Segment("ECS", 1, D(2026, 3, 10)))],
                     book(("ECS", "1000.00", "month", D(2026, 4, 1))), D(2026, 3, 1), D(2026, 4, 30))


def test_overlapping_sizes_rejected():
    """第十三条: two sizes of one item on the same day would bill the day twice."""
    resource = history(Segment("ECS", 1, D(2026, 3, 10), D(2026, 5, 1)), Segment("ECS", 2, D(2026, 4, 1)))

    with pytest.raises(BillingDataError, match="vm-1.*ECS.*2026-04-01"):
        charge_lines([resource], book(("ECS", "1.00", "month", D(2026, 1, 1))), D(2026, 3, 1), D(2026, 5, 31))


def test_two_prices_same_date_rejected():
    with pytest.raises(BillingDataError, match="ECS"):
        book(("ECS", "1.00", "month", D(2026, 1, 1)), ("ECS", "2.00", "month", D(2026, 1, 1)))


def test_forecast_runs_todays_resources_all_next_year():
    """第六条: next year's cost of a department = today's sizes × today's prices over a whole year."""
    prices = book(("ECS", "1000.00", "month", D(2026, 1, 1)), ("WAF", "3650.00", "year", D(2026, 1, 1)),
                  ("MIG", "500.00", "once", D(2026, 1, 1)))
    running = history(Segment("ECS", 2, D(2026, 3, 10)), Segment("WAF", 1, D(2026, 3, 10)),
                      Segment("MIG", 1, D(2026, 3, 10)))
    reclaimed = history(Segment("ECS", 5, D(2026, 3, 10)), ends=D(2026, 6, 10), resource="vm-2")

    totals = forecast([running, reclaimed], prices, D(2026, 12, 4), 2027)

    assert totals == {"D01": 2 * 12 * 100000 + 365000}
