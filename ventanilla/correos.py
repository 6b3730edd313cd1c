"""The e-mails of the ventanilla, queued in the filing's transaction and sent by the background worker.

The petitioner is written to only at the address they gave (and, for the answer, only with their consent to
electronic notification); officials are written to at their dependencia's address and their own. Bodies are
plain text rendered from templates/ventanilla/correo/; nothing of them goes to the logs.
"""

import contextlib
import contextvars

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse

from portal.models import Municipio
from portal.tareas import enviar_correo

SAL_ENLACE = "ventanilla.respuesta"
# Off while the demo is loaded: its example petitioners must not fill the worker's output with mail.
_silencio = contextvars.ContextVar("ventanilla_correos_silenciados", default=False)


@contextlib.contextmanager
def silenciados():
    token = _silencio.set(True)
    try:
        yield
    finally:
        _silencio.reset(token)


def enlace_de_consulta(radicado):
    """A link that opens the radicado's follow-up page without typing anything (signed, no expiry: it is
    the person's own copy of the notification; opening it records the notification)."""
    token = signing.dumps(radicado.pk, salt=SAL_ENLACE, compress=True)
    return settings.URL_DEL_SITIO.rstrip("/") + reverse("ventanilla:enlace", args=[token])


def radicado_de_enlace(token):
    """The radicado id a link was made for, or None if the link was altered."""
    try:
        return int(signing.loads(token, salt=SAL_ENLACE))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def _contexto(radicado, **extra):
    return {
        "radicado": radicado,
        "municipio": Municipio.objects.actual(),
        "enlace": enlace_de_consulta(radicado),
        "sitio": settings.URL_DEL_SITIO.rstrip("/"),
        **extra,
    }


def _al_peticionario(radicado, plantilla, asunto, **extra):
    if radicado.anonimo or not radicado.correo or _silencio.get():
        return
    texto = render_to_string(f"ventanilla/correo/{plantilla}.txt", _contexto(radicado, **extra))
    enviar_correo(para=[radicado.correo], asunto=f"{asunto} — radicado {radicado.numero}", texto=texto)


def _a_los_funcionarios(radicado, plantilla, asunto, **extra):
    if _silencio.get():
        return
    destinatarios = []
    if radicado.responsable_id and radicado.responsable.email:
        destinatarios.append(radicado.responsable.email)
    if radicado.dependencia_id and radicado.dependencia.correo:
        destinatarios.append(radicado.dependencia.correo)
    if not destinatarios:
        return
    contexto = _contexto(radicado, **extra)
    contexto["enlace_admin"] = settings.URL_DEL_SITIO.rstrip("/") + radicado.get_absolute_url()
    texto = render_to_string(f"ventanilla/correo/{plantilla}.txt", contexto)
    enviar_correo(para=sorted(set(destinatarios)), asunto=f"{asunto} — radicado {radicado.numero}", texto=texto)


def acuse_de_recibo(radicado):
    _al_peticionario(radicado, "acuse", "Recibimos su solicitud")


def asignacion(radicado):
    _a_los_funcionarios(radicado, "asignacion", "Nueva PQRSD asignada")


def pedir_completar(radicado, que_falta):
    _al_peticionario(radicado, "completar", "Necesitamos más información", que_falta=que_falta)


def completada(radicado):
    _a_los_funcionarios(radicado, "completada", "El peticionario completó la información")


def prorroga(radicado):
    _al_peticionario(radicado, "prorroga", "Nueva fecha de respuesta")


def traslado(radicado):
    _al_peticionario(radicado, "traslado", "Su solicitud fue trasladada")


def respuesta(radicado):
    if radicado.notificacion_electronica:
        _al_peticionario(radicado, "respuesta", "Respuesta a su solicitud")


def desistimiento(radicado):
    _al_peticionario(radicado, "desistimiento", "Su solicitud se cerró por desistimiento")


def aviso_de_vencimiento(radicado, *, vencido):
    asunto = "PQRSD vencida" if vencido else "PQRSD por vencer"
    _a_los_funcionarios(radicado, "aviso", asunto, vencido=vencido)


def certificado_listo(certificado):
    if certificado.radicado.notificacion_electronica:
        _al_peticionario(certificado.radicado, "certificado", "Su certificado está listo", certificado=certificado)
