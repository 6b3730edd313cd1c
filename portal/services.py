"""Writes that change state or touch several models, each inside a transaction and recorded in the audit log
(``portal.auditoria``, with the values that changed) and in the admin's history (LogEntry), so officials and
the committee see who did what and when."""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from . import auditoria, imagenes, roles, tareas
from .models import Cambio, Dependencia, Estado
from .models.publicacion import Publicable, puede_publicar

# The prefix "Mi trabajo" looks for in the audit log to list returned work: keep it exactly.
PREFIJO_DEVUELTO = "Devuelto con observaciones: "


@dataclass(frozen=True)
class Transicion:
    nombre: str
    verbo: str
    desde: frozenset
    hacia: str
    solo_quien_publica: bool
    mensaje: str


TRANSICIONES = {
    t.nombre: t
    for t in [
        Transicion(
            "enviar_a_revision",
            "enviar a revisión",
            frozenset({Estado.BORRADOR}),
            Estado.EN_REVISION,
            False,
            "Enviado a revisión.",
        ),
        Transicion(
            "publicar",
            "publicar",
            frozenset({Estado.BORRADOR, Estado.EN_REVISION, Estado.ARCHIVADO}),
            Estado.PUBLICADO,
            True,
            "Publicado.",
        ),
        Transicion("archivar", "archivar", frozenset({Estado.PUBLICADO}), Estado.ARCHIVADO, True, "Archivado."),
        Transicion(
            "devolver_a_borrador",
            "devolver a borrador",
            frozenset({Estado.EN_REVISION, Estado.PUBLICADO, Estado.ARCHIVADO}),
            Estado.BORRADOR,
            True,
            "Devuelto a borrador.",
        ),
    ]
}


def puede_editar(usuario, objeto):
    """Who publishes edits everything; an official edits drafts and items in review of their dependencias."""
    if puede_publicar(usuario, type(objeto)):
        return True
    if objeto.pk and objeto.estado not in (Estado.BORRADOR, Estado.EN_REVISION):
        return False
    return Dependencia.objects.de_usuario(usuario).filter(pk=objeto.dependencia_id).exists()


def puede_revisar(usuario, objeto):
    """Who may open a revision of a published item: who publishes, and the officials of its dependencia."""
    if objeto.pk is None or objeto.revision_de_id or objeto.estado != Estado.PUBLICADO:
        return False
    if not type(objeto).admite_revisiones:
        return False
    if puede_publicar(usuario, type(objeto)):
        return True
    return usuario.is_active and Dependencia.objects.de_usuario(usuario).filter(pk=objeto.dependencia_id).exists()


def registrar_en_historial(*, usuario, objeto, mensaje, antes=None, accion=Cambio.Accion.CAMBIO, relacionados=()):
    """Record a write made outside the admin's forms, once it is saved: in the audit log, with the values that
    changed since ``antes`` (an ``auditoria.valores`` snapshot taken before the write, with the same
    ``relacionados``), and in the object's admin history (LogEntry, which needs a user: an import from the
    command line may have none)."""
    despues = auditoria.valores(objeto, relacionados=relacionados)
    auditoria.cambio_registrar(
        usuario=usuario, objeto=objeto, accion=accion, antes=antes, despues=despues, mensaje=mensaje
    )
    if usuario is not None:
        LogEntry.objects.log_actions(
            user_id=usuario.pk, queryset=[objeto], action_flag=CHANGE, change_message=mensaje, single_object=True
        )


