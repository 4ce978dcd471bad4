from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "govcloud.resources"
    verbose_name = _("Cloud resources")
