"""Registrations of rendición de cuentas with the portal: its block on the Participa page, its demo content,
its entry in the sitemap."""

from django.contrib.sitemaps import Sitemap
from django.utils.translation import gettext_lazy as _

from portal import memoria, registro
from portal.demo import registrar

from .rendicion import bloque_de_participacion, proximo_cambio
from .rendicion_demo import cargar_rendicion

registro.registrar_participacion(bloque_de_participacion)
registro.registrar_momento_de_cambio(proximo_cambio)
registrar(cargar_rendicion, orden=310)  # after the ventanilla (300)

# The hub's policy of participation by electronic means (DEM-01) comes with this part's demo.
from .participa_demo import cargar_politica  # noqa: E402

registrar(cargar_politica, orden=50)


@memoria.memorizar  # listed in two subsections: read once per page
def _en_transparencia():
    """Resolución 1519 §6.5 and §6.6: the published accountability processes (their answers and commitments are
    the citizens' tool of social control). One query."""
    from .models import ProcesoRendicion

    return [
        {"titulo": p.titulo, "url": p.get_absolute_url()}
        for p in ProcesoRendicion.objects.publicados().only("anio", "titulo")[:5]
    ]


registro.registrar_publicacion_derivada("6.5", _en_transparencia)
registro.registrar_publicacion_derivada("6.6", _en_transparencia)


class _ProcesosSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        from .models import ProcesoRendicion

        return ProcesoRendicion.objects.publicados().only("anio")


registro.registrar_en_mapa(
    clave="rendicion", sitemap=_ProcesosSitemap(), etiqueta=_("Rendición de cuentas"), ruta="participa:rendicion"
)
