"""The policy parameters page: each limit of the rules, its value today and its history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.policy.forms import PolicyValueForm
from govcloud.policy.models import Parameter, PolicyValue
from govcloud.policy.services import record_policy_value
from govcloud.web.clock import local_today
from govcloud.web.listing import require_page_role


def parameter_rows(today):
    """Return one row per Parameter with its value in force today and every value, newest first."""
    values_by_parameter = {}
    for value in PolicyValue.objects.select_related("recorded_by").order_by("parameter", "-effective_from"):
        values_by_parameter.setdefault(value.parameter, []).append(value)

    rows = []
    for parameter in Parameter:
        history = values_by_parameter.get(parameter.value, [])
        in_force = next((value for value in history if value.effective_from <= today), None)
        rows.append({"parameter": parameter, "in_force": in_force, "history": history})
    return rows


@login_required
def parameter_list(request):
    require_page_role(request.user, Role.MANAGER, Role.AUTHORITY, Role.FINANCE)
    today = local_today()
    form = PolicyValueForm()
    if request.method == "POST":
        require_page_role(request.user, Role.MANAGER)
        form = PolicyValueForm(request.POST)
        if form.is_valid():
            try:
                record_policy_value(actor=request.user, today=today, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The new value has been recorded."))
                return redirect("policy:list")

    context = {
        "rows": parameter_rows(today),
        "today": today,
        "form": form,
        "can_record": request.user.has_role(Role.MANAGER),
    }
    return render(request, "policy/parameter_list.html", context)
