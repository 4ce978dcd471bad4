"""The actions on an application, from draft to the review decision and its filing (第十条, 第十一条).

Each public function is one action: it locks the application, checks the actor's role
and the current state, changes the state, writes the audit event and opens or meets
the obligations the rules attach to it.
"""

import logging
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govcloud.accounts.models import Organisation, OrganisationKind, Role
from govcloud.accounts.permissions import require_own_department, require_role
from govcloud.applications.dossier_models import VersionEvent
from govcloud.applications.materials import ensure_dossier_complete
from govcloud.applications.models import (
    EDITABLE_STATES,
    REVIEW_STATES,
    Application,
    ApplicationKind,
    ApplicationLine,
    ApplicationStatus,
    Decision,
    Filing,
    Review,
    ReviewLine,
)
from govcloud.applications.versions import record_version
from govcloud.audit.services import record_event
from govcloud.deadlines.models import ObligationKind
from govcloud.deadlines.services import open_obligation
from govcloud.systems.models import CloudStatus

logger = logging.getLogger(__name__)

# Fields of the application form (附件2) a department fills in.
FORM_FIELDS = (
    "contact_name", "contact_phone", "contact_email", "reason", "funding_basis",
    "network_zone", "public_facing", "wanted_on", "period_months",
)

# What the provider owes once an application of each kind is approved.
OBLIGATION_AFTER_APPROVAL = {
    ApplicationKind.NEW: ObligationKind.PROVISION,
    ApplicationKind.CHANGE: ObligationKind.CHANGE,
    ApplicationKind.EXIT: ObligationKind.RECLAIM,
}

# Who receives the filing of a review result (第十一条): finance and the authority.
FILING_RECIPIENT_KINDS = (OrganisationKind.FINANCE, OrganisationKind.AUTHORITY)


def _lock(application):
    """Reload the application under a row lock so two decisions cannot both pass the state check."""
    return Application.objects.select_for_update().select_related("department", "system").get(pk=application.pk)


def _require_state(application, allowed):
    if application.status not in allowed:
        raise ValidationError(
            _("This action is not possible while the application is “{status}”.").format(
                status=application.get_status_display()
            ),
            code="invalid_state",
        )


def _next_number(today):
    prefix = "ZWY%d" % today.year
    last = (
        Application.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True).first()
    )
    sequence = int(last[len(prefix):]) + 1 if last else 1
    return "%s%04d" % (prefix, sequence)


def _check_lines(lines):
    """Validate (item, quantity, purpose) triples: at least one, offered items, each item once."""
    if not lines:
        raise ValidationError(_("Pick at least one catalog item."), code="no_lines")
    seen = set()
    for item, quantity, _purpose in lines:
        if item.retired_on is not None:
            raise ValidationError(
                _("Catalog item {code} is retired and can no longer be applied for.").format(code=item.code)
            )
        if item.pk in seen:
            raise ValidationError(_("Catalog item {code} is listed twice.").format(code=item.code))
        if quantity is None or quantity < 1:
            raise ValidationError(_("The quantity of {code} must be at least 1.").format(code=item.code))
        seen.add(item.pk)


PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9\- ]{5,18}[0-9]$")


def _check_form(form):
    phone = form.get("contact_phone")
    if phone is not None and not PHONE_PATTERN.match(phone.strip()):
        raise ValidationError(
            _("“{phone}” is not a telephone number; use digits, with a hyphen or a leading + where needed.").format(
                phone=phone), code="invalid_phone")
    period = form.get("period_months")
    if period is not None and not 1 <= period <= 120:
        raise ValidationError(_("The period of use must be between 1 and 120 months."), code="invalid_period")


def _check_system(system):
    # 第四条: a system exempt from moving to the cloud by law or policy gets no cloud resources.
    if system.cloud_status == CloudStatus.EXEMPT:
        raise ValidationError(
            _("{system} is registered as exempt from moving to the cloud; change its cloud status before "
              "applying.").format(system=system.name),
            code="exempt_system",
        )


def _replace_lines(application, lines):
    application.lines.all().delete()
    ApplicationLine.objects.bulk_create(
        ApplicationLine(application=application, item=item, quantity=quantity, purpose=purpose or "")
        for item, quantity, purpose in lines
    )


