import datetime

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Portal: contenidos, transparencia e identidad")

    def ready(self):
        from .fuentes_busqueda import registrar_fuentes
        from .sitemaps import registrar_sitemaps

        registrar_fuentes()
        registrar_sitemaps()

        from . import cache_paginas, registro

        registro.registrar_publicacion_derivada("7.2", _datos_abiertos)
        from .models import Documento, Evento, Noticia, SeccionInstitucional

        for modelo in (Noticia, Documento, SeccionInstitucional):
            registro.registrar_momento_de_cambio(modelo.objects.proximo_cambio)
        registro.registrar_momento_de_cambio(Evento.objects.proximo_cambio_de_evento)
        cache_paginas.conectar_invalidacion()

        from . import views, vista_previa

        vista_previa.registrar(Noticia, views.mostrar_noticia)
        vista_previa.registrar(Evento, views.mostrar_evento)
        vista_previa.registrar(Documento, views.servir_documento)
        vista_previa.registrar(SeccionInstitucional, views.mostrar_seccion_institucional)

        from . import tareas

        # At night, when nobody waits for the database: finished jobs (and the mail bodies they hold) go away.
        tareas.registrar_periodica("portal.tareas_limpiar", tareas.tareas_limpiar, a_las=datetime.time(3, 0))
        from . import services

        # A revision scheduled for a date replaces its live item within a minute of it (the page cache already
        # expires at that moment: the scheduled revision counts in proximo_cambio).
        tareas.registrar_periodica(
            "portal.revisiones_programadas", services.revisiones_programadas_tarea, cada=datetime.timedelta(minutes=1)
        )


class PortalAdminConfig(AdminConfig):
    """The Django admin with the portal's own site (titled with the municipality's name)."""

    default_site = "portal.admin_site.PortalAdminSite"


def _datos_abiertos():
    """The open data files each ficha catalogue serves under /datos/ (no query: they always exist)."""
    from django.urls import NoReverseMatch, reverse

    from . import registro

    items = []
    for modelo in registro.modelos_de_ficha().values():
        etiqueta, nombre = modelo._meta.app_label, str(modelo._meta.verbose_name_plural).capitalize()
        for formato in ("json", "csv"):
            try:
                items.append(
                    {"titulo": f"{nombre} ({formato.upper()})", "url": reverse(f"{etiqueta}:datos_{formato}")}
                )
            except NoReverseMatch:
                continue
    return items
