"""Settlement pages: usage assessments, evaluation scores, settlements with finance's sign-off, adjustments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.billing import assessment as assessment_services
from govcloud.billing import settlement as settlement_services
from govcloud.billing.filters import SettlementFilter
from govcloud.billing.forms import AdjustmentForm, AssessmentForm, ContractForm, EvaluationScoreForm, ProviderYearForm
from govcloud.billing.models import Adjustment, EvaluationScore, ProviderContract, Settlement, UsageAssessment
from govcloud.web.actions import error_text
from govcloud.web.decorators import post_only
from govcloud.web.listing import filtered_page, require_page_role
from govcloud.web.paging import paginate

SETTLEMENT_ROLES = (Role.MANAGER, Role.FINANCE, Role.AUTHORITY, Role.PROVIDER)
ASSESSMENT_ROLES = (Role.MANAGER, Role.FINANCE, Role.AUTHORITY, Role.PROVIDER, Role.ASSESSOR)


@login_required
def settlement_list(request):
    require_page_role(request.user, *SETTLEMENT_ROLES)
    return _settlement_page(request)


def _settlement_page(request, **bound_forms):
    """Render the settlements page; a form that failed is shown again with what was typed and its errors."""
    settlements = Settlement.objects.visible_to(request.user).select_related("provider").order_by(
        "-year", "provider__code")
    context = filtered_page(request, SettlementFilter, settlements)
    context["contracts"] = ProviderContract.objects.select_related("provider").order_by(
        "provider__code", "-starts_on")[:50]
    context["bands"] = settlement_services.bands_on(timezone.localdate())
    if request.user.has_role(Role.MANAGER):
        context.update(prepare_form=ProviderYearForm(), score_form=EvaluationScoreForm(), contract_form=ContractForm(),
                       scores=EvaluationScore.objects.select_related("provider").order_by("-year", "provider__code")[:20])
    if request.user.has_role(Role.MANAGER, Role.FINANCE):
        context["adjustment_form"] = AdjustmentForm()
        context["pending"] = Adjustment.objects.filter(settlement__isnull=True).select_related("provider", "corrects")
    context.update(bound_forms)
    return render(request, "billing/settlement_list.html", context)


@login_required
def settlement_detail(request, pk):
    require_page_role(request.user, *SETTLEMENT_ROLES)
    settlement = get_object_or_404(
        Settlement.objects.visible_to(request.user).select_related("provider", "assessment", "signed_by", "prepared_by"),
        pk=pk)
    return render(request, "billing/settlement_detail.html", {
        "settlement": settlement,
        "lines": settlement.lines.select_related("department"),
        "adjustments": settlement.adjustments.select_related("corrects", "recorded_by"),
        "corrections": settlement.corrections.select_related("settlement", "recorded_by"),
        "can_sign": not settlement.is_signed and request.user.has_role(Role.FINANCE),
    })


@login_required
@post_only
def settlement_prepare(request):
    form = ProviderYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a provider and a year."))
        return redirect("billing:settlements")
    try:
        settlement = settlement_services.prepare_settlement(
            actor=request.user, provider=form.cleaned_data["provider"], year=form.cleaned_data["year"],
            now=timezone.now())
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("billing:settlements")
    messages.success(request, _("The settlement is prepared."))
    return redirect("billing:settlement", pk=settlement.pk)


@login_required
@post_only
def settlement_sign(request, pk):
    require_page_role(request.user, *SETTLEMENT_ROLES)
    settlement = get_object_or_404(Settlement.objects.visible_to(request.user), pk=pk)
    try:
        settlement_services.sign_settlement(actor=request.user, settlement=settlement, now=timezone.now())
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The settlement is signed; it will not change again."))
    return redirect("billing:settlement", pk=pk)


@login_required
@post_only
def score_record(request):
    form = EvaluationScoreForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            settlement_services.record_evaluation_score(
                actor=request.user, provider=data["provider"], year=data["year"], score=data["score"],
                source=data["source"], now=timezone.now())
        except ValidationError as error:
            form.add_error(None, error_text(error))
            return _settlement_page(request, score_form=form)
        messages.success(request, _("The evaluation score is recorded."))
        return redirect("billing:settlements")
    return _settlement_page(request, score_form=form)


@login_required
@post_only
def adjustment_record(request):
    form = AdjustmentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            settlement_services.record_adjustment(actor=request.user, provider=data["provider"],
                                                  amount=data["amount"], reason=data["reason"], now=timezone.now())
        except ValidationError as error:
            form.add_error(None, error_text(error))
            return _settlement_page(request, adjustment_form=form)
        messages.success(request, _("The adjustment is recorded; it is paid on the next settlement."))
        return redirect("billing:settlements")
    return _settlement_page(request, adjustment_form=form)


@login_required
def assessment_list(request):
    require_page_role(request.user, *ASSESSMENT_ROLES)
    assessments = UsageAssessment.objects.visible_to(request.user).select_related("provider", "written_by")
    context = {"page_obj": paginate(request, assessments.order_by("-year", "provider__code"))}
    if request.user.has_role(*assessment_services.AUTHOR_ROLES):
        context["form"] = AssessmentForm()
    return render(request, "billing/assessment_list.html", context)


@login_required
def assessment_detail(request, pk):
    require_page_role(request.user, *ASSESSMENT_ROLES)
    assessment = get_object_or_404(UsageAssessment.objects.visible_to(request.user).select_related(
        "provider", "written_by"), pk=pk)
    return render(request, "billing/assessment_detail.html", {
        "assessment": assessment, "content": assessment.content,
        "page_obj": paginate(request, assessment.content.get("resources", {}).get("rows", [])),
        "can_edit": not assessment.is_frozen and request.user.has_role(*assessment_services.AUTHOR_ROLES),
    })


@login_required
@post_only
def assessment_save(request):
    form = AssessmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The assessment form has errors: {errors}").format(errors=form.errors.as_text()))
        return redirect("billing:assessments")
    data = form.cleaned_data
    try:
        assessment = assessment_services.draft_assessment(
            actor=request.user, provider=data["provider"], year=data["year"], conclusions=data["conclusions"],
            now=timezone.now())
        if "submit" in request.POST:
            assessment_services.submit_assessment(actor=request.user, assessment=assessment, now=timezone.now())
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("billing:assessments")
    messages.success(request, _("The usage assessment is saved."))
    return redirect("billing:assessment", pk=assessment.pk)


@login_required
@post_only
def contract_record(request):
    form = ContractForm(request.POST)
    if form.is_valid():
        try:
            settlement_services.record_contract(actor=request.user, now=timezone.now(), **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The provider contract is recorded."))
    else:
        messages.error(request, _("The contract form has errors: {errors}").format(errors=form.errors.as_text()))
    return redirect("billing:settlements")
