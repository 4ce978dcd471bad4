"""The left navigation: which pages each role reaches."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Role
from govcloud.billing.menu import BILLING_NAVIGATION

ALL_ROLES = tuple(Role)

# (url name, label, roles that see the entry). Order is the order on screen.
NAVIGATION = [
    ("web:home", _("To-do"), ALL_ROLES),
    ("notifications:list", _("Messages"), ALL_ROLES),
    ("systems:list", _("Information systems"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE)),
    ("applications:list", _("Applications"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE, Role.PROVIDER)),
    ("applications:filings", _("Filing inbox"), (Role.FINANCE, Role.AUTHORITY, Role.MANAGER)),
    ("resources:list", _("Cloud resources"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE, Role.PROVIDER)),
    ("metering:overview", _("Utilization overview"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE, Role.PROVIDER)),
    ("metering:flags", _("Utilization flags"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.PROVIDER)),
    ("metering:work", _("Changes and exits"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.PROVIDER)),
    ("metering:handovers", _("Handover and clearing records"), (Role.DEPARTMENT, Role.MANAGER, Role.PROVIDER)),
    ("metering:sources", _("Monitoring sources"), (Role.MANAGER,)),
    ("metering:findings", _("Resource rationality"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.PROVIDER)),
    ("deadlines:list", _("Deadlines"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE, Role.PROVIDER)),
    ("dossier:expert_inbox", _("Expert reviews"), (Role.EXPERT,)),
    *BILLING_NAVIGATION,
    ("catalog:list", _("Service catalog"), ALL_ROLES),
    ("catalog_excel:import", _("Import the catalog from Excel"), (Role.MANAGER,)),
    ("policy:list", _("Policy parameters"), (Role.MANAGER, Role.AUTHORITY, Role.FINANCE)),
    ("workdays:list", _("Working-day calendar"), (Role.MANAGER, Role.AUTHORITY)),
    ("audit:list", _("Audit log"), (Role.AUDITOR, Role.MANAGER, Role.AUTHORITY)),
    ("accounts:list", _("Accounts"), (Role.SYSADMIN,)),
]


def entries_for(user, current_path):
    """Return the user's menu; the entry with the longest URL that starts the current path is active."""
    entries = []
    for url_name, label, roles in NAVIGATION:
        if user.role not in roles:
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            # An app that is not installed in this deployment has no pages; tests check that
            # every entry resolves in the full project.
            continue
        entries.append({"url": url, "label": label, "active": False})
    matching = [entry for entry in entries
                if current_path == entry["url"] or (entry["url"] != "/" and current_path.startswith(entry["url"]))]
    if matching:
        max(matching, key=lambda entry: len(entry["url"]))["active"] = True
    return entries
