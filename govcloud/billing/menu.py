"""The billing entries of the left navigation (url name, label, roles), kept here so their labels are in
this app's catalog."""

from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Role

BILLING_NAVIGATION = [
    ("billing:statements", _("Statements"), (Role.DEPARTMENT, Role.PROVIDER, Role.MANAGER, Role.FINANCE, Role.AUTHORITY)),
    ("billing:assessments", _("Usage assessments"),
     (Role.MANAGER, Role.ASSESSOR, Role.FINANCE, Role.AUTHORITY, Role.PROVIDER)),
    ("billing:settlements", _("Settlements"), (Role.MANAGER, Role.FINANCE, Role.AUTHORITY, Role.PROVIDER)),
    ("billing:forecast", _("Budget forecast"), (Role.FINANCE, Role.MANAGER, Role.AUTHORITY)),
]
