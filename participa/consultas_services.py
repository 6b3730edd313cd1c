"""Writes of the consultations: a citizen's comment, its moderation, the dependencia's answer and the
publication of the answer matrix (which e-mails every commenter). Each in a transaction, each leaving an
audit record of who did what; every refusal is a ValidationError or PermissionDenied in plain Spanish.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from portal import auditoria
from portal.models import Dependencia
from portal.models.publicacion import puede_publicar
from portal.services import registrar_en_historial
from portal.tareas import enviar_correo

from .models import Articulo, Comentario, Consulta

MAX_COMENTARIO = 5000
# An opening or closing HTML tag (``<b>``, ``</a>``, ``<img src=…>``), an HTML comment or an entity-less
# script: comments are plain text. «a < b» or «<3» are not tags.
_ETIQUETA = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?\s*>|<!--")

MENSAJE_CERRADA = (
    "El plazo para comentar este proyecto terminó, así que no pudimos recibir su comentario. Lo que escribió "
    "sigue aquí abajo, por si quiere guardarlo. Puede enviarlo como una petición en /pqrsd/ o leer las "
    "respuestas cuando se publiquen."
)
MENSAJE_DUPLICADO = (
    "Ya recibimos este mismo comentario con su correo en esta consulta: no hace falta enviarlo otra vez. "
    "Se publicará cuando se revise."
)
MENSAJE_MARCAS = (
    "Escriba el comentario como texto simple, sin etiquetas HTML (como <b> o <a>): quite los signos < y > que "
    "rodean esas palabras."
)


def contiene_marcas(texto):
    return bool(_ETIQUETA.search(texto or ""))


def puede_gestionar(usuario, consulta):
    """Who publishes (the committee) or an official of the consultation's dependencia."""
    if not usuario.is_authenticated or not usuario.is_active:
        return False
    if puede_publicar(usuario, Consulta):
        return True
    return Dependencia.objects.de_usuario(usuario).filter(pk=consulta.dependencia_id).exists()


@transaction.atomic
def comentario_crear(
    *,
    consulta: Consulta,
    articulo: Articulo | None,
    tipo_autor: str,
    nombre: str,
    correo: str,
    texto: str,
    organizacion: str = "",
    nit: str = "",
    publicar_nombre: bool = False,
    ahora=None,
) -> Comentario:
    """Receive a comment (pending moderation). Refused when the consultation is closed, when the same person
    already sent the same text, or when it holds markup; the caller keeps what the person typed."""
    ahora = ahora or timezone.now()
    consulta = Consulta.objects.select_for_update().get(pk=consulta.pk)
    if not consulta.esta_abierta(ahora):
        raise ValidationError(MENSAJE_CERRADA, code="cerrada")
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError("Escriba su comentario.", code="vacio")
    if contiene_marcas(texto):
        raise ValidationError(MENSAJE_MARCAS, code="marcas")
    if articulo is not None and articulo.consulta_id != consulta.pk:
        raise ValidationError("El artículo elegido no es de esta consulta.", code="articulo")
    huella = Comentario.calcular_huella(correo, texto)
    if Comentario.objects.filter(consulta=consulta, huella=huella).exists():
        raise ValidationError(MENSAJE_DUPLICADO, code="duplicado")
    comentario = Comentario(
        consulta=consulta,
        articulo=articulo,
        tipo_autor=tipo_autor,
        nombre=nombre.strip(),
        correo=correo.strip(),
        organizacion=organizacion.strip() if tipo_autor == Comentario.Autor.ORGANIZACION else "",
        nit=nit.strip() if tipo_autor == Comentario.Autor.ORGANIZACION else "",
        publicar_nombre=publicar_nombre,
        texto=texto,
        huella=huella,
        recibido=ahora,
    )
    comentario.full_clean(exclude=["huella"])
    try:
        with transaction.atomic():
            comentario.save()
    except IntegrityError as error:  # the same comment sent twice at the same moment
        raise ValidationError(MENSAJE_DUPLICADO, code="duplicado") from error
    return comentario


def _exigir_gestion(usuario, consulta):
    if not puede_gestionar(usuario, consulta):
        raise PermissionDenied("Solo la dependencia de la consulta o el Comité GEL-T pueden hacerlo.")