def new_application(*, actor, system, form, lines, now, kind=ApplicationKind.NEW, target_resource=None,
                    is_offline=False):
    """Create the draft row with the next number, its lines and its audit event; callers check permission."""
    _check_system(system)
    _check_form(form)
    _check_lines(lines)
    fields = {name: form[name] for name in FORM_FIELDS if name in form}
    for attempt in range(3):
        try:
            with transaction.atomic():
                application = Application.objects.create(
                    number=_next_number(timezone.localdate(now)),
                    kind=kind,
                    target_resource=target_resource,
                    department=system.department,
                    system=system,
                    created_by=actor,
                    is_offline=is_offline,
                    **fields,
                )
            break
        except IntegrityError:
            # Race condition: another draft took the same number; take the next one.
            if attempt == 2:
                raise
    _replace_lines(application, lines)

    record_event("application.created", application, actor=actor, after=application.status, now=now,
                 details={"offline": is_offline})
    return application


@transaction.atomic
def create_application(*, actor, system, form, lines, now=None, kind=ApplicationKind.NEW, target_resource=None):
    """Create a draft application of the actor's department for one of its systems.

    A change or exit application names its target resource; govcloud.metering.lifecycle checks it first.
    """
    require_own_department(actor, system.department)
    application = new_application(actor=actor, system=system, form=form, lines=lines, now=now or timezone.now(),
                                  kind=kind, target_resource=target_resource)
    logger.info("application %s drafted by %s", application.number, actor.username)
    return application


@transaction.atomic
def update_application(application, *, actor, form, lines):
    """Change the form and lines of a draft or returned application."""
    application = _lock(application)
    require_own_department(actor, application.department)
    _require_state(application, EDITABLE_STATES)
    _check_form(form)
    _check_lines(lines)

    changed = [name for name in FORM_FIELDS if name in form and getattr(application, name) != form[name]]
    for name in changed:
        setattr(application, name, form[name])
    application.save(update_fields=changed or None)
    _replace_lines(application, lines)

    record_event("application.updated", application, actor=actor, before=application.status,
                 after=application.status, details={"fields": changed})
    return application


def _require_submitter(actor, application):
    if application.is_offline:
        # 第十条 线下: the management unit submits the paper application it recorded for the department.
        require_role(actor, Role.MANAGER)
    else:
        require_own_department(actor, application.department)


@transaction.atomic
def submit_application(application, *, actor, now=None):
    """Submit a draft, or resubmit a returned application, once its dossier is complete (第十条).

    Each submission freezes a version of the form, lines and materials.
    """
    application = _lock(application)
    _require_submitter(actor, application)
    _require_state(application, EDITABLE_STATES)
    if not application.lines.exists():
        raise ValidationError(_("Pick at least one catalog item."), code="no_lines")
    ensure_dossier_complete(application)
    now = now or timezone.now()

    before = application.status
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.save(update_fields=["status", "submitted_at"])
    event = VersionEvent.RESUBMITTED if before == ApplicationStatus.RETURNED else VersionEvent.SUBMITTED
    version = record_version(application, actor=actor, event=event, now=now)

    record_event("application.submitted", application, actor=actor, before=before, after=application.status, now=now,
                 details={"version": version.number})
    logger.info("application %s submitted as version %s", application.number, version.number)
    return application


@transaction.atomic
def withdraw_application(application, *, actor, now=None):
    """Withdraw an application that has not been decided yet."""
    application = _lock(application)
    require_own_department(actor, application.department)
    _require_state(application, EDITABLE_STATES + REVIEW_STATES)

    before = application.status
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status"])

    record_event("application.withdrawn", application, actor=actor, before=before, after=application.status, now=now)
    return application


def _record_review(application, *, actor, decision, opinion, now):
    if not opinion or not opinion.strip():
        raise ValidationError(_("Write the review opinion."), code="no_opinion")
    return Review.objects.create(
        application=application,
        decision=decision,
        opinion=opinion.strip(),
        reviewer=actor,
        decided_at=now,
        decided_on=timezone.localdate(now),
    )


def _file_review(review, now):
    """File the review result with finance and the authority (第十一条)."""
    recipients = Organisation.objects.filter(kind__in=FILING_RECIPIENT_KINDS)
    Filing.objects.bulk_create(Filing(review=review, recipient=recipient, filed_at=now) for recipient in recipients)


def _approved_quantities(application, adjustments):
    """Return {line: (approved quantity, reason)} from the requested quantities and the reviewer's adjustments."""
    adjustments = adjustments or {}
    unknown = set(adjustments) - {line.pk for line in application.lines.all()}
    if unknown:
        raise ValidationError(_("An adjusted line does not belong to this application."))
    approved = {}
    for line in application.lines.select_related("item"):
        quantity, reason = adjustments.get(line.pk, (line.quantity, ""))
        if quantity is None or quantity < 0:
            raise ValidationError(_("The approved quantity of {code} must not be negative.").format(code=line.item.code))
        if quantity > line.quantity:
            # 第十一条: technical approval can reduce what was asked for, never add to it.
            raise ValidationError(
                _("The approved quantity of {code} cannot exceed the {requested} requested.").format(
                    code=line.item.code, requested=line.quantity)
            )
        if quantity != line.quantity and not (reason or "").strip():
            raise ValidationError(
                _("Give the reason for changing the quantity of {code}.").format(code=line.item.code)
            )
        approved[line] = (quantity, (reason or "").strip())
    if not any(quantity for quantity, _reason in approved.values()):
        raise ValidationError(_("Approve at least one item, or reject the application."))
    return approved


