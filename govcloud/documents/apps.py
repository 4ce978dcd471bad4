from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "govcloud.documents"
    verbose_name = _("Documents")

    def ready(self):
        from govcloud.audit.labels import ACTION_LABELS
        from govcloud.documents.audit_labels import DOSSIER_ACTION_LABELS

        # The history lists read one table of labels; this app's actions are named where they are written.
        ACTION_LABELS.update(DOSSIER_ACTION_LABELS)
