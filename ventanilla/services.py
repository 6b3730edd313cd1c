"""Writes of the ventanilla: filing a radicado and every step of its legal clock.

Each function is one transaction, takes keyword-only arguments, leaves a step (``Actuacion``) in the radicado's
file and queues the e-mails it implies (sent by the background worker: a mail server that is down never makes
a step fail). The law behind each step is in ../shared/REFERENCE.md section 5.
"""

import secrets
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from portal import auditoria

from . import correos
from .calendario import calendario_vigente
from .models import (
    ABIERTOS,
    ANONIMO_PERMITIDO,
    Actuacion,
    Adjunto,
    Canal,
    Consecutivo,
    Estado,
    Radicado,
    TerminoLegal,
    Tipo,
    huella_de_codigo,
)
from .permisos import puede_actuar

# Crockford's base32 without look-alikes (no I, L, O, U): 16 characters carry 80 random bits.
ALFABETO_CODIGO = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LARGO_CODIGO = 16
# Ley 1755 art. 21: a petition for another authority is forwarded within 5 business days of its receipt.
DIAS_PARA_TRASLADAR = 5
# Ley 1755 art. 17: the petitioner has one month to complete; the request must be made within 10 days.
DIAS_PARA_PEDIR_COMPLETAR = 10
# Ley 1755 art. 14: information not given in time is deemed granted; copies are due within 3 days.
DIAS_ENTREGA_SILENCIO_POSITIVO = 3

TERMINOS_POR_DEFECTO = {
    Tipo.PETICION: (15, "Ley 1755 de 2015, art. 14"),
    Tipo.INFORMACION: (10, "Ley 1755 de 2015, art. 14 num. 1"),
    Tipo.CONSULTA: (30, "Ley 1755 de 2015, art. 14 num. 2"),
    Tipo.QUEJA: (15, "Ley 1755 de 2015, art. 14"),
    Tipo.RECLAMO: (15, "Ley 1755 de 2015, art. 14"),
    Tipo.SUGERENCIA: (15, "Ley 1755 de 2015, art. 14"),
    Tipo.DENUNCIA: (15, "Ley 1755 de 2015, art. 14"),
    Tipo.FELICITACION: (15, "Ley 1755 de 2015, art. 14"),
    Tipo.TRAMITE: (15, "Ley 1755 de 2015, art. 14 (si la ficha no fija otro tiempo)"),
}


def nuevo_codigo():
    """A follow-up code: 16 characters of a 32-symbol alphabet (80 bits), shown in groups of four."""
    crudo = "".join(secrets.choice(ALFABETO_CODIGO) for _ in range(LARGO_CODIGO))
    return "-".join(crudo[i : i + 4] for i in range(0, LARGO_CODIGO, 4))


def termino_de(tipo):
    """(days, legal basis) for a kind of petition: the admin's value, or the law's default."""
    fila = TerminoLegal.objects.filter(tipo=tipo).values_list("dias", "fundamento").first()
    return fila or TERMINOS_POR_DEFECTO[Tipo(tipo)]


def _siguiente_numero(anio):
    """The next consecutive number of ``anio``, inside the caller's transaction: the row is locked until the
    filing commits (PostgreSQL: SELECT … FOR UPDATE; SQLite: the IMMEDIATE transaction holds the write lock),
    and a rollback gives the number back, so there are no gaps and no repeats."""
    Consecutivo.objects.bulk_create([Consecutivo(anio=anio)], ignore_conflicts=True)
    fila = Consecutivo.objects.select_for_update().get(anio=anio)
    fila.ultimo += 1
    fila.save(update_fields=["ultimo"])
    return fila.ultimo


def formato_numero(anio, consecutivo):
    return f"{anio}-{consecutivo:06d}"


def _actuacion(radicado, clase, texto="", *, usuario=None, publica=True, fecha=None):
    return Actuacion.objects.create(
        radicado=radicado, clase=clase, texto=texto, usuario=usuario, publica=publica, fecha=fecha or timezone.now()
    )


