from django.urls import path

from . import views_rendicion as views

urlpatterns = [
    path("participa/rendicion-de-cuentas/", views.inicio, name="rendicion"),
    path("participa/rendicion-de-cuentas/<int:anio>/", views.proceso, name="rendicion_proceso"),
    path("participa/rendicion-de-cuentas/<int:anio>/preguntar/", views.preguntar, name="rendicion_preguntar"),
]
