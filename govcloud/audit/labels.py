"""Readable names of audit actions, for history lists; an action without one shows its code."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "application.created": _("Application drafted"),
    "application.updated": _("Application edited"),
    "application.submitted": _("Application submitted"),
    "application.withdrawn": _("Application withdrawn"),
    "application.approved": _("Application approved"),
    "application.returned": _("Application returned for supplement"),
    "application.rejected": _("Application rejected"),
    "application.provisioned": _("Provisioning completed"),
    "application.delivered": _("Application delivered"),
    "filing.read": _("Filing read"),
    "resource.provisioned": _("Resource provisioned"),
    "agreement.recorded": _("Service agreement recorded"),
    "agreement.filed": _("Service agreement filed"),
    "delivery.submitted": _("Delivery confirmation submitted"),
    "delivery.confirmed": _("Delivery confirmed"),
    "policy.value_recorded": _("Policy value recorded"),
    "catalog.item_created": _("Catalog item added"),
    "catalog.item_updated": _("Catalog item edited"),
    "catalog.item_retired": _("Catalog item retired"),
    "catalog.item_reinstated": _("Catalog item offered again"),
    "catalog.item_deleted": _("Catalog item deleted"),
    "catalog.fee_standard_set": _("Fee standard set"),
    "catalog.fee_standard_corrected": _("Future fee standard corrected"),
    "systems.registered": _("Information system registered"),
    "systems.updated": _("Information system edited"),
    "workdays.day_entered": _("Calendar day entered"),
    "workdays.year_declared": _("Calendar year declared complete"),
    "application.drafted_by_platform": _("Change application drafted by the platform"),
    "application.change_completed": _("Change completed"),
    "application.exit_reclaimed": _("Resource reclaimed for exit"),
    "resource.reclaimed": _("Resource reclaimed"),
    "metering.imported": _("Utilization imported"),
    "metering.prometheus_source_saved": _("Prometheus source saved"),
    "metering.flag_raised": _("Utilization flag raised"),
    "metering.flag_cleared": _("Utilization flag cleared"),
    "metering.rationality_assessed": _("Rationality assessed"),
    "metering.finding_decided": _("Rectification or reclaim ordered"),
    "metering.finding_rectified": _("Rectification recorded"),
    "metering.misuse_recorded": _("Use other than applied recorded"),
    "metering.handover_recorded": _("Handover and clearing recorded"),
    "metering.handover_confirmed": _("Handover confirmed by the department"),
    "billing.contract_recorded": _("Provider contract recorded"),
    "billing.statements_rebuilt": _("Statements recomputed"),
    "billing.statement_exported": _("Statement exported"),
    "billing.assessment_drafted": _("Usage assessment drafted"),
    "billing.assessment_submitted": _("Usage assessment submitted"),
    "billing.evaluation_score_recorded": _("Evaluation score recorded"),
    "billing.settlement_prepared": _("Settlement prepared"),
    "billing.settlement_signed": _("Settlement signed by finance"),
    "billing.settlement_exported": _("Settlement exported"),
    "billing.adjustment_recorded": _("Adjustment recorded"),
    "notifications.read": _("Message read"),
    "account.created": _("Account created"),
    "account.deactivated": _("Account deactivated"),
    "account.reactivated": _("Account reactivated"),
}


def action_label(action):
    return ACTION_LABELS.get(action, action)


def _state_choices():
    # Imported when first needed: the audit app sits below every app that records events.
    from govcloud.accounts.models import AccountState
    from govcloud.applications.models import ApplicationStatus
    from govcloud.catalog.models import ItemStatus
    from govcloud.deadlines.models import ObligationStatus
    from govcloud.resources.models import AgreementStatus, ConfirmationStatus, ResourceStatus
    from govcloud.systems.models import CloudStatus
    from govcloud.workdays.models import DayKind

    return {
        "accounts.user": AccountState,
        "applications.application": ApplicationStatus,
        "resources.cloudresource": ResourceStatus,
        "resources.serviceagreement": AgreementStatus,
        "resources.deliveryconfirmation": ConfirmationStatus,
        "deadlines.obligation": ObligationStatus,
        "systems.informationsystem": CloudStatus,
        "catalog.catalogitem": ItemStatus,
        "workdays.calendarday": DayKind,
    }


def object_type_label(object_type):
    """Return the verbose name of the model an event is about, or the stored label when it is unknown."""
    try:
        return apps.get_model(object_type)._meta.verbose_name
    except (LookupError, ValueError):
        return object_type


def state_label(object_type, value):
    """Return the translated label of a state recorded on an event, or the value itself when unknown."""
    choices = _state_choices().get(object_type)
    if choices is None or value not in choices.values:
        return value
    return choices(value).label
