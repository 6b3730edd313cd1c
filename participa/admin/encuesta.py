"""Admin of the annual website survey: the committee builds the questionnaire and reads the answers (read-only)."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.auditoria import AuditadoAdmin

from ..models import Encuesta, Opcion, Pregunta, Respuesta, RespuestaPregunta


class PreguntaInline(admin.TabularInline):
    model = Pregunta
    extra = 0
    fields = ["orden", "texto", "tipo", "obligatoria", "ayuda", "opciones_de_la_pregunta"]
    readonly_fields = ["opciones_de_la_pregunta"]
    show_change_link = True

    @admin.display(description=_("opciones"))
    def opciones_de_la_pregunta(self, obj):
        if not obj.pk:
            return _("Guarde primero; luego agregue las opciones con «Cambiar».")
        if not obj.usa_opciones:
            return "—"
        opciones = [o.texto for o in obj.opciones.all()]
        return "; ".join(opciones) if opciones else _("Sin opciones: agréguelas con «Cambiar».")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("opciones")


@admin.register(Encuesta)
class EncuestaAdmin(AuditadoAdmin):
    list_display = ["titulo", "abre", "cierra", "cantidad_respuestas", "resultados_publicados", "ver_resultados"]
    list_filter = ["resultados_publicados"]
    search_fields = ["titulo"]
    date_hierarchy = "abre"
    readonly_fields = ["creada", "ver_resultados"]
    fields = ["titulo", "introduccion", ("abre", "cierra"), "resultados_publicados", "ver_resultados", "creada"]
    inlines = [PreguntaInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_respuestas=Count("respuestas"))

    @admin.display(description=_("respuestas"), ordering="n_respuestas")
    def cantidad_respuestas(self, obj):
        return obj.n_respuestas

    @admin.display(description=_("resultados"))
    def ver_resultados(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("encuesta:resultados", args=[obj.pk]), _("Ver resultados"))


class OpcionInline(admin.TabularInline):
    model = Opcion
    extra = 1
    fields = ["orden", "texto"]


@admin.register(Pregunta)
class PreguntaAdmin(AuditadoAdmin):
    """Each question on its own page, to edit its options (single and multiple choice)."""

    list_display = ["texto", "encuesta", "tipo", "obligatoria", "orden"]
    list_filter = ["encuesta", "tipo"]
    list_select_related = ["encuesta"]
    search_fields = ["texto"]
    fields = ["encuesta", "orden", "texto", "ayuda", "tipo", ("escala_minimo", "escala_maximo"), "obligatoria"]
    inlines = [OpcionInline]


class SoloLectura:
    """Answers come from the public form only: nobody adds or edits them by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RespuestaPreguntaInline(SoloLectura, admin.TabularInline):
    model = RespuestaPregunta
    extra = 0
    can_delete = False
    fields = ["pregunta", "valor_numero", "opciones_elegidas", "texto"]
    readonly_fields = fields

    @admin.display(description=_("opciones"))
    def opciones_elegidas(self, obj):
        return "; ".join(o.texto for o in obj.opciones.all()) or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("pregunta").prefetch_related("opciones")


@admin.register(Respuesta)
class RespuestaAdmin(SoloLectura, AuditadoAdmin):
    list_display = ["recibida", "encuesta"]
    list_filter = ["encuesta"]
    list_select_related = ["encuesta"]
    date_hierarchy = "recibida"
    readonly_fields = ["encuesta", "recibida"]
    inlines = [RespuestaPreguntaInline]
