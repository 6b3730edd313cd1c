from portal.fichas.views import rutas

from .models import Tramite

app_name = "tramites"

# Catalogue, ficha detail and open data: the same views as the other ficha app, bound to this model.
urlpatterns = rutas(Tramite)
