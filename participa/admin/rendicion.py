"""Back office of rendición de cuentas. The committee and administrators create the yearly process; the
coordinating dependencia's officials publish answers to the questions of their dependencia and report the
progress of their commitments. The person's name and e-mail are never shown here: they are in the radicado,
which officials open from their PQRSD inbox."""

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.auditoria import AuditadoAdmin
from portal.models import Dependencia

from ..models import Compromiso, PreguntaRendicion, ProcesoRendicion, TemaRendicion


class DeSusDependenciasMixin:
    """An official sees and edits only the rows of their dependencias (the check is in the query)."""

    def get_queryset(self, request):
        return super().get_queryset(request).de_usuario(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "dependencia" and not request.user.has_perm("participa.ver_todas_preguntarendicion"):
            kwargs["queryset"] = Dependencia.objects.de_usuario(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TemaInline(admin.TabularInline):
    model = TemaRendicion
    extra = 1
    fields = ["orden", "nombre"]


class CompromisoInline(admin.TabularInline):
    model = Compromiso
    extra = 0
    fields = ["descripcion", "dependencia", "fecha_limite", "avance", "estado", "actualizado"]


@admin.register(ProcesoRendicion)
class ProcesoRendicionAdmin(AuditadoAdmin):
    list_display = ["titulo", "anio", "preguntas_abren", "preguntas_cierran", "audiencia", "publicado"]
    list_filter = ["publicado"]
    search_fields = ["titulo"]
    fieldsets = [
        (None, {"fields": ["anio", "titulo", "descripcion", "dependencia", "publicado"]}),
        (_("Fechas"), {"fields": [("preguntas_abren", "preguntas_cierran"), "audiencia", "lugar"]}),
        (_("Enlaces"), {"fields": ["transmision", "informe"]}),
    ]
    inlines = [TemaInline, CompromisoInline]


@admin.register(PreguntaRendicion)
class PreguntaRendicionAdmin(DeSusDependenciasMixin, AuditadoAdmin):
    list_display = ["radicado_numero", "proceso", "tema", "dependencia", "vence", "publicada", "respondida"]
    list_filter = ["proceso", "publicada", "tema"]
    list_select_related = ["proceso", "tema", "dependencia", "radicado"]
    search_fields = ["radicado__numero", "pregunta"]
    readonly_fields = ["proceso", "radicado_enlace", "recibida"]
    fields = ["proceso", "radicado_enlace", "recibida", "tema", "dependencia", "pregunta", "respuesta", "metas"]
    fields += ["respondida", "publicada"]

    def has_add_permission(self, request):
        return False  # questions come from the public form (or a radicado filed at the ventanilla)

    def has_delete_permission(self, request, obj=None):
        return False  # a question is a radicado: nobody deletes it

    def save_model(self, request, obj, form, change):
        if obj.publicada and obj.respondida is None:
            respondida_en = obj.radicado.respondida_en
            obj.respondida = timezone.localdate(respondida_en) if respondida_en else timezone.localdate()
        super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tema":
            kwargs["queryset"] = TemaRendicion.objects.select_related("proceso")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("radicado"), ordering="radicado__numero")
    def radicado_numero(self, obj):
        return obj.radicado.numero

    @admin.display(description=_("vence"), ordering="radicado__vence")
    def vence(self, obj):
        return obj.radicado.vence

    @admin.display(description=_("radicado"))
    def radicado_enlace(self, obj):
        url = reverse("admin:ventanilla_radicado_change", args=[obj.radicado_id])
        return format_html('<a href="{}">{}</a> ({})', url, obj.radicado.numero, _("responder a la persona allí"))


@admin.register(Compromiso)
class CompromisoAdmin(DeSusDependenciasMixin, AuditadoAdmin):
    list_display = ["descripcion", "proceso", "dependencia", "fecha_limite", "avance", "estado", "actualizado"]
    list_filter = ["proceso", "estado", "dependencia"]
    list_select_related = ["proceso", "dependencia"]
    search_fields = ["descripcion"]
    fields = ["proceso", "descripcion", "dependencia", "fecha_limite", "avance", "estado", "actualizado", "nota"]
    fields += ["metas"]
