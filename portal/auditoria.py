"""The audit log, written from one place.

- ``valores`` takes a snapshot of an object's state; ``diferencias`` is the one diff of two snapshots, in
  readable Spanish values; ``cambio_registrar`` is the one recorder (a ``Cambio`` row).
- ``AuditadoMixin`` (and ``AuditadoAdmin``) records every create, change and delete of a ModelAdmin: its form,
  its inlines, the bulk delete action, a password change. Every ModelAdmin registered in the project uses it:
  ``PortalAdminSite.check`` reports any that does not (``modelos_sin_auditoria``).
- Writes made outside the admin's forms (the publication workflow and its admin actions, the semiannual
  review, the ficha import) go through ``portal.services.registrar_en_historial``, which calls the recorder.
"""

import copy
import datetime
import json
import os
import re

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .admin_textos import TextosEnEspanolMixin
from .models import Dependencia
from .models.auditoria import Cambio

LIMITE_DE_TEXTO = 300
CONTEXTO_DE_TEXTO = 60
REGISTROS_POR_PAGINA = 50
# Values of these fields never reach the log: only that they changed.
_SECRETO = re.compile(r"password|contrase|secret|token|hash|llave|api_?key|^sal$", re.IGNORECASE)
# Registered in the admin without recording: the log itself (nobody writes it by hand) and django-axes'
# login records, whose IP addresses and browsers must not be copied into a log that is never deleted.
SIN_AUDITORIA = {"portal.cambio", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}
_ANTES = "_auditoria_antes"


# Snapshots and the diff ----------------------------------------------------------------------------------


def _auditable(campo):
    """Recorded fields: not the key, not timestamps that move on every save, not data the portal derives from
    others (image renditions, search vectors)."""
    if campo.primary_key or getattr(campo, "auto_now", False) or getattr(campo, "auto_now_add", False):
        return False
    if campo.name in getattr(campo.model, "campos_sin_auditoria", ()):  # counters that move on every save
        return False
    return campo.editable or campo.get_internal_type() not in ("JSONField", "SearchVectorField")


def valores(objeto, *, relaciones=True, relacionados=()):
    """The state of ``objeto`` as raw values to compare: ``{field name: value}``, with foreign keys as ids,
    files as their names and (``relaciones``) many-to-many fields as sorted ids, read from the database.

    ``relacionados`` adds reverse relations (the requirements of a ficha) as the list of their texts.
    """
    datos = {}
    for campo in objeto._meta.concrete_fields:
        if _auditable(campo):
            valor = campo.value_from_object(objeto)
            datos[campo.name] = (valor.name or None) if isinstance(campo, models.FileField) else copy.deepcopy(valor)
    if relaciones:
        datos.update(_valores_de_relaciones(objeto, relacionados))
    return datos


def _valores_de_relaciones(objeto, relacionados=()):
    if objeto.pk is None:
        return {}
    datos = {
        campo.name: sorted(getattr(objeto, campo.name).order_by().values_list("pk", flat=True))
        for campo in objeto._meta.many_to_many
    }
    for nombre in relacionados:
        datos[nombre] = [str(fila) for fila in getattr(objeto, nombre).all()]
    return datos


def _vacio(valor):
    return valor is None or valor == "" or valor == [] or valor == {}


def _etiqueta(campo):
    if campo.auto_created and not campo.concrete:  # a reverse relation: the rows' name
        return capfirst(str(campo.related_model._meta.verbose_name_plural))
    return capfirst(str(campo.verbose_name))


def _texto(campo, valor):
    """A non-empty raw value of a field that is not a relation, as people read it."""
    if campo.flatchoices:
        return str(dict(campo.flatchoices).get(valor, valor))
    if isinstance(valor, bool):
        return _("Sí") if valor else _("No")
    if isinstance(valor, datetime.datetime):
        return (timezone.localtime(valor) if timezone.is_aware(valor) else valor).strftime("%d/%m/%Y %H:%M")
    if isinstance(valor, datetime.date):
        return valor.strftime("%d/%m/%Y")
    if isinstance(valor, datetime.time):
        return valor.strftime("%H:%M")
    if isinstance(valor, dict | list):
        return json.dumps(valor, ensure_ascii=False, default=str)
    return str(valor)


