"""The left navigation: which pages each role reaches."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Role

ALL_ROLES = tuple(Role)

# (url name, label, roles that see the entry). Order is the order on screen.
NAVIGATION = [
    ("web:home", _("To-do"), ALL_ROLES),
    ("systems:list", _("Information systems"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE)),
    ("applications:list", _("Applications"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE, Role.PROVIDER)),
    ("applications:filings", _("Filing inbox"), (Role.FINANCE, Role.AUTHORITY, Role.MANAGER)),
    ("resources:list", _("Cloud resources"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.FINANCE, Role.PROVIDER)),
    ("deadlines:list", _("Deadlines"), (Role.DEPARTMENT, Role.MANAGER, Role.AUTHORITY, Role.PROVIDER)),
    ("dossier:expert_inbox", _("Expert reviews"), (Role.EXPERT,)),
    ("catalog:list", _("Service catalog"), ALL_ROLES),
    ("catalog_excel:import", _("Import the catalog from Excel"), (Role.MANAGER,)),
    ("policy:list", _("Policy parameters"), (Role.MANAGER, Role.AUTHORITY, Role.FINANCE)),
    ("workdays:list", _("Working-day calendar"), (Role.MANAGER, Role.AUTHORITY)),
    ("audit:list", _("Audit log"), (Role.AUDITOR, Role.MANAGER, Role.AUTHORITY)),
]


def entries_for(user, current_path):
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
        active = current_path == url if url == "/" else current_path.startswith(url)
        entries.append({"url": url, "label": label, "active": active})
    return entries
