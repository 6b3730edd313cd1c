"""Back office of the consultations: officials draft their dependencia's drafts (with their articles) and send
them to review, the committee publishes them; after closing, the dependencia moderates and answers each
comment, writes the final version and publishes the answer matrix (which e-mails every commenter)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.template.defaultfilters import linebreaksbr
from django.utils.translation import gettext_lazy as _

from portal.admin_publicacion import PublicableAdmin
from portal.auditoria import AuditadoAdmin
from portal.models import Dependencia, Estado
from portal.models.publicacion import puede_publicar

from .. import consultas_services as services
from ..models import Articulo, Comentario, Consulta

CAMPOS_FINALES = ["resumen_de_cambios", "texto_final", "documento_final"]


class ArticuloInline(admin.StackedInline):
    model = Articulo
    extra = 1
    fields = ["orden", "encabezado", "texto"]

    def _editable(self, request, obj):
        return (
            obj is None
            or obj.estado in (Estado.BORRADOR, Estado.EN_REVISION)
            or puede_publicar(request.user, Consulta)
        )

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


@admin.register(Consulta)
class ConsultaAdmin(PublicableAdmin):
    list_display = ["titulo", "tipo", "cierra", "comentarios_por_moderar", "matriz"]
    list_filter = [*PublicableAdmin.list_filter, "tipo"]
    search_fields = ["titulo", "objeto"]
    prepopulated_fields = {"slug": ["titulo"]}
    inlines = [ArticuloInline]
    fieldsets = [
        (None, {"fields": ["titulo", "slug", "tipo", "objeto", "documento"]}),
        (_("Plazo para comentar"), {"fields": ["abre", "cierra", "razon_plazo_corto"]}),
        (_("Después del cierre: la versión final"), {"fields": [*CAMPOS_FINALES, "respuestas_publicadas_en"]}),
        (_("Dependencia"), {"fields": ["dependencia"]}),
        (_("Publicación"), {"fields": PublicableAdmin.campos_de_flujo}),
        (_("Auditoría"), {"fields": PublicableAdmin.campos_de_auditoria, "classes": ["collapse"]}),
    ]
    actions = ["publicar_matriz"]

    def get_list_display(self, request):
        # Its comment period says more than its publication date, and the list must fit a 1,280 px window.
        return [c for c in super().get_list_display(request) if c != "publicar_desde"]

    def get_queryset(self, request):
        pendientes = Count("comentarios", filter=Q(comentarios__estado=Comentario.Estado.PENDIENTE))
        return super().get_queryset(request).annotate(por_moderar=pendientes)

    @admin.display(description=_("por moderar"), ordering="por_moderar")
    def comentarios_por_moderar(self, obj):
        return obj.por_moderar

    @admin.display(description=_("respuestas"), boolean=True)
    def matriz(self, obj):
        return obj.respuestas_publicadas_en is not None

    def _solo_version_final(self, request, obj):
        """A published consultation of their dependencia, once closed: officials write its final version."""
        return (
            obj is not None
            and obj.estado not in (Estado.BORRADOR, Estado.EN_REVISION)
            and not puede_publicar(request.user, Consulta)
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and self._solo_version_final(request, obj):
            return (
                request.user.has_perm("participa.change_consulta")
                and obj.esta_cerrada()
                and services.puede_gestionar(request.user, obj)
            )
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        campos = [*super().get_readonly_fields(request, obj), "respuestas_publicadas_en"]
        if self._solo_version_final(request, obj):
            todos = [c for _nombre, grupo in self.fieldsets for c in grupo["fields"]]
            campos += [c for c in todos if c not in CAMPOS_FINALES and c not in campos]
        return campos

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self._solo_version_final(request, obj) else super().get_prepopulated_fields(request, obj)

    def get_actions(self, request):
        acciones = super().get_actions(request)
        if not request.user.has_perm("participa.change_consulta"):
            acciones.pop("publicar_matriz", None)
        return acciones

    @admin.action(description=_("Publicar la matriz de respuestas (y enviar cada respuesta por correo)"))
    def publicar_matriz(self, request, queryset):
        for consulta in queryset:
            try:
                services.consulta_publicar_respuestas(consulta=consulta, usuario=request.user)
                self.message_user(
                    request, f"«{consulta}»: matriz publicada; las respuestas salen por correo.", messages.SUCCESS
                )
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, f"«{consulta}»: {' '.join(error.messages)}", messages.ERROR)


class ComentarioForm(forms.ModelForm):
    class Meta:
        model = Comentario
        fields = ["estado", "motivo_rechazo", "sentido", "respuesta"]
        help_texts = {
            "estado": _(
                "Publique el comentario o recháelo escribiendo el motivo (se guarda y se le envía a quien comentó)."
            ),
            "sentido": _("Después del cierre: si el comentario se acoge, se acoge en parte o no se acoge."),
            "respuesta": _("Por qué se acoge o no. Se publica en la matriz y se envía por correo a quien comentó."),
        }

    def clean(self):
        datos = super().clean()
        comentario = self.instance
        estado, motivo = datos.get("estado"), (datos.get("motivo_rechazo") or "").strip()
        if estado == Comentario.Estado.RECHAZADO and not motivo:
            self.add_error("motivo_rechazo", _("Escriba el motivo del rechazo."))
        sentido, respuesta = datos.get("sentido"), (datos.get("respuesta") or "").strip()
        if (sentido or respuesta) and (sentido != comentario.sentido or respuesta != comentario.respuesta):
            if not comentario.consulta.esta_cerrada():
                self.add_error("sentido", _("Los comentarios se responden cuando la consulta cierra."))
            elif estado != Comentario.Estado.PUBLICADO:
                self.add_error("sentido", _("Solo se responden los comentarios publicados."))
            elif not sentido:
                self.add_error("sentido", _("Elija si el comentario se acoge, se acoge en parte o no se acoge."))
            elif not respuesta:
                self.add_error("respuesta", _("Escriba la respuesta: por qué se acoge o no."))
        return datos


@admin.register(Comentario)
class ComentarioAdmin(AuditadoAdmin):
    """Moderation and answers. Officials see their dependencias' consultations only; nobody adds or deletes
    a comment here. The e-mail is shown to who answers (they may need to write), never on public pages."""

    form = ComentarioForm
    list_display = ["pk", "consulta", "sobre", "autor", "recibido", "estado", "sentido"]
    list_filter = [
        "estado",
        "sentido",
        ("consulta__dependencia", admin.RelatedOnlyFieldListFilter),
        ("consulta", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["consulta", "articulo"]
    search_fields = ["texto", "consulta__titulo"]
    date_hierarchy = "recibido"
    readonly_fields = [
        "consulta",
        "articulo",
        "texto_recibido",
        "tipo_autor",
        "nombre",
        "correo",
        "organizacion",
        "nit",
        "publicar_nombre",
        "recibido",
        "moderado_por",
        "moderado_en",
        "respondido_por",
        "respondido_en",
        "notificado_en",
    ]
    fieldsets = [
        (None, {"fields": ["consulta", "articulo", "texto_recibido", "recibido"]}),
        (
            _("Quién comenta (datos personales: no se publican)"),
            {"fields": ["tipo_autor", "nombre", "correo", "organizacion", "nit", "publicar_nombre"]},
        ),
        (_("Moderación"), {"fields": ["estado", "motivo_rechazo", "moderado_por", "moderado_en"]}),
        (
            _("Respuesta (después del cierre)"),
            {"fields": ["sentido", "respuesta", "respondido_por", "respondido_en", "notificado_en"]},
        ),
    ]
    actions = ["publicar_seleccionados"]

    @admin.display(description=_("comentario"))
    def texto_recibido(self, obj):
        return linebreaksbr(obj.texto, autoescape=True)

    @admin.display(description=_("quién (público)"))
    def autor(self, obj):
        return obj.autor_publico

    def get_queryset(self, request):
        consultas = Consulta.objects.all()
        if not puede_publicar(request.user, Consulta):
            consultas = consultas.filter(dependencia__in=Dependencia.objects.de_usuario(request.user))
        return super().get_queryset(request).filter(consulta__in=consultas)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        """Through the services, which check who may and leave the audit record (so not the mixin's save)."""
        cambios = set(form.changed_data)
        guardado = Comentario.objects.get(pk=obj.pk)
        if {"estado", "motivo_rechazo"} & cambios and obj.estado != Comentario.Estado.PENDIENTE:
            services.comentario_moderar(
                comentario=guardado,
                usuario=request.user,
                publicar=obj.estado == Comentario.Estado.PUBLICADO,
                motivo=obj.motivo_rechazo,
            )
        if {"sentido", "respuesta"} & cambios and obj.sentido:
            services.comentario_responder(
                comentario=guardado, usuario=request.user, sentido=obj.sentido, respuesta=obj.respuesta
            )

    @admin.action(description=_("Publicar los comentarios seleccionados"))
    def publicar_seleccionados(self, request, queryset):
        hechos = 0
        for comentario in queryset.filter(estado=Comentario.Estado.PENDIENTE):
            try:
                services.comentario_moderar(comentario=comentario, usuario=request.user, publicar=True)
                hechos += 1
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
        if hechos:
            self.message_user(request, f"{hechos} comentario(s) publicados.", messages.SUCCESS)
