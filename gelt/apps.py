from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeltConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gelt"
    verbose_name = _("Comité GEL-T")
