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
        # A certificate's public page is cached like other pages: issuing or revoking one refreshes them.
        from django.db.models.signals import post_save

        from portal import cache_paginas

        from .models import Certificado

        post_save.connect(cache_paginas.invalidar, sender=Certificado, dispatch_uid="cache-paginas-certificado")
        registro.registrar_momento_de_cambio(_proximo_vencimiento_de_certificado)
        tareas.registrar()
        # Resolución 1519: 1.10 how to file petitions, 4.10 the report of requests (derived: always published).
        registro.registrar_publicacion_derivada("1.10", _formulario_en_transparencia)
        registro.registrar_publicacion_derivada("4.10", _informe_en_transparencia)
        registro.registrar_en_mapa(
            clave="pqrsd", etiqueta=_("Peticiones, quejas y reclamos (PQRSD)"), ruta="ventanilla:inicio", orden=35
        )


def _proximo_vencimiento_de_certificado(ahora):
    """A cached verification page must not say «vigente» past the day its certificate expires."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from .models import Certificado

    hoy = timezone.localdate(ahora)
    fecha = (
        Certificado.objects.filter(valido_hasta__gte=hoy)
        .order_by("valido_hasta")
        .values_list("valido_hasta", flat=True)
        .first()
    )
    if fecha is None:
        return None
    return timezone.make_aware(datetime.combine(fecha + timedelta(days=1), time.min))


def _formulario_en_transparencia():
    from django.urls import reverse

    return [{"titulo": "Presentar y consultar PQRSD en línea", "url": reverse("ventanilla:inicio")}]


def _informe_en_transparencia():
    from django.urls import reverse

    return [{"titulo": "Informe de PQRSD por trimestre (página, CSV y XLSX)", "url": reverse("ventanilla:informe")}]
