from django import forms
from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import roles
from portal.auditoria import AuditadoAdmin
from portal.models import Dependencia
from portal.services import registrar_en_historial

from . import services
from .models import (
    Accion,
    AccionMejora,
    Actividad,
    ActividadEmpalme,
    ActualizacionCanal,
    Canal,
    Criterio,
    Empalme,
    EntidadAliada,
    EntregaDependencia,
    Evaluacion,
    Fase,
    FuncionarioEmpalme,
    Indicador,
    Instantanea,
    LineaAccion,
    Medicion,
    ObjetivoEspecifico,
    Plan,
    Recordatorio,
    Resultado,
    ResultadoCriterio,
)


class ObjetivoInline(admin.TabularInline):
    model = ObjetivoEspecifico
    extra = 0


class LineaInline(admin.TabularInline):
    model = LineaAccion
    extra = 0


@admin.register(Plan)
class PlanAdmin(AuditadoAdmin):
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
class AccionAdmin(AuditadoAdmin):
    list_display = ["nombre", "linea", "tiempo", "orden"]
    list_filter = ["plan"]
    list_select_related = ["linea"]
    inlines = [IndicadorInline, ActividadInline]


@admin.register(Indicador)
class IndicadorAdmin(AuditadoAdmin):
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


class IndicadorDeMedicion(forms.ModelChoiceField):
    def label_from_instance(self, indicador):
        if indicador.fuente:
            return f"{indicador.nombre} — lo calcula el portal: sustituir con motivo"
        return f"{indicador.nombre} — lo registra el comité"


class MedicionForm(forms.ModelForm):
    # A text box, not a number input: a browser in English reads "12,5" as 125; here the decimal comma is the
    # rule (and a point is accepted too).
    valor = forms.DecimalField(
        label=_("valor"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 10}),
        help_text=_("Con coma decimal, por ejemplo 12,5. Los porcentajes sin el signo %."),
    )

    class Meta:
        model = Medicion
        fields = ["indicador", "periodo", "valor", "motivo", "evidencia", "enlace", "notas"]
        help_texts = {
            "periodo": _(
                "Cualquier día del periodo medido: se guarda el primer día del mes, semestre o año según la "
                "periodicidad del indicador."
            ),
        }


@admin.register(Medicion)
class MedicionAdmin(RegistradoPorMixin, AuditadoAdmin):
    form = MedicionForm
    list_display = ["indicador", "periodo", "valor", "sustituye", "registrado_por", "registrado_en"]
    list_filter = ["indicador__accion__plan", "periodo"]
    list_select_related = ["indicador", "registrado_por"]
    readonly_fields = ["registrado_por", "registrado_en"]

    @admin.display(boolean=True, description=_("sustituye el valor calculado"))
    def sustituye(self, obj):
        return obj.es_sustitucion

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicador":
            # The indicators of the plan in force: those the committee records, and those the portal computes
            # (then the measurement is an override and needs a reason). A plain list: about twenty.
            plan = Plan.objects.vigente()
            kwargs["queryset"] = Indicador.objects.filter(accion__plan=plan).select_related("accion")
            kwargs["form_class"] = IndicadorDeMedicion
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ActualizacionInline(admin.TabularInline):
    model = ActualizacionCanal
    extra = 1
    fields = ["fecha", "descripcion", "registrado_por"]
    readonly_fields = ["registrado_por"]


@admin.register(Canal)
class CanalAdmin(AuditadoAdmin):
    list_display = ["nombre", "seccion_web", "responsable", "frecuencia_dias", "activo"]
    list_filter = ["activo"]
    list_select_related = ["responsable"]
    inlines = [ActualizacionInline]

    def save_formset(self, request, form, formset, change):
        for fila in formset.forms:
            if fila.instance.pk is None:
                fila.instance.registrado_por = request.user
        super().save_formset(request, form, formset, change)  # the audit records each row


@admin.register(ActualizacionCanal)
class ActualizacionCanalAdmin(RegistradoPorMixin, AuditadoAdmin):
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
class InstantaneaAdmin(AuditadoAdmin):
    list_display = ["indicador", "periodo", "valor", "estado", "creada"]
    list_filter = ["estado", "periodo"]
    list_select_related = ["indicador"]

    def has_change_permission(self, request, obj=None):
        return False  # history written by gelt_instantanea, never edited by hand


