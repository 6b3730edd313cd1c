"""Public URLs of participa (``/participa/…``); each part keeps its own list."""

from .urls_consultas import urlpatterns as consultas
from .urls_planeacion import urlpatterns as planeacion
from .urls_rendicion import urlpatterns as rendicion

app_name = "participa"

urlpatterns = [*consultas, *rendicion, *planeacion]