def _par(campo, antes, despues):
    """``[before, after]`` as readable text (``None`` when empty)."""
    if _SECRETO.search(campo.name):
        return [
            None if _vacio(antes) else _("(valor oculto)"),
            None if _vacio(despues) else _("(valor nuevo, oculto)"),
        ]
    # Personal data (Ley 1581: a petitioner's name, document, e-mail…) never reaches the log, which is kept
    # forever: a model lists those fields in ``campos_personales`` and the log only says they changed.
    if campo.name in getattr(campo.model, "campos_personales", ()):
        return [
            None if _vacio(antes) else _("(dato personal)"),
            None if _vacio(despues) else _("(dato personal, modificado)"),
        ]
    if isinstance(campo, models.FileField):
        return [None if _vacio(antes) else _("(archivo)"), None if _vacio(despues) else _("(archivo nuevo)")]
    if campo.one_to_many:  # rows of a reverse relation, already as text
        return [None if _vacio(v) else "; ".join(v) for v in (antes, despues)]
    if campo.is_relation:
        ids = {i for v in (antes, despues) if not _vacio(v) for i in (v if campo.many_to_many else [v])}
        nombres = {pk: str(o) for pk, o in campo.related_model._base_manager.in_bulk(ids).items()}

        def nombre(pk):
            return nombres.get(pk) or _("(n.º %(id)s, ya no existe)") % {"id": pk}

        if campo.many_to_many:
            return [None if _vacio(v) else "; ".join(sorted(nombre(pk) for pk in v)) for v in (antes, despues)]
        return [None if _vacio(v) else nombre(v) for v in (antes, despues)]
    return [None if _vacio(v) else _texto(campo, v) for v in (antes, despues)]


def _recortar(par):
    """Long texts keep a little of what comes before their first difference and at most LIMITE_DE_TEXTO
    characters from there."""
    textos = [t for t in par if isinstance(t, str)]
    if not textos or max(len(t) for t in textos) <= LIMITE_DE_TEXTO:
        return par
    inicio = max(0, len(os.path.commonprefix(textos)) - CONTEXTO_DE_TEXTO) if len(textos) == 2 else 0
    return [
        t
        if not isinstance(t, str)
        else ("…" if inicio else "")
        + t[inicio : inicio + LIMITE_DE_TEXTO]
        + ("…" if len(t) > inicio + LIMITE_DE_TEXTO else "")
        for t in par
    ]


def diferencias(modelo, antes, despues):
    """The one diff of two ``valores`` snapshots: ``{field as people read it: [before, after]}`` for each field
    whose value differs, in readable text. A field that only one side has (a creation, a deletion) counts
    when it has a value."""
    cambios = {}
    for nombre in dict.fromkeys([*antes, *despues]):
        previo, nuevo = antes.get(nombre), despues.get(nombre)
        if previo == nuevo or (_vacio(previo) and _vacio(nuevo)):
            continue
        campo = modelo._meta.get_field(nombre)
        cambios[_etiqueta(campo)] = _recortar(_par(campo, previo, nuevo))
    return cambios


# The recorder --------------------------------------------------------------------------------------------


def _dependencia_id(objeto, padre=None):
    """The dependencia an object belongs to (its own, or that of the page it was edited in), for who may read."""
    if isinstance(objeto, Dependencia):
        return objeto.pk
    if getattr(objeto, "dependencia_id", None):
        return objeto.dependencia_id
    return _dependencia_id(padre) if padre is not None else None


