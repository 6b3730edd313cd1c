"""The portal's URLs plus /bench/vacia/: a bare Django view rendering a 5 KB template, the yardstick."""

from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path
from django.views.decorators.cache import never_cache

from tablon_portal.urls import urlpatterns as urls_del_portal

PLANTILLA = Template("<!doctype html><html lang='es'><title>{{ t }}</title><body>" + "<p>{{ t }} texto</p>" * 300)


@never_cache  # the yardstick is rendered on every request, in both runs (the page cache would keep it)
def vacia(request):
    return HttpResponse(PLANTILLA.render(Context({"t": "Referencia"})))


urlpatterns = [path("bench/vacia/", vacia), *urls_del_portal]
