from django.contrib import admin

from portal import roles

from .models import (
    Accion,
    Actividad,
    ActualizacionCanal,
    Canal,
    Indicador,
    Instantanea,
    LineaAccion,
    Medicion,
    ObjetivoEspecifico,
    Plan,
    Recordatorio,
)


class ObjetivoInline(admin.TabularInline):
    model = ObjetivoEspecifico
    extra = 0


class LineaInline(admin.TabularInline):
    model = LineaAccion
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["nombre", "anio_inicio", "anio_fin", "activo"]
    inlines = [ObjetivoInline, LineaInline]


class ActividadInline(admin.TabularInline):
    model = Actividad
    extra = 0


class IndicadorInline(admin.StackedInline):
    model = Indicador
    extra = 0
    fields = [
        ("nombre", "del_plan"),
        ("meta_texto", "meta_valor"),
        ("unidad", "sentido", "periodicidad"),
        "fuente",
        "orden",
    ]


@admin.register(Accion)
class AccionAdmin(admin.ModelAdmin):
    list_display = ["nombre", "linea", "tiempo", "orden"]
    list_filter = ["plan"]
    list_select_related = ["linea"]
    inlines = [IndicadorInline, ActividadInline]


@admin.register(Indicador)
class IndicadorAdmin(admin.ModelAdmin):
    list_display = ["nombre", "accion", "meta_texto", "periodicidad", "fuente", "del_plan"]
    list_filter = ["periodicidad", "del_plan", "accion__plan"]
    list_select_related = ["accion"]
    search_fields = ["nombre"]


class RegistradoPorMixin:
    """Committee records keep who made them."""

    def save_model(self, request, obj, form, change):
        if not change:
            obj.registrado_por = request.user
        super().save_model(request, obj, form, change)


@admin.register(Medicion)
class MedicionAdmin(RegistradoPorMixin, admin.ModelAdmin):
    list_display = ["indicador", "periodo", "valor", "registrado_por", "registrado_en"]
    list_filter = ["indicador__accion__plan", "periodo"]
    list_select_related = ["indicador", "registrado_por"]
    autocomplete_fields = ["indicador"]
    readonly_fields = ["registrado_por", "registrado_en"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicador":
            # Only indicators the portal cannot compute take measurements.
            kwargs["queryset"] = Indicador.objects.filter(fuente="")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ActualizacionInline(admin.TabularInline):
    model = ActualizacionCanal
    extra = 1
    fields = ["fecha", "descripcion", "registrado_por"]
    readonly_fields = ["registrado_por"]


@admin.register(Canal)
class CanalAdmin(admin.ModelAdmin):
    list_display = ["nombre", "seccion_web", "responsable", "frecuencia_dias", "activo"]
    list_filter = ["activo"]
    list_select_related = ["responsable"]
    inlines = [ActualizacionInline]

    def save_formset(self, request, form, formset, change):
        for actualizacion in formset.save(commit=False):
            if not actualizacion.pk:
                actualizacion.registrado_por = request.user
            actualizacion.save()
        formset.save_m2m()
        for borrada in formset.deleted_objects:
            borrada.delete()


@admin.register(ActualizacionCanal)
class ActualizacionCanalAdmin(RegistradoPorMixin, admin.ModelAdmin):
    list_display = ["canal", "fecha", "descripcion", "registrado_por"]
    list_filter = ["canal"]
    list_select_related = ["canal", "registrado_por"]
    readonly_fields = ["registrado_por", "registrado_en"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if (
            db_field.name == "canal"
            and not roles.es_administrador(request.user)
            and not request.user.groups.filter(name=roles.COMITE).exists()
        ):
            # Officials log updates of the channels they are responsible for.
            kwargs["queryset"] = Canal.objects.filter(responsable=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Instantanea)
class InstantaneaAdmin(admin.ModelAdmin):
    list_display = ["indicador", "periodo", "valor", "estado", "creada"]
    list_filter = ["estado", "periodo"]
    list_select_related = ["indicador"]

    def has_change_permission(self, request, obj=None):
        return False  # history written by gelt_instantanea, never edited by hand


@admin.register(Recordatorio)
class RecordatorioAdmin(admin.ModelAdmin):
    list_display = ["destinatario", "dia", "asunto", "enviado"]
    list_filter = ["dia"]
    search_fields = ["destinatario", "asunto"]
    readonly_fields = ["destinatario", "dia", "asunto", "resumen", "enviado"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