@admin.register(Recordatorio)
class RecordatorioAdmin(AuditadoAdmin):
    list_display = ["destinatario", "dia", "asunto", "enviado"]
    list_filter = ["dia"]
    search_fields = ["destinatario", "asunto"]
    readonly_fields = ["destinatario", "dia", "asunto", "resumen", "enviado"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- GEL phases, evaluations and their self-check --------------------------------------------------------------


@admin.register(Fase)
class FaseAdmin(AuditadoAdmin):
    list_display = ["nombre", "meta", "orden"]


@admin.register(Criterio)
class CriterioAdmin(AuditadoAdmin):
    list_display = ["codigo", "nombre", "fase", "verificacion"]
    list_filter = ["fase"]
    search_fields = ["codigo", "nombre", "descripcion"]
    list_select_related = ["fase"]


class ResultadoInline(admin.TabularInline):
    model = ResultadoCriterio
    extra = 0
    can_delete = False
    # 79 rows: keep each one compact so the table fits a laptop screen.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 24})},
        models.CharField: {"widget": forms.TextInput(attrs={"size": 14})},
        models.URLField: {"widget": forms.URLInput(attrs={"size": 18})},
    }
    fields = [
        "criterio",
        "propuesta_del_portal",
        "resultado",
        "evidencia_enlace",
        "evidencia_archivo",
        "notas",
        "responsable",
    ]
    readonly_fields = ["criterio", "propuesta_del_portal"]

    @admin.display(description=_("verificado automáticamente"))
    def propuesta_del_portal(self, obj):
        if not obj.propuesta:
            return "—"
        estado = obj.get_propuesta_display()
        confirmacion = _("(confirmado)") if obj.confirma_propuesta else _("(el comité decidió otra cosa)")
        return f"{estado} {confirmacion}: {obj.evidencia_automatica}"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("criterio__fase")


@admin.register(Evaluacion)
class EvaluacionAdmin(AuditadoAdmin):
    """Creating an evaluation adds one row per criterion, with the portal's proposal where it can check."""

    list_display = ["nombre", "fecha", "creada_por"]
    readonly_fields = ["creada_por", "creada"]
    actions = ["reverificar"]

    def get_inlines(self, request, obj):
        return [ResultadoInline] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        nueva = services.evaluacion_crear(fecha=obj.fecha, nombre=obj.nombre, notas=obj.notas, usuario=request.user)
        obj.pk, obj.creada_por = nueva.pk, nueva.creada_por  # as saved, for the audit record
        obj._state.adding = False

    def response_add(self, request, obj, post_url_continue=None):
        # Straight to the criteria, where the committee confirms or overrides the portal's proposals.
        return redirect(reverse("admin:gelt_evaluacion_change", args=[obj.pk]))

    @admin.action(description=_("Volver a verificar automáticamente (no cambia lo que decidió el comité)"))
    def reverificar(self, request, queryset):
        for evaluacion in queryset:
            services.evaluacion_reverificar(evaluacion=evaluacion)
            registrar_en_historial(
                usuario=request.user, objeto=evaluacion, mensaje=_("Propuestas del portal verificadas de nuevo.")
            )
        self.message_user(request, _("Propuestas del portal actualizadas."))


@admin.register(AccionMejora)
class AccionMejoraAdmin(AuditadoAdmin):
    list_display = ["descripcion", "criterio", "responsable", "fecha_limite", "estado"]
    list_filter = ["estado", "criterio__fase"]
    list_select_related = ["criterio", "responsable"]
    autocomplete_fields = ["criterio"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "criterio":
            # Improvement actions are tied to criteria that are not met.
            kwargs["queryset"] = Criterio.objects.exclude(
                resultados__resultado__in=[Resultado.CUMPLE, Resultado.NO_APLICA],
                resultados__evaluacion=Evaluacion.objects.order_by("-fecha").first(),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- Allied entities, deliveries, empalme -------------------------------------------------------------------------


@admin.register(EntidadAliada)
class EntidadAliadaAdmin(AuditadoAdmin):
    list_display = ["nombre", "nivel", "convenio", "fecha_convenio", "vinculada"]
    list_filter = ["nivel"]
    search_fields = ["nombre", "convenio"]

    @admin.display(boolean=True, description=_("vinculada"))
    def vinculada(self, obj):
        return obj.vinculada


@admin.register(EntregaDependencia)
class EntregaDependenciaAdmin(RegistradoPorMixin, AuditadoAdmin):
    list_display = ["dependencia", "fecha", "descripcion", "registrado_por"]
    list_filter = ["dependencia", "fecha"]
    list_select_related = ["dependencia", "registrado_por"]
    readonly_fields = ["registrado_por"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "dependencia" and not roles.es_del_comite(request.user):
            kwargs["queryset"] = Dependencia.objects.de_usuario(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        entregas = super().get_queryset(request)
        if roles.es_del_comite(request.user):
            return entregas
        return entregas.filter(dependencia__in=Dependencia.objects.de_usuario(request.user))


class ActividadEmpalmeInline(admin.TabularInline):
    model = ActividadEmpalme
    extra = 0


class FuncionarioEmpalmeInline(admin.TabularInline):
    model = FuncionarioEmpalme
    extra = 0


@admin.register(Empalme)
class EmpalmeAdmin(AuditadoAdmin):
    list_display = ["nombre", "fecha_inicio", "documento"]
    filter_horizontal = ["socializacion"]
    inlines = [ActividadEmpalmeInline, FuncionarioEmpalmeInline]
