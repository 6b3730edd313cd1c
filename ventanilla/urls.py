from django.urls import path

from . import informes, views, views_verificar

app_name = "ventanilla"

urlpatterns = [
    path("pqrsd/", views.inicio, name="inicio"),
    path("pqrsd/nueva/", views.nueva, name="nueva"),
    path("pqrsd/constancia/<str:numero>/", views.constancia, name="constancia"),
    path("pqrsd/consulta/", views.consulta, name="consulta"),
    path("pqrsd/consulta/<str:numero>/", views.detalle, name="detalle"),
    path("pqrsd/consulta/<str:numero>/archivos/<int:pk>/", views.adjunto, name="adjunto"),
    path("pqrsd/r/<str:token>/", views.enlace, name="enlace"),
    path("verificar/", views_verificar.verificar, name="verificar"),
    path("verificar/<str:codigo>/", views_verificar.verificar_codigo, name="verificar_codigo"),
    path("pqrsd/informe/", informes.pagina, name="informe"),
    path("pqrsd/informe.csv", informes.csv, name="informe_csv"),
    path("pqrsd/informe.xlsx", informes.xlsx, name="informe_xlsx"),
]
