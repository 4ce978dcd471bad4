"""The working-day calendar page: which years are known and how, and the management unit's entries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.web.clock import local_today
from govcloud.web.listing import require_page_role
from govcloud.workdays import services
from govcloud.workdays.forms import CalendarDayForm, CalendarYearForm
from govcloud.workdays.models import Coverage, DayKind


@login_required
def calendar_overview(request):
    require_page_role(request.user, Role.MANAGER, Role.AUTHORITY)
    today = local_today()
    can_enter = request.user.has_role(Role.MANAGER)
    day_form = CalendarDayForm(prefix="day")
    year_form = CalendarYearForm(prefix="year")

    if request.method == "POST":
        require_page_role(request.user, Role.MANAGER)
        if "day-date" in request.POST:
            day_form = CalendarDayForm(request.POST, prefix="day")
            if _save(request, day_form, lambda data: services.enter_day(
                    actor=request.user, date=data["date"], is_workday=data["kind"] == DayKind.WORKDAY, name=data["name"])):
                return redirect("workdays:list")
        else:
            year_form = CalendarYearForm(request.POST, prefix="year")
            if _save(request, year_form, lambda data: services.declare_year_complete(
                    actor=request.user, year=data["year"], source=data["source"])):
                return redirect("workdays:list")

    context = {
        "years": services.year_coverage(today.year + 1),
        "today": today,
        "can_enter": can_enter,
        "day_form": day_form,
        "year_form": year_form,
        "assumed": Coverage.ASSUMED,
    }
    return render(request, "workdays/calendar.html", context)


def _save(request, form, action):
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False
    messages.success(request, _("The calendar has been updated."))
    return True
