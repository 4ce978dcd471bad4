"""The daily roll-up: one definition for every source (Prometheus, CSV, spreadsheet, the Bitbrains trace).

Given samples (instance, metric, epoch seconds, value) from any source:

1. A sample whose value is None means "no data" (the VM was off, or the monitoring had no reading).
   It is skipped, never counted as 0 %, because counting it as idle would invent zombies (第二十六条).
2. Of samples of one instance and metric that share a timestamp, the first with data is kept.
3. Percent metrics are clamped to [0, 100]; monitoring reports CPU above 100 % when usage bursts
   past the provisioned clock, and that is full use, not an error.
4. Each sample belongs to the local date (Asia/Shanghai) of its timestamp, optionally moved by a
   whole number of days (--shift-to) so that a historical trace can stand for recent days.
5. Per instance, metric and day: mean (arithmetic), p95 (nearest rank: sorted[ceil(0.95 n) - 1]),
   maximum, and the number of samples.
"""

import dataclasses
import datetime
import math
import zoneinfo

from govcloud.metering.models import PERCENT_METRICS

LOCAL_ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
_SECONDS_PER_HOUR = 3600


@dataclasses.dataclass(frozen=True)
class Rollup:
    instance: str
    metric: str
    day: datetime.date
    mean: float
    p95: float
    maximum: float
    samples: int

    def as_json_dict(self):
        return {
            "resource": self.instance, "date": self.day.isoformat(), "metric": str(self.metric),
            "mean": self.mean, "p95": self.p95, "max": self.maximum, "samples": self.samples,
        }


def nearest_rank_p95(sorted_values):
    """Return the 95th percentile by nearest rank of an ascending, non-empty list."""
    return sorted_values[math.ceil(0.95 * len(sorted_values)) - 1]


class LocalDayOf:
    """Map epoch seconds to the local date, caching per UTC hour.

    The cache is exact for zones whose offsets are whole hours and change on the hour, as Asia/Shanghai's
    always have; other offsets are computed for each sample.
    """

    def __init__(self, zone=LOCAL_ZONE):
        self._zone = zone
        self._days = {}

    def _offset(self, hour):
        moment = datetime.datetime.fromtimestamp(hour * _SECONDS_PER_HOUR, tz=datetime.timezone.utc)
        return int(moment.astimezone(self._zone).utcoffset().total_seconds())

    def __call__(self, epoch_seconds):
        hour = int(epoch_seconds // _SECONDS_PER_HOUR)
        day = self._days.get(hour)
        if day is not None:
            return day
        offset = self._offset(hour)
        day = datetime.date(1970, 1, 1) + datetime.timedelta(days=int((epoch_seconds + offset) // 86400))
        if offset % _SECONDS_PER_HOUR == 0:
            self._days[hour] = day
        return day


class SampleSet:
    """Samples collected from one source, de-duplicated per instance, metric and timestamp as they arrive."""

    def __init__(self):
        self._series = {}
        self.accepted = 0

    def add(self, instance, metric, epoch_seconds, value):
        if value is None:
            return
        series = self._series.get((instance, metric))
        if series is None:
            series = self._series[(instance, metric)] = {}
        if epoch_seconds in series:
            return
        series[epoch_seconds] = value
        self.accepted += 1

    def instances(self):
        return sorted({instance for instance, _metric in self._series})

    def last_timestamp(self):
        return max((max(series) for series in self._series.values() if series), default=None)

    def rollups(self, shift_days=0, day_of=None):
        """Return the daily roll-ups of every series, sorted by instance, metric and day."""
        day_of = day_of or LocalDayOf()
        shift = datetime.timedelta(days=shift_days)
        result = []
        for (instance, metric), series in sorted(self._series.items()):
            by_day = {}
            for epoch_seconds, value in series.items():
                by_day.setdefault(day_of(epoch_seconds) + shift, []).append(value)
            is_percent = metric in PERCENT_METRICS
            for day in sorted(by_day):
                result.append(_rollup_of(instance, metric, day, by_day[day], is_percent))
        return result


def _rollup_of(instance, metric, day, values, is_percent):
    if is_percent:
        values = [min(100.0, max(0.0, value)) for value in values]
    values.sort()
    return Rollup(
        instance=instance, metric=metric, day=day, mean=math.fsum(values) / len(values),
        p95=nearest_rank_p95(values), maximum=values[-1], samples=len(values),
    )


def shift_days_to_end_on(sample_set, end_day, day_of=None):
    """Return the whole number of days that moves the newest sample's local date onto end_day."""
    last = sample_set.last_timestamp()
    if last is None:
        return 0
    day_of = day_of or LocalDayOf()
    return (end_day - day_of(last)).days
