"""Pages of an application's dossier: materials checklist and uploads, versions, expert opinions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.applications import experts, materials, versions
from govcloud.applications.dossier_forms import (
    ExpertInviteForm,
    ExpertOpinionForm,
    MaterialUploadForm,
    OfflineApplicationForm,
)
from govcloud.applications.dossier_models import ExpertInvitation, InvitationStatus
from govcloud.applications.forms import LineFormSet, lines_from
from govcloud.applications.models import REVIEW_STATES, Application
from govcloud.applications.offline import record_offline_application
from govcloud.applications.services import FORM_FIELDS
from govcloud.applications.uploads import CONTENT_TYPES
from govcloud.web.decorators import post_only
from govcloud.web.paging import paginate


def _visible_application(user, pk):
    queryset = Application.objects.visible_to(user).select_related("department", "system", "provider")
    return get_object_or_404(queryset, pk=pk)


def _may_upload(user, application):
    if application.is_offline:
        return user.has_role(Role.MANAGER) and application.is_editable
    return (user.has_role(Role.DEPARTMENT) and user.organisation_id == application.department_id
            and application.is_editable)


@login_required
def material_list(request, pk):
    application = _visible_application(request.user, pk)
    form = MaterialUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            material = materials.upload_material(
                application, actor=request.user, kind=form.cleaned_data["kind"], uploaded_file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            # A rejected file changes nothing else: the other materials and the form stay as they were.
            for message in error.messages:
                form.add_error("file", message)
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("{name} has been added to the dossier.").format(name=material.original_name))
            return redirect("dossier:materials", pk=application.pk)

    checklist = materials.checklist(application)
    return render(request, "applications/dossier_materials.html", {
        "application": application,
        "checklist": checklist,
        "missing": [entry.kind for entry in checklist if entry.is_missing],
        "form": form,
        "may_upload": _may_upload(request.user, application),
        "versions": application.versions.select_related("created_by"),
    })


@login_required
@post_only
def material_withdraw(request, pk):
    material = get_object_or_404(materials.Material.objects.visible_to(request.user), pk=pk)
    try:
        materials.withdraw_material(material, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("{name} has been withdrawn from the dossier.").format(name=material.original_name))
    return redirect("dossier:materials", pk=material.application_id)


@login_required
def material_download(request, pk):
    """Send one stored material to a user who may see its application; anyone else gets a 404."""
    try:
        material = materials.open_material_for_download(pk, actor=request.user)
    except materials.Material.DoesNotExist:
        raise Http404 from None
    response = FileResponse(material.file.open("rb"), content_type=CONTENT_TYPES[material.file_type])
    response["Content-Disposition"] = content_disposition_header(True, material.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def version_compare(request, pk):
    application = _visible_application(request.user, pk)
    all_versions = list(application.versions.select_related("created_by"))
    if not all_versions:
        return render(request, "applications/dossier_versions.html", {"application": application, "versions": []})
    by_number = {version.number: version for version in all_versions}
    newer = by_number.get(_int(request.GET.get("b")), all_versions[-1])
    older = by_number.get(_int(request.GET.get("a")), by_number.get(newer.number - 1, newer))
    form_rows, line_rows, material_rows = versions.compare_versions(older, newer)
    return render(request, "applications/dossier_versions.html", {
        "application": application, "versions": all_versions, "older": older, "newer": newer,
        "form_rows": form_rows, "line_rows": line_rows, "material_rows": material_rows,
    })


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
def expert_panel(request, pk):
    """Show the reviewer the invited experts and every opinion, with the invitation form."""
    application = _visible_application(request.user, pk)
    may_invite = request.user.has_role(Role.MANAGER) and application.status in REVIEW_STATES
    form = ExpertInviteForm(request.POST or None, application=application)
    if request.method == "POST":
        if not may_invite:
            raise PermissionDenied
        if form.is_valid():
            try:
                experts.invite_expert(application, actor=request.user, expert=form.cleaned_data["expert"])
            except ValidationError as error:
                form.add_error("expert", error)
            else:
                messages.success(request, _("{expert} has been invited.").format(expert=form.cleaned_data["expert"]))
                return redirect("dossier:experts", pk=application.pk)
    invitations = application.expert_invitations.select_related("expert", "invited_by")
    return render(request, "applications/dossier_experts.html", {
        "application": application, "invitations": invitations, "form": form, "may_invite": may_invite,
    })


@login_required
def expert_inbox(request):
    if not request.user.has_role(Role.EXPERT):
        raise PermissionDenied
    invitations = (
        ExpertInvitation.objects.filter(expert=request.user)
        .select_related("application__department", "application__system")
        .order_by("status", "-invited_at")
    )
    return render(request, "applications/expert_inbox.html", {"page_obj": paginate(request, invitations)})


@login_required
def expert_opinion(request, pk):
    invitation = get_object_or_404(
        ExpertInvitation.objects.visible_to(request.user).select_related("application__system", "application__department"),
        pk=pk, expert=request.user,
    )
    form = ExpertOpinionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            experts.record_expert_opinion(invitation, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your opinion has been recorded."))
            return redirect("dossier:expert_inbox")
    return render(request, "applications/expert_opinion.html", {
        "invitation": invitation, "application": invitation.application, "form": form,
        "answered": invitation.status == InvitationStatus.ANSWERED,
    })


@login_required
def offline_create(request):
    """Let the management unit record a department's paper application with its scanned letter (第十条)."""
    if not request.user.has_role(Role.MANAGER):
        raise PermissionDenied
    form = OfflineApplicationForm(request.POST or None, request.FILES or None)
    formset = LineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            application = record_offline_application(
                actor=request.user, system=form.cleaned_data["system"],
                form={name: form.cleaned_data[name] for name in FORM_FIELDS},
                lines=lines_from(formset), scanned_letter=form.cleaned_data["letter"],
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, _("Paper application {number} recorded; add its other scanned materials.").format(
                number=application.number))
            return redirect("dossier:materials", pk=application.pk)
    return render(request, "applications/offline_form.html", {"form": form, "formset": formset})
