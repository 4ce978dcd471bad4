"""The management unit's pages for Prometheus sources, and recording misuse found by an inspection."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.metering import rationality
from govcloud.metering.forms import MisuseForm, PrometheusSourceForm
from govcloud.metering.models import ImportRun, PrometheusSource
from govcloud.metering.sources import pull_source_now, save_prometheus_source
from govcloud.resources.models import CloudResource
from govcloud.web.clock import local_today
from govcloud.web.decorators import post_only


def _require_manager(request):
    if request.user.role != Role.MANAGER:
        raise PermissionDenied(_("Only the management unit configures monitoring sources."))


@login_required
def source_list(request):
    _require_manager(request)
    sources = PrometheusSource.objects.select_related("provider").order_by("provider__name", "name")
    runs = ImportRun.objects.order_by("-started_at", "-pk")[:20]
    return render(request, "metering/source_list.html", {"sources": sources, "runs": runs})


@login_required
def source_edit(request, pk=None):
    _require_manager(request)
    source = get_object_or_404(PrometheusSource, pk=pk) if pk else None
    form = PrometheusSourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        save_prometheus_source(actor=request.user, values=form.cleaned_data, source=source)
        return redirect("metering:sources")
    return render(request, "metering/source_form.html", {"form": form, "source": source})


@login_required
@post_only
def source_pull(request, pk):
    _require_manager(request)
    source = get_object_or_404(PrometheusSource, pk=pk)
    outcome = pull_source_now(source, actor=request.user, today=local_today())
    if outcome.succeeded:
        messages.success(request, _("{source}: {created} added, {updated} changed, {unchanged} unchanged.").format(
            source=source.name, created=outcome.run.rollups_created, updated=outcome.run.rollups_updated,
            unchanged=outcome.run.rollups_unchanged))
    else:
        messages.error(request, "; ".join(outcome.run.problems))
    return redirect("metering:sources")


@login_required
@post_only
def record_misuse(request, pk):
    resource = get_object_or_404(CloudResource.objects.visible_to(request.user), pk=pk)
    form = MisuseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Describe how the resource is used other than as applied."))
        rationality.record_misuse(resource, actor=request.user, note=form.cleaned_data["note"], today=local_today())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("metering:resource", pk=resource.pk)
    return redirect("metering:findings")
