"""The audit log in the admin: read-only for everyone, superusers included.

The committee and the administrators review every change here; an official, those of their dependencias.
Each object's own records are also on its "Historial" page (``portal.auditoria.AuditadoMixin``).
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .auditoria import SoloLecturaMixin
from .models import Cambio


class ModeloFilter(admin.SimpleListFilter):
    """The models that have records the user may read, by their Spanish name."""

    title = _("modelo")
    parameter_name = "modelo"

    def lookups(self, request, model_admin):
        ids = model_admin.get_queryset(request).order_by().values_list("tipo", flat=True).distinct()
        opciones = []
        for tipo in ContentType.objects.filter(pk__in=ids):
            clase = tipo.model_class()
            opciones.append((str(tipo.pk), capfirst(str(clase._meta.verbose_name_plural) if clase else tipo.model)))
        return sorted(opciones, key=lambda opcion: opcion[1])

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(tipo_id=self.value())
        return queryset


@admin.register(Cambio)
class CambioAdmin(SoloLecturaMixin, admin.ModelAdmin):
    """Nobody adds, changes or deletes a record here: only reads (403 otherwise)."""

    list_display = ["fecha", "quien", "accion", "modelo", "objeto", "dependencia", "campos"]
    list_filter = [
        "accion",
        ModeloFilter,
        ("usuario", admin.RelatedOnlyFieldListFilter),
        ("dependencia", admin.RelatedOnlyFieldListFilter),
        "fecha",
    ]
    search_fields = ["objeto_texto", "padre_texto", "usuario_nombre", "mensaje"]
    date_hierarchy = "fecha"
    list_select_related = ["tipo", "dependencia"]
    fields = ["fecha", "quien", "accion", "modelo", "objeto", "ver_objeto", "dependencia", "mensaje", "que_cambio"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).de_usuario(request.user)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Registro de cambios"), **(extra_context or {})})

    @admin.display(description=_("usuario"), ordering="usuario_nombre")
    def quien(self, registro):
        return registro.usuario_nombre or _("(proceso automático)")

    @admin.display(description=_("modelo"), ordering="tipo__model")
    def modelo(self, registro):
        return capfirst(registro.modelo)

    @admin.display(description=_("objeto"), ordering="objeto_texto")
    def objeto(self, registro):
        if registro.padre_texto:
            return _("%(objeto)s (en «%(pagina)s»)") % {
                "objeto": registro.objeto_texto,
                "pagina": registro.padre_texto,
            }
        return registro.objeto_texto

    @admin.display(description=_("campos que cambiaron"))
    def campos(self, registro):
        return ", ".join(sorted(registro.cambios)) or "—"

    @admin.display(description=_("página del objeto"))
    def ver_objeto(self, registro):
        """Its page in the admin (the page it was edited in, for an inline row), unless it was deleted."""
        tipo, objeto_id = (
            (registro.padre_tipo, registro.padre_id) if registro.padre_tipo_id else (registro.tipo, registro.objeto_id)
        )
        if registro.accion == Cambio.Accion.BORRADO and not registro.padre_tipo_id:
            return _("(borrado)")
        try:
            url = reverse(f"admin:{tipo.app_label}_{tipo.model}_change", args=[objeto_id])
        except NoReverseMatch:
            return "—"
        return format_html('<a href="{}">{}</a>', url, _("Abrir"))

    @admin.display(description=_("qué cambió"))
    def que_cambio(self, registro):
        return render_to_string("admin/auditoria/_cambios.html", {"registro": registro})