def _auditar(*, usuario, radicado, antes, mensaje):
    """The audit log records who moved the radicado and what changed; personal fields only as «changed»."""
    auditoria.cambio_registrar(
        usuario=usuario,
        objeto=radicado,
        accion="cambio",
        antes=antes,
        despues=auditoria.valores(radicado),
        mensaje=mensaje,
    )


@transaction.atomic
def radicado_crear(
    *,
    tipo,
    asunto,
    descripcion,
    canal=Canal.WEB,
    anonimo=False,
    persona=None,
    prioridad="",
    archivos=(),
    dependencia=None,
    usuario=None,
    dias_termino=None,
    dias_calendario=False,
    fundamento_termino=None,
    ficha=None,
    valor_a_pagar=None,
    ahora=None,
):
    """File a petition: give it the next radicado number of the year, start its legal clock and acknowledge it.

    ``persona`` holds the person's fields (``tipo_persona``, ``tipo_documento``, ``numero_documento``,
    ``nombre``, ``correo``, ``direccion``, ``telefono``, ``notificacion_electronica``). ``archivos`` are
    validated uploads ``(name, file)``. ``dias_termino`` overrides the kind's legal term (online trámites use
    their ficha's response time; ``ficha`` is the requested trámite or servicio and ``valor_a_pagar`` its cost,
    whose payment reference is the radicado number). Returns ``(radicado, codigo)``: the follow-up code is shown
    once and only its keyed hash is stored.
    """
    if anonimo and tipo not in ANONIMO_PERMITIDO:
        raise ValidationError(_("Solo las quejas y las denuncias pueden presentarse de forma anónima."))
    ahora = ahora or timezone.now()
    fecha = timezone.localdate(ahora)
    if dias_termino is None:
        dias_termino, fundamento_termino = termino_de(tipo)
    codigo = nuevo_codigo()
    radicado = Radicado(
        tipo=tipo,
        canal=canal,
        asunto=asunto,
        descripcion=descripcion,
        prioridad=prioridad,
        anonimo=anonimo,
        dependencia=dependencia,
        radicado_en=ahora,
        dias_termino=dias_termino,
        dias_calendario=dias_calendario,
        fundamento_termino=fundamento_termino or "",
        inicio_termino=fecha,
        codigo_hash=huella_de_codigo(codigo),
        valor_a_pagar=valor_a_pagar,
        **({} if anonimo else (persona or {})),
    )
    if ficha is not None:
        radicado.ficha_modelo = ficha._meta.label_lower
        radicado.ficha_id = ficha.pk
        radicado.ficha_nombre = ficha.nombre[:250]
    if anonimo:
        radicado.notificacion_electronica = False
    radicado.vence = radicado.vence_original = calendario_vigente().vencimiento(
        fecha, dias_termino, calendario=dias_calendario
    )
    radicado.anio = fecha.year
    radicado.consecutivo = _siguiente_numero(fecha.year)
    radicado.numero = formato_numero(radicado.anio, radicado.consecutivo)
    radicado.full_clean(exclude=["respuesta"])
    radicado.save()
    for nombre, archivo in archivos:
        Adjunto.objects.create(radicado=radicado, archivo=archivo, nombre=nombre[:200], del_peticionario=True)
    por = _("registrada por un funcionario") if canal != Canal.WEB else _("recibida en el portal web")
    _actuacion(
        radicado,
        Actuacion.Clase.RADICACION,
        _("Solicitud %(por)s. Canal: %(canal)s.") % {"por": por, "canal": radicado.get_canal_display()},
        usuario=usuario,
        fecha=ahora,
    )
    auditoria.cambio_registrar(
        usuario=usuario,
        objeto=radicado,
        accion="creacion",
        antes=None,
        despues=auditoria.valores(radicado),
        mensaje=_("Radicado %(numero)s") % {"numero": radicado.numero},
    )
    correos.acuse_de_recibo(radicado)
    return radicado, codigo


