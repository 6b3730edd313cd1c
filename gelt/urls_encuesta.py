from django.urls import path

from . import views_encuesta as views

app_name = "encuesta"

urlpatterns = [
    # Public: anyone answers, without an account.
    path("participa/encuesta/", views.formulario, name="formulario"),
    path("participa/encuesta/gracias/", views.gracias, name="gracias"),
    path("participa/encuesta/resultados/", views.resultados_publicos, name="resultados_publicos"),
    # Comité GEL-T and administrators only.
    path("gelt/encuestas/<int:pk>/", views.resultados, name="resultados"),
    path("gelt/encuestas/<int:pk>/respuestas.csv", views.exportar_csv, name="exportar_csv"),
    path("gelt/encuestas/<int:pk>/respuestas.xlsx", views.exportar_xlsx, name="exportar_xlsx"),
]
