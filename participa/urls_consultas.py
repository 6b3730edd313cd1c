from django.urls import path

from . import consultas_views as views

urlpatterns = [
    path("participa/consultas/", views.lista, name="consultas"),
    path("participa/consultas/<slug:slug>/", views.detalle, name="consulta"),
    path("participa/consultas/<slug:slug>/comentar/", views.comentar, name="consulta_comentar"),
    path("participa/consultas/<slug:slug>/comentar/recibido/", views.recibido, name="consulta_recibido"),
    path("participa/consultas/<slug:slug>/respuestas/", views.matriz, name="consulta_matriz"),
    path("participa/consultas/<slug:slug>/respuestas.csv", views.matriz_csv, name="consulta_matriz_csv"),
    path("participa/consultas/<slug:slug>/respuestas.pdf", views.matriz_pdf, name="consulta_matriz_pdf"),
]