@transaction.atomic
def publicable_cambiar_estado(*, objeto, usuario, transicion):
    """Move a publishable item along the workflow, or explain in Spanish why it cannot move.

    Raises PermissionDenied (not allowed for this user) or ValidationError (not possible from this state,
    or fields the standard requires are missing).
    """
    paso = TRANSICIONES[transicion]
    if paso.solo_quien_publica and not puede_publicar(usuario, type(objeto)):
        raise PermissionDenied(_("Solo el Comité GEL-T o un administrador del portal puede hacerlo."))
    if not paso.solo_quien_publica and not puede_editar(usuario, objeto):
        raise PermissionDenied(_("Solo puede enviar a revisión contenidos de sus dependencias."))
    objeto = type(objeto).objects.select_for_update().get(pk=objeto.pk)
    antes = auditoria.valores(objeto)
    if objeto.estado not in paso.desde:
        raise ValidationError(
            _("«%(objeto)s» está en estado %(estado)s y no se puede %(accion)s.")
            % {"objeto": objeto, "estado": objeto.get_estado_display().lower(), "accion": paso.verbo}
        )
    if objeto.revision_de_id:
        return _revision_cambiar_estado(revision=objeto, usuario=usuario, paso=paso)
    if paso.hacia == Estado.PUBLICADO:
        faltantes = objeto.faltantes_para_publicar()
        if faltantes:
            raise ValidationError(
                _("No se puede publicar «%(objeto)s»: falta %(faltantes)s.")
                % {"objeto": objeto, "faltantes": ", ".join(str(f) for f in faltantes)}
            )
        if objeto.publicar_desde is None:
            objeto.publicar_desde = timezone.now()
        if objeto.publicar_hasta is not None and objeto.publicar_hasta <= max(objeto.publicar_desde, timezone.now()):
            raise ValidationError(
                _("No se puede publicar «%(objeto)s»: su fecha de fin ya pasó. Cámbiela o bórrela.")
                % {"objeto": objeto}
            )
    objeto.estado = paso.hacia
    objeto.modificado_por = usuario
    objeto.version += 1
    if paso.hacia == Estado.EN_REVISION:
        objeto.observaciones = ""
    if paso.hacia == Estado.PUBLICADO:
        objeto.al_publicar(usuario)
    objeto.save()
    mensaje = paso.mensaje
    if paso.hacia == Estado.PUBLICADO and objeto.publicar_desde > timezone.now():
        mensaje = _programada(objeto.publicar_desde)
    registrar_en_historial(usuario=usuario, objeto=objeto, mensaje=mensaje, antes=antes, accion=Cambio.Accion.ESTADO)
    _avisar_del_paso(objeto=objeto, usuario=usuario, paso=paso)
    return objeto


def _programada(fecha):
    return _("Publicación programada para el %(fecha)s.") % {
        "fecha": timezone.localtime(fecha).strftime("%d/%m/%Y %H:%M")
    }


# Revisions ---------------------------------------------------------------------------------------------------

# What a revision never takes from its live item, nor gives back to it: identity, workflow and audit fields.
_NO_SE_COPIA = {
    "slug",
    "estado",
    "publicar_desde",
    "revision_de",
    "version",
    "generacion_de_enlaces",
    "observaciones",
    "creado",
    "creado_por",
    "modificado",
    "revisado_en",
    "revisado_por",
    "revision_vence",
}


def _campos_copiables(modelo):
    return [c for c in modelo._meta.concrete_fields if not c.primary_key and c.name not in _NO_SE_COPIA]


def _slug_de_revision(vivo):
    """A unique placeholder: the slug is the live item's address, which a revision never takes nor changes."""
    campo = type(vivo)._meta.get_field("slug")
    return f"revision-{vivo.pk}-{vivo.slug}"[: campo.max_length]


def modelos_publicables():
    return [modelo for modelo in apps.get_models() if issubclass(modelo, Publicable)]


