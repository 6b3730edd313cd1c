from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VentanillaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ventanilla"
    verbose_name = _("Ventanilla: PQRSD")

    def ready(self):
        from portal import demo, registro

        from . import demo as demo_ventanilla
        from . import tareas

        demo.registrar(demo_ventanilla.cargar, orden=300)
        tareas.registrar()
        registro.registrar_en_mapa(
            clave="pqrsd", etiqueta=_("Peticiones, quejas y reclamos (PQRSD)"), ruta="ventanilla:inicio", orden=35
        )
