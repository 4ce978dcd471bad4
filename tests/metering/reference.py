"""An independent reading of the raw Bitbrains trace, written from the trace's README, to check the platform against.

Kept deliberately plain and separate from govcloud.metering so that a shared mistake cannot hide.
"""

import datetime
import gzip
import math

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))  # no daylight saving since 1991


def selected_rows(path):
    """Return {timestamp: fields} keeping, per timestamp, the first row with cores > 0, else the first."""
    chosen = {}
    with gzip.open(path, "rt") as stream:
        next(stream)
        for line in stream:
            fields = [float(part.strip()) for part in line.split(";")]
            timestamp = int(fields[0])
            if timestamp not in chosen or (chosen[timestamp][1] <= 0 < fields[1]):
                chosen[timestamp] = fields
    return chosen


def data_rows(path):
    """Return the selected rows that carry data (cores > 0 and CPU capacity > 0), in timestamp order."""
    return [(timestamp, fields) for timestamp, fields in sorted(selected_rows(path).items())
            if fields[1] > 0 and fields[2] > 0]


def expected_daily(path, metric):
    """Return {date: (mean, p95, max, n)} for metric "cpu" or "memory" computed straight from the file."""
    per_day = {}
    for timestamp, fields in data_rows(path):
        if metric == "cpu":
            value = fields[4]
        elif fields[5] > 0:
            value = fields[6] / fields[5] * 100
        else:
            continue
        value = min(100.0, max(0.0, value))
        day = datetime.datetime.fromtimestamp(timestamp, SHANGHAI).date()
        per_day.setdefault(day, []).append(value)
    result = {}
    for day, values in per_day.items():
        values.sort()
        result[day] = (sum(values) / len(values), values[math.ceil(0.95 * len(values)) - 1], values[-1], len(values))
    return result


def openmetrics_lines(vm, path):
    """Return OpenMetrics sample lines as a monitoring agent would have stored them: no line while the VM was off."""
    lines = {"vm_cpu_usage_percent": [], "vm_memory_usage_percent": []}
    for timestamp, fields in data_rows(path):
        lines["vm_cpu_usage_percent"].append('vm_cpu_usage_percent{instance="vm-%s"} %r %d' % (vm, fields[4], timestamp))
        if fields[5] > 0:
            lines["vm_memory_usage_percent"].append(
                'vm_memory_usage_percent{instance="vm-%s"} %r %d' % (vm, fields[6] / fields[5] * 100, timestamp))
    return lines
