"""Benchmark: the catalog, systems and audit list pages stay as fast with many rows as with few.

Run with `python -m bench.list_pages [--rows N]` (or `make bench`). It migrates a throw-away SQLite
database in a temporary folder, fills it with 30 rows per page (the reference) and times each page,
then adds rows up to N (default 3000) and times the pages again. Paging and per-page annotations
should keep each ratio (large / reference) near 1; a ratio that grows with N means a query per row
or an unpaged read. Before each measurement a full audit-chain check runs, as the scheduled
`verify_audit_chain` would, so the audit page verifies only the events recorded after it.
Each figure is the median of 7 requests; on a busy machine a ratio still moves by about half
either way between runs, so compare several runs before reading a trend into one.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time

REFERENCE_ROWS = 30
REPEATS = 7


def setup_django(var_dir):
    os.environ["GOVCLOUD_VAR_DIR"] = var_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcloud.settings")
    os.environ.setdefault("GOVCLOUD_LOG_LEVEL", "WARNING")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def make_people():
    from govcloud.accounts.models import Organisation, OrganisationKind, Role, User

    management = Organisation.objects.create(code="bench-mgmt", name="bench management", kind=OrganisationKind.MANAGEMENT)
    department = Organisation.objects.create(code="bench-dept", name="bench department", kind=OrganisationKind.DEPARTMENT)
    manager = User.objects.create_user("bench-manager", password="x", role=Role.MANAGER, organisation=management)
    return manager, department


def fill(count, start, department, manager):
    """Add systems, catalog items with a price and audit events numbered from start up to count."""
    from govcloud.audit.services import record_event
    from govcloud.catalog.models import CatalogCategory, CatalogItem, FeeStandard
    from govcloud.systems.models import InformationSystem, SystemKind

    categories = [CatalogCategory.objects.get_or_create(name="bench category %d" % n)[0] for n in range(5)]
    for number in range(start, count):
        system = InformationSystem.objects.create(
            department=department, name="bench system %05d" % number, contact_name="bench", contact_phone="1",
            kind=SystemKind.BUILT, mlps_level=1 + number % 3,
        )
        item = CatalogItem.objects.create(code="BENCH-%05d" % number, category=categories[number % 5],
                                          name="bench item %d" % number, unit="unit")
        FeeStandard.objects.create(item=item, unit_price="1.00", effective_from=datetime.date(2025, 1, 1))
        record_event("bench.created", system, actor=manager)


def time_page(client, url):
    """Return the median seconds of REPEATS requests of url, after one warm-up request."""
    assert client.get(url).status_code == 200
    samples = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        client.get(url)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000, help="Rows per page for the large measurement.")
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="govcloud-bench-") as var_dir:
        setup_django(var_dir)
        from django.test import Client
        from django.test.utils import setup_test_environment
        from django.urls import reverse

        # Lets the test client's host name through ALLOWED_HOSTS; nothing else of the test runner is used.
        setup_test_environment()

        manager, department = make_people()
        client = Client()
        client.force_login(manager)
        pages = [reverse("catalog:list"), reverse("systems:list"), reverse("audit:list")]

        from govcloud.audit.services import check_chain

        fill(REFERENCE_ROWS, 0, department, manager)
        check_chain()
        for url in pages:
            time_page(client, url)  # a first pass loads templates and translations into memory
        reference = {url: time_page(client, url) for url in pages}
        fill(options.rows, REFERENCE_ROWS, department, manager)
        check_chain()
        large = {url: time_page(client, url) for url in pages}

    print("page               %6d rows   %6d rows   ratio" % (REFERENCE_ROWS, options.rows))
    for url in pages:
        print("%-18s %9.1f ms %9.1f ms %7.2f" % (
            url, reference[url] * 1000, large[url] * 1000, large[url] / reference[url]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
