"""The system administrator's account pages, and every user's own password change."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts import services
from govcloud.accounts.filters import AccountFilter
from govcloud.accounts.forms import AccountForm
from govcloud.accounts.models import Role, User
from govcloud.web.actions import error_text, run_service
from govcloud.web.decorators import post_only
from govcloud.web.listing import filtered_page, require_page_role


@login_required
def account_list(request):
    require_page_role(request.user, Role.SYSADMIN)
    accounts = User.objects.select_related("organisation").order_by("organisation__kind", "organisation__code",
                                                                     "username")
    return render(request, "accounts/list.html", filtered_page(request, AccountFilter, accounts))


@login_required
def account_create(request):
    require_page_role(request.user, Role.SYSADMIN)
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = services.create_account(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Account {username} created.").format(username=account.username))
            return redirect("accounts:list")
    return render(request, "accounts/form.html", {"form": form})


@login_required
@post_only
def account_set_active(request, pk):
    require_page_role(request.user, Role.SYSADMIN)
    account = get_object_or_404(User, pk=pk)
    active = request.POST.get("active") == "1"
    run_service(request, services.set_account_active, account, actor=request.user, active=active,
                success=_("Account reactivated.") if active else _("Account deactivated."))
    return redirect("accounts:list")