@transaction.atomic
def publicable_crear_revision(*, objeto, usuario):
    """Open the revision of a published item: a draft copy (fields, many-to-many, inline rows) that the public
    never sees while the live item keeps serving. Returns ``(revision, mapa)``, where ``mapa`` gives, per
    inline relation, the id of each copied row from the id of its live row (an empty dict when the revision
    already existed: there is only ever one, which is returned)."""
    modelo = type(objeto)
    vivo = modelo._base_manager.select_for_update().get(pk=objeto.pk)
    if not puede_revisar(usuario, vivo):
        raise PermissionDenied(_("Solo se puede revisar un contenido publicado de sus dependencias."))
    existente = vivo.revision_abierta()
    if existente is not None:
        return existente, {}
    revision = modelo()
    for campo in _campos_copiables(modelo):
        setattr(revision, campo.attname, getattr(vivo, campo.attname))
    if any(c.name == "slug" for c in modelo._meta.concrete_fields):
        revision.slug = _slug_de_revision(vivo)
    revision.publicar_desde = vivo.publicar_desde
    revision.estado = Estado.BORRADOR
    revision.revision_de = vivo
    revision.version = vivo.version  # the form the official typed in was built on the live one
    revision.creado_por = revision.modificado_por = usuario
    revision.save()
    for campo in modelo._meta.many_to_many:
        getattr(revision, campo.name).set(getattr(vivo, campo.name).all())
    mapa = {}
    for relacion in modelo.relaciones_de_revision:
        clave = getattr(modelo, relacion).field
        mapa[relacion] = {}
        for fila in getattr(vivo, relacion).all():
            anterior = fila.pk
            fila.pk = None
            fila._state.adding = True
            setattr(fila, clave.attname, revision.pk)
            fila.save()  # files of the rows are shared by name: the live row keeps using the same file
            mapa[relacion][anterior] = fila.pk
    registrar_en_historial(
        usuario=usuario,
        objeto=vivo,
        mensaje=_("Revisión abierta: la versión publicada sigue visible hasta que se publique la revisión."),
    )
    return revision, mapa


def _revision_cambiar_estado(*, revision, usuario, paso):
    """A workflow step of a revision (already locked and checked): recorded on its live item."""
    ahora = timezone.now()
    if paso.nombre == "archivar":
        raise ValidationError(_("Una revisión no se archiva: si ya no la necesita, bórrela."))
    if paso.hacia == Estado.PUBLICADO:
        faltantes = revision.faltantes_para_publicar()
        if faltantes:
            raise ValidationError(
                _("No se puede publicar «%(objeto)s»: falta %(faltantes)s.")
                % {"objeto": revision, "faltantes": ", ".join(str(f) for f in faltantes)}
            )
        if revision.publicar_hasta is not None and revision.publicar_hasta <= ahora:
            raise ValidationError(
                _("No se puede publicar «%(objeto)s»: su fecha de fin ya pasó. Cámbiela o bórrela.")
                % {"objeto": revision}
            )
        if revision.publicar_desde is None or revision.publicar_desde <= ahora:
            return revision_aplicar(revision=revision, usuario=usuario)
    revision.estado = paso.hacia
    revision.modificado_por = usuario
    revision.version += 1
    if paso.hacia == Estado.EN_REVISION:
        revision.observaciones = ""
    revision.save()
    mensaje = {
        "enviar_a_revision": _("Revisión enviada a revisión del comité."),
        "devolver_a_borrador": _("Revisión devuelta a borrador."),
    }.get(paso.nombre, paso.mensaje)
    if paso.hacia == Estado.PUBLICADO:
        mensaje = _("Revisión aprobada. ") + _programada(revision.publicar_desde)
    registrar_en_historial(usuario=usuario, objeto=revision.revision_de, mensaje=mensaje, accion=Cambio.Accion.ESTADO)
    _avisar_del_paso(objeto=revision, usuario=usuario, paso=paso)
    return revision


