"""Benchmark: import a monitoring export of at least 10 million samples and compare with PostgreSQL's COPY.

Run with `python -m bench.metering_import [--samples N]` (or `make bench`). It needs a PostgreSQL server
(BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and creates, then drops, the
database govcloud_bench_metering. Both figures come from the same run on the same file:

- the platform: `import_file(..., "standard")`, which parses, de-duplicates, rolls up per local day and
  stores the daily roll-ups in one transaction;
- the reference: `COPY ... FROM STDIN (FORMAT csv, HEADER)` of the same file's rows into an unlogged table.
"""

import argparse
import csv
import os
import random
import sys
import tempfile
import time

import dj_database_url
import psycopg

SAMPLES_PER_ROW = 4
START_EPOCH = 1_777_564_800  # 2026-05-01 00:00 Asia/Shanghai
INTERVAL_SECONDS = 300
BENCH_DB = "govcloud_bench_metering"


def write_export(path, samples, instances):
    """Write a standard-preset CSV of about `samples` samples (4 per row), spread over `instances` VMs."""
    rows = -(-samples // SAMPLES_PER_ROW)
    per_instance = -(-rows // instances)
    rng = random.Random(20130801)
    with open(path, "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["instance_id", "timestamp", "cpu_percent", "memory_percent", "disk_percent", "network_kbps"])
        for instance in range(instances):
            base_cpu = rng.uniform(1, 90)
            for step in range(per_instance):
                writer.writerow([
                    "bench-%05d" % instance, START_EPOCH + step * INTERVAL_SECONDS,
                    "%.3f" % min(100.0, max(0.0, rng.gauss(base_cpu, 8))), "%.3f" % rng.uniform(5, 95),
                    "%.2f" % rng.uniform(10, 80), "%.3f" % rng.expovariate(0.05),
                ])
    return instances * per_instance


def _admin_url():
    return os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def recreate_database():
    with psycopg.connect(_admin_url(), autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS %s" % BENCH_DB)
        connection.execute("CREATE DATABASE %s" % BENCH_DB)
    config = dj_database_url.parse(_admin_url())
    config["NAME"] = BENCH_DB
    return "postgres://%s@%s:%s/%s" % (config["USER"], config["HOST"], config["PORT"] or 5432, BENCH_DB)


def drop_database():
    with psycopg.connect(_admin_url(), autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS %s" % BENCH_DB)


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcloud.settings")
    os.environ.setdefault("GOVCLOUD_LOG_LEVEL", "WARNING")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def create_resources(instances):
    """Create the organisations, system, application and resources the export's instance ids refer to."""
    import datetime

    from govcloud.accounts.models import Organisation, OrganisationKind, Role, User
    from govcloud.applications.models import Application, ApplicationStatus
    from govcloud.resources.models import CloudResource, ResourceStatus
    from govcloud.systems.models import InformationSystem

    department = Organisation.objects.create(code="bench-dept", name="bench department", kind=OrganisationKind.DEPARTMENT)
    provider = Organisation.objects.create(code="bench-provider", name="bench provider", kind=OrganisationKind.PROVIDER)
    user = User.objects.create(username="bench", role=Role.PROVIDER, organisation=provider)
    system = InformationSystem.objects.create(department=department, name="bench system", contact_name="bench",
                                              contact_phone="0", kind="built", mlps_level=2)
    application = Application.objects.create(number="BENCH-1", status=ApplicationStatus.DELIVERED, department=department,
                                             system=system, provider=provider, contact_name="bench", contact_phone="0",
                                             reason="bench", created_by=user)
    since = datetime.date(2026, 1, 1)
    CloudResource.objects.bulk_create([
        CloudResource(application=application, department=department, system=system, provider=provider,
                      name="bench-%05d" % number, instance_id="bench-%05d" % number, network_zone="extranet",
                      status=ResourceStatus.IN_SERVICE, provisioned_on=since, billing_starts_on=since, recorded_by=user)
        for number in range(instances)
    ])


def time_platform_import(path):
    from govcloud.metering.services import import_file

    started = time.perf_counter()
    outcome = import_file(path, "standard")
    elapsed = time.perf_counter() - started
    if not outcome.succeeded:
        raise SystemExit("import rejected: %s" % outcome.run.problems[:5])
    return elapsed, outcome.run


def time_copy(database_url, path):
    with psycopg.connect(database_url) as connection:
        connection.execute("CREATE UNLOGGED TABLE bench_copy (instance_id text, ts bigint, cpu float8, "
                           "memory float8, disk float8, network float8)")
        started = time.perf_counter()
        with connection.cursor() as cursor, open(path, "rb") as source:
            with cursor.copy("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)") as copy:
                while chunk := source.read(1 << 20):
                    copy.write(chunk)
        connection.commit()
        elapsed = time.perf_counter() - started
        rows = connection.execute("SELECT count(*) FROM bench_copy").fetchone()[0]
    return elapsed, rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10_000_000, help="samples in the generated export")
    parser.add_argument("--instances", type=int, default=1000, help="VMs the samples are spread over")
    arguments = parser.parse_args(argv)

    database_url = recreate_database()
    try:
        setup_django(database_url)
        create_resources(arguments.instances)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "export.csv")
            rows = write_export(path, arguments.samples, arguments.instances)
            samples = rows * SAMPLES_PER_ROW
            size_mb = os.path.getsize(path) / 1e6
            copy_seconds, copied = time_copy(database_url, path)
            import_seconds, run = time_platform_import(path)
    finally:
        from django.db import connections

        connections.close_all()
        drop_database()

    print("file: %d rows, %d samples, %.0f MB, %d instances" % (rows, samples, size_mb, arguments.instances))
    print("PostgreSQL COPY:   %8.1f s  %12.0f samples/s  (%d rows)" % (copy_seconds, samples / copy_seconds, copied))
    print("platform import:   %8.1f s  %12.0f samples/s  (%d daily roll-ups)" % (
        import_seconds, samples / import_seconds, run.rollups_created))
    print("ratio import/COPY: %.3f of COPY's rate" % (copy_seconds / import_seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
