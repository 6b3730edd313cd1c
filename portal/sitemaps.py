from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Dependencia, Politica


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
