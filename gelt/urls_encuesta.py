"""The committee's survey pages, under the ``encuesta`` namespace that ``tablon_portal/urls.py`` assembles with
the public survey pages of ``participa.urls_encuesta`` (the URL names did not change when the survey moved)."""

from django.urls import path

from . import views_encuesta as views

# Comité GEL-T and administrators only.
urlpatterns = [
    path("gelt/encuestas/<int:pk>/", views.resultados, name="resultados"),
    path("gelt/encuestas/<int:pk>/respuestas.csv", views.exportar_csv, name="exportar_csv"),
    path("gelt/encuestas/<int:pk>/respuestas.xlsx", views.exportar_xlsx, name="exportar_xlsx"),
]
