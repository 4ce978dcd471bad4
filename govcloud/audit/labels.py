"""Readable names of audit actions, for history lists; an action without one shows its code."""

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
    "application.delivered": _("Delivery confirmed"),
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
    "account.created": _("Account created"),
    "account.deactivated": _("Account deactivated"),
    "account.reactivated": _("Account reactivated"),
}


def action_label(action):
    return ACTION_LABELS.get(action, action)
