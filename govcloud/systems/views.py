"""Information system pages: a department manages its own systems; the city-wide roles read them all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.audit.services import history_of
from govcloud.systems import services
from govcloud.systems.filters import InformationSystemFilter
from govcloud.systems.forms import InformationSystemForm
from govcloud.systems.models import InformationSystem
from govcloud.web.clock import local_today
from govcloud.web.listing import filtered_page, require_page_role

READER_ROLES = (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE)


@login_required
def system_list(request):
    require_page_role(request.user, *READER_ROLES)
    systems = InformationSystem.objects.visible_to(request.user).select_related("department")
    context = filtered_page(request, InformationSystemFilter, systems)
    if request.user.sees_whole_city:
        context["progress"] = services.migration_progress(local_today())
    context["can_register"] = request.user.has_role(Role.DEPARTMENT)
    return render(request, "systems/system_list.html", context)


def _visible_system(user, pk):
    require_page_role(user, *READER_ROLES)
    return get_object_or_404(InformationSystem.objects.visible_to(user).select_related("department"), pk=pk)


@login_required
def system_detail(request, pk):
    system = _visible_system(request.user, pk)
    context = {
        "system": system,
        "can_edit": request.user.organisation_id == system.department_id and request.user.has_role(Role.DEPARTMENT),
        "history": history_of(system)[:20],
    }
    return render(request, "systems/system_detail.html", context)


@login_required
def system_create(request):
    require_page_role(request.user, Role.DEPARTMENT)
    form = InformationSystemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            system = services.register_system(
                actor=request.user, department=request.user.organisation, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The system has been registered."))
            return redirect("systems:detail", pk=system.pk)
    return render(request, "systems/system_form.html", {"form": form})


@login_required
def system_edit(request, pk):
    system = _visible_system(request.user, pk)
    if request.user.organisation_id != system.department_id:
        # Another department's system does not exist for this user; a city-wide reader may not edit.
        if not request.user.sees_whole_city:
            raise Http404
        require_page_role(request.user, Role.DEPARTMENT)
    form = InformationSystemForm(request.POST or None, instance=InformationSystem.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_system(system, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The system has been saved."))
            return redirect("systems:detail", pk=system.pk)
    return render(request, "systems/system_form.html", {"form": form, "system": system})
