from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Dependencia, Evento, Noticia, Politica, SubseccionTransparencia


class RutasSitemap(Sitemap):
    """Pages identified by their route name."""

    changefreq = "weekly"

    def __init__(self, rutas):
        self.rutas = rutas

    def items(self):
        return self.rutas

    def location(self, item):
        return reverse(item)


PAGINAS_DEL_PORTAL = [
    "portal:inicio",
    "portal:transparencia",
    "portal:atencion",
    "portal:participa",
    "portal:noticias",
    "portal:eventos",
    "portal:municipio",
    "portal:alcaldia",
    "portal:directorio",
    "portal:mapa_del_sitio",
]


class DependenciasSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Dependencia.objects.activas().only("slug")


class PoliticasSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Politica.objects.publicadas().only("slug", "actualizada")

    def lastmod(self, politica):
        return politica.actualizada


class NoticiasSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Noticia.objects.vigentes().only("slug", "modificado")

    def lastmod(self, noticia):
        return noticia.modificado


class EventosSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Evento.objects.vigentes().only("slug", "modificado")

    def lastmod(self, evento):
        return evento.modificado


class TransparenciaSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return SubseccionTransparencia.objects.only("slug", "actualizado")

    def lastmod(self, subseccion):
        return subseccion.actualizado


class PublicadosSitemap(Sitemap):
    """Published items of any publishable model (used for trámites and servicios)."""

    changefreq = "monthly"

    def __init__(self, modelo):
        self.modelo = modelo

    def items(self):
        return self.modelo.objects.vigentes()

    def lastmod(self, objeto):
        return objeto.modificado


def registrar_sitemaps():
    from . import registro
    from .models import Documento

    for orden, (clave, sitemap) in enumerate(
        [
            ("paginas", RutasSitemap(PAGINAS_DEL_PORTAL)),
            ("dependencias", DependenciasSitemap()),
            ("politicas", PoliticasSitemap()),
            ("noticias", NoticiasSitemap()),
            ("eventos", EventosSitemap()),
            ("transparencia", TransparenciaSitemap()),
            ("documentos", PublicadosSitemap(Documento)),
        ]
    ):
        registro.registrar_en_mapa(clave=clave, sitemap=sitemap, orden=orden)
