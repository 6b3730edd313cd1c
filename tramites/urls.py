from django.urls import path

from portal.fichas.views import vistas

from .models import Tramite

app_name = "tramites"

catalogo, detalle = vistas(Tramite)

urlpatterns = [
    path("tramites/", catalogo, name="catalogo"),
    path("tramites/<slug:slug>/", detalle, name="detalle"),
]
