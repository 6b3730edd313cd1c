from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.inicio, name="inicio"),
    path("atencion/", views.atencion, name="atencion"),
    path("transparencia/", views.seccion, {"seccion": "transparencia"}, name="transparencia"),
    path("participa/", views.seccion, {"seccion": "participa"}, name="participa"),
    path("noticias/", views.seccion, {"seccion": "noticias"}, name="noticias"),
    path("dependencias/<slug:slug>/", views.dependencia, name="dependencia"),
    path("politicas/<slug:slug>/", views.politica, name="politica"),
    path("buscar/", views.buscar, name="buscar"),
    path("mapa-del-sitio/", views.mapa_del_sitio, name="mapa_del_sitio"),
    path("salud/", views.salud, name="salud"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
