"""Creating accounts; the system administrator manages them (三员 separation)."""

import logging

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from govcloud.accounts.models import ROLE_ORGANISATION_KINDS, AccountState, Role, User
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event

logger = logging.getLogger(__name__)


@transaction.atomic
def create_account(*, actor, username, full_name, role, organisation, password):
    """Create a user with one role in one organisation.

    actor is None only for set-up commands run by the operator (the first accounts and the demo).
    """
    if actor is not None:
        require_role(actor, Role.SYSADMIN)
    if organisation.kind not in ROLE_ORGANISATION_KINDS[role]:
        raise ValidationError(
            _("A user with role “{role}” cannot belong to {organisation}.").format(
                role=Role(role).label, organisation=organisation.name
            )
        )
    if User.objects.filter(username=username).exists():
        raise ValidationError(_("User name {username} is taken.").format(username=username))
    user = User(username=username, full_name=full_name, role=role, organisation=organisation)
    validate_password(password, user)
    user.set_password(password)
    user.save()

    record_event("account.created", user, actor=actor, after=AccountState.ACTIVE,
                 details={"role": role, "organisation": organisation.code})
    logger.info("account %s created with role %s in %s", username, role, organisation.code)
    return user


@transaction.atomic
def set_account_active(user, *, actor, active):
    """Deactivate or reactivate an account; a deactivated user can no longer sign in, and nothing is deleted."""
    require_role(actor, Role.SYSADMIN)
    if user.pk == actor.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    if user.is_active == active:
        return user

    user.is_active = active
    user.save(update_fields=["is_active"])
    before, after = (AccountState.INACTIVE, AccountState.ACTIVE) if active else (AccountState.ACTIVE,
                                                                                 AccountState.INACTIVE)
    record_event("account.reactivated" if active else "account.deactivated", user, actor=actor,
                 before=before, after=after)
    logger.info("account %s %s by %s", user.username, "reactivated" if active else "deactivated", actor.username)
    return user