@transaction.atomic
def approve_application(application, *, actor, opinion, provider, adjustments=None, now=None):
    """Approve as asked, or with adjusted quantities (技术性核定), and start the provisioning limit.

    adjustments maps an application line's pk to (approved quantity, reason).
    """
    require_role(actor, Role.MANAGER)
    application = _lock(application)
    _require_state(application, REVIEW_STATES)
    if provider is None or provider.kind != OrganisationKind.PROVIDER:
        raise ValidationError(_("Choose the cloud service provider who will provision the resources."))
    approved = _approved_quantities(application, adjustments)
    now = now or timezone.now()

    adjusted = any(quantity != line.quantity for line, (quantity, _reason) in approved.items())
    decision = Decision.APPROVE_ADJUSTED if adjusted else Decision.APPROVE
    review = _record_review(application, actor=actor, decision=decision, opinion=opinion, now=now)
    ReviewLine.objects.bulk_create(
        ReviewLine(review=review, line=line, approved_quantity=quantity, reason=reason)
        for line, (quantity, reason) in approved.items()
    )
    for line, (quantity, _reason) in approved.items():
        line.approved_quantity = quantity
        line.save(update_fields=["approved_quantity"])

    before = application.status
    application.status = ApplicationStatus.APPROVED
    application.provider = provider
    application.decided_on = review.decided_on
    application.save(update_fields=["status", "provider", "decided_on"])
    _file_review(review, now)
    # 第十二条: the provider provisions within 2 working days of receiving the review opinion;
    # 第十四条 and 第十五条 give the same limit for completing a change and for reclaiming on exit.
    open_obligation(OBLIGATION_AFTER_APPROVAL[application.kind], application, owed_by=provider,
                    department=application.department, triggered_on=review.decided_on)

    record_event("application.approved", application, actor=actor, before=before, after=application.status, now=now,
                 details={"decision": decision, "provider": provider.code,
                          "approved": {line.item.code: quantity for line, (quantity, _r) in approved.items()}})
    logger.info("application %s approved (%s), provider %s", application.number, decision, provider.code)
    return review


@transaction.atomic
def return_application(application, *, actor, opinion, now=None):
    """Return the application to the department for supplement, with the opinion saying what is missing."""
    require_role(actor, Role.MANAGER)
    application = _lock(application)
    _require_state(application, REVIEW_STATES)
    now = now or timezone.now()

    review = _record_review(application, actor=actor, decision=Decision.RETURN, opinion=opinion, now=now)
    before = application.status
    application.status = ApplicationStatus.RETURNED
    application.save(update_fields=["status"])

    record_event("application.returned", application, actor=actor, before=before, after=application.status, now=now)
    logger.info("application %s returned for supplement", application.number)
    return review


@transaction.atomic
def reject_application(application, *, actor, opinion, now=None):
    """Reject the application; the result is filed like an approval."""
    require_role(actor, Role.MANAGER)
    application = _lock(application)
    _require_state(application, REVIEW_STATES)
    now = now or timezone.now()

    review = _record_review(application, actor=actor, decision=Decision.REJECT, opinion=opinion, now=now)
    before = application.status
    application.status = ApplicationStatus.REJECTED
    application.decided_on = review.decided_on
    application.save(update_fields=["status", "decided_on"])
    _file_review(review, now)

    record_event("application.rejected", application, actor=actor, before=before, after=application.status, now=now)
    logger.info("application %s rejected", application.number)
    return review


@transaction.atomic
def mark_filing_read(filing, *, actor, now=None):
    """Record that the recipient organisation has read a filed review result."""
    require_role(actor, Role.FINANCE, Role.AUTHORITY)
    if filing.recipient_id != actor.organisation_id:
        raise PermissionDenied(_("This filing was sent to another organisation."))
    now = now or timezone.now()

    updated = Filing.objects.filter(pk=filing.pk, read_at__isnull=True).update(read_at=now, read_by=actor)
    if updated:
        filing.refresh_from_db()
        record_event("filing.read", filing, actor=actor, before="unread", after="read", now=now)
    return filing
