"""Reading raw samples from a provider's Prometheus server through its HTTP API.

The roll-up must see every stored sample exactly once, as the file import does, so each metric is
read with /api/v1/query_range of "timestamp(<query>)" and "<query>" over a step grid: the first gives,
at each step, the timestamp of the sample Prometheus picked, which de-duplicates the repeats the
5-minute lookback produces. A step of 60 s (well below the 300 s monitoring interval) sees every
sample of a 5-minute series (two samples less than a minute apart lose the earlier one; monitoring
at 5-minute intervals does not produce them); query_range allows at most 11,000 points per series, so a day
(1,440 points) is read per request.
"""

import datetime
import logging

import requests
from django.utils.translation import gettext as _

from govcloud.metering.rollups import LOCAL_ZONE, SampleSet

logger = logging.getLogger(__name__)

# Limitation: two samples of one series less than STEP_SECONDS apart lose the earlier one; 5-minute monitoring has none.
STEP_SECONDS = 60


class PrometheusError(Exception):
    pass


class PrometheusClient:
    """A plain HTTP client of one Prometheus server's query API."""

    def __init__(self, base_url, timeout=30, session=None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = session or requests.Session()

    def query_range(self, query, start, end, step=STEP_SECONDS):
        """Return the matrix result of a range query: a list of {"metric": labels, "values": [[ts, "v"], ...]}."""
        try:
            response = self.session.get(
                self.base_url + "/api/v1/query_range",
                params={"query": query, "start": start, "end": end, "step": step}, timeout=self.timeout,
            )
        except requests.RequestException as error:
            raise PrometheusError(_("Prometheus at {url} could not be reached: {error}").format(
                url=self.base_url, error=error)) from error
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code != 200 or body.get("status") != "success":
            raise PrometheusError(_("Prometheus at {url} rejected the query {query}: {error}").format(
                url=self.base_url, query=query, error=body.get("error", response.status_code)))
        return body["data"]["result"]


def _day_bounds(day):
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=LOCAL_ZONE)
    return start.timestamp(), (start + datetime.timedelta(days=1)).timestamp()


def _series_key(labels, instance_label):
    return labels.get(instance_label)


def read_metric_day(client, query, metric, day, instance_label, samples):
    """Add the raw samples of one metric on one local day to samples; return how many points were read."""
    start, end = _day_bounds(day)
    # Steps at 00:00:59.999, 00:01:59.999 ... 23:59:59.999: the last one sees a sample taken in the
    # day's final minute, and none sees the next day's 00:00:00 sample, which belongs to the next day.
    first_step, last_step = start + STEP_SECONDS - 0.001, end - 0.001
    values = client.query_range(query, first_step, last_step)
    stamps = client.query_range("timestamp(%s)" % query, first_step, last_step)
    stamp_series = {_series_key(series["metric"], instance_label): series["values"] for series in stamps}
    points = 0
    for series in values:
        instance = _series_key(series["metric"], instance_label)
        if instance is None:
            logger.warning("series %s has no label %s; skipped", series["metric"], instance_label)
            continue
        stamp_by_step = {step: float(stamp) for step, stamp in stamp_series.get(instance, [])}
        for step, raw in series["values"]:
            sample_time = stamp_by_step.get(step)
            # A sample taken before the day's start is yesterday's, still in the lookback window.
            if sample_time is None or sample_time < start:
                continue
            points += 1
            samples.add(instance, metric, int(sample_time) if sample_time.is_integer() else sample_time, float(raw))
    return points


def read_days(source, first_day, last_day, client=None, samples=None):
    """Read every configured metric of a PrometheusSource for the local days first_day..last_day."""
    client = client or PrometheusClient(source.base_url, timeout=source.timeout_seconds)
    samples = samples if samples is not None else SampleSet()
    points = 0
    day = first_day
    while day <= last_day:
        for metric, query in source.queries().items():
            points += read_metric_day(client, query, metric, day, source.instance_label, samples)
        day += datetime.timedelta(days=1)
    return samples, points