@transaction.atomic
def revision_aplicar(*, revision, usuario):
    """Replace a live item by its revision, in one transaction: the revision's fields, many-to-many and inline
    rows go onto the live item (same id, address and history), which is recorded with what changed, and the
    revision is deleted. Returns the live item."""
    modelo = type(revision)
    vivo = modelo._base_manager.select_for_update().get(pk=revision.revision_de_id)
    relacionados = modelo.relaciones_de_revision
    antes = auditoria.valores(vivo, relacionados=relacionados)
    ahora = timezone.now()
    programada = vivo.estado == Estado.PUBLICADO and revision.estado == Estado.PUBLICADO
    for campo in _campos_copiables(modelo):
        setattr(vivo, campo.attname, getattr(revision, campo.attname))
    # A scheduled revision keeps the item's first publication date; a date corrected in it is taken.
    if not programada and revision.publicar_desde is not None and revision.publicar_desde <= ahora:
        vivo.publicar_desde = revision.publicar_desde
    vivo.publicar_desde = vivo.publicar_desde or ahora
    vivo.estado = Estado.PUBLICADO
    vivo.observaciones = ""
    vivo.version += 1
    vivo.modificado_por = usuario
    for campo in modelo._meta.many_to_many:
        getattr(vivo, campo.name).set(getattr(revision, campo.name).all())
    for relacion in relacionados:
        clave = getattr(modelo, relacion).field
        getattr(vivo, relacion).all().delete()
        getattr(revision, relacion).all().update(**{clave.attname: vivo.pk})
    autor = revision.creado_por
    revision.delete()
    vivo.al_publicar(usuario)
    vivo.save()  # after the rows moved: the search index reads the new requirements
    registrar_en_historial(
        usuario=usuario,
        objeto=vivo,
        mensaje=_("Publicada la revisión: reemplaza la versión anterior."),
        antes=antes,
        accion=Cambio.Accion.ESTADO,
        relacionados=relacionados,
    )
    _avisar(
        usuarios=[autor],
        salvo=usuario,
        asunto=_("Publicado: %(objeto)s") % {"objeto": vivo},
        texto=_("El comité publicó los cambios de «%(objeto)s». Ya se ven en %(url)s")
        % {"objeto": vivo, "url": _url_publica(vivo)},
    )
    return vivo


def revisiones_programadas_aplicar(*, ahora=None):
    """Revisions whose scheduled moment has come replace their live items (each in its own transaction)."""
    aplicadas = 0
    for modelo in modelos_publicables():
        for revision in modelo.objects.revisiones_vencidas(ahora).select_related("modificado_por"):
            revision_aplicar(revision=revision, usuario=revision.modificado_por)
            aplicadas += 1
    return aplicadas


@task
def revisiones_programadas_tarea():
    """The periodic job behind scheduled revisions (the page cache already expires at their moment)."""
    revisiones_programadas_aplicar()


@transaction.atomic
def publicable_devolver(*, objeto, usuario, motivo):
    """The committee returns an item (or a revision) in review to its author, with the reason, which is shown on
    its edit page, recorded on the live item (or the item itself) and e-mailed to the author."""
    if not puede_publicar(usuario, type(objeto)):
        raise PermissionDenied(_("Solo el Comité GEL-T o un administrador del portal puede hacerlo."))
    motivo = (motivo or "").strip()
    if not motivo:
        raise ValidationError(_("Escriba las observaciones: quien redactó necesita saber qué corregir."))
    objeto = type(objeto)._base_manager.select_for_update().get(pk=objeto.pk)
    if objeto.estado != Estado.EN_REVISION:
        raise ValidationError(
            _("«%(objeto)s» está en estado %(estado)s: solo se devuelve lo que está en revisión.")
            % {"objeto": objeto, "estado": objeto.get_estado_display().lower()}
        )
    antes = None if objeto.revision_de_id else auditoria.valores(objeto)
    objeto.estado = Estado.BORRADOR
    objeto.observaciones = motivo
    objeto.modificado_por = usuario
    objeto.version += 1
    objeto.save()
    vivo = objeto.revision_de if objeto.revision_de_id else objeto
    registrar_en_historial(
        usuario=usuario, objeto=vivo, mensaje=PREFIJO_DEVUELTO + motivo, antes=antes, accion=Cambio.Accion.ESTADO
    )
    _avisar(
        usuarios=[objeto.creado_por],
        salvo=usuario,
        asunto=_("Devuelto con observaciones: %(objeto)s") % {"objeto": objeto},
        texto=_("El comité devolvió «%(objeto)s» con estas observaciones:\n\n%(motivo)s\n\nCorríjalo en %(url)s")
        % {"objeto": objeto, "motivo": motivo, "url": _url_admin(objeto)},
    )
    return objeto


