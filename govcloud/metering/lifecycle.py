"""Change and exit of a provisioned resource, on top of the application review flow (第十四条, 第十五条).

A change or exit application is an Application of kind change or exit naming its target resource;
it is drafted, submitted and reviewed by govcloud.applications.services like a new application, and
approval opens the provider's 2-working-day obligation. This module adds what happens around it:
drafting, the provider completing the change or reclaiming, and the handover receipt.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_own_department, require_own_provider
from govcloud.applications.models import Application, ApplicationKind, ApplicationLine, ApplicationStatus
from govcloud.applications.services import _next_number, create_application
from govcloud.audit.services import record_event
from govcloud.deadlines.models import ObligationKind
from govcloud.deadlines.services import meet_obligations
from govcloud.metering.models import (
    ACTIVE_FLAG_STATES,
    FlagStatus,
    HandoverRecord,
    HandoverStatus,
    UtilizationFlag,
)
from govcloud.metering.rationality import close_reclaimed_findings
from govcloud.metering.sizing import metric_of_item
from govcloud.notifications.services import send_message
from govcloud.resources.models import CloudResource, ResourceComponent, ResourceStatus

logger = logging.getLogger(__name__)


def _require_in_service(resource):
    if resource.status == ResourceStatus.RECLAIMED:
        raise ValidationError(_("The resource {resource} has been reclaimed.").format(resource=resource))


def _require_no_open_application(resource):
    # One change or exit at a time per resource: two open ones could resize a resource that is being reclaimed.
    open_application = Application.objects.filter(
        target_resource=resource,
        status__in=(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED,
                    ApplicationStatus.APPROVED),
    ).order_by("pk").first()
    if open_application is not None:
        raise ValidationError(
            _("{resource} already has the open application {number} ({status}); finish or withdraw it first.").format(
                resource=resource.name, number=open_application.number,
                status=open_application.get_status_display()))


def _form_from_system(resource, reason):
    system = resource.system
    return {"contact_name": system.contact_name, "contact_phone": system.contact_phone, "reason": reason,
            "network_zone": resource.network_zone}


def components_in_force(resource, on):
    return [component for component in resource.components.select_related("item").order_by("pk")
            if component.effective_from <= on and (component.effective_to is None or on < component.effective_to)]


@transaction.atomic
def create_change_application(*, actor, resource, quantities, reason, today, form=None):
    """Draft a change application (第十四条) asking for new quantities {catalog item: quantity} of a resource."""
    require_own_department(actor, resource.department)
    _require_in_service(resource)
    _require_no_open_application(resource)
    current = {component.item_id: component.quantity for component in components_in_force(resource, today)}
    lines = [(item, quantity, "") for item, quantity in quantities.items()]
    if all(current.get(item.pk) == quantity for item, quantity in quantities.items()):
        raise ValidationError(_("The requested size is the size in force; change at least one quantity."))
    return create_application(actor=actor, system=resource.system, form=form or _form_from_system(resource, reason),
                              lines=lines, kind=ApplicationKind.CHANGE, target_resource=resource)


@transaction.atomic
def create_exit_application(*, actor, resource, reason, today, form=None):
    """Draft an exit application (第十五条) returning every component of the resource in force today."""
    require_own_department(actor, resource.department)
    _require_in_service(resource)
    _require_no_open_application(resource)
    lines = [(component.item, component.quantity, "") for component in components_in_force(resource, today)]
    if not lines:
        raise ValidationError(_("The resource has no component in force to return."))
    return create_application(actor=actor, system=resource.system, form=form or _form_from_system(resource, reason),
                              lines=lines, kind=ApplicationKind.EXIT, target_resource=resource)


def draft_change_for_flags(resource, flags):
    """Draft, for the department to edit and submit, a change application with the flags' recommended sizes.

    Returns the draft, or None when the department has no user yet to own it.
    """
    today = flags[0].raised_on
    owner = resource.department.users.filter(is_active=True, role=Role.DEPARTMENT).order_by("pk").first()
    if owner is None:
        logger.warning("no department user of %s owns the change draft for resource %s", resource.department_id,
                       resource.pk)
        return None
    existing = Application.objects.filter(kind=ApplicationKind.CHANGE, target_resource=resource,
                                          status=ApplicationStatus.DRAFT).first()
    application = existing or Application.objects.create(
        number=_next_number(today), kind=ApplicationKind.CHANGE, target_resource=resource,
        department=resource.department, system=resource.system, provider=resource.provider,
        # Limitation: Application.created_by cannot be empty, so a platform draft names the department's first user.
        created_by=owner, **_form_from_system(resource, _change_reason(flags)),
    )
    if existing:
        existing.reason = "\n".join((existing.reason, _change_reason(flags)))
        existing.save(update_fields=["reason"])
    for component in components_in_force(resource, today):
        metric = metric_of_item(component.item)
        recommended = next((flag.recommended_quantity for flag in flags if flag.metric == metric), None)
        if recommended:
            ApplicationLine.objects.update_or_create(
                application=application, item=component.item,
                defaults={"quantity": recommended, "purpose": _("recommended from the daily p95")})
        else:
            ApplicationLine.objects.get_or_create(application=application, item=component.item,
                                                  defaults={"quantity": component.quantity})
    record_event("application.drafted_by_platform", application, after=application.status,
                 details={"resource": resource.pk, "flags": [flag.pk for flag in flags]})
    return application


def _change_reason(flags):
    parts = [_("{metric} {direction}, daily p95 {values}").format(
        metric=flag.get_metric_display(), direction=flag.get_direction_display(),
        values=", ".join("%s%%" % day["p95"] for day in flag.evidence)) for flag in flags]
    return _("Article 14: utilization outside the thresholds from {start} to {end}: {details}.").format(
        start=flags[0].window_start, end=flags[0].window_end, details="; ".join(parts))


def _lock_approved(application, kind):
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer joins to the provider and resource.
    application = (Application.objects.select_for_update(of=("self",))
                   .select_related("target_resource", "provider", "department").get(pk=application.pk))
    if application.kind != kind or application.target_resource is None:
        raise ValidationError(_("This is not a {kind} application.").format(kind=ApplicationKind(kind).label))
    if application.status != ApplicationStatus.APPROVED:
        raise ValidationError(_("This action is not possible while the application is “{status}”.").format(
            status=application.get_status_display()), code="invalid_state")
    return application


@transaction.atomic
def complete_change(application, *, actor, completed_on):
    """The provider completes an approved change (第十四条): the size in force changes on completed_on.

    Each approved line closes the component of the same item on completed_on and opens one of the
    approved quantity from that day, so billing follows the new size from the completion date.
    """
    application = _lock_approved(application, ApplicationKind.CHANGE)
    require_own_provider(actor, application.provider)
    if application.decided_on and completed_on < application.decided_on:
        raise ValidationError(_("A change cannot be completed before it was approved."))
    _require_not_future(completed_on)
    resource = CloudResource.objects.select_for_update().get(pk=application.target_resource_id)
    _require_in_service(resource)
    changes = {}
    for line in application.lines.select_related("item"):
        changes[line.item.code] = _resize(resource, line, completed_on)
    _close_application(application, actor, "application.change_completed", completed_on, changes)
    meet_obligations(ObligationKind.CHANGE, application, met_on=completed_on)
    UtilizationFlag.objects.filter(resource=resource, status__in=ACTIVE_FLAG_STATES).update(
        status=FlagStatus.RESOLVED, closed_on=completed_on)
    send_message(resource.department, _("The change of {resource} was completed on {day}.").format(
        resource=resource.name, day=completed_on), link=reverse("metering:resource", args=[resource.pk]))
    return application


def _require_not_future(day):
    # A completion or reclaim date is when the work was done; a later date would shift billing and mark
    # the deadline met before the work happened.
    if day > timezone.localdate():
        raise ValidationError(_("The date cannot be later than today ({today}).").format(
            today=timezone.localdate().isoformat()))


def _resize(resource, line, completed_on):
    """Close the component of line's item in force on completed_on and open the approved quantity; return (old, new)."""
    approved = line.approved_quantity if line.approved_quantity is not None else line.quantity
    in_force = [component for component in components_in_force(resource, completed_on)
                if component.item_id == line.item_id]
    old = sum(component.quantity for component in in_force)
    if old == approved:
        return old, approved
    for component in in_force:
        if component.effective_from >= completed_on:
            raise ValidationError(_("The component {item} only took effect on {day}; complete the change later.")
                                  .format(item=line.item.code, day=component.effective_from))
        component.effective_to = completed_on
        component.save(update_fields=["effective_to"])
    if approved:
        ResourceComponent.objects.create(resource=resource, item=line.item, quantity=approved, application_line=line,
                                         effective_from=completed_on)
    return old, approved


