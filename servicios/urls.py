from django.urls import path
from django.views.decorators.http import require_safe

from portal.fichas import datos_abiertos
from portal.fichas.views import vistas

from .models import Servicio

app_name = "servicios"

catalogo, detalle = vistas(Servicio)


@require_safe
def datos_json(request):
    return datos_abiertos.respuesta_json(request, modelo=Servicio)


@require_safe
def datos_csv(request):
    return datos_abiertos.respuesta_csv(request, modelo=Servicio)


urlpatterns = [
    path("servicios/", catalogo, name="catalogo"),
    path("servicios/<slug:slug>/", detalle, name="detalle"),
    path("datos/servicios.json", datos_json, name="datos_json"),
    path("datos/servicios.csv", datos_csv, name="datos_csv"),
]
