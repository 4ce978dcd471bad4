"""Benchmark: settle one year of a generated province-scale government cloud, and check the totals
against a single DuckDB query over the same data exported in the same run.

Run: .venv/bin/python -m bench.billing_settlement [--resources 100000] [--departments 2000] [--seed 7]
     [--through-db [--database-url URL]]

With --through-db the data set is first loaded into a fresh database (a temporary SQLite file unless
--database-url names an empty PostgreSQL database), the year is settled by the platform's services
(statements, usage assessments, scores, settlements), and DuckDB reads what the database then holds.

The engine computes statement lines by intervals (segment × price version × month). DuckDB
expands every billed day and sums them, so the two compute the same rule independently:
a line is the exact sum of its days, rounded half-up to the fen once.  The report gives both
times and their ratio, never an absolute threshold.
"""

import argparse
import csv
import datetime
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import django

from govcloud.billing.engine import PriceBook, PriceVersion, ResourceHistory, Segment, charge_lines
from govcloud.billing.proration import fen_to_yuan, quantize_yuan

YEAR = 2026
PROVIDERS = ("P-A", "P-B", "P-C")
SCORES = {"P-A": Decimal("93.5"), "P-B": Decimal("84"), "P-C": Decimal("67")}
# The default score bands (第二十九条): 90 → 100 %, 80 → 97 %, 70 → 93 %, 60 → 85 %, below → 80 %.
BANDS = ((Decimal(90), Decimal(100)), (Decimal(80), Decimal(97)), (Decimal(70), Decimal(93)),
         (Decimal(60), Decimal(85)), (Decimal(0), Decimal(80)))


def generate_prices(rng):
    """Twenty items billed by the month, the year or the day; about half get a new price during the year."""
    # Limitation: no one-off items, because the DuckDB query has no rule for the one-off charge day.
    prices = []
    for number in range(20):
        per = ("month", "month", "month", "year", "day")[number % 5]
        base = {"month": rng.randint(3000, 400000), "year": rng.randint(100000, 5000000), "day": rng.randint(50, 3000)}[per]
        item = "ITEM-%02d" % number
        prices.append(PriceVersion(item, Decimal(base) / 100, per, datetime.date(2024, 1, 1)))
        if number % 2 == 0:
            changed_on = datetime.date(YEAR, rng.randint(2, 11), rng.randint(1, 28))
            prices.append(PriceVersion(item, Decimal(int(base * rng.uniform(0.8, 1.25))) / 100, per, changed_on))
    return prices


def generate_histories(rng, resources, departments):
    """Resources confirmed over two years, a third resized (item or quantity) once or twice, a tenth reclaimed."""
    histories = []
    for number in range(resources):
        confirmed = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 650))
        item = "ITEM-%02d" % rng.randint(0, 19)
        quantity = rng.randint(1, 16)
        segments = []
        since = confirmed
        for _change in range(rng.choice((0, 0, 0, 1, 2))):
            changed_on = since + datetime.timedelta(days=rng.randint(1, 200))
            segments.append(Segment(item, quantity, since, changed_on))
            since = changed_on
            if rng.random() < 0.5:
                item = "ITEM-%02d" % rng.randint(0, 19)
            quantity = max(1, quantity + rng.choice((-2, -1, 1, 2, 4)))
        segments.append(Segment(item, quantity, since, None))
        reclaimed = since + datetime.timedelta(days=rng.randint(1, 300)) if rng.random() < 0.1 else None
        histories.append(ResourceHistory(
            number, "D%04d" % rng.randint(0, departments - 1), confirmed, reclaimed, tuple(segments),
            provider=PROVIDERS[number % len(PROVIDERS)],
        ))
    return histories


def percent_for(score):
    return next(percent for minimum, percent in BANDS if score >= minimum)


def settle_with_engine(histories, prices):
    """Return ({provider: charges fen}, {provider: payable yuan}, line count) for the year."""
    lines = charge_lines(histories, PriceBook(prices), datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31))
    charges = defaultdict(int)
    for line in lines:
        charges[line.provider] += line.amount_fen
    payable = {provider: quantize_yuan(fen_to_yuan(fen) * percent_for(SCORES[provider]) / 100)
               for provider, fen in charges.items()}
    return dict(charges), payable, len(lines)


