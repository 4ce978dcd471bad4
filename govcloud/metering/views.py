"""Utilization pages: per resource, per system, the city-wide overview and the flag list."""

import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from govcloud.metering import charts
from govcloud.metering.filters import FlagFilter
from govcloud.metering.models import DailyRollup, Metric, PERCENT_METRICS, UtilizationFlag
from govcloud.metering.overview import UtilizationState, city_overview
from govcloud.policy.models import Parameter
from govcloud.policy.services import value_on
from govcloud.resources.models import CloudResource
from govcloud.systems.models import InformationSystem
from govcloud.web.clock import local_today

# How far back the charts reach.
CHART_DAYS = 90


def _thresholds(today):
    return value_on(Parameter.UTILIZATION_LOW_PERCENT, today), value_on(Parameter.UTILIZATION_HIGH_PERCENT, today)


@login_required
def resource_utilization(request, pk):
    resource = get_object_or_404(CloudResource.objects.visible_to(request.user).select_related("system"), pk=pk)
    today = local_today()
    low, high = _thresholds(today)
    rollups = list(DailyRollup.objects.filter(resource=resource, metric__in=PERCENT_METRICS,
                                              day__gte=today - datetime.timedelta(days=CHART_DAYS))
                   .order_by("metric", "day"))
    flags = UtilizationFlag.objects.filter(resource=resource).select_related("change_application")[:20]
    return render(request, "metering/resource.html", {
        "resource": resource, "charts": charts.resource_chart(rollups, low, high), "flags": flags,
        "low": low, "high": high,
    })


@login_required
def system_utilization(request, pk):
    system = get_object_or_404(InformationSystem.objects.visible_to(request.user), pk=pk)
    today = local_today()
    low, high = _thresholds(today)
    resources = list(CloudResource.objects.visible_to(request.user).filter(system=system).order_by("name"))
    rollups = DailyRollup.objects.filter(resource__in=resources, metric=Metric.CPU,
                                         day__gte=today - datetime.timedelta(days=CHART_DAYS))
    return render(request, "metering/system.html", {
        "system": system, "resources": resources, "low": low, "high": high,
        "chart": charts.system_chart(list(rollups), resources, low, high),
    })


@login_required
def overview(request):
    today = local_today()
    rows, totals = city_overview(request.user, today)
    states = list(UtilizationState)
    return render(request, "metering/overview.html", {
        "rows": rows, "totals": totals, "states": states, "today": today,
        "chart": charts.overview_chart(rows, states),
    })


@login_required
def flag_list(request):
    flags = (UtilizationFlag.objects.visible_to(request.user)
             .select_related("resource", "resource__system", "department", "change_application")
             .order_by("-raised_on", "-pk"))
    flag_filter = FlagFilter(request.GET, queryset=flags)
    page = Paginator(flag_filter.qs, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "metering/flag_list.html", {"filter": flag_filter, "page_obj": page})
