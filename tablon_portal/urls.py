"""Root URLs. The public contract is in ../shared/ARCHITECTURE.md; paths are Spanish and stable."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal.sitemaps import DependenciasSitemap, PaginasFijasSitemap, PoliticasSitemap

sitemaps = {
    "paginas": PaginasFijasSitemap,
    "dependencias": DependenciasSitemap,
    "politicas": PoliticasSitemap,
}

# Error pages: Django renders the Spanish templates/400.html, 403.html, 404.html and 500.html.
urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("", include("portal.urls")),
]
