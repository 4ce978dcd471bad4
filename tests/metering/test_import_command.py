"""import_utilization: dry run output, idempotent imports, and malformed files that change nothing (第十四条)."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook

from govcloud.metering.models import DailyRollup, ImportRun, ImportStatus, Metric
from govcloud.metering.services import import_file
from tests.metering.helpers import make_resource, trace_path
from tests.metering.reference import expected_daily


@pytest.fixture
def resources(orgs, users, priced_items, system):
    return {
        instance: make_resource(department=orgs["applicant"], provider=orgs["provider"], system=system,
                                user=users["engineer"], items=priced_items, instance_id=instance)
        for instance in ("vm-1", "ecs-001", "ecs-002")
    }


def _rollup_snapshot():
    return sorted(DailyRollup.objects.values_list("pk", "resource_id", "metric", "day", "mean", "p95", "maximum",
                                                   "samples", "import_run_id"))


@pytest.mark.django_db
def test_dry_run_prints_json_lines_and_stores_nothing():
    """第十四条: --dry-run prints each daily roll-up as a JSON line and writes nothing."""
    out = io.StringIO()

    call_command("import_utilization", trace_path(1), preset="bitbrains", resource="vm-1", dry_run=True, stdout=out)

    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    expected = expected_daily(trace_path(1), "cpu")
    first = lines[0]
    assert set(first) == {"resource", "date", "metric", "mean", "p95", "max", "samples"}
    assert first["resource"] == "vm-1"
    assert first["date"] == "2013-08-01"
    assert first["metric"] == "cpu"
    assert (first["mean"], first["p95"], first["max"], first["samples"]) == pytest.approx(
        expected[datetime.date(2013, 8, 1)])
    assert first["samples"] == 216
    assert DailyRollup.objects.count() == 0
    assert ImportRun.objects.count() == 0


@pytest.mark.django_db
def test_shift_to_moves_the_trace_to_end_on_the_date():
    """The demo's --shift-to 2026-12-03 makes the last local day of the trace 2026-12-03, days kept whole."""
    out = io.StringIO()

    call_command("import_utilization", trace_path(1), preset="bitbrains", resource="vm-1", dry_run=True,
                 shift_to=datetime.date(2026, 12, 3), stdout=out)

    cpu = [json.loads(line) for line in out.getvalue().splitlines() if '"cpu"' in line]
    original = expected_daily(trace_path(1), "cpu")
    assert cpu[-1]["date"] == "2026-12-03"
    assert cpu[-1]["samples"] == original[datetime.date(2013, 8, 31)][3]
    assert cpu[0]["date"] == "2026-11-03"


@pytest.mark.django_db
def test_importing_twice_changes_nothing(resources):
    """Idempotency: the second import of the same trace keeps every roll-up row, id and value."""
    call_command("import_utilization", trace_path(1), preset="bitbrains", resource="vm-1", stdout=io.StringIO())
    before = _rollup_snapshot()
    out = io.StringIO()

    call_command("import_utilization", trace_path(1), preset="bitbrains", resource="vm-1", stdout=out)

    assert _rollup_snapshot() == before
    assert len(before) == 31 * 4
    second = ImportRun.objects.order_by("-pk").first()
    assert (second.rollups_created, second.rollups_updated, second.rollups_unchanged) == (0, 0, 124)


def _write_csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


GOOD_ROWS = (
    "实例ID,采集时间,CPU使用率(%),内存使用率(%),磁盘使用率(%),网络流入速率(KB/s),网络流出速率(KB/s)\n"
    "ecs-001,2026-05-11 00:00:00,10,20,30,1.5,2.5\n"
    "ecs-001,2026-05-11 00:05:00,30,40,30,0.5,0.5\n"
    "ecs-002,2026-05-11 23:55:00,120,50,60,0,0\n"
)


