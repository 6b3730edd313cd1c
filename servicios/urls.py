from django.urls import path

from portal.fichas.views import vistas

from .models import Servicio

app_name = "servicios"

catalogo, detalle = vistas(Servicio)

urlpatterns = [
    path("servicios/", catalogo, name="catalogo"),
    path("servicios/<slug:slug>/", detalle, name="detalle"),
]
