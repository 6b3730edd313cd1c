from portal.fichas.views import rutas
from ventanilla.solicitudes import rutas as rutas_de_solicitud

from .models import Tramite

app_name = "tramites"

# Catalogue, ficha detail, open data and the online request: the same views as the other ficha app, bound to
# this model.
urlpatterns = rutas_de_solicitud(Tramite) + rutas(Tramite)
