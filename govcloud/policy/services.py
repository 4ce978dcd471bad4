"""Reading rule parameters for a date, and recording new values."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.policy.models import Parameter, PolicyValue

logger = logging.getLogger(__name__)


class MissingPolicyValue(LookupError):
    pass


def value_on(parameter, on):
    """Return the Decimal value of parameter in force on date on."""
    row = (
        PolicyValue.objects.filter(parameter=parameter, effective_from__lte=on)
        .order_by("-effective_from")
        .values_list("value", flat=True)
        .first()
    )
    if row is None:
        raise MissingPolicyValue(
            _("No value of “{parameter}” is in force on {date}.").format(
                parameter=Parameter(parameter).label, date=on.isoformat()
            )
        )
    return row


def int_value_on(parameter, on):
    return int(value_on(parameter, on))


@transaction.atomic
def record_policy_value(*, actor, parameter, value, effective_from, source, today):
    """Record a new value of a parameter from a future date; values in force are never edited."""
    require_role(actor, Role.MANAGER)
    if parameter not in Parameter.values:
        raise ValidationError(_("Unknown parameter “{parameter}”.").format(parameter=parameter))
    if not (source or "").strip():
        raise ValidationError(_("Name the article or decision the new value comes from."))
    if effective_from <= today:
        raise ValidationError(_("A new value must take effect after today; values already in force are never edited."))
    if PolicyValue.objects.filter(parameter=parameter, effective_from=effective_from).exists():
        raise ValidationError(_("This parameter already has a value from that date."))

    policy_value = PolicyValue.objects.create(
        parameter=parameter, value=value, effective_from=effective_from, source=source, recorded_by=actor
    )
    record_event("policy.value_recorded", policy_value, actor=actor, after=str(value),
                 details={"parameter": parameter, "effective_from": effective_from})
    logger.info("policy value %s=%s from %s recorded", parameter, value, effective_from)
    return policy_value
