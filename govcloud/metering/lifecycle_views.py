"""Pages for change and exit: applying from a resource, the provider's completion, the handover receipt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.applications.models import RESOURCE_KINDS, Application, ApplicationKind, ApplicationStatus
from govcloud.deadlines.models import Obligation, ObligationKind, ObligationStatus
from govcloud.metering import lifecycle
from govcloud.metering.forms import ChangeForm, CompletionForm, ExitForm, HandoverForm
from govcloud.metering.models import HandoverRecord
from govcloud.resources.models import CloudResource
from govcloud.web.clock import local_today
from govcloud.web.decorators import post_only
from govcloud.web.paging import paginate


def _own_resource(request, pk):
    resource = get_object_or_404(CloudResource.objects.visible_to(request.user).select_related("system"), pk=pk)
    if request.user.role != Role.DEPARTMENT:
        raise PermissionDenied(_("Only the department that uses the resource applies for its change or exit."))
    return resource


def _application_url(application):
    return reverse("applications:detail", args=[application.pk])


@login_required
def apply_change(request, pk):
    resource = _own_resource(request, pk)
    today = local_today()
    form = ChangeForm(request.POST or None, components=lifecycle.components_in_force(resource, today))
    if request.method == "POST" and form.is_valid():
        try:
            application = lifecycle.create_change_application(
                actor=request.user, resource=resource, quantities=form.quantities(),
                reason=form.cleaned_data["reason"], today=today)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Change application {number} drafted; check it and submit it.").format(
                number=application.number))
            return redirect(_application_url(application))
    return render(request, "metering/apply.html", {"resource": resource, "form": form, "is_change": True})


@login_required
def apply_exit(request, pk):
    resource = _own_resource(request, pk)
    form = ExitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = lifecycle.create_exit_application(
                actor=request.user, resource=resource, reason=form.cleaned_data["reason"], today=local_today())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Exit application {number} drafted; check it and submit it.").format(
                number=application.number))
            return redirect(_application_url(application))
    return render(request, "metering/apply.html", {"resource": resource, "form": form, "is_change": False})


@login_required
def work_list(request):
    return _work_page(request, CompletionForm(initial={"day": local_today()}))


def _work_page(request, completion_form):
    """Render the change and exit work list; after a rejected completion the typed date stays in the form."""
    # The open change or reclaim deadline of each application, in one subquery for the whole page.
    open_deadline = Obligation.objects.filter(
        kind__in=(ObligationKind.CHANGE, ObligationKind.RECLAIM), status=ObligationStatus.OPEN,
        subject_type=ContentType.objects.get_for_model(Application), subject_id=OuterRef("pk"),
    ).order_by("due_on").values("due_on")[:1]
    applications = (Application.objects.visible_to(request.user).filter(kind__in=RESOURCE_KINDS)
                    .select_related("department", "target_resource", "provider", "handover")
                    .annotate(due_on=Subquery(open_deadline))
                    .order_by("-created_at", "-pk"))
    page = paginate(request, applications)
    return render(request, "metering/work_list.html", {
        "page_obj": page, "completion_form": completion_form, "today": local_today(),
        "is_provider": request.user.role == Role.PROVIDER, "approved": ApplicationStatus.APPROVED,
        "completed": ApplicationStatus.COMPLETED, "change": ApplicationKind.CHANGE, "exit": ApplicationKind.EXIT,
    })


@login_required
@post_only
def complete(request, pk):
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
    form = CompletionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the completion date."))
        return redirect("metering:work")
    try:
        if application.kind == ApplicationKind.CHANGE:
            lifecycle.complete_change(application, actor=request.user, completed_on=form.cleaned_data["day"])
        else:
            lifecycle.reclaim_for_exit(application, actor=request.user, reclaimed_on=form.cleaned_data["day"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _work_page(request, form)
    messages.success(request, _("Recorded."))
    return redirect("metering:work")


@login_required
def handover_new(request, pk):
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
    form = HandoverForm(request.POST or None, initial={"cleared_on": local_today()})
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.record_handover(application, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("metering:handovers")
    return render(request, "metering/handover_form.html", {"application": application, "form": form})


@login_required
def handover_list(request):
    records = (HandoverRecord.objects.visible_to(request.user)
               .select_related("application", "resource", "department", "provider").order_by("-recorded_at", "-pk"))
    page = paginate(request, records)
    return render(request, "metering/handover_list.html", {
        "page_obj": page, "is_department": request.user.role == Role.DEPARTMENT})


@login_required
@post_only
def handover_confirm(request, pk):
    record = get_object_or_404(HandoverRecord.objects.visible_to(request.user), pk=pk)
    try:
        lifecycle.confirm_handover(record, actor=request.user, confirmed_on=local_today())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("metering:handovers")