def _close_application(application, actor, action, day, details):
    before = application.status
    application.status = ApplicationStatus.COMPLETED
    application.save(update_fields=["status"])
    record_event(action, application, actor=actor, before=before, after=application.status,
                 details={"on": day, "changes": details})
    logger.info("%s: application %s on %s", action, application.number, day)


@transaction.atomic
def reclaim_resource(resource, *, actor, reclaimed_on, application=None):
    """The provider reclaims a resource (第十五条, 第二十六条); billing ends on reclaimed_on (that day is not billed)."""
    resource = CloudResource.objects.select_for_update().get(pk=resource.pk)
    require_own_provider(actor, resource.provider)
    _require_in_service(resource)
    _require_not_future(reclaimed_on)
    if resource.billing_starts_on and reclaimed_on < resource.billing_starts_on:
        raise ValidationError(_("A resource cannot be reclaimed before its billing started."))
    before = resource.status
    resource.status, resource.billing_ends_on = ResourceStatus.RECLAIMED, reclaimed_on
    resource.save(update_fields=["status", "billing_ends_on"])
    ResourceComponent.objects.filter(resource=resource, effective_to__isnull=True).update(effective_to=reclaimed_on)
    ResourceComponent.objects.filter(resource=resource, effective_to__gt=reclaimed_on).update(effective_to=reclaimed_on)
    meet_obligations(ObligationKind.RECLAIM, resource, met_on=reclaimed_on)
    close_reclaimed_findings(resource, reclaimed_on)
    UtilizationFlag.objects.filter(resource=resource, status__in=ACTIVE_FLAG_STATES).update(
        status=FlagStatus.RESOLVED, closed_on=reclaimed_on)
    record_event("resource.reclaimed", resource, actor=actor, before=before, after=resource.status,
                 details={"billing_ends_on": reclaimed_on, "application": application.number if application else None})
    send_message(resource.department, _("{resource} was reclaimed on {day}; billing ends on that day.").format(
        resource=resource.name, day=reclaimed_on), link=reverse("metering:resource", args=[resource.pk]))
    return resource


