"""Reader of monitoring exports (CSV or XLSX) through column-mapping presets.

A preset is a JSON file in govcloud/metering/presets/ naming the header of each field. A header
may carry its unit in brackets, "CPU使用率(%)"; a file whose header names another unit for the
same column is rejected as having the wrong units, rather than read as if the numbers were percent.
"""

import csv
import datetime
import json
import math
import pathlib
import re

from django.utils.translation import gettext as _

from govcloud.metering.bitbrains import open_text
from govcloud.metering.models import Metric
from govcloud.metering.rollups import LOCAL_ZONE, SampleSet

PRESET_DIR = pathlib.Path(__file__).resolve().parent / "presets"
# Preset fields that carry a metric; network in and out are summed into one network throughput.
METRIC_FIELDS = {
    "cpu": Metric.CPU, "memory": Metric.MEMORY, "disk": Metric.DISK, "disk_io": Metric.DISK_IO,
    "network": Metric.NETWORK, "network_in": Metric.NETWORK, "network_out": Metric.NETWORK,
}
PERCENT_FIELDS = ("cpu", "memory", "disk")
# A percentage above this is not a burst past 100 % but another unit (per mille, MHz, bytes).
MAX_PLAUSIBLE_PERCENT = 200.0
_MAX_EPOCH_SECONDS = 10_000_000_000
_UNIT_PATTERN = re.compile(r"^(?P<base>.*?)\s*[(（\[](?P<unit>[^)）\]]*)[)）\]]\s*$")


def preset_names():
    return sorted(path.stem for path in PRESET_DIR.glob("*.json")) + ["bitbrains"]


def load_preset(name):
    path = PRESET_DIR / ("%s.json" % name)
    if not path.is_file():
        raise LookupError(_("Unknown preset “{name}”; known presets: {names}.").format(
            name=name, names=", ".join(preset_names())))
    return json.loads(path.read_text(encoding="utf-8"))


def _split_unit(header):
    match = _UNIT_PATTERN.match(header.strip())
    if match:
        return match.group("base").strip(), match.group("unit").strip()
    return header.strip(), ""


def _map_columns(preset, header, problems):
    """Return {field: column index} or None after recording why the header does not fit the preset."""
    header = [cell.strip() for cell in header]
    positions = {}
    for field, expected in preset["columns"].items():
        if expected in header:
            positions[field] = header.index(expected)
            continue
        base, unit = _split_unit(expected)
        same_base = [cell for cell in header if unit and _split_unit(cell)[0] == base]
        if same_base:
            problems.add(1, _("Column “{column}” is in the wrong units: expected “{expected}”.").format(
                column=same_base[0], expected=expected))
        elif field in preset["required"]:
            problems.add(1, _("The required column “{column}” is missing.").format(column=expected))
    if not problems.total and not any(field in METRIC_FIELDS for field in positions):
        problems.add(1, _("The file has none of the metric columns of this preset."))
    return None if problems.total else positions


def _epoch_seconds_or_none(raw, time_format):
    """Return raw as a number of epoch seconds when the preset allows numbers and raw is one, else None."""
    if isinstance(raw, (int, float)):
        return float(raw)
    digits = raw.replace(".", "", 1)
    if time_format == "local_datetime" or not digits.isascii() or not digits.isdigit():
        return None
    return float(raw)


def _parse_time(raw, time_format):
    raw = raw.strip() if isinstance(raw, str) else raw
    if isinstance(raw, datetime.datetime):
        moment = raw if raw.tzinfo else raw.replace(tzinfo=LOCAL_ZONE)
        return moment.timestamp()
    value = _epoch_seconds_or_none(raw, time_format)
    if value is not None:
        if value > _MAX_EPOCH_SECONDS:
            raise ValueError(_("the timestamp {value} is in milliseconds; seconds are expected").format(value=raw))
        return value
    try:
        moment = datetime.datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        raise ValueError(_("the time “{value}” is not a valid date and time").format(value=raw)) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_ZONE)
    return moment.timestamp()


def _parse_number(raw, field, column):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ValueError(_("the value “{value}” in column “{column}” is not a number").format(
            value=raw, column=column)) from None
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise ValueError(_("the value “{value}” in column “{column}” is not a valid measurement").format(
            value=raw, column=column))
    if field in PERCENT_FIELDS and value > MAX_PLAUSIBLE_PERCENT:
        raise ValueError(_("the value “{value}” in column “{column}” is not a percentage; check the units").format(
            value=raw, column=column))
    return value


def _read_row(row, positions, preset, row_number, samples, problems, first_rows):
    try:
        instance = str(row[positions["instance"]]).strip()
        if not instance:
            raise ValueError(_("the instance id is empty"))
        epoch_seconds = _parse_time(row[positions["time"]], preset["time_format"])
        values = {field: _parse_number(row[index], field, preset["columns"][field])
                  for field, index in positions.items() if field in METRIC_FIELDS}
    except IndexError:
        problems.add(row_number, _("The row has fewer columns than the header."))
        return
    except ValueError as error:
        problems.add(row_number, str(error))
        return
    first_rows.setdefault(instance, row_number)
    network_parts = [values.pop(field) for field in ("network_in", "network_out") if field in values]
    if network_parts:
        values["network"] = None if None in network_parts else sum(network_parts)
    for field, value in values.items():
        samples.add(instance, METRIC_FIELDS[field], epoch_seconds, value)


def _rows_of(path, preset):
    if str(path).lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        yield from workbook.active.iter_rows(values_only=True)
        workbook.close()
        return
    with open_text(path) as stream:
        yield from csv.reader(stream, delimiter=preset.get("delimiter", ","))


def read_table(path, preset, problems, samples=None):
    """Read an export through a preset; return (samples, rows read, {instance: first row number})."""
    samples = samples if samples is not None else SampleSet()
    first_rows = {}
    rows = _rows_of(path, preset)
    header = next(rows, None)
    if header is None:
        problems.add(0, _("The file is empty."))
        return samples, 0, first_rows
    # Excel writes a byte-order mark before the first header of a UTF-8 CSV.
    header = ["" if cell is None else str(cell).lstrip("\ufeff") for cell in header]
    positions = _map_columns(preset, header, problems)
    if positions is None:
        return samples, 0, first_rows
    count = 0
    for row_number, row in enumerate(rows, start=2):
        if not row or all(cell in (None, "") for cell in row):
            continue
        count += 1
        _read_row(row, positions, preset, row_number, samples, problems, first_rows)
    return samples, count, first_rows