def _exigir(usuario, radicado):
    if usuario is not None and not puede_actuar(usuario, radicado):
        raise PermissionDenied(_("Este radicado es de otra dependencia."))


def _exigir_abierto(radicado):
    if radicado.estado not in ABIERTOS:
        raise ValidationError(
            _("El radicado está «%(estado)s»: ya no admite este paso.") % {"estado": radicado.get_estado_display()}
        )


def _bloquear(radicado):
    return Radicado.objects.select_for_update().get(pk=radicado.pk)


@transaction.atomic
def radicado_asignar(*, radicado, usuario, dependencia, responsable=None, nota=""):
    """Assign (or reassign) the radicado to a dependencia and, optionally, an official of it."""
    radicado = _bloquear(radicado)
    _exigir(usuario, radicado)
    _exigir_abierto(radicado)
    antes = auditoria.valores(radicado)
    radicado.dependencia = dependencia
    radicado.responsable = responsable
    if radicado.estado == Estado.RADICADA:
        radicado.estado = Estado.EN_TRAMITE
    radicado.save()
    quien = f" ({responsable.get_full_name() or responsable.username})" if responsable else ""
    _actuacion(radicado, Actuacion.Clase.ASIGNACION, _("Asignada a %(dep)s.") % {"dep": dependencia}, usuario=usuario)
    if nota or quien:
        _actuacion(radicado, Actuacion.Clase.NOTA, f"{nota}{quien}".strip(), usuario=usuario, publica=False)
    _auditar(usuario=usuario, radicado=radicado, antes=antes, mensaje=_("Asignado a %(dep)s") % {"dep": dependencia})
    correos.asignacion(radicado)
    return radicado


@transaction.atomic
def radicado_anotar(*, radicado, usuario, texto):
    """An internal note: seen by the officials, never by the petitioner."""
    _exigir(usuario, radicado)
    if not texto.strip():
        raise ValidationError(_("Escriba la nota."))
    return _actuacion(radicado, Actuacion.Clase.NOTA, texto.strip(), usuario=usuario, publica=False)


@transaction.atomic
def radicado_pedir_completar(*, radicado, usuario, que_falta, hoy=None):
    """Ley 1755 art. 17: ask the petitioner to complete the petition. The clock stops; the person has one
    month; when they complete it the term starts again in full."""
    radicado = _bloquear(radicado)
    _exigir(usuario, radicado)
    _exigir_abierto(radicado)
    hoy = hoy or timezone.localdate()
    if not que_falta.strip():
        raise ValidationError(_("Diga qué le falta a la petición: el peticionario lo leerá tal cual."))
    if radicado.anonimo and not radicado.correo:
        raise ValidationError(_("Una petición anónima no puede completarse: no hay a quién pedírselo."))
    antes = auditoria.valores(radicado)
    radicado.estado = Estado.POR_COMPLETAR
    radicado.completar_solicitado = hoy
    radicado.completar_hasta = hoy + relativedelta(months=1)
    radicado.vence = None
    radicado.save()
    _actuacion(radicado, Actuacion.Clase.SOLICITUD_COMPLETAR, que_falta.strip(), usuario=usuario)
    _auditar(usuario=usuario, radicado=radicado, antes=antes, mensaje=_("Se pidió completar la petición"))
    correos.pedir_completar(radicado, que_falta.strip())
    return radicado


@transaction.atomic
def radicado_completar(*, radicado, texto, archivos=(), hoy=None):
    """The petitioner completes the petition (from the follow-up page): the term restarts from the next
    business day."""
    radicado = _bloquear(radicado)
    if radicado.estado != Estado.POR_COMPLETAR:
        raise ValidationError(_("Esta solicitud no está esperando información suya."))
    hoy = hoy or timezone.localdate()
    radicado.estado = Estado.EN_TRAMITE if radicado.dependencia_id else Estado.RADICADA
    radicado.inicio_termino = hoy
    radicado.vence = calendario_vigente().vencimiento(hoy, radicado.dias_termino, calendario=radicado.dias_calendario)
    radicado.save()
    for nombre, archivo in archivos:
        Adjunto.objects.create(radicado=radicado, archivo=archivo, nombre=nombre[:200], del_peticionario=True)
    _actuacion(radicado, Actuacion.Clase.COMPLETADA, texto.strip())
    correos.completada(radicado)
    return radicado


