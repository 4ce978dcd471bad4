"""What the application detail page shows, and which actions the viewer may take in the current state."""

from django.db.models import Prefetch

from govcloud.accounts.models import Role
from govcloud.applications.dossier_models import MaterialKind
from govcloud.applications.materials import missing_kinds
from govcloud.applications.models import EDITABLE_STATES, REVIEW_STATES, ApplicationStatus, ReviewLine
from govcloud.audit.services import history_of
from govcloud.deadlines.services import obligations_of
from govcloud.resources.models import (
    AgreementStatus,
    CloudResource,
    ConfirmationStatus,
    DeliveryConfirmation,
    ServiceAgreement,
)
from govcloud.resources.services import remaining_quantities


def _one_or_none(queryset):
    return queryset.first()


def _still_to_provision(application):
    return {line: left for line, left in remaining_quantities(application).items() if left > 0}


def available_actions(user, application, agreement, delivery):
    """Return the set of action names the user may take on the application now."""
    status = application.status
    own_department = user.role == Role.DEPARTMENT and user.organisation_id == application.department_id
    own_provider = user.role == Role.PROVIDER and user.organisation_id == application.provider_id
    actions = set()
    if own_department and status in EDITABLE_STATES and not application.is_offline:
        actions |= {"edit", "submit"}
    if user.role == Role.MANAGER and status in EDITABLE_STATES and application.is_offline:
        # 第十条 线下: the management unit submits the paper application it recorded.
        actions.add("submit")
    if own_department and status in EDITABLE_STATES + REVIEW_STATES:
        actions.add("withdraw")
    if user.role == Role.MANAGER and status in REVIEW_STATES:
        actions.add("review")
    if own_provider and status == ApplicationStatus.APPROVED:
        actions |= {"provision", "complete_provisioning"}
    if own_provider and agreement is None and status in (ApplicationStatus.APPROVED, ApplicationStatus.PROVISIONED,
                                                         ApplicationStatus.DELIVERED):
        actions.add("record_agreement")
    if own_provider and agreement is not None and agreement.status == AgreementStatus.SIGNED:
        actions.add("file_agreement")
    if (own_department or own_provider) and status == ApplicationStatus.PROVISIONED and delivery is None:
        actions.add("submit_delivery")
    if user.role == Role.MANAGER and delivery is not None and delivery.status == ConfirmationStatus.SUBMITTED:
        actions.add("confirm_delivery")
    return actions


def detail_context(user, application):
    agreement = _one_or_none(ServiceAgreement.objects.filter(application=application))
    delivery = _one_or_none(DeliveryConfirmation.objects.filter(application=application).select_related(
        "submitted_by", "confirmed_by"))
    reviews = application.reviews.select_related("reviewer").prefetch_related(
        Prefetch("lines", queryset=ReviewLine.objects.select_related("line__item")), "filings__recipient"
    )
    resources = CloudResource.objects.filter(application=application).prefetch_related("components__item")
    actions = available_actions(user, application, agreement, delivery)
    return {
        "application": application,
        "lines": application.lines.select_related("item"),
        "reviews": reviews,
        "resources": resources,
        "agreement": agreement,
        "delivery": delivery,
        "obligations": obligations_of(application),
        "agreement_obligations": obligations_of(agreement) if agreement else [],
        "history": history_of(application, agreement, delivery, *resources)[:50],
        "actions": actions,
        "remaining": _still_to_provision(application) if "provision" in actions else None,
        "missing_materials": [MaterialKind(kind).label for kind in missing_kinds(application)],
        "expert_invitations": application.expert_invitations.select_related("expert"),
    }
