from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiciosConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "servicios"
    verbose_name = _("Servicios (otros procedimientos administrativos)")

    def ready(self):
        from portal.fichas.apps_util import registrar_app_de_fichas

        from .models import Servicio

        registrar_app_de_fichas(Servicio, titulo_inicio=None, orden_busqueda=20)
