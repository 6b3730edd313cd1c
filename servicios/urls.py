from portal.fichas.views import rutas

from .models import Servicio

app_name = "servicios"

# Catalogue, ficha detail and open data: the same views as the other ficha app, bound to this model.
urlpatterns = rutas(Servicio)
