"""Root URLs. The public contract is in ../shared/ARCHITECTURE.md; paths are Spanish and stable."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from gelt import urls_encuesta as encuesta_del_comite
from participa import urls_encuesta as encuesta_publica
from portal import registro

# Each app adds its part of /sitemap.xml to portal's registry from its AppConfig.ready().
sitemaps = registro.sitemaps()

# Error pages: Django renders the Spanish templates/400.html, 403.html, 404.html and 500.html.
urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("", include("gelt.urls")),
    # The survey lives in participa; its committee pages in gelt; one namespace, the names it always had.
    path("", include((encuesta_publica.urlpatterns + encuesta_del_comite.urlpatterns, "encuesta"))),
    path("", include("tramites.urls")),
    path("", include("servicios.urls")),
    path("", include("ventanilla.urls")),
    path("", include("participa.urls")),
    path("", include("participa.urls_campanas")),
    path("", include("portal.urls")),
]

if settings.DEBUG or settings.LOCAL:
    # `make run` serves uploaded files itself; in production the reverse proxy does (see README), with the
    # same headers. Not django.conf.urls.static.static(): it serves nothing with DEBUG off, as `make run` is.
    from django.urls import re_path

    from portal.views import archivo_subido

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", archivo_subido)]
