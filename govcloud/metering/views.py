"""Utilization pages: per resource, per system, the city-wide overview and the flag list."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.metering import charts, rationality
from govcloud.metering.filters import FindingFilter, FlagFilter
from govcloud.metering.forms import FindingDecisionForm, MisuseForm, RectifiedForm
from govcloud.metering.models import PERCENT_METRICS, DailyRollup, Metric, RationalityFinding, UtilizationFlag
from govcloud.metering.overview import UtilizationState, city_overview
from govcloud.policy.models import Parameter
from govcloud.policy.services import value_on
from govcloud.resources.models import CloudResource, ResourceStatus
from govcloud.systems.models import InformationSystem
from govcloud.web.clock import local_today
from govcloud.web.decorators import post_only
from govcloud.web.paging import paginate

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
    starts = sorted(set(resource.components.values_list("effective_from", flat=True)))
    return render(request, "metering/resource.html", {
        "resource": resource, "charts": charts.resource_chart(rollups, low, high, change_days=starts[1:]),
        "flags": flags,
        "low": low, "high": high,
        "can_apply": request.user.role == Role.DEPARTMENT and resource.status != ResourceStatus.RECLAIMED,
        "can_record_misuse": request.user.role == Role.MANAGER and resource.status != ResourceStatus.RECLAIMED,
        "misuse_form": MisuseForm(),
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
        "rows": rows, "totals": totals, "states": states, "today": today, "grand_total": sum(totals.values()),
        "chart": charts.overview_chart(rows, states),
    })


@login_required
def flag_list(request):
    flags = (UtilizationFlag.objects.visible_to(request.user)
             .select_related("resource", "resource__system", "department", "change_application")
             .order_by("-raised_on", "-pk"))
    flag_filter = FlagFilter(request.GET, queryset=flags)
    page = paginate(request, flag_filter.qs)
    return render(request, "metering/flag_list.html", {"filter": flag_filter, "page_obj": page})


@login_required
def finding_list(request):
    findings = (RationalityFinding.objects.visible_to(request.user)
                .select_related("resource", "resource__system", "department").order_by("-found_on", "-pk"))
    finding_filter = FindingFilter(request.GET, queryset=findings)
    page = paginate(request, finding_filter.qs)
    return render(request, "metering/finding_list.html", {
        "filter": finding_filter, "page_obj": page, "decision_form": FindingDecisionForm(),
        "rectified_form": RectifiedForm(), "definitions": rationality.definitions_on(local_today()),
        "is_manager": request.user.role == Role.MANAGER, "is_department": request.user.role == Role.DEPARTMENT,
    })


@login_required
@post_only
def finding_decide(request, pk):
    finding = get_object_or_404(RationalityFinding.objects.visible_to(request.user), pk=pk)
    form = FindingDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("metering:findings")
    actions = {"rectify": rationality.order_rectification, "reclaim": rationality.order_reclaim,
               "dismiss": rationality.dismiss_finding}
    try:
        actions[form.cleaned_data["decision"]](finding, actor=request.user, today=local_today(),
                                               note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The decision was recorded."))
    return redirect("metering:findings")


@login_required
@post_only
def finding_rectified(request, pk):
    finding = get_object_or_404(RationalityFinding.objects.visible_to(request.user), pk=pk)
    form = RectifiedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Describe what was rectified."))
        return redirect("metering:findings")
    try:
        rationality.report_rectified(finding, actor=request.user, today=local_today(), note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The rectification was reported."))
    return redirect("metering:findings")


@login_required
@post_only
def assessment_run(request):
    assessment = rationality.run_assessment(local_today(), actor=request.user)
    messages.success(request, _("Assessment done: {count} new finding(s).").format(count=assessment.findings.count()))
    return redirect("metering:findings")