def limite_de_prorroga(radicado):
    """Ley 1755 art. 14 parágrafo: the new date may not exceed twice the original term."""
    return calendario_vigente().vencimiento(
        radicado.inicio_termino, 2 * radicado.dias_termino, calendario=radicado.dias_calendario
    )


@transaction.atomic
def radicado_prorrogar(*, radicado, usuario, nueva_fecha, motivo, hoy=None):
    """Extend the term before it expires, telling the petitioner the reason and the new date."""
    radicado = _bloquear(radicado)
    _exigir(usuario, radicado)
    _exigir_abierto(radicado)
    hoy = hoy or timezone.localdate()
    if not motivo.strip():
        raise ValidationError(_("Explique el motivo de la prórroga: la ley exige informarlo al peticionario."))
    if radicado.vence is None or hoy > radicado.vence:
        raise ValidationError(_("El término ya venció: la prórroga debe informarse antes del vencimiento."))
    if nueva_fecha <= radicado.vence:
        raise ValidationError(_("La nueva fecha debe ser posterior al vencimiento actual."))
    limite = limite_de_prorroga(radicado)
    if nueva_fecha > limite:
        raise ValidationError(
            _("La nueva fecha no puede pasar del %(limite)s (el doble del término inicial).")
            % {"limite": f"{limite:%d/%m/%Y}"}
        )
    antes = auditoria.valores(radicado)
    radicado.vence = nueva_fecha
    radicado.prorroga_motivo = motivo.strip()
    radicado.save()
    _actuacion(
        radicado,
        Actuacion.Clase.PRORROGA,
        _("Nueva fecha de respuesta: %(fecha)s. Motivo: %(motivo)s")
        % {"fecha": f"{nueva_fecha:%d/%m/%Y}", "motivo": motivo.strip()},
        usuario=usuario,
    )
    _auditar(usuario=usuario, radicado=radicado, antes=antes, mensaje=_("Término prorrogado"))
    correos.prorroga(radicado)
    return radicado


@transaction.atomic
def radicado_trasladar(*, radicado, usuario, entidad, motivo):
    """Ley 1755 art. 21: the petition belongs to another authority; forward it and tell the petitioner."""
    radicado = _bloquear(radicado)
    _exigir(usuario, radicado)
    _exigir_abierto(radicado)
    if not entidad.strip() or not motivo.strip():
        raise ValidationError(_("Escriba la entidad competente y por qué le corresponde."))
    antes = auditoria.valores(radicado)
    radicado.estado = Estado.TRASLADADA
    radicado.entidad_traslado = entidad.strip()
    radicado.cerrada_en = timezone.now()
    radicado.vence = None
    radicado.save()
    _actuacion(
        radicado,
        Actuacion.Clase.TRASLADO,
        _("Trasladada a %(entidad)s, que es la competente. %(motivo)s")
        % {"entidad": entidad.strip(), "motivo": motivo.strip()},
        usuario=usuario,
    )
    _auditar(usuario=usuario, radicado=radicado, antes=antes, mensaje=_("Trasladado a otra entidad"))
    correos.traslado(radicado)
    return radicado


