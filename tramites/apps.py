from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TramitesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tramites"
    verbose_name = _("Trámites")

    def ready(self):
        from portal.fichas.apps_util import registrar_app_de_fichas

        from .models import Tramite

        registrar_app_de_fichas(Tramite, titulo_inicio=_("Trámites más usados"))
