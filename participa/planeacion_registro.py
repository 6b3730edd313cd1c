"""Registrations of the presupuesto participativo with the portal: its block on the Participa page and its
demo content."""

from django.contrib.sitemaps import Sitemap
from django.utils.translation import gettext_lazy as _

from portal import registro
from portal.demo import registrar

from .planeacion import bloque_de_participacion, proximo_cambio
from .planeacion_demo import cargar_planeacion

registro.registrar_participacion(bloque_de_participacion)
registro.registrar_momento_de_cambio(proximo_cambio)
registrar(cargar_planeacion, orden=320)


def _en_transparencia():
    """Resolución 1519 §6.2: the published processes of the presupuesto participativo. One query."""
    from .models import ProcesoPlaneacion

    return [
        {"titulo": p.titulo, "url": p.get_absolute_url()}
        for p in ProcesoPlaneacion.objects.publicados().only("anio", "titulo")[:5]
    ]


registro.registrar_publicacion_derivada("6.2", _en_transparencia)


class _ProcesosSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        from .models import ProcesoPlaneacion

        return ProcesoPlaneacion.objects.publicados().only("anio")


registro.registrar_en_mapa(
    clave="planeacion",
    sitemap=_ProcesosSitemap(),
    etiqueta=_("Presupuesto participativo"),
    ruta="participa:planeacion",
)
