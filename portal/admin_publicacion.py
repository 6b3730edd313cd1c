"""The admin side of the publication workflow, shared by every publishable model (news, documents, events,
fichas): ownership by dependencia, who may publish, the workflow actions and the audit fields."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .auditoria import AuditadoAdmin
from .models import Dependencia, Estado
from .models.publicacion import puede_publicar


def _accion(transicion, descripcion):
    def accion(modeladmin, request, queryset):
        hechos, errores = 0, []
        for objeto in queryset:
            try:
                services.publicable_cambiar_estado(objeto=objeto, usuario=request.user, transicion=transicion)
                hechos += 1
            except (PermissionDenied, ValidationError) as error:
                errores.append(" ".join(getattr(error, "messages", [str(error)])))
        if hechos:
            modeladmin.message_user(
                request,
                ngettext("%(n)d elemento: %(accion)s.", "%(n)d elementos: %(accion)s.", hechos)
                % {"n": hechos, "accion": descripcion.lower()},
                messages.SUCCESS,
            )
        for error in errores:
            modeladmin.message_user(request, error, messages.ERROR)

    accion.__name__ = transicion
    accion.short_description = descripcion
    return accion


class PublicableAdmin(AuditadoAdmin):
    """Officials see and edit their dependencias' drafts and items in review; the committee publishes."""

    acciones_de_flujo = [
        ("enviar_a_revision", _("Enviar a revisión")),
        ("publicar", _("Publicar (o programar, si tiene fecha futura)")),
        ("archivar", _("Archivar")),
        ("devolver_a_borrador", _("Devolver a borrador")),
    ]
    campos_de_flujo = ["estado", "publicar_desde", "publicar_hasta"]
    campos_de_auditoria = ["creado_por", "creado", "modificado_por", "modificado"]
    list_filter = ["estado", "dependencia"]
    date_hierarchy = "publicar_desde"
    list_select_related = ["dependencia"]

    def get_list_display(self, request):
        return [*self.list_display, "estado", "publicar_desde", "dependencia", "modificado"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "estado", *self.campos_de_auditoria]

    def get_queryset(self, request):
        return super().get_queryset(request).de_usuario(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "dependencia" and not puede_publicar(request.user, self.model):
            kwargs["queryset"] = Dependencia.objects.de_usuario(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        inicial = super().get_changeform_initial_data(request)
        propias = list(Dependencia.objects.de_usuario(request.user).values_list("pk", flat=True)[:2])
        if len(propias) == 1:
            inicial.setdefault("dependencia", propias[0])
        return inicial

    def has_change_permission(self, request, obj=None):
        permitido = super().has_change_permission(request, obj)
        return permitido and (obj is None or services.puede_editar(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        permitido = super().has_delete_permission(request, obj)
        if obj is None or not permitido:
            return permitido
        return puede_publicar(request.user, self.model) or (
            obj.estado == Estado.BORRADOR and services.puede_editar(request.user, obj)
        )

    def get_actions(self, request):
        acciones = super().get_actions(request)
        publica = puede_publicar(request.user, self.model)
        for nombre, descripcion in self.acciones_de_flujo:
            if nombre == "enviar_a_revision" or publica:
                acciones[nombre] = (_accion(nombre, descripcion), nombre, descripcion)
        return acciones

    def save_model(self, request, obj, form, change):
        if not change:
            obj.creado_por = request.user
        obj.modificado_por = request.user
        if hasattr(obj, "imagen_datos"):
            services.imagen_guardar(objeto=obj)
        super().save_model(request, obj, form, change)
