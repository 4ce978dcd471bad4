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
}


def action_label(action):
    return ACTION_LABELS.get(action, action)
