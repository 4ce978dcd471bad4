"""Readable names of the audit actions written by dossiers and documents, added to the audit app's labels."""

from django.utils.translation import gettext_lazy as _

DOSSIER_ACTION_LABELS = {
    "material.uploaded": _("Material uploaded"),
    "material.withdrawn": _("Material withdrawn"),
    "application.expert_invited": _("Expert invited"),
    "application.expert_opinion": _("Expert opinion given"),
    "application.recorded_offline": _("Paper application recorded"),
    "document.downloaded": _("Document downloaded"),
    "document.rendered": _("Document rendered for printing"),
    "catalog.imported": _("Catalog imported from Excel"),
}