def cambio_registrar(*, usuario, objeto, accion, antes=None, despues=None, mensaje="", padre=None):
    """Write one audit record: ``usuario`` (``None``: a command or an automatic process) did ``accion`` on
    ``objeto``, now, changing what differs between the ``valores`` snapshots ``antes`` and ``despues``.

    A creation has no ``antes`` and a deletion no ``despues``; a change compares the fields both snapshots
    have, and without ``antes`` it keeps only its ``mensaje``. ``padre`` is the object whose page ``objeto`` was
    edited in (an inline row). A change that changed nothing and says nothing is not recorded (``None``).
    """
    if padre is None and getattr(objeto, "revision_de_id", None):
        # A revision's edits belong to its published item's history, which outlives the revision.
        padre = type(objeto)._base_manager.filter(pk=objeto.revision_de_id).first()
    if accion in (Cambio.Accion.CAMBIO, Cambio.Accion.ESTADO):
        comunes = antes.keys() & (despues or {}).keys() if antes is not None else set()
        antes = {k: v for k, v in (antes or {}).items() if k in comunes}
        despues = {k: v for k, v in (despues or {}).items() if k in comunes}
    cambios = diferencias(type(objeto), antes or {}, despues or {})
    if not cambios and not mensaje and accion in (Cambio.Accion.CAMBIO, Cambio.Accion.ESTADO):
        return None
    if usuario is not None and not usuario.pk:
        usuario = None
    return Cambio.objects.create(
        usuario=usuario,
        usuario_nombre=usuario.get_username() if usuario else "",
        accion=accion,
        tipo=ContentType.objects.get_for_model(objeto),
        objeto_id=str(objeto.pk),
        objeto_texto=str(objeto)[:200],
        padre_tipo=ContentType.objects.get_for_model(padre) if padre is not None else None,
        padre_id=str(padre.pk) if padre is not None else "",
        padre_texto=str(padre)[:200] if padre is not None else "",
        dependencia_id=_dependencia_id(objeto, padre),
        mensaje=str(mensaje),
        cambios=cambios,
    )


# The admin -----------------------------------------------------------------------------------------------


