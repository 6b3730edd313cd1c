"""Writes that change state or touch several models, each inside a transaction and recorded in the audit log
(``portal.auditoria``, with the values that changed) and in the admin's history (LogEntry), so officials and
the committee see who did what and when."""

from dataclasses import dataclass

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import auditoria, imagenes
from .models import Cambio, Dependencia, Estado
from .models.publicacion import puede_publicar


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
    if paso.hacia == Estado.PUBLICADO:
        objeto.al_publicar(usuario)
    objeto.save()
    mensaje = paso.mensaje
    if paso.hacia == Estado.PUBLICADO and objeto.publicar_desde > timezone.now():
        mensaje = _("Publicación programada para el %(fecha)s.") % {
            "fecha": timezone.localtime(objeto.publicar_desde).strftime("%d/%m/%Y %H:%M")
        }
    registrar_en_historial(usuario=usuario, objeto=objeto, mensaje=mensaje, antes=antes, accion=Cambio.Accion.ESTADO)
    return objeto


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
