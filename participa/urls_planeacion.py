from django.urls import path

from . import views_planeacion as views

BASE = "participa/presupuesto-participativo/"

urlpatterns = [
    path(BASE, views.inicio, name="planeacion"),
    path(f"{BASE}<int:anio>/", views.proceso, name="planeacion_proceso"),
    path(f"{BASE}<int:anio>/proponer/", views.proponer, name="planeacion_proponer"),
    path(f"{BASE}<int:anio>/votar/", views.votar, name="planeacion_votar"),
    path(f"{BASE}<int:anio>/gracias/", views.gracias, name="planeacion_gracias"),
]
