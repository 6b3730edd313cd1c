from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeltConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gelt"
    verbose_name = _("Comité GEL-T")

    def ready(self):
        from portal.demo import registrar

        from .demo import cargar_gelt

        registrar(cargar_gelt, orden=40)

        from portal import registro

        from .participacion import metas_publicas

        # Accountability answers cite the plan's goals by code; gelt names them (participa never imports gelt).
        registro.registrar_metas(metas_publicas)

        from .services import entregas_pendientes

        # Each official's start page in the back office shows their dependencia's delivery due this semester.
        registro.registrar_entrega_pendiente(entregas_pendientes)
