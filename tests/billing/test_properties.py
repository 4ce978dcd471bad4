"""Properties of the daily-charge rules (第十三条 – 第十五条) over random histories: the interval arithmetic of the
statement lines agrees with a day-by-day walk, no day is billed twice or outside confirmation–reclaim,
and the lines, each rounded once, add up to the total."""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from govcloud.billing.engine import PriceBook, PriceVersion, ResourceHistory, Segment, charge_lines, day_charges
from govcloud.billing.proration import ONE_DAY, fen_to_yuan, round_fen

ITEMS = ("ECS-4C8G", "ECS-8C16G", "OSS")
START = datetime.date(2024, 1, 1)

days_after = st.integers(min_value=0, max_value=3 * 366)


@st.composite
def price_books(draw):
    prices = []
    for item in ITEMS:
        per = draw(st.sampled_from(("day", "month", "year", "once")))
        offsets = sorted(draw(st.sets(st.integers(min_value=1, max_value=1000), max_size=3)))
        for offset in [0] + offsets:
            cents = draw(st.integers(min_value=0, max_value=500_000))
            prices.append(PriceVersion(item, Decimal(cents) / 100, per, START + datetime.timedelta(days=offset)))
    return PriceBook(prices)


@st.composite
def histories(draw, resource_id):
    confirmed = START + datetime.timedelta(days=draw(st.integers(min_value=0, max_value=700)))
    change_offsets = sorted(draw(st.sets(st.integers(min_value=1, max_value=400), max_size=4)))
    starts = [confirmed] + [confirmed + datetime.timedelta(days=offset) for offset in change_offsets]
    reclaim = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=500)))
    reclaimed_on = None if reclaim is None else confirmed + datetime.timedelta(days=reclaim)
    segments = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else None
        segments.append(Segment(draw(st.sampled_from(ITEMS)), draw(st.integers(min_value=1, max_value=16)), start, end))
    return ResourceHistory(resource_id, "D%02d" % draw(st.integers(0, 3)), confirmed, reclaimed_on, tuple(segments))


@st.composite
def scenarios(draw):
    resources = [draw(histories("vm-%d" % number)) for number in range(draw(st.integers(min_value=1, max_value=4)))]
    first = START + datetime.timedelta(days=draw(days_after))
    last = first + datetime.timedelta(days=draw(st.integers(min_value=0, max_value=500)))
    return draw(price_books()), resources, first, last


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_days_billed_once_within_service(scenario):
    """第十三条, 第十五条: each resource is billed at most once a day, from confirmation to the day before reclaim."""
    book, resources, first, last = scenario

    for history in resources:
        charges = list(day_charges(history, book, first, last))
        repeated = [day for day, count in Counter(charge.day for charge in charges).items() if count > 1]
        assert repeated == []
        for charge in charges:
            assert first <= charge.day <= last
            assert charge.day >= history.billing_starts_on
            assert history.billing_ends_on is None or charge.day < history.billing_ends_on

    lines = charge_lines(resources, book, first, last)
    covered = Counter()
    for line in lines:
        for offset in range(line.days):
            covered[(line.resource, line.first_day + datetime.timedelta(days=offset))] += 1
    assert [key for key, count in covered.items() if count > 1] == []


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_lines_equal_daily_charges_rounded_once(scenario):
    """第二十九条 据实结算: each line is the sum of its days' exact charges rounded half-up once,
    and the statement total is the sum of its lines to the fen."""
    book, resources, first, last = scenario
    lines = charge_lines(resources, book, first, last)

    daily = defaultdict(Fraction)
    for history in resources:
        for charge in day_charges(history, book, first, last):
            daily[(charge.resource, charge.item, charge.quantity, charge.price, charge.day)] += charge.exact_fen

    total_fen = 0
    for line in lines:
        line_exact = Fraction(0)
        day = line.first_day
        while day <= line.last_day:
            line_exact += daily.pop((line.resource, line.item, line.quantity, line.price, day), Fraction(0))
            day += ONE_DAY
        assert line.amount_fen == round_fen(line_exact.numerator, line_exact.denominator)
        total_fen += line.amount_fen
    assert {key: value for key, value in daily.items() if value} == {}
    assert fen_to_yuan(total_fen) == sum((line.amount for line in lines), Decimal("0.00"))
