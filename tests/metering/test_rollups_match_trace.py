"""The same real trace through each source gives the same daily roll-ups as the raw file does (第十四条)."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from govcloud.metering.models import DailyRollup, Metric, PrometheusSource
from govcloud.metering.services import import_file, pull_prometheus
from tests.metering.conftest import PROMETHEUS_VMS
from tests.metering.helpers import make_resource, trace_path
from tests.metering.reference import expected_daily

FIRST_DAY, LAST_DAY = datetime.date(2013, 8, 1), datetime.date(2013, 8, 31)
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def trace_resources(orgs, users, priced_items, system):
    return {
        vm: make_resource(department=orgs["applicant"], provider=orgs["provider"], system=system,
                          user=users["engineer"], items=priced_items, instance_id="vm-%s" % vm)
        for vm in PROMETHEUS_VMS
    }


def _stored(resource, metric):
    return {row.day: (row.mean, row.p95, row.maximum, row.samples)
            for row in DailyRollup.objects.filter(resource=resource, metric=metric)}


def _assert_same(stored, expected):
    assert sorted(stored) == sorted(expected)
    for day, (mean, p95, maximum, count) in expected.items():
        assert stored[day][3] == count, day
        assert stored[day][0] == pytest.approx(mean, rel=1e-12), day
        assert stored[day][1] == pytest.approx(p95, rel=1e-12), day
        assert stored[day][2] == pytest.approx(maximum, rel=1e-12), day


@pytest.mark.django_db
@pytest.mark.parametrize("vm", PROMETHEUS_VMS)
def test_file_import_matches_raw_trace(trace_resources, vm):
    """第十四条 utilization from a monitoring export: each day equals the independent reading of the file."""
    outcome = import_file(trace_path(vm), "bitbrains", instance="vm-%s" % vm)

    assert outcome.succeeded, outcome.problems
    for metric in (Metric.CPU, Metric.MEMORY):
        _assert_same(_stored(trace_resources[vm], metric), expected_daily(trace_path(vm), str(metric)))


@pytest.mark.django_db
def test_vm82_days_skip_zero_core_rows(trace_resources):
    """第二十六条: "0 cores" rows are no data, so VM 82 has days with fewer than 288 samples, not 0 % days."""
    import_file(trace_path(82), "bitbrains", instance="vm-82")

    counts = sorted(DailyRollup.objects.filter(resource=trace_resources[82], metric=Metric.CPU)
                    .values_list("samples", flat=True))
    assert sum(counts) == 4449
    assert max(counts) == 288


@pytest.mark.prometheus
@pytest.mark.django_db
def test_prometheus_matches_raw_trace(trace_resources, orgs, prometheus_url):
    """第十四条 utilization from Prometheus: the roll-ups equal those computed from the raw file for three VMs."""
    source = PrometheusSource.objects.create(
        provider=orgs["provider"], name="测试监控", base_url=prometheus_url,
        cpu_query="vm_cpu_usage_percent", memory_query="vm_memory_usage_percent",
    )

    outcome = pull_prometheus(source, FIRST_DAY, LAST_DAY)

    assert outcome.succeeded, outcome.problems
    for vm in PROMETHEUS_VMS:
        for metric in (Metric.CPU, Metric.MEMORY):
            _assert_same(_stored(trace_resources[vm], metric), expected_daily(trace_path(vm), str(metric)))
    source.refresh_from_db()
    assert source.last_pulled_through == LAST_DAY


@pytest.mark.prometheus
@pytest.mark.django_db
def test_prometheus_and_file_store_identical_rows(trace_resources, orgs, prometheus_url):
    """第十四条: pulling three days from Prometheus after the file import of the same trace changes no roll-up."""
    for vm in PROMETHEUS_VMS:
        import_file(trace_path(vm), "bitbrains", instance="vm-%s" % vm)
    source = PrometheusSource.objects.create(
        provider=orgs["provider"], name="测试监控", base_url=prometheus_url,
        cpu_query="vm_cpu_usage_percent", memory_query="vm_memory_usage_percent",
    )

    outcome = pull_prometheus(source, datetime.date(2013, 8, 10), datetime.date(2013, 8, 12))

    assert outcome.run.rollups_created == 0
    assert outcome.run.rollups_updated == 0
    # 3 VMs × 2 metrics × 3 days; VM 82 has data on each of those days.
    assert outcome.run.rollups_unchanged == 18


@pytest.mark.prometheus
@pytest.mark.django_db
def test_pull_command_reads_up_to_yesterday(trace_resources, orgs, prometheus_url):
    """The cron command reads the last two complete local days of every enabled source."""
    source = PrometheusSource.objects.create(
        provider=orgs["provider"], name="测试监控", base_url=prometheus_url, cpu_query="vm_cpu_usage_percent")
    PrometheusSource.objects.create(provider=orgs["provider"], name="停用", base_url="http://127.0.0.1:9",
                                    cpu_query="up", is_enabled=False)
    out = io.StringIO()

    with time_machine.travel(datetime.datetime(2013, 8, 5, 3, tzinfo=SHANGHAI), tick=False):
        call_command("pull_utilization", stdout=out)

    days = sorted(set(DailyRollup.objects.values_list("day", flat=True)))
    assert days == [datetime.date(2013, 8, 3), datetime.date(2013, 8, 4)]
    source.refresh_from_db()
    assert source.last_pulled_through == datetime.date(2013, 8, 4)
    assert "测试监控" in out.getvalue()
