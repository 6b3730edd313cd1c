"""The admin of a ficha, shared by trámites and servicios."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..admin_publicacion import PublicableAdmin
from . import services
from .admin_importacion import ImportacionAdminMixin


class RevisionFilter(admin.SimpleListFilter):
    title = _("revisión semestral")
    parameter_name = "revision"

    def lookups(self, request, model_admin):
        return [
            ("vencida", _("Vencida")),
            ("proxima", _("Vence en los próximos 30 días")),
            ("al_dia", _("Al día")),
            ("sin_revisar", _("Nunca revisada")),
        ]

    def queryset(self, request, queryset):
        hoy = timezone.localdate()
        if self.value() == "vencida":
            return queryset.con_revision_vencida(hoy)
        if self.value() == "proxima":
            return queryset.con_revision_proxima(30, hoy)
        if self.value() == "al_dia":
            return queryset.filter(revision_vence__gt=hoy + timezone.timedelta(days=30))
        if self.value() == "sin_revisar":
            return queryset.filter(revision_vence__isnull=True)
        return queryset


def inlines_de(requisito, punto, norma, formulario):
    """Admin inlines for the concrete related models of a ficha."""

    class RequisitoInline(admin.TabularInline):
        model = requisito
        extra = 1
        fields = ["momento", "tipo", "descripcion", "detalle", "es_excepcion", "orden"]

    class PuntoInline(admin.StackedInline):
        model = punto
        extra = 0
        fields = [("nombre", "direccion"), ("horario", "telefono"), ("latitud", "longitud")]

    class NormaInline(admin.TabularInline):
        model = norma
        extra = 1

    class FormularioInline(admin.TabularInline):
        model = formulario
        extra = 0

    return [RequisitoInline, PuntoInline, NormaInline, FormularioInline]


class FichaAdmin(ImportacionAdminMixin, PublicableAdmin):
    change_list_template = "admin/fichas/change_list.html"
    list_display = ["nombre", "canal", "costo_tipo", "revision", "codigo_suit"]
    list_filter = [*PublicableAdmin.list_filter, RevisionFilter, "canal", "costo_tipo", "situaciones"]
    search_fields = ["nombre", "nombre_estandarizado", "tambien_conocido_como", "codigo_suit"]
    prepopulated_fields = {"slug": ["nombre"]}
    filter_horizontal = ["situaciones"]
    acciones_de_flujo = [*PublicableAdmin.acciones_de_flujo]
    fieldsets = [
        (None, {"fields": ["nombre", "nombre_estandarizado", "tambien_conocido_como", "slug", "proposito"]}),
        (
            _("Quién y para qué"),
            {"fields": [("para_persona_natural", "para_persona_juridica"), "situaciones", "resultado"]},
        ),
        (
            _("¿Se puede hacer en línea?"),
            {"fields": ["solicitud_en_linea", "preguntas_solicitud", "canal", "url_en_linea"]},
        ),
        (_("Tiempo de respuesta"), {"fields": [("tiempo_tipo", "tiempo_cantidad"), "tiempo_notas"]}),
        (
            _("Costo"),
            {"fields": ["costo_tipo", "costo_valor", "costo_formula", "costo_base_legal", "costo_donde_pagar"]},
        ),
        (_("Seguimiento y referencias"), {"fields": ["seguimiento", "codigo_suit", "url_govco"]}),
        (_("Responsable y portada"), {"fields": ["dependencia", "destacado"]}),
        (_("Publicación"), {"fields": PublicableAdmin.campos_de_flujo}),
        (
            _("Revisión y auditoría"),
            {
                "fields": ["revisado_en", "revisado_por", "revision_vence", *PublicableAdmin.campos_de_auditoria],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "revisado_en", "revisado_por", "revision_vence"]

    @admin.display(description=_("próxima revisión"), ordering="revision_vence")
    def revision(self, obj):
        if obj.revision_vence is None:
            return "—"
        fecha = obj.revision_vence.strftime("%d/%m/%Y")
        return _("%(fecha)s (vencida)") % {"fecha": fecha} if obj.revision_vencida else fecha

    def get_actions(self, request):
        acciones = super().get_actions(request)
        opts = self.model._meta
        if request.user.has_perm(f"{opts.app_label}.revisar_{opts.model_name}"):
            acciones["marcar_como_revisada"] = (
                FichaAdmin.marcar_como_revisada,
                "marcar_como_revisada",
                _("Marcar como revisada (revisión semestral)"),
            )
        return acciones

    @staticmethod
    def marcar_como_revisada(modeladmin, request, queryset):
        try:
            n = services.ficha_marcar_revisada(fichas=queryset, usuario=request.user)
        except PermissionDenied as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
            return
        modeladmin.message_user(
            request,
            ngettext(
                "%(n)d ficha marcada como revisada; la próxima revisión vence en 6 meses.",
                "%(n)d fichas marcadas como revisadas; la próxima revisión vence en 6 meses.",
                n,
            )
            % {"n": n},
            messages.SUCCESS,
        )
