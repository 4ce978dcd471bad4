"""The permission checks every service makes before it changes anything."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def require_role(actor, *roles):
    """Raise PermissionDenied unless the actor is active and holds one of the roles."""
    if actor is None or not actor.has_role(*roles):
        raise PermissionDenied(_("Your role may not perform this action."))


def require_own_department(actor, department):
    """Raise PermissionDenied unless the actor is a department user of that department."""
    from govcloud.accounts.models import Role

    require_role(actor, Role.DEPARTMENT)
    if actor.organisation_id != department.pk:
        raise PermissionDenied(_("This record belongs to another department."))


def require_own_provider(actor, provider):
    """Raise PermissionDenied unless the actor is an engineer of that provider."""
    from govcloud.accounts.models import Role

    require_role(actor, Role.PROVIDER)
    if provider is None or actor.organisation_id != provider.pk:
        raise PermissionDenied(_("This work is assigned to another provider."))
