from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Dependencia, Evento, Noticia, Politica, SubseccionTransparencia


class PaginasFijasSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "portal:inicio",
            "portal:transparencia",
            "portal:atencion",
            "portal:participa",
            "portal:noticias",
            "portal:mapa_del_sitio",
        ]

    def location(self, item):
        return reverse(item)


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
