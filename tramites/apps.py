from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TramitesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tramites"
    verbose_name = _("Trámites")
