"""Pages of applications: list, drafting, detail with the actions each role may take, review, filings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.applications import services
from govcloud.applications.filters import ApplicationFilter, FilingFilter
from govcloud.applications.forms import ApplicationForm, LineFormSet, ReviewForm, lines_from
from govcloud.applications.models import Application, Decision, Filing, ReviewLine
from govcloud.applications.presentation import detail_context
from govcloud.web.actions import error_text, run_service
from govcloud.web.decorators import post_only
from govcloud.web.listing import filtered_page, require_page_role


def visible_application(request, pk):
    """Return the application if the user's organisation may see it, else 404."""
    return get_object_or_404(
        Application.objects.visible_to(request.user).select_related("department", "system", "provider"), pk=pk
    )


@login_required
def application_list(request):
    queryset = Application.objects.visible_to(request.user).select_related("department", "system", "provider")
    return render(request, "applications/list.html", filtered_page(request, ApplicationFilter, queryset))


def _form_and_lines(request, department, instance=None):
    initial_lines = [
        {"item": line.item, "quantity": line.quantity, "purpose": line.purpose} for line in instance.lines.all()
    ] if instance else None
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(data, instance=instance, department=department)
    formset = LineFormSet(data, initial=initial_lines, prefix="lines")
    return form, formset


def _save_draft(request, form, formset, instance):
    form_data = {name: form.cleaned_data[name] for name in services.FORM_FIELDS}
    lines = lines_from(formset)
    try:
        if instance is None:
            return services.create_application(actor=request.user, system=form.cleaned_data["system"],
                                               form=form_data, lines=lines)
        return services.update_application(instance, actor=request.user, form=form_data, lines=lines)
    except ValidationError as error:
        form.add_error(None, error_text(error))
        return None


@login_required
def application_create(request):
    require_page_role(request.user, Role.DEPARTMENT)
    form, formset = _form_and_lines(request, request.user.organisation)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        application = _save_draft(request, form, formset, None)
        if application:
            messages.success(request, _("Draft {number} saved.").format(number=application.number))
            return redirect("applications:detail", pk=application.pk)
    return render(request, "applications/form.html", {"form": form, "formset": formset, "application": None})


@login_required
def application_edit(request, pk):
    application = visible_application(request, pk)
    if request.user.organisation_id != application.department_id or not application.is_editable:
        raise PermissionDenied
    form, formset = _form_and_lines(request, application.department, application)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        if _save_draft(request, form, formset, application):
            messages.success(request, _("Application {number} saved.").format(number=application.number))
            return redirect("applications:detail", pk=application.pk)
    return render(request, "applications/form.html", {"form": form, "formset": formset, "application": application})


@login_required
def application_detail(request, pk):
    application = visible_application(request, pk)
    return render(request, "applications/detail.html", detail_context(request.user, application))


@login_required
@post_only
def application_submit(request, pk):
    application = visible_application(request, pk)
    run_service(request, services.submit_application, application, actor=request.user,
                success=_("Application submitted to the management unit for review."))
    return redirect("applications:detail", pk=pk)


@login_required
@post_only
def application_withdraw(request, pk):
    application = visible_application(request, pk)
    run_service(request, services.withdraw_application, application, actor=request.user,
                success=_("Application withdrawn."))
    return redirect("applications:detail", pk=pk)


def _decide(request, application, form):
    decision = form.cleaned_data["decision"]
    opinion = form.cleaned_data["opinion"]
    try:
        if decision == Decision.RETURN:
            services.return_application(application, actor=request.user, opinion=opinion)
        elif decision == Decision.REJECT:
            services.reject_application(application, actor=request.user, opinion=opinion)
        else:
            services.approve_application(application, actor=request.user, opinion=opinion,
                                         provider=form.cleaned_data["provider"], adjustments=form.adjustments())
    except ValidationError as error:
        form.add_error(None, error_text(error))
        return False
    return True


@login_required
def application_review(request, pk):
    require_page_role(request.user, Role.MANAGER)
    application = visible_application(request, pk)
    form = ReviewForm(request.POST or None, application=application)
    if request.method == "POST" and form.is_valid() and _decide(request, application, form):
        messages.success(request, _("Review opinion recorded."))
        return redirect("applications:detail", pk=pk)
    return render(request, "applications/review.html", {"application": application, "form": form})


@login_required
def filing_list(request):
    require_page_role(request.user, Role.FINANCE, Role.AUTHORITY, Role.MANAGER)
    queryset = Filing.objects.visible_to(request.user).select_related(
        "recipient", "read_by", "review__application__department", "review__application__system", "review__reviewer"
    ).prefetch_related(Prefetch("review__lines", queryset=ReviewLine.objects.select_related("line__item")))
    return render(request, "applications/filings.html", filtered_page(request, FilingFilter, queryset))


@login_required
@post_only
def filing_read(request, pk):
    filing = get_object_or_404(Filing.objects.visible_to(request.user), pk=pk)
    run_service(request, services.mark_filing_read, filing, actor=request.user, success=_("Marked as read."))
    return redirect("applications:filings")