class AuditadoMixin(TextosEnEspanolMixin):
    """Records in the audit log every create, change and delete made through this ModelAdmin, with the
    values: its form (many-to-many fields included), the rows of its inlines, the bulk delete action and
    Django's password change page. The object's "Historial" page shows its records and those of its inline
    rows. Django's own history (LogEntry) is still written.

    The values before a change are those ``get_object`` loads, before the submitted form is applied to the
    object; many-to-many values are read just before the form saves them.
    """

    object_history_template = "admin/auditoria/historial.html"
    # (Its base writes the admin's messages in Spanish that agrees with the model: ``portal.admin_textos``.)

    def get_object(self, request, object_id, from_field=None):
        objeto = super().get_object(request, object_id, from_field)
        if objeto is not None:
            setattr(objeto, _ANTES, valores(objeto, relaciones=False))
        return objeto

    def save_model(self, request, obj, form, change):
        if change and not hasattr(obj, _ANTES):
            # Loaded elsewhere than ``get_object`` (the change list's editable columns): the database still has
            # the previous values.
            guardado = type(obj)._base_manager.filter(pk=obj.pk).first()
            if guardado is not None:
                setattr(obj, _ANTES, valores(guardado, relaciones=False))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        antes = getattr(form.instance, _ANTES, None)
        if change and antes is not None:
            antes.update(_valores_de_relaciones(form.instance))  # still the stored ones: the form saves them next
        super().save_related(request, form, formsets, change)

    def save_formset(self, request, form, formset, change):
        # The forms already hold the submitted values: the previous ones are read again from the database.
        tocadas = [f.instance.pk for f in formset.initial_forms if f.instance.pk is not None and f.has_changed()]
        guardadas = formset.model._base_manager.in_bulk(tocadas) if tocadas else {}
        antes = {pk: valores(fila) for pk, fila in guardadas.items()}
        padre = form.instance
        for fila_form in formset.deleted_forms:
            fila = guardadas.get(fila_form.instance.pk)
            if fila is not None:  # recorded before it goes: a deleted row has no id afterwards
                cambio_registrar(
                    usuario=request.user, objeto=fila, accion=Cambio.Accion.BORRADO, antes=antes[fila.pk], padre=padre
                )
        super().save_formset(request, form, formset, change)
        for fila in formset.new_objects:
            cambio_registrar(
                usuario=request.user, objeto=fila, accion=Cambio.Accion.CREACION, despues=valores(fila), padre=padre
            )
        for fila, _campos in formset.changed_objects:
            cambio_registrar(
                usuario=request.user,
                objeto=fila,
                accion=Cambio.Accion.CAMBIO,
                antes=antes.get(fila.pk),
                despues=valores(fila),
                padre=padre,
            )

    # The audit record is written before Django's LogEntry, so that the LogEntry rows older than an object's
    # first audit record are exactly those from before the audit log (shown apart in the history page).

    def log_addition(self, request, obj, message):
        cambio_registrar(usuario=request.user, objeto=obj, accion=Cambio.Accion.CREACION, despues=valores(obj))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        antes = getattr(obj, _ANTES, None)
        mensaje = "" if antes is not None else _mensaje_de_django(message)
        cambio_registrar(
            usuario=request.user,
            objeto=obj,
            accion=Cambio.Accion.CAMBIO,
            antes=antes,
            despues=valores(obj),
            mensaje=mensaje,
        )
        if antes is not None:
            delattr(obj, _ANTES)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        # Called by the delete page and the bulk delete action, before deleting.
        for objeto in queryset:
            cambio_registrar(usuario=request.user, objeto=objeto, accion=Cambio.Accion.BORRADO, antes=valores(objeto))
        return super().log_deletions(request, queryset)

    def history_view(self, request, object_id, extra_context=None):
        objeto = self.get_object(request, unquote(object_id))
        if objeto is not None and self.has_view_or_change_permission(request, objeto):
            extra_context = {**self._contexto_del_historial(request, objeto), **(extra_context or {})}
        # Django's view checks the permission again and renders (or answers 403, or redirects).
        return super().history_view(request, object_id, extra_context)

    def _contexto_del_historial(self, request, objeto):
        registros = Cambio.objects.de_objeto(objeto)
        pagina = Paginator(registros, REGISTROS_POR_PAGINA).get_page(request.GET.get("pagina"))
        primero = registros.order_by("fecha", "pk").values_list("fecha", flat=True).first()
        anteriores = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(objeto), object_id=str(objeto.pk)
        ).select_related("user")
        if primero is not None:
            anteriores = anteriores.filter(action_time__lt=primero)
        return {
            "title": _("Historial de «%(objeto)s»") % {"objeto": objeto},
            "registros_de_cambios": pagina,
            "paginas_de_cambios": pagina.paginator.get_elided_page_range(pagina.number),
            "historial_anterior": anteriores.order_by("action_time"),
        }


class AuditadoAdmin(AuditadoMixin, admin.ModelAdmin):
    """The base of every ModelAdmin of the project."""


class SoloLecturaMixin:
    """For records the portal writes itself (visit counts, the audit log): whoever may view them reads them;
    nobody, superusers included, adds, changes or deletes them through the admin (403)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _mensaje_de_django(message):
    """The text of an admin change message (a list, as Django builds it, or a string)."""
    return LogEntry(change_message=json.dumps(message) if isinstance(message, list) else message).get_change_message()


def auditar_admin_registrado(site, modelo):
    """Register again, with the audit, the ModelAdmin another app registered for ``modelo`` (Django's groups)."""
    clase = type(site.get_model_admin(modelo))
    site.unregister(modelo)
    site.register(modelo, type(clase.__name__, (AuditadoMixin, clase), {"__module__": __name__}))


def modelos_sin_auditoria(site):
    """The models registered in ``site`` whose ModelAdmin does not record to the audit log (and should)."""
    return [
        modelo
        for modelo, modeladmin in site._registry.items()
        if modelo._meta.label_lower not in SIN_AUDITORIA and not isinstance(modeladmin, AuditadoMixin)
    ]