@transaction.atomic
def radicado_responder(
    *, radicado, usuario, respuesta, archivos=(), acceso_negado=False, fundamento_negacion="", decision="", ahora=None
):
    """Answer the petition: the answer is e-mailed (with the person's consent) or published on the follow-up
    page; the first time the person opens it is recorded as the notification (CPACA art. 56)."""
    radicado = _bloquear(radicado)
    _exigir(usuario, radicado)
    _exigir_abierto(radicado)
    ahora = ahora or timezone.now()
    if not strip_tags(respuesta or "").strip():
        raise ValidationError(_("Escriba la respuesta."))
    if acceso_negado and not radicado.es_informacion:
        raise ValidationError(_("Solo se niega el acceso en una solicitud de información."))
    if acceso_negado and not fundamento_negacion.strip():
        raise ValidationError(_("Una negación debe citar la norma que la funda (Ley 1755, art. 25)."))
    if radicado.es_tramite and decision not in ("aprobada", "rechazada"):
        raise ValidationError(_("Diga si la solicitud se aprueba o se rechaza."))
    antes = auditoria.valores(radicado)
    radicado.respuesta = respuesta
    radicado.respondida_en = ahora
    radicado.respondida_a_tiempo = radicado.vence is None or timezone.localdate(ahora) <= radicado.vence
    radicado.acceso_negado = acceso_negado
    radicado.fundamento_negacion = fundamento_negacion.strip()
    radicado.decision = decision if radicado.es_tramite else ""
    radicado.estado = Estado.RESPONDIDA
    radicado.save()
    for nombre, archivo in archivos:
        Adjunto.objects.create(radicado=radicado, archivo=archivo, nombre=nombre[:200], del_peticionario=False)
    _actuacion(radicado, Actuacion.Clase.RESPUESTA, _("La alcaldía respondió."), usuario=usuario, fecha=ahora)
    _auditar(usuario=usuario, radicado=radicado, antes=antes, mensaje=_("Respondido"))
    correos.respuesta(radicado)
    return radicado


@transaction.atomic
def radicado_registrar_lectura(*, radicado, ahora=None):
    """The petitioner opened the answer: the notification takes effect now (only the first time counts)."""
    if radicado.notificada_en is not None:
        return False
    ahora = ahora or timezone.now()
    # Read from the database, not the instance: the answer may have been given after it was loaded.
    actualizadas = Radicado.objects.filter(
        pk=radicado.pk, notificada_en__isnull=True, respondida_en__isnull=False
    ).update(notificada_en=ahora)
    if actualizadas:
        radicado.notificada_en = ahora
        _actuacion(radicado, Actuacion.Clase.NOTIFICACION, _("El peticionario abrió la respuesta."), fecha=ahora)
    return bool(actualizadas)


@transaction.atomic
def radicado_desistir(*, radicado, usuario, motivo, hoy=None):
    """Ley 1755 art. 17: the month to complete passed without an answer; a reasoned decision closes it."""
    radicado = _bloquear(radicado)
    _exigir(usuario, radicado)
    hoy = hoy or timezone.localdate()
    if radicado.estado != Estado.POR_COMPLETAR or radicado.completar_hasta is None or hoy <= radicado.completar_hasta:
        raise ValidationError(_("Solo procede cuando venció el mes para completar sin respuesta del peticionario."))
    if not motivo.strip():
        raise ValidationError(_("Escriba la decisión motivada del desistimiento."))
    antes = auditoria.valores(radicado)
    radicado.estado = Estado.DESISTIDA
    radicado.cerrada_en = timezone.now()
    radicado.save()
    _actuacion(radicado, Actuacion.Clase.DESISTIMIENTO, motivo.strip(), usuario=usuario)
    _auditar(usuario=usuario, radicado=radicado, antes=antes, mensaje=_("Desistimiento tácito"))
    correos.desistimiento(radicado)
    return radicado


