from django.urls import path
from django.views.decorators.http import require_safe

from portal.fichas import datos_abiertos
from portal.fichas.views import vistas

from .models import Tramite

app_name = "tramites"

catalogo, detalle = vistas(Tramite)


@require_safe
def datos_json(request):
    return datos_abiertos.respuesta_json(request, modelo=Tramite)


@require_safe
def datos_csv(request):
    return datos_abiertos.respuesta_csv(request, modelo=Tramite)


urlpatterns = [
    path("tramites/", catalogo, name="catalogo"),
    path("tramites/<slug:slug>/", detalle, name="detalle"),
    path("datos/tramites.json", datos_json, name="datos_json"),
    path("datos/tramites.csv", datos_csv, name="datos_csv"),
]
