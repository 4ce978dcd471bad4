"""Provisioning against the approved quantities, the service agreement and the delivery confirmation
(第十二条, 第十三条)."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_own_provider, require_role
from govcloud.applications.models import Application, ApplicationStatus
from govcloud.audit.services import record_event
from govcloud.catalog.pricing import unpriced_items
from govcloud.deadlines.models import ObligationKind
from govcloud.deadlines.services import meet_obligations, open_obligation
from govcloud.resources.models import (
    AgreementStatus,
    CloudResource,
    ConfirmationStatus,
    DeliveryConfirmation,
    ResourceComponent,
    ResourceStatus,
    ServiceAgreement,
)

logger = logging.getLogger(__name__)


def _lock_application(application):
    # Lock only the application row: the provider is joined from the nullable side.
    return Application.objects.select_for_update(of=("self",)).select_related(
        "department", "system", "provider"
    ).get(pk=application.pk)


def _require_status(application, status):
    if application.status != status:
        raise ValidationError(
            _("This action is not possible while the application is “{status}”.").format(
                status=application.get_status_display()
            ),
            code="invalid_state",
        )


def allocated_quantities(application):
    """Return {application line pk: quantity already provisioned}."""
    rows = (
        ResourceComponent.objects.filter(application_line__application=application)
        .values("application_line")
        .annotate(total=Sum("quantity"))
    )
    return {row["application_line"]: row["total"] for row in rows}


def remaining_quantities(application):
    """Return {line: approved quantity not yet provisioned} for the approved lines."""
    allocated = allocated_quantities(application)
    return {
        line: (line.approved_quantity or 0) - allocated.get(line.pk, 0)
        for line in application.lines.select_related("item")
    }


@transaction.atomic
def record_provisioned_resource(application, *, actor, details, quantities, provisioned_on, now=None):
    """Record one provisioned instance and the approved quantities it takes up.

    details contains name, instance_id, network_zone, ip_address and operating_system;
    quantities maps an application line's pk to the quantity this instance provides.
    """
    application = _lock_application(application)
    require_own_provider(actor, application.provider)
    _require_status(application, ApplicationStatus.APPROVED)

    now = now or timezone.now()
    if provisioned_on > timezone.localdate(now):
        raise ValidationError(_("The provisioning date cannot be in the future."))
    if application.decided_on and provisioned_on < application.decided_on:
        raise ValidationError(_("Resources cannot be provisioned before the review opinion."))

    remaining = {line.pk: (line, left) for line, left in remaining_quantities(application).items()}
    quantities = {pk: quantity for pk, quantity in quantities.items() if quantity}
    if not quantities:
        raise ValidationError(_("Enter the quantity of at least one approved item this instance provides."))
    for pk, quantity in quantities.items():
        if pk not in remaining:
            raise ValidationError(_("An item does not belong to this application."))
        line, left = remaining[pk]
        if quantity < 0 or quantity > left:
            raise ValidationError(
                _("{code}: {quantity} exceeds the {left} approved and not yet provisioned.").format(
                    code=line.item.code, quantity=quantity, left=left
                )
            )
    if CloudResource.objects.filter(provider=application.provider, instance_id=details["instance_id"]).exists():
        raise ValidationError(_("Instance id {id} is already recorded.").format(id=details["instance_id"]))

    resource = CloudResource.objects.create(
        application=application,
        department=application.department,
        system=application.system,
        provider=application.provider,
        network_zone=details.get("network_zone") or application.network_zone,
        provisioned_on=provisioned_on,
        recorded_by=actor,
        name=details["name"],
        instance_id=details["instance_id"],
        ip_address=details.get("ip_address") or None,
        operating_system=details.get("operating_system", ""),
    )
    ResourceComponent.objects.bulk_create(
        ResourceComponent(resource=resource, item=remaining[pk][0].item, quantity=quantity,
                          application_line=remaining[pk][0], effective_from=provisioned_on)
        for pk, quantity in quantities.items()
    )

    record_event("resource.provisioned", resource, actor=actor, after=resource.status, now=now,
                 details={"application": application.number,
                          "components": {remaining[pk][0].item.code: q for pk, q in quantities.items()}})
    logger.info("resource %s provisioned for application %s", resource.instance_id, application.number)
    return resource


@transaction.atomic
def complete_provisioning(application, *, actor, completed_on, now=None):
    """Declare every approved quantity provisioned; this meets the provisioning limit (第十二条)."""
    application = _lock_application(application)
    require_own_provider(actor, application.provider)
    _require_status(application, ApplicationStatus.APPROVED)
    missing = [line for line, left in remaining_quantities(application).items() if left > 0]
    if missing:
        raise ValidationError(
            _("Not yet provisioned: {items}.").format(
                items=", ".join("%s × %s" % (line.item.code, left)
                                for line, left in remaining_quantities(application).items() if left > 0)
            )
        )

    before = application.status
    application.status = ApplicationStatus.PROVISIONED
    application.save(update_fields=["status"])
    meet_obligations(ObligationKind.PROVISION, application, met_on=completed_on)

    record_event("application.provisioned", application, actor=actor, before=before, after=application.status,
                 now=now, details={"completed_on": completed_on})
    logger.info("application %s fully provisioned on %s", application.number, completed_on)
    return application


@transaction.atomic
def record_service_agreement(application, *, actor, number, signed_on, today, now=None):
    """Record the agreement signed for the approved resources; filing is due 7 days after signing (第十二条)."""
    application = _lock_application(application)
    require_own_provider(actor, application.provider)
    if application.status not in (ApplicationStatus.APPROVED, ApplicationStatus.PROVISIONED,
                                  ApplicationStatus.DELIVERED):
        raise ValidationError(_("An agreement can be recorded only for an approved application."))
    if ServiceAgreement.objects.filter(application=application).exists():
        raise ValidationError(_("The agreement of this application is already recorded."))
    if ServiceAgreement.objects.filter(number=number).exists():
        raise ValidationError(_("Agreement number {number} is already recorded.").format(number=number))
    if signed_on > today:
        raise ValidationError(_("The signing date cannot be in the future."))
    if application.decided_on and signed_on < application.decided_on:
        raise ValidationError(_("The agreement cannot be signed before the review opinion."))

    agreement = ServiceAgreement.objects.create(
        application=application, department=application.department, provider=application.provider,
        number=number, signed_on=signed_on, recorded_by=actor,
    )
    open_obligation(ObligationKind.AGREEMENT_FILING, agreement, owed_by=application.provider,
                    department=application.department, triggered_on=signed_on)

    record_event("agreement.recorded", agreement, actor=actor, after=agreement.status, now=now,
                 details={"application": application.number, "signed_on": signed_on})
    return agreement


@transaction.atomic
def file_service_agreement(agreement, *, actor, filed_on, now=None):
    """File the signed agreement with the management unit, meeting the 7-day limit (第十二条)."""
    agreement = ServiceAgreement.objects.select_for_update().get(pk=agreement.pk)
    require_own_provider(actor, agreement.provider)
    if agreement.status != AgreementStatus.SIGNED:
        raise ValidationError(_("This agreement is already filed."))

    agreement.status = AgreementStatus.FILED
    agreement.filed_on = filed_on
    agreement.save(update_fields=["status", "filed_on"])
    meet_obligations(ObligationKind.AGREEMENT_FILING, agreement, met_on=filed_on)

    record_event("agreement.filed", agreement, actor=actor, before=AgreementStatus.SIGNED, after=agreement.status,
                 now=now)
    return agreement


def _delivery_number(application):
    return "JF" + application.number[3:]


@transaction.atomic
def submit_delivery_confirmation(application, *, actor, credential_handover, now=None):
    """Submit the delivery confirmation letter (附件4) for a fully provisioned application.

    The provider or the using department may submit it (第十三条).
    """
    application = _lock_application(application)
    if actor.role == Role.PROVIDER:
        require_own_provider(actor, application.provider)
    else:
        require_role(actor, Role.DEPARTMENT)
        if actor.organisation_id != application.department_id:
            raise PermissionDenied(_("This record belongs to another department."))
    _require_status(application, ApplicationStatus.PROVISIONED)
    if DeliveryConfirmation.objects.filter(application=application).exists():
        raise ValidationError(_("The delivery confirmation of this application is already submitted."))
    if not credential_handover.strip():
        raise ValidationError(_("Say how the initial credentials were handed over."))
    now = now or timezone.now()

    confirmation = DeliveryConfirmation.objects.create(
        application=application, department=application.department, provider=application.provider,
        number=_delivery_number(application), credential_handover=credential_handover.strip(),
        submitted_by=actor, submitted_at=now,
    )
    record_event("delivery.submitted", confirmation, actor=actor, after=confirmation.status, now=now)
    logger.info("delivery confirmation %s submitted", confirmation.number)
    return confirmation


@transaction.atomic
def confirm_delivery(confirmation, *, actor, confirmed_on, now=None):
    """Confirm the delivery: billing of every resource of the application starts that day (第十三条),
    and the department's 30-working-day migration limit begins."""
    require_role(actor, Role.MANAGER)
    confirmation = DeliveryConfirmation.objects.select_for_update().get(pk=confirmation.pk)
    if confirmation.status != ConfirmationStatus.SUBMITTED:
        raise ValidationError(_("This delivery is already confirmed."))
    application = _lock_application(confirmation.application)
    items = list({component.item for component in ResourceComponent.objects.filter(
        resource__application=application).select_related("item")})
    missing = unpriced_items(items, confirmed_on)
    if missing:
        # 第六条 and 第十三条: billing starts on confirmation, so every item needs finance's fee standard first.
        raise ValidationError(
            _("As of {date} these items have no fee standard in force: {items}. Finance must set one before the "
              "delivery can be confirmed.").format(date=confirmed_on.isoformat(),
                                          items=", ".join(sorted(item.code for item in missing)))
        )

    confirmation.status = ConfirmationStatus.CONFIRMED
    confirmation.confirmed_by = actor
    confirmation.confirmed_on = confirmed_on
    confirmation.save(update_fields=["status", "confirmed_by", "confirmed_on"])
    CloudResource.objects.filter(application=application, status=ResourceStatus.PROVISIONED).update(
        status=ResourceStatus.IN_SERVICE, billing_starts_on=confirmed_on
    )
    before = application.status
    application.status = ApplicationStatus.DELIVERED
    application.save(update_fields=["status"])
    open_obligation(ObligationKind.MIGRATION, application, owed_by=application.department,
                    department=application.department, triggered_on=confirmed_on)

    record_event("delivery.confirmed", confirmation, actor=actor, before=ConfirmationStatus.SUBMITTED,
                 after=confirmation.status, now=now, details={"billing_starts_on": confirmed_on})
    record_event("application.delivered", application, actor=actor, before=before, after=application.status, now=now)
    logger.info("delivery %s confirmed on %s; billing starts", confirmation.number, confirmed_on)
    return confirmation
