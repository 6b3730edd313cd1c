from django.urls import path

from . import views

app_name = "gelt"

urlpatterns = [
    path("gelt/", views.inicio, name="tablero"),
    path("gelt/indicadores/<int:pk>/", views.indicador, name="indicador"),
    path("gelt/autoverificacion/", views.autoverificacion_vista, name="autoverificacion"),
    path("gelt/tablero.csv", views.exportar_csv, name="exportar_csv"),
    path("gelt/tablero.xlsx", views.exportar_xlsx, name="exportar_xlsx"),
]
