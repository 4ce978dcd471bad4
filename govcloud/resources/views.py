"""Pages of provisioned resources and the provider's and management unit's delivery actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.applications.views import visible_application
from govcloud.audit.services import history_of
from govcloud.resources import services
from govcloud.resources.filters import ResourceFilter
from govcloud.resources.forms import AgreementForm, DeliveryForm, ProvisionForm
from govcloud.resources.models import CloudResource, DeliveryConfirmation, ServiceAgreement
from govcloud.web.actions import error_text, run_service
from govcloud.web.clock import local_today
from govcloud.web.decorators import post_only
from govcloud.web.listing import filtered_page, require_page_role


@login_required
def resource_list(request):
    queryset = CloudResource.objects.visible_to(request.user).select_related(
        "department", "system", "provider", "application"
    ).prefetch_related("components__item")
    return render(request, "resources/list.html", filtered_page(request, ResourceFilter, queryset))


@login_required
def resource_detail(request, pk):
    resource = get_object_or_404(
        CloudResource.objects.visible_to(request.user).select_related("department", "system", "provider", "application"),
        pk=pk,
    )
    components = resource.components.select_related("item").order_by("effective_from", "pk")
    return render(request, "resources/detail.html", {
        "resource": resource, "components": components, "history": history_of(resource)[:50],
    })


@login_required
def provision(request, application_pk):
    application = visible_application(request, application_pk)
    require_page_role(request.user, Role.PROVIDER)
    form = ProvisionForm(request.POST or None, remaining=services.remaining_quantities(application),
                         initial={"network_zone": application.network_zone, "provisioned_on": local_today()})
    if request.method == "POST" and form.is_valid():
        try:
            resource = services.record_provisioned_resource(
                application, actor=request.user, details=form.details(), quantities=form.quantities(),
                provisioned_on=form.cleaned_data["provisioned_on"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Resource {name} recorded.").format(name=resource.name))
            return redirect("applications:detail", pk=application.pk)
    return render(request, "resources/provision.html", {
        "application": application, "form": form, "heading": _("Record a provisioned resource"),
    })


@login_required
@post_only
def complete_provisioning(request, application_pk):
    application = visible_application(request, application_pk)
    run_service(request, services.complete_provisioning, application, actor=request.user,
                completed_on=local_today(), success=_("Provisioning completed."))
    return redirect("applications:detail", pk=application.pk)


@login_required
def record_agreement(request, application_pk):
    application = visible_application(request, application_pk)
    require_page_role(request.user, Role.PROVIDER)
    form = AgreementForm(request.POST or None, initial={"signed_on": local_today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_service_agreement(application, actor=request.user, today=local_today(), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Service agreement recorded; file it within the limit."))
            return redirect("applications:detail", pk=application.pk)
    return render(request, "resources/action_form.html", {
        "application": application, "form": form, "heading": _("Record the service agreement"),
    })


@login_required
@post_only
def file_agreement(request, pk):
    agreement = get_object_or_404(ServiceAgreement.objects.visible_to(request.user), pk=pk)
    run_service(request, services.file_service_agreement, agreement, actor=request.user, filed_on=local_today(),
                success=_("Service agreement filed with the management unit."))
    return redirect("applications:detail", pk=agreement.application_id)


@login_required
def submit_delivery(request, application_pk):
    application = visible_application(request, application_pk)
    form = DeliveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_delivery_confirmation(application, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Delivery confirmation submitted to the management unit."))
            return redirect("applications:detail", pk=application.pk)
    return render(request, "resources/action_form.html", {
        "application": application, "form": form, "heading": _("Submit the delivery confirmation"),
    })


@login_required
@post_only
def confirm_delivery(request, pk):
    confirmation = get_object_or_404(DeliveryConfirmation.objects.visible_to(request.user), pk=pk)
    run_service(request, services.confirm_delivery, confirmation, actor=request.user, confirmed_on=local_today(),
                success=_("Delivery confirmed; billing starts today."))
    return redirect("applications:detail", pk=confirmation.application_id)
