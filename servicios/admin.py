from django.contrib import admin

from portal.fichas.admin import FichaAdmin, inlines_de

from .models import FormularioServicio, NormaServicio, PuntoAtencionServicio, RequisitoServicio, Servicio


@admin.register(Servicio)
class ServicioAdmin(FichaAdmin):
    inlines = inlines_de(RequisitoServicio, PuntoAtencionServicio, NormaServicio, FormularioServicio)
