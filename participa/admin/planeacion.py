"""Back office of the presupuesto participativo. The committee and administrators set up territories and
processes; the coordinating dependencia's officials review proposals (viable or not, with the reason) and enter
the in-person actas with the votes per proposal. Online votes are not listed: only their count matters, and
their document hashes are nobody's business."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.auditoria import AuditadoAdmin

from ..models import Acta, ProcesoPlaneacion, Propuesta, Territorio, VotoActa


class DeSusDependenciasMixin:
    """An official sees and edits only the rows of the processes their dependencias coordinate."""

    def get_queryset(self, request):
        return super().get_queryset(request).de_usuario(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "proceso" and not request.user.has_perm("participa.ver_todas_propuesta"):
            kwargs["queryset"] = ProcesoPlaneacion.objects.filter(
                dependencia__funcionarios__usuario=request.user
            ).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Territorio)
class TerritorioAdmin(AuditadoAdmin):
    list_display = ["nombre", "tipo", "corregimiento", "activo", "es_demo"]
    list_filter = ["tipo", "activo"]
    search_fields = ["nombre"]
    autocomplete_fields = ["corregimiento"]


@admin.register(ProcesoPlaneacion)
class ProcesoPlaneacionAdmin(AuditadoAdmin):
    list_display = ["titulo", "anio", "propuestas_abren", "votacion_cierra", "publicado", "resultados_publicados"]
    list_filter = ["publicado", "resultados_publicados"]
    fieldsets = [
        (None, {"fields": ["anio", "titulo", "descripcion", "dependencia", "monto", "edad_minima", "publicado"]}),
        (_("Fases"), {"fields": [("propuestas_abren", "propuestas_cierran"), ("votacion_abre", "votacion_cierra")]}),
        (_("Resultados"), {"fields": ["resultados_publicados"]}),
    ]


@admin.register(Propuesta)
class PropuestaAdmin(DeSusDependenciasMixin, AuditadoAdmin):
    list_display = ["titulo", "territorio", "proceso", "costo", "estado"]
    list_filter = ["proceso", "estado", "territorio"]
    list_select_related = ["territorio", "proceso"]
    search_fields = ["titulo", "descripcion"]
    autocomplete_fields = ["territorio"]
    fields = ["proceso", "territorio", "titulo", "descripcion", "costo", "estado", "motivo", "recibida"]
    readonly_fields = ["recibida"]


class VotoActaInline(admin.TabularInline):
    model = VotoActa
    extra = 3
    autocomplete_fields = ["propuesta"]


@admin.register(Acta)
class ActaAdmin(DeSusDependenciasMixin, AuditadoAdmin):
    list_display = ["reunion", "territorio", "fecha", "asistentes", "proceso", "registrada_por"]
    list_filter = ["proceso", "territorio"]
    list_select_related = ["territorio", "proceso", "registrada_por"]
    autocomplete_fields = ["territorio"]
    fields = ["proceso", "reunion", "territorio", "fecha", "asistentes"]
    inlines = [VotoActaInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.registrada_por = request.user
        super().save_model(request, obj, form, change)