def export(directory, histories, prices):
    with open(directory / "segments.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["resource", "provider", "item", "quantity", "seg_start", "seg_end", "bill_start", "bill_end"])
        for history in histories:
            for segment in history.segments:
                writer.writerow([history.id, history.provider, segment.item, segment.quantity, segment.start,
                                 segment.end or "", history.billing_starts_on, history.billing_ends_on or ""])
    with open(directory / "prices.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["item", "price_fen", "per", "effective_from"])
        for price in prices:
            writer.writerow([price.item, price.price_fen, price.per, price.effective_from])


# Every billed day of the year with the price version in force, grouped back into statement lines
# (resource, size segment, item, price version, month), each rounded half-up to the fen once.
DUCKDB_QUERY = """
WITH prices AS (
    SELECT item, price_fen, per, effective_from,
           lead(effective_from, 1, DATE '9999-12-31') OVER (PARTITION BY item ORDER BY effective_from) AS next_from
    FROM read_csv('{prices}', header = true, types = {{'effective_from': 'DATE'}})
), segments AS (
    SELECT resource, provider, item, quantity, seg_start,
           greatest(seg_start, bill_start, DATE '{first}') AS billed_from,
           least(coalesce(seg_end, DATE '9999-12-31'), coalesce(bill_end, DATE '9999-12-31'), DATE '{end}') AS billed_to
    FROM read_csv('{segments}', header = true,
                  types = {{'seg_start': 'DATE', 'seg_end': 'DATE', 'bill_start': 'DATE', 'bill_end': 'DATE'}})
), days AS (
    SELECT s.resource, s.provider, s.item, s.quantity, s.seg_start, CAST(d.day AS DATE) AS day
    FROM segments s, LATERAL (SELECT unnest(generate_series(s.billed_from, s.billed_to - INTERVAL 1 DAY,
                                                            INTERVAL 1 DAY)) AS day) d
    WHERE s.billed_from < s.billed_to
), priced AS (
    SELECT days.*, p.price_fen, p.per, p.effective_from
    FROM days JOIN prices p ON p.item = days.item AND days.day >= p.effective_from AND days.day < p.next_from
), lines AS (
    SELECT provider,
           sum(price_fen * quantity)::HUGEINT AS numerator,
           any_value(CASE per WHEN 'month' THEN day(last_day(day)) WHEN 'year' THEN dayofyear(make_date(year(day), 12, 31))
                     ELSE 1 END)::HUGEINT AS divisor
    FROM priced
    GROUP BY provider, resource, seg_start, item, effective_from, date_trunc('month', day)
)
SELECT provider, sum((2 * numerator + divisor) // (2 * divisor))::BIGINT AS charges_fen, count(*) AS lines
FROM lines GROUP BY provider ORDER BY provider
"""


def settle_with_duckdb(directory):
    import duckdb  # noqa: PLC0415 (a benchmark-only dependency)

    query = DUCKDB_QUERY.format(prices=directory / "prices.csv", segments=directory / "segments.csv",
                                first="%d-01-01" % YEAR, end="%d-01-01" % (YEAR + 1))
    rows = duckdb.connect().execute(query).fetchall()
    return {provider: int(fen) for provider, fen, _lines in rows}, sum(row[2] for row in rows)


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--departments", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--through-db", action="store_true", help="Load the data set and settle it with the services.")
    parser.add_argument("--database-url", help="An empty database for --through-db (default: a temporary SQLite file).")
    return parser.parse_args(argv)


def _setup_django(args, directory):
    if args.through_db:
        os.environ["DATABASE_URL"] = args.database_url or "sqlite:///%s" % (directory / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcloud.settings")
    django.setup()


def _settle_in_memory(histories, prices, directory):
    started = time.perf_counter()
    charges, payable, line_count = settle_with_engine(histories, prices)
    seconds = time.perf_counter() - started
    print("engine: %.2f s for %d statement lines" % (seconds, line_count))
    for provider in PROVIDERS:
        print("%s score %s pays %s%%: %s" % (provider, SCORES[provider], percent_for(SCORES[provider]),
                                            payable.get(provider)))
    export(directory, histories, prices)
    return charges, line_count, seconds


def _settle_through_database(histories, prices, directory):
    from bench import billing_database  # noqa: PLC0415 (needs Django set up first)

    started = time.perf_counter()
    manager, providers = billing_database.load(histories, prices)
    print("load into the database: %.2f s" % (time.perf_counter() - started))
    charges, timings = billing_database.settle(manager, providers, SCORES, YEAR)
    for step, seconds in timings.items():
        print("%s: %.2f s" % (step, seconds))
    billing_database.export(directory)
    return charges, None, sum(timings.values())


def main(argv=None):
    args = _arguments(argv)
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        _setup_django(args, directory)
        rng = random.Random(args.seed)
        prices = generate_prices(rng)
        histories = generate_histories(rng, args.resources, args.departments)
        print("data set: %d resources, %d size segments, %d departments, %d price versions" % (
            len(histories), sum(len(h.segments) for h in histories), len({h.department for h in histories}),
            len(prices)))

        settle = _settle_through_database if args.through_db else _settle_in_memory
        charges, line_count, settle_seconds = settle(histories, prices, directory)
        started = time.perf_counter()
        duckdb_charges, duckdb_lines = settle_with_duckdb(directory)
        duckdb_seconds = time.perf_counter() - started

    print("DuckDB query: %.2f s for %d lines" % (duckdb_seconds, duckdb_lines))
    print("settlement time / DuckDB time: %.2f" % (settle_seconds / duckdb_seconds))
    agree = charges == duckdb_charges and line_count in (None, duckdb_lines)
    for provider in PROVIDERS:
        print("%s charges: platform %s, DuckDB %s" % (provider, fen_to_yuan(charges.get(provider, 0)),
                                                    fen_to_yuan(duckdb_charges.get(provider, 0))))
    print("totals agree: %s" % ("yes" if agree else "NO"))
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
