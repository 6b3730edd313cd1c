"""The admin side of the publication workflow, shared by every publishable model (news, documents, events,
fichas): ownership by dependencia, who may publish, the workflow actions and the audit fields."""

import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services, vista_previa
from .auditoria import AuditadoAdmin
from .models import Dependencia, Estado
from .models.publicacion import puede_publicar

AVISO_REVISION = _("Está editando una revisión; la versión publicada sigue visible hasta que el comité la publique.")
# The workflow buttons of the edit page: the name of each submit button and the transition it makes.
BOTONES_DE_FLUJO = {"_enviar_a_revision": "enviar_a_revision", "_publicar": "publicar", "_programar": "publicar"}


class PublicableForm(forms.ModelForm):
    """The edit form of every publishable item: refuses a save based on an older version than the stored one
    (two people editing the same item) and asks the reason when the committee returns it."""

    version_del_formulario = forms.IntegerField(widget=forms.HiddenInput, required=False)
    motivo_devolucion = forms.CharField(
        label=_("Observaciones para quien lo redactó"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Obligatorio para «Devolver con observaciones»: qué debe corregir. Le llega por correo."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version_del_formulario"].initial = self.instance.version if self.instance.pk else 0

    def clean(self):
        datos = super().clean()
        instancia = self.instance
        if instancia.pk:
            self._comprobar_version(instancia, datos.get("version_del_formulario"))
        if "_devolver" in self.data and not (datos.get("motivo_devolucion") or "").strip():
            self.add_error(
                "motivo_devolucion", _("Escriba las observaciones: quien lo redactó necesita saber qué corregir.")
            )
        return datos

    def _comprobar_version(self, instancia, enviada):
        modelo = type(instancia)
        guardado = (
            # of=self: PostgreSQL locks no row across the outer join to the (nullable) last editor.
            modelo._base_manager.select_for_update(of=("self",))
            .filter(pk=instancia.pk)
            .values("version", "estado", "revision_de", "modificado", "modificado_por__username")
            .first()
        )
        if guardado is None:
            return
        if guardado["estado"] == Estado.PUBLICADO and guardado["revision_de"] is None:
            # Only reached when another person opened the revision meanwhile: the live item is never edited here.
            raise ValidationError(
                _(
                    "Otra persona empezó a editar una revisión de «%(objeto)s» mientras usted escribía, y no "
                    "se guardó nada de lo suyo. Lo que escribió sigue en este formulario: cópielo, abra de nuevo "
                    "el contenido desde la lista y aplique ahí sus cambios."
                )
                % {"objeto": instancia},
                code="revision_existente",
            )
        if enviada is not None and enviada != guardado["version"]:
            raise ValidationError(
                _(
                    "%(quien)s guardó cambios en «%(objeto)s» el %(fecha)s, mientras usted editaba. No se guardó nada "
                    "de lo suyo, para no borrar lo de esa persona: lo que escribió sigue en este formulario. Abra el "
                    "contenido en otra pestaña para ver la versión actual y copie ahí sus cambios."
                )
                % {
                    "quien": guardado["modificado_por__username"] or _("Otra persona"),
                    "objeto": instancia,
                    "fecha": timezone.localtime(guardado["modificado"]).strftime("%d/%m/%Y a las %H:%M"),
                },
                code="version",
            )


def _accion(transicion, descripcion):
    def accion(modeladmin, request, queryset):
        hechos, errores = 0, []
        for objeto in queryset:
            if transicion == "devolver_a_borrador" and objeto.estado == Estado.EN_REVISION:
                # What waits for review goes back with the reason, so its author knows what to correct.
                errores.append(
                    _("«%(objeto)s» está en revisión: ábralo y use «Devolver con observaciones».") % {"objeto": objeto}
                )
                continue
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
    """Officials see and edit their dependencias' drafts and items in review; the committee publishes.

    A published item is never edited in place: its edit page edits its revision (created on the first save, a
    row of the same model that the public never sees), which the committee publishes onto it.
    """

    form = PublicableForm
    change_form_template = "admin/publicacion/change_form.html"

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
        return [*self.list_display, "estado_en_la_lista", "publicar_desde", "dependencia", "modificado"]

    @staticmethod
    def _es_vivo_publicado(obj):
        return (
            obj is not None
            and obj.pk is not None
            and obj.admite_revisiones
            and obj.revision_de_id is None
            and obj.estado == Estado.PUBLICADO
        )

    def get_readonly_fields(self, request, obj=None):
        campos = [*super().get_readonly_fields(request, obj), "estado", *self.campos_de_auditoria]
        if self._es_vivo_publicado(obj):
            campos.append("slug")  # the address of a published item does not change: its revision keeps it
        return campos

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.revision_de_id:
            # A revision has no address of its own: it takes its live item's when it is published.
            fieldsets = [
                (nombre, {**opciones, "fields": [c for c in opciones["fields"] if c != "slug"]})
                for nombre, opciones in fieldsets
            ]
        if obj is not None and obj.estado == Estado.EN_REVISION and puede_publicar(request.user, self.model):
            fieldsets = [*fieldsets, (_("Devolver con observaciones"), {"fields": ["motivo_devolucion"]})]
        return fieldsets

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and (obj.revision_de_id or self._es_vivo_publicado(obj)):
            return {}
        return super().get_prepopulated_fields(request, obj)

    @admin.display(description=_("estado"), ordering="estado")
    def estado_en_la_lista(self, obj):
        """The state, and for a revision that it changes a published item (one column: lists must fit 1,280 px)."""
        if obj.revision_de_id is not None:
            return _("%(estado)s: cambios a una publicada") % {"estado": obj.get_estado_display()}
        return obj.get_estado_display()

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
        return permitido and (
            obj is None or services.puede_editar(request.user, obj) or services.puede_revisar(request.user, obj)
        )

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
        else:
            obj.version += 1  # the form checked (row locked) that it was built on the stored version
        obj.modificado_por = request.user
        if hasattr(obj, "imagen_datos"):
            services.imagen_guardar(objeto=obj)
        super().save_model(request, obj, form, change)

    # Revisions: the edit page of a published item edits its revision ---------------------------------------

    def _url_de_cambio(self, obj):
        opts = obj._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk], current_app=self.admin_site.name
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self._es_vivo_publicado(obj) or not services.puede_revisar(request.user, obj):
            return super().change_view(request, object_id, form_url, extra_context)
        revision = obj.revision_abierta()
        if request.method != "POST":
            if revision is not None:
                url = add_preserved_filters(
                    {"preserved_filters": self.get_preserved_filters(request), "opts": self.model._meta},
                    self._url_de_cambio(revision),
                )
                return HttpResponseRedirect(url)
            return super().change_view(request, object_id, form_url, extra_context)
        if revision is not None:
            # Somebody opened the revision since this form was shown: the form refuses (PublicableForm) and what
            # was typed stays on the page.
            return super().change_view(request, object_id, form_url, extra_context)
        # The first save of a published item: its revision is created and the submitted form applied to it (the
        # ids of the inline rows sent are those of the live rows: they are translated to the copies).
        with transaction.atomic():
            revision, mapa = services.publicable_crear_revision(objeto=obj, usuario=request.user)
            request.POST = _datos_para_la_revision(request.POST, type(obj), revision, mapa)
            return super().change_view(request, str(revision.pk), self._url_de_cambio(revision), extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(self._contexto_de_flujo(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _contexto_de_flujo(self, request, obj):
        publica = puede_publicar(request.user, self.model)
        estado = obj.estado if obj is not None and obj.pk else Estado.BORRADOR
        vivo_publicado = self._es_vivo_publicado(obj)
        es_revision = obj is not None and obj.revision_de_id is not None
        contexto = {
            "aviso_revision": AVISO_REVISION if vivo_publicado or es_revision else "",
            "boton_guardar": _("Guardar borrador") if estado == Estado.BORRADOR or vivo_publicado else _("Guardar"),
            "boton_enviar": estado == Estado.BORRADOR or vivo_publicado,
            "boton_publicar": publica and (estado != Estado.PUBLICADO or vivo_publicado or es_revision),
            "boton_devolver": publica and estado == Estado.EN_REVISION,
            "url_publicada": obj.vivo.get_absolute_url() if es_revision else "",
        }
        con_vista_previa = obj is not None and obj.pk and not obj.esta_vigente and not vivo_publicado
        if con_vista_previa and vista_previa.tiene_vista_previa(obj) and vista_previa.puede_ver(request.user, obj):
            contexto["url_vista_previa"] = vista_previa.url(obj)
            contexto["url_compartir"] = request.build_absolute_uri(vista_previa.url(obj, compartir=True))
            contexto["dias_del_enlace"] = vista_previa.DIAS_DEL_ENLACE
            opts = obj._meta
            contexto["url_revocar"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_revocar_enlaces",
                args=[obj.pk],
                current_app=self.admin_site.name,
            )
        return contexto

    def get_view_on_site_url(self, obj=None):
        # "Ver en el sitio" of what is not public yet opens its preview, not a page that does not exist.
        no_publico = obj is not None and obj.pk and not obj.esta_vigente and not self._es_vivo_publicado(obj)
        if no_publico and vista_previa.tiene_vista_previa(obj):
            return vista_previa.url(obj)
        return super().get_view_on_site_url(obj)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/revocar-enlaces/",
                self.admin_site.admin_view(self.revocar_enlaces_view),
                name=f"{opts.app_label}_{opts.model_name}_revocar_enlaces",
            ),
            *super().get_urls(),
        ]

    def revocar_enlaces_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:index"))
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        services.publicable_revocar_enlaces(objeto=obj, usuario=request.user)
        self.message_user(
            request,
            _("Los enlaces de vista previa que compartió ya no funcionan. El de abajo es nuevo."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._url_de_cambio(obj))

    # The workflow buttons of the edit page, run after the form saved (same transaction) ----------------------

    def response_add(self, request, obj, post_url_continue=None):
        respuesta = self._responder_flujo(request, obj)
        return respuesta or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        respuesta = self._responder_flujo(request, obj)
        return respuesta or super().response_change(request, obj)

    def _lista(self, request):
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist", current_app=self.admin_site.name)
        return add_preserved_filters({"preserved_filters": self.get_preserved_filters(request), "opts": opts}, url)

    def _responder_flujo(self, request, obj):
        pagina = HttpResponseRedirect(self._url_de_cambio(obj))
        if "_guardar_borrador" in request.POST:
            texto = _("Se guardó «%(objeto)s».") % {"objeto": obj}
            if obj.revision_de_id:
                texto += " " + str(AVISO_REVISION)
            self.message_user(request, texto, messages.SUCCESS)
            return pagina
        boton = next((b for b in [*BOTONES_DE_FLUJO, "_devolver"] if b in request.POST), None)
        if boton is None:
            return None
        try:
            if boton == "_devolver":
                services.publicable_devolver(
                    objeto=obj, usuario=request.user, motivo=request.POST.get("motivo_devolucion", "")
                )
                texto = _("Se devolvió «%(objeto)s» con sus observaciones; le llegan por correo a quien lo redactó.")
            else:
                if boton == "_programar" and not (obj.publicar_desde and obj.publicar_desde > timezone.now()):
                    raise ValidationError(
                        _("Para programar, escriba en «fecha de publicación» una fecha futura y vuelva a intentarlo.")
                    )
                resultado = services.publicable_cambiar_estado(
                    objeto=obj, usuario=request.user, transicion=BOTONES_DE_FLUJO[boton]
                )
                texto = self._texto_del_paso(boton, resultado)
        except (PermissionDenied, ValidationError) as error:
            mensaje = " ".join(getattr(error, "messages", [str(error)]))
            self.message_user(request, _("Se guardó, pero: %(error)s") % {"error": mensaje}, messages.ERROR)
            return pagina
        self.message_user(request, texto, messages.SUCCESS)
        return HttpResponseRedirect(self._lista(request))

    @staticmethod
    def _texto_del_paso(boton, resultado):
        if boton == "_enviar_a_revision":
            return _("«%(objeto)s» quedó en revisión: el comité lo revisará.") % {"objeto": resultado}
        if resultado.publicar_desde and resultado.publicar_desde > timezone.now():
            return _("«%(objeto)s»: publicación programada para el %(fecha)s.") % {
                "objeto": resultado,
                "fecha": timezone.localtime(resultado.publicar_desde).strftime("%d/%m/%Y %H:%M"),
            }
        return _("Publicado: «%(objeto)s». El público ya ve esta versión.") % {"objeto": resultado}


def _datos_para_la_revision(post, modelo, revision, mapa):
    """The submitted form of a live item, made to fit its new revision: inline rows point to the copies."""
    datos = post.copy()
    for relacion, ids in mapa.items():
        clave = getattr(modelo, relacion).field.name
        patron = re.compile(rf"^{re.escape(relacion)}-\d+-(id|{re.escape(clave)})$")
        for nombre in list(datos.keys()):
            coincide = patron.match(nombre)
            if coincide is None:
                continue
            if coincide.group(1) == clave:
                datos[nombre] = str(revision.pk)
            elif datos.get(nombre, "").isdigit():
                datos[nombre] = str(ids.get(int(datos[nombre]), datos[nombre]))
    return datos
