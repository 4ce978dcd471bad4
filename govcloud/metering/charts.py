"""ECharts options for daily utilization, with the thresholds of 第十四条 drawn as lines."""

from django.utils.translation import gettext as _

from govcloud.metering.models import PERCENT_METRICS, Metric


def _threshold_lines(low, high):
    return {"silent": True, "symbol": "none", "data": [
        {"yAxis": float(low), "name": _("Low threshold"), "lineStyle": {"color": "#0d6efd", "type": "dashed"}},
        {"yAxis": float(high), "name": _("High threshold"), "lineStyle": {"color": "#dc3545", "type": "dashed"}},
    ], "label": {"formatter": "{b} {c}%"}}


def _change_lines(change_days, days):
    """Vertical lines on the days the resource's size changed (第十四条: billing follows from that day)."""
    shown = [day.isoformat() for day in change_days if day.isoformat() in days]
    return [{"xAxis": day, "name": _("Size changed"), "lineStyle": {"color": "#6c757d", "type": "solid"},
             "label": {"formatter": "{b}"}} for day in shown]


def _metric_option(series, lines):
    days = [rollup.day.isoformat() for rollup in series]
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"data": [_("Daily mean"), _("Daily p95"), _("Daily maximum")]},
        "xAxis": {"type": "category", "data": days},
        "yAxis": {"type": "value", "min": 0, "max": 100, "axisLabel": {"formatter": "{value}%"}},
        "series": [
            {"name": _("Daily mean"), "type": "line", "data": [round(r.mean, 2) for r in series], "markLine": lines},
            {"name": _("Daily p95"), "type": "line", "data": [round(r.p95, 2) for r in series]},
            {"name": _("Daily maximum"), "type": "line", "lineStyle": {"type": "dotted"},
             "data": [round(r.maximum, 2) for r in series]},
        ],
    }


def resource_chart(rollups, low, high, change_days=()):
    """Return one option per percent metric: daily mean, p95 and maximum with the thresholds, days on the x axis.

    change_days are the dates from which a new size was in force; each is drawn as a vertical line.
    """
    by_metric = {}
    for rollup in rollups:
        by_metric.setdefault(rollup.metric, []).append(rollup)
    charts = []
    for metric in PERCENT_METRICS:
        series = by_metric.get(metric)
        if not series:
            continue
        lines = _threshold_lines(low, high)
        lines["data"] += _change_lines(change_days, [rollup.day.isoformat() for rollup in series])
        charts.append({"id": "chart-%s" % metric, "data_id": "chartdata-chart-%s" % metric,
                       "title": str(Metric(metric).label), "option": _metric_option(series, lines)})
    return charts


def system_chart(rollups, resources, low, high):
    """Return one option: each resource's daily CPU p95 as a line, with the thresholds."""
    days = sorted({rollup.day for rollup in rollups})
    values = {(rollup.resource_id, rollup.day): round(rollup.p95, 2) for rollup in rollups}
    series = [{"name": resource.name, "type": "line", "connectNulls": False,
               "data": [values.get((resource.pk, day)) for day in days]} for resource in resources]
    if series:
        series[0]["markLine"] = _threshold_lines(low, high)
    return {"tooltip": {"trigger": "axis"}, "legend": {"type": "scroll"},
            "xAxis": {"type": "category", "data": [day.isoformat() for day in days]},
            "yAxis": {"type": "value", "min": 0, "max": 100, "axisLabel": {"formatter": "{value}%"}},
            "series": series}


def overview_chart(rows, states):
    """Return a stacked bar per department of how many resources are in each state."""
    return {"tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}}, "legend": {},
            "xAxis": {"type": "category", "data": [row["department"].name for row in rows],
                      "axisLabel": {"interval": 0, "rotate": 30}},
            "yAxis": {"type": "value", "minInterval": 1},
            "series": [{"name": str(state.label), "type": "bar", "stack": "total", "barMaxWidth": 60,
                        "data": [row["counts"][state] for row in rows]} for state in states]}