@transaction.atomic
def radicado_cerrar(*, radicado, usuario, nota=""):
    """Close an answered radicado (or a felicitación, which needs no answer)."""
    radicado = _bloquear(radicado)
    _exigir(usuario, radicado)
    if radicado.estado not in (Estado.RESPONDIDA, *ABIERTOS):
        raise ValidationError(_("Este radicado ya está cerrado."))
    if radicado.estado in ABIERTOS and radicado.tipo != Tipo.FELICITACION:
        raise ValidationError(_("Responda antes de cerrar: toda petición tiene derecho a una respuesta."))
    antes = auditoria.valores(radicado)
    radicado.estado = Estado.CERRADA
    radicado.cerrada_en = timezone.now()
    if radicado.respondida_en is None:
        radicado.vence = None
    radicado.save()
    _actuacion(radicado, Actuacion.Clase.CIERRE, nota.strip() or _("Caso cerrado."), usuario=usuario)
    _auditar(usuario=usuario, radicado=radicado, antes=antes, mensaje=_("Cerrado"))
    return radicado


@transaction.atomic
def radicado_registrar_pago(*, radicado, usuario, detalle, ahora=None):
    """The official records the payment of an online trámite (at the bank, the treasury's window…). The seam for
    an online gateway (PSE through a provider): its confirmation calls this same function with ``usuario=None``
    and the provider's transaction in ``detalle``."""
    radicado = _bloquear(radicado)
    _exigir(usuario, radicado)
    if not radicado.valor_a_pagar:
        raise ValidationError(_("Esta solicitud no tiene costo."))
    if radicado.pagado_en:
        raise ValidationError(_("El pago ya estaba registrado."))
    if not detalle.strip():
        raise ValidationError(_("Diga cómo se pagó (banco y número del recibo, por ejemplo)."))
    antes = auditoria.valores(radicado)
    radicado.pagado_en = ahora or timezone.now()
    radicado.pago_detalle = detalle.strip()[:200]
    radicado.save(update_fields=["pagado_en", "pago_detalle"])
    _actuacion(radicado, Actuacion.Clase.NOTA, _("Pago registrado."), usuario=usuario)
    _auditar(usuario=usuario, radicado=radicado, antes=antes, mensaje=_("Pago registrado"))
    return radicado


def recalcular_vencimientos():
    """Suspended days changed: move the due dates of every open radicado whose term has not been extended
    (an extension fixed its date in a letter to the petitioner)."""
    calendario = calendario_vigente()
    cambiados = 0
    with transaction.atomic():
        for radicado in Radicado.objects.abiertos().filter(prorroga_motivo="").select_for_update():
            vence = calendario.vencimiento(
                radicado.inicio_termino, radicado.dias_termino, calendario=radicado.dias_calendario
            )
            if vence != radicado.vence:
                Radicado.objects.filter(pk=radicado.pk).update(vence=vence)
                cambiados += 1
    return cambiados


def avisar_vencimientos(*, hoy=None, dias_antes=3):
    """The daily sweep: warn the responsible official and the dependencia 3 business days before the due date
    and on the day a radicado becomes overdue. Idempotent per day: a warning already given is not repeated."""
    hoy = hoy or timezone.localdate()
    calendario = calendario_vigente()
    limite = calendario.sumar(hoy, dias_antes)
    avisados = 0
    candidatos = list(Radicado.objects.por_vencer(hoy, limite).filter(vence=limite).select_related("dependencia"))
    # Overdue since the last business day: the due date is before today and after the previous business day.
    anterior = hoy - timedelta(days=1)
    while not calendario.es_habil(anterior):
        anterior -= timedelta(days=1)
    candidatos += list(Radicado.objects.vencidos(hoy).filter(vence__gte=anterior).select_related("dependencia"))
    for radicado in candidatos:
        vencido = radicado.vencido(hoy)
        clave = ("vencido" if vencido else "por_vencer") + f":{radicado.vence:%Y-%m-%d}"
        if radicado.actuaciones.filter(clase=Actuacion.Clase.AVISO, texto__startswith=clave).exists():
            continue
        _actuacion(radicado, Actuacion.Clase.AVISO, clave, publica=False)
        correos.aviso_de_vencimiento(radicado, vencido=vencido)
        avisados += 1
    return avisados