@transaction.atomic
def comentario_moderar(*, comentario: Comentario, usuario, publicar: bool, motivo: str = "") -> Comentario:
    """Publish a comment, or reject it with the reason (kept, and e-mailed to its author)."""
    comentario = Comentario.objects.select_for_update().select_related("consulta").get(pk=comentario.pk)
    _exigir_gestion(usuario, comentario.consulta)
    motivo = (motivo or "").strip()
    if not publicar and not motivo:
        raise ValidationError(
            {"motivo_rechazo": "Escriba el motivo del rechazo: queda registrado y se le envía a quien comentó."}
        )
    antes = auditoria.valores(comentario)
    comentario.estado = Comentario.Estado.PUBLICADO if publicar else Comentario.Estado.RECHAZADO
    comentario.motivo_rechazo = "" if publicar else motivo
    comentario.moderado_por = usuario
    comentario.moderado_en = timezone.now()
    comentario.save()
    mensaje = "Comentario publicado." if publicar else f"Comentario rechazado: {motivo}"
    registrar_en_historial(usuario=usuario, objeto=comentario, mensaje=mensaje, antes=antes)
    if not publicar:
        _enviar(comentario, "participa/consultas/correo/rechazo.txt", "Su comentario no se publicó")
    return comentario


@transaction.atomic
def comentario_responder(*, comentario: Comentario, usuario, sentido: str, respuesta: str, ahora=None) -> Comentario:
    """The dependencia's answer to a published comment, once the consultation closed."""
    ahora = ahora or timezone.now()
    comentario = Comentario.objects.select_for_update().select_related("consulta").get(pk=comentario.pk)
    _exigir_gestion(usuario, comentario.consulta)
    if not comentario.consulta.esta_cerrada(ahora):
        raise ValidationError("Los comentarios se responden cuando la consulta cierra.")
    if comentario.estado != Comentario.Estado.PUBLICADO:
        raise ValidationError("Solo se responden los comentarios publicados.")
    if sentido not in Comentario.Sentido.values:
        raise ValidationError({"sentido": "Elija si el comentario se acoge, se acoge en parte o no se acoge."})
    if not (respuesta or "").strip():
        raise ValidationError({"respuesta": "Escriba la respuesta: por qué se acoge o no."})
    antes = auditoria.valores(comentario)
    comentario.sentido = sentido
    comentario.respuesta = respuesta.strip()
    comentario.respondido_por = usuario
    comentario.respondido_en = ahora
    comentario.save()
    registrar_en_historial(usuario=usuario, objeto=comentario, mensaje="Comentario respondido.", antes=antes)
    if comentario.consulta.respuestas_publicadas_en and comentario.notificado_en is None:
        _avisar_respuesta(comentario)
    return comentario


def faltantes_para_matriz(consulta, ahora=None):
    """Why the answer matrix cannot be published yet (empty list: it can)."""
    faltan = []
    if not consulta.esta_cerrada(ahora):
        faltan.append("la consulta sigue abierta")
    pendientes = consulta.comentarios.filter(estado=Comentario.Estado.PENDIENTE).count()
    if pendientes:
        faltan.append(f"{pendientes} comentario(s) por moderar")
    sin_respuesta = [c for c in consulta.comentarios.filter(estado=Comentario.Estado.PUBLICADO) if not c.respondido]
    if sin_respuesta:
        faltan.append(f"{len(sin_respuesta)} comentario(s) publicados sin respuesta")
    return faltan


@transaction.atomic
def consulta_publicar_respuestas(*, consulta: Consulta, usuario, ahora=None) -> Consulta:
    """Publish the matrix of comments and answers; every commenter receives the answer by e-mail (queued:
    a mail server down never fails this step)."""
    ahora = ahora or timezone.now()
    consulta = Consulta.objects.select_for_update().get(pk=consulta.pk)
    _exigir_gestion(usuario, consulta)
    faltan = faltantes_para_matriz(consulta, ahora)
    if faltan:
        raise ValidationError("Aún no se puede publicar la matriz de respuestas: " + "; ".join(faltan) + ".")
    antes = auditoria.valores(consulta)
    consulta.respuestas_publicadas_en = ahora
    consulta.save(update_fields=["respuestas_publicadas_en", "modificado"])
    registrar_en_historial(
        usuario=usuario, objeto=consulta, mensaje="Matriz de observaciones y respuestas publicada.", antes=antes
    )
    for comentario in consulta.comentarios.filter(estado=Comentario.Estado.PUBLICADO, notificado_en__isnull=True):
        _avisar_respuesta(comentario)
    return consulta


def _avisar_respuesta(comentario):
    _enviar(comentario, "participa/consultas/correo/respuesta.txt", "Respuesta a su comentario")
    Comentario.objects.filter(pk=comentario.pk).update(notificado_en=timezone.now())


def _enviar(comentario, plantilla, asunto):
    from django.conf import settings

    consulta = comentario.consulta
    enlace = settings.URL_DEL_SITIO.rstrip("/")
    texto = render_to_string(
        plantilla,
        {
            "comentario": comentario,
            "consulta": consulta,
            "url_consulta": enlace + consulta.get_absolute_url(),
            "url_matriz": enlace + _url_matriz(consulta),
        },
    )
    enviar_correo(para=[comentario.correo], asunto=f"{asunto}: {consulta.titulo}"[:200], texto=texto)


def _url_matriz(consulta):
    from django.urls import reverse

    return reverse("participa:consulta_matriz", args=[consulta.slug])
