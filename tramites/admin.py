from django.contrib import admin

from portal.fichas.admin import FichaAdmin, inlines_de

from .models import FormularioTramite, NormaTramite, PuntoAtencionTramite, RequisitoTramite, Tramite


@admin.register(Tramite)
class TramiteAdmin(FichaAdmin):
    inlines = inlines_de(RequisitoTramite, PuntoAtencionTramite, NormaTramite, FormularioTramite)