@transaction.atomic
def reclaim_for_exit(application, *, actor, reclaimed_on):
    """The provider reclaims the target resource of an approved exit application within 2 working days (第十五条)."""
    application = _lock_approved(application, ApplicationKind.EXIT)
    require_own_provider(actor, application.provider)
    if application.decided_on and reclaimed_on < application.decided_on:
        raise ValidationError(_("A resource cannot be reclaimed before the exit was approved."))
    reclaim_resource(application.target_resource, actor=actor, reclaimed_on=reclaimed_on, application=application)
    _close_application(application, actor, "application.exit_reclaimed", reclaimed_on, {})
    meet_obligations(ObligationKind.RECLAIM, application, met_on=reclaimed_on)
    return application


@transaction.atomic
def record_handover(application, *, actor, data_handover, documents_handover, clearing, cleared_on, now=None):
    """The provider records the data and document handover and the clearing of an exited resource (第十五条)."""
    application = (Application.objects.select_for_update(of=("self",)).select_related("target_resource")
                   .get(pk=application.pk))
    require_own_provider(actor, application.provider)
    if application.kind != ApplicationKind.EXIT or application.status != ApplicationStatus.COMPLETED:
        raise ValidationError(_("Record the handover after the resource of an exit application has been reclaimed."))
    if HandoverRecord.objects.filter(application=application).exists():
        raise ValidationError(_("The handover of this exit has already been recorded."))
    if not data_handover.strip() or not clearing.strip():
        raise ValidationError(_("Describe the data handed over and how it was cleared."))
    record = HandoverRecord.objects.create(
        application=application, resource=application.target_resource, department=application.department,
        provider=application.provider, data_handover=data_handover, documents_handover=documents_handover,
        clearing=clearing, cleared_on=cleared_on, recorded_by=actor, recorded_at=now or timezone.now())
    record_event("metering.handover_recorded", record, actor=actor, after=HandoverStatus.RECORDED)
    send_message(application.department, _("The handover and clearing of {resource} await your confirmation.").format(
        resource=application.target_resource.name), link=reverse("metering:handovers"))
    return record


@transaction.atomic
def confirm_handover(record, *, actor, confirmed_on):
    """The department confirms the handover and clearing record: its receipt (第十五条)."""
    record = HandoverRecord.objects.select_for_update().get(pk=record.pk)
    require_own_department(actor, record.department)
    if record.status != HandoverStatus.RECORDED:
        raise ValidationError(_("This handover has already been confirmed."))
    record.status, record.confirmed_by, record.confirmed_on = HandoverStatus.CONFIRMED, actor, confirmed_on
    record.save(update_fields=["status", "confirmed_by", "confirmed_on"])
    record_event("metering.handover_confirmed", record, actor=actor, before=HandoverStatus.RECORDED,
                 after=HandoverStatus.CONFIRMED)
    return record

