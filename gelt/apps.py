from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeltConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gelt"
    verbose_name = _("Comité GEL-T")

    def ready(self):
        from portal.demo import registrar

        from .demo import cargar_encuestas, cargar_gelt

        registrar(cargar_gelt, orden=40)
        registrar(cargar_encuestas, orden=45)

        from portal import registro

        from .encuesta import bloque_de_participacion

        registro.registrar_participacion(bloque_de_participacion)

        from .models import Encuesta

        registro.registrar_momento_de_cambio(Encuesta.objects.proximo_cambio)

        from .encuesta import resultados_en_transparencia
        from .services import entregas_pendientes

        # Each official's start page in the back office shows their dependencia's delivery due this semester.
        registro.registrar_entrega_pendiente(entregas_pendientes)

        # The survey evaluates the website (the plan's action "Evaluar anualmente la información de la página"):
        # its published results are an evaluation report, Resolución 1519 §4.7.
        registro.registrar_publicacion_derivada("4.7", resultados_en_transparencia)