@pytest.mark.django_db
def test_provider_csv_preset_rolls_up_each_local_day(resources, tmp_path):
    """A provider export: local times, CPU above 100 % clamped, network in and out summed."""
    outcome = import_file(_write_csv(tmp_path / "export.csv", GOOD_ROWS), "provider-zh")

    assert outcome.succeeded
    cpu = DailyRollup.objects.get(resource=resources["ecs-001"], metric=Metric.CPU)
    assert (cpu.day, cpu.mean, cpu.p95, cpu.maximum, cpu.samples) == (datetime.date(2026, 5, 11), 20.0, 30.0, 30.0, 2)
    network = DailyRollup.objects.get(resource=resources["ecs-001"], metric=Metric.NETWORK)
    assert (network.mean, network.maximum) == (2.5, 4.0)
    clamped = DailyRollup.objects.get(resource=resources["ecs-002"], metric=Metric.CPU)
    assert clamped.maximum == 100.0


@pytest.mark.django_db
def test_xlsx_export_reads_like_csv(resources, tmp_path):
    """The same preset reads a spreadsheet export."""
    workbook = Workbook()
    for line in GOOD_ROWS.splitlines():
        cells = line.split(",")
        workbook.active.append([float(cell) if cell.replace(".", "").isdigit() else cell for cell in cells])
    workbook.save(tmp_path / "export.xlsx")

    outcome = import_file(tmp_path / "export.xlsx", "provider-zh")

    assert outcome.succeeded
    assert DailyRollup.objects.get(resource=resources["ecs-001"], metric=Metric.CPU).mean == 20.0


BAD_ROWS = (
    "实例ID,采集时间,CPU使用率(%),内存使用率(%),磁盘使用率(%),网络流入速率(KB/s),网络流出速率(KB/s)\n"
    "ecs-001,2026-05-12 00:00:00,abc,20,30,1,1\n"
    "ecs-999,2026-05-12 00:05:00,30,40,30,1,1\n"
    "ecs-002,2026-05-12 00:10:00,30,40,30,1,1\n"
    "ecs-002,2026-05-12 00:15:00,850,40,30,1,1\n"
)


@pytest.mark.django_db
def test_malformed_file_changes_nothing_and_reports_rows_in_chinese(resources, tmp_path):
    """A bad number, an unknown resource and a value in the wrong units reject the whole file, reported in Chinese."""
    import_file(_write_csv(tmp_path / "good.csv", GOOD_ROWS), "provider-zh")
    before = _rollup_snapshot()
    err = io.StringIO()

    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("import_utilization", str(_write_csv(tmp_path / "bad.csv", BAD_ROWS)), preset="provider-zh",
                     stdout=io.StringIO(), stderr=err)

    assert _rollup_snapshot() == before
    report = err.getvalue()
    assert "第2行" in report and "不是数字" in report
    assert "第3行" in report and "ecs-999" in report
    assert "第5行" in report and "不是百分比" in report
    assert "第4行" not in report
    assert "未保存任何数据" in str(raised.value)
    rejected = ImportRun.objects.get(status=ImportStatus.REJECTED)
    assert len(rejected.problems) == 3


@pytest.mark.django_db
def test_header_with_wrong_unit_rejects_file(resources, tmp_path):
    """A column whose header names another unit (‰ for CPU) is wrong units, not read as percent."""
    text = GOOD_ROWS.replace("CPU使用率(%)", "CPU使用率(‰)")

    with translation.override("zh-hans"):
        outcome = import_file(_write_csv(tmp_path / "units.csv", text), "provider-zh")

    assert not outcome.succeeded
    assert DailyRollup.objects.count() == 0
    assert "单位" in outcome.run.problems[0]


@pytest.mark.django_db
def test_millisecond_timestamps_are_rejected(resources, tmp_path):
    """Epoch milliseconds in a seconds column would land in the year 45,000: rejected as wrong units."""
    text = "instance_id,timestamp,cpu_percent\necs-001,1778428800000,12\n"

    outcome = import_file(_write_csv(tmp_path / "ms.csv", text), "standard")

    assert not outcome.succeeded
    assert DailyRollup.objects.count() == 0


@pytest.mark.django_db
def test_bad_time_is_reported_in_chinese(resources, tmp_path):
    """A time that is neither epoch seconds nor a date and time rejects the file with the row named."""
    text = "instance_id,timestamp,cpu_percent\necs-001,yesterday,12\n"

    with translation.override("zh-hans"):
        outcome = import_file(_write_csv(tmp_path / "time.csv", text), "standard")

    assert not outcome.succeeded
    assert outcome.run.problems == ["第2行：时间“yesterday”不是有效的日期时间"]
