"""The annual website survey's public pages, under the ``encuesta`` namespace that ``tablon_portal/urls.py``
assembles with the committee's pages of ``gelt.urls_encuesta``."""

from django.urls import path

from . import views_encuesta as views

# Public: anyone answers, without an account.
urlpatterns = [
    path("participa/encuesta/", views.formulario, name="formulario"),
    path("participa/encuesta/gracias/", views.gracias, name="gracias"),
    path("participa/encuesta/resultados/", views.resultados_publicos, name="resultados_publicos"),
]
