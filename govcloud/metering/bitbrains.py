"""Reader of the Bitbrains GWA-T-12 per-VM trace files exactly as published.

The format: one VM per file, the two-character delimiter ";\\t", a header line, then one row per
sample with 11 fields. The first field is epoch SECONDS although the header says [ms]. Memory is in
KB, throughput in KB/s. Rows may repeat a timestamp (two merged record streams); rows with 0 cores
or 0 CPU capacity mean the VM was not running and carry no data.
"""

import gzip

from django.utils.translation import gettext as _

from govcloud.metering.models import Metric
from govcloud.metering.rollups import SampleSet

HEADER = (
    "Timestamp [ms]", "CPU cores", "CPU capacity provisioned [MHZ]", "CPU usage [MHZ]", "CPU usage [%]",
    "Memory capacity provisioned [KB]", "Memory usage [KB]", "Disk read throughput [KB/s]",
    "Disk write throughput [KB/s]", "Network received throughput [KB/s]", "Network transmitted throughput [KB/s]",
)
# Epoch seconds after this (2286-11-20) are milliseconds written into a seconds column.
_MAX_EPOCH_SECONDS = 10_000_000_000


def open_text(path):
    if str(path).endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def read_bitbrains(path, instance, problems, samples=None):
    """Read one trace file into a SampleSet for instance; return (samples, rows read)."""
    samples = samples if samples is not None else SampleSet()
    rows = 0
    with open_text(path) as stream:
        header = tuple(field.strip() for field in stream.readline().split(";"))
        if header != HEADER:
            problems.add(0, _("The header does not match the Bitbrains trace format: {header}").format(
                header=", ".join(header)[:200]))
            return samples, rows
        chosen = {}
        for row_number, line in enumerate(stream, start=2):
            if not line.strip():
                continue
            rows += 1
            parsed = _parse_row(line, row_number, problems)
            if parsed is None:
                continue
            epoch_seconds, cores = parsed[0], parsed[1]
            # Of rows sharing a timestamp keep the first with cores > 0, else the first.
            previous = chosen.get(epoch_seconds)
            if previous is None or (previous[1] <= 0 < cores):
                chosen[epoch_seconds] = parsed
    for epoch_seconds, _cores, has_data, cpu, memory, disk_io, network in chosen.values():
        if not has_data:
            continue
        samples.add(instance, Metric.CPU, epoch_seconds, cpu)
        samples.add(instance, Metric.MEMORY, epoch_seconds, memory)
        samples.add(instance, Metric.DISK_IO, epoch_seconds, disk_io)
        samples.add(instance, Metric.NETWORK, epoch_seconds, network)
    return samples, rows


def _parse_row(line, row_number, problems):
    fields = [field.strip() for field in line.split(";")]
    if len(fields) != len(HEADER):
        problems.add(row_number, _("Expected {expected} fields, found {found}.").format(
            expected=len(HEADER), found=len(fields)))
        return None
    try:
        epoch_seconds = int(fields[0])
        values = [float(field) for field in fields[1:]]
    except ValueError:
        problems.add(row_number, _("A field is not a number: {fields}").format(fields=", ".join(fields)[:200]))
        return None
    if epoch_seconds > _MAX_EPOCH_SECONDS:
        problems.add(row_number, _("The timestamp {value} is in milliseconds; this format uses seconds.").format(
            value=fields[0]))
        return None
    cores, cpu_capacity, _cpu_mhz, cpu_percent, memory_capacity, memory_used, read, write, received, sent = values
    if min(values) < 0:
        problems.add(row_number, _("A measurement is negative."))
        return None
    has_data = cores > 0 and cpu_capacity > 0
    memory = memory_used / memory_capacity * 100 if memory_capacity > 0 else None
    return epoch_seconds, cores, has_data, cpu_percent, memory, read + write, received + sent