@transaction.atomic
def publicable_revocar_enlaces(*, objeto, usuario):
    """Every share link of the item's preview stops working (they carry the generation this moves)."""
    if not puede_editar(usuario, objeto):
        raise PermissionDenied(_("Solo quien puede editarlo revoca sus enlaces."))
    type(objeto)._base_manager.filter(pk=objeto.pk).update(generacion_de_enlaces=F("generacion_de_enlaces") + 1)
    objeto.refresh_from_db(fields=["generacion_de_enlaces"])
    registrar_en_historial(
        usuario=usuario, objeto=objeto, mensaje=_("Se revocaron los enlaces de vista previa compartidos.")
    )
    return objeto


# Notices by e-mail: always through the job queue, so a mail server that is down never makes a save fail --------


def _url_admin(objeto):
    opts = objeto._meta
    try:
        ruta = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[objeto.pk])
    except NoReverseMatch:
        return settings.URL_DEL_SITIO
    return settings.URL_DEL_SITIO.rstrip("/") + ruta


def _url_publica(objeto):
    return settings.URL_DEL_SITIO.rstrip("/") + objeto.get_absolute_url()


def _avisar(*, usuarios, asunto, texto, salvo=None):
    para = sorted(
        {
            u.email
            for u in usuarios
            if u is not None and u.is_active and u.email and (salvo is None or u.pk != salvo.pk)
        }
    )
    if para:
        tareas.enviar_correo(para=para, asunto=str(asunto), texto=str(texto))


def _comite():
    return get_user_model().objects.filter(is_active=True, groups__name__in=[roles.COMITE]).exclude(email="")


def _avisar_del_paso(*, objeto, usuario, paso):
    if paso.hacia == Estado.EN_REVISION:
        _avisar(
            usuarios=list(_comite()),
            salvo=usuario,
            asunto=_("Para revisar: %(objeto)s") % {"objeto": objeto},
            texto=_("«%(objeto)s» espera la revisión del comité. Revíselo y publíquelo o devuélvalo en %(url)s")
            % {"objeto": objeto, "url": _url_admin(objeto)},
        )
    elif paso.hacia == Estado.PUBLICADO:
        programada = objeto.publicar_desde > timezone.now()
        _avisar(
            usuarios=[objeto.creado_por],
            salvo=usuario,
            asunto=(_("Programado: %(objeto)s") if programada else _("Publicado: %(objeto)s")) % {"objeto": objeto},
            texto=(
                _programada(objeto.publicar_desde)
                if programada
                else _("El comité publicó «%(objeto)s». Ya se ve en %(url)s")
                % {"objeto": objeto, "url": _url_publica(objeto.vivo)}
            ),
        )


def imagen_guardar(*, objeto, campo="imagen"):
    """Before saving a model with an image: re-encode a new upload (metadata such as GPS removed),
    store the clean copy and write its renditions. An unchanged image is left alone."""
    archivo = getattr(objeto, campo)
    datos_campo = f"{campo}_datos"
    if not archivo:
        setattr(objeto, datos_campo, {})
        return
    if not archivo._committed:
        limpio = imagenes.reencodificar(archivo)
        archivo.save(limpio.name, limpio, save=False)
        setattr(objeto, datos_campo, imagenes.generar_variantes(archivo.name, archivo.storage))
