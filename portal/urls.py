from django.urls import path

from . import feeds, views, vista_previa

app_name = "portal"

urlpatterns = [
    path("", views.inicio, name="inicio"),
    path("noticias/", views.noticias, name="noticias"),
    path("noticias/feed/", feeds.NoticiasRss(), name="noticias_rss"),
    path("noticias/feed/atom/", feeds.NoticiasAtom(), name="noticias_atom"),
    path("noticias/categoria/<slug:slug>/feed/", feeds.NoticiasRss(), name="categoria_rss"),
    path("noticias/<slug:slug>/", views.noticia, name="noticia"),
    path("eventos/", views.eventos, name="eventos"),
    path("eventos/calendario.ics", views.eventos_ics, name="eventos_ics"),
    path("eventos/<slug:slug>/", views.evento, name="evento"),
    path("eventos/<slug:slug>/evento.ics", views.evento_ics, name="evento_ics"),
    path("documentos/<int:pk>/", views.documento, name="documento"),
    path("transparencia/", views.transparencia, name="transparencia"),
    path("transparencia/<slug:slug>/", views.subseccion_transparencia, name="subseccion_transparencia"),
    path("municipio/", views.institucional, {"pagina": "municipio"}, name="municipio"),
    path("alcaldia/", views.institucional, {"pagina": "alcaldia"}, name="alcaldia"),
    path("directorio/", views.directorio, name="directorio"),
    path("atencion/", views.atencion, name="atencion"),
    path("participa/", views.participa, name="participa"),
    path("dependencias/<slug:slug>/", views.dependencia, name="dependencia"),
    path("politicas/<slug:slug>/", views.politica, name="politica"),
    path("buscar/", views.buscar, name="buscar"),
    path("mapa-del-sitio/", views.mapa_del_sitio, name="mapa_del_sitio"),
    path("salud/", views.salud, name="salud"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("vista-previa/<str:modelo>/<int:pk>/", vista_previa.vista_previa, name="vista_previa"),
    path("favicon.ico", views.favicon, name="favicon"),
]
