"""Reminder e-mails: each responsible official gets one message with what is overdue or due soon (their
channels, the fichas of their dependencias due for the semiannual review); the committee gets a summary.
At most one message per person per day."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

import servicios.metrics
import tramites.metrics
from portal import roles
from portal.models import Municipio, Usuario
from portal.tareas import enviar_correo

from . import services
from .canales import estado_de_canales
from .models import Recordatorio

DIAS_AVISO_FICHAS = 30


@dataclass
class Mensaje:
    destinatario: str
    nombre: str
    asunto: str
    lineas: list = field(default_factory=list)

    @property
    def cuerpo(self):
        return "\n".join(self.lineas)


def _linea_canal(estado):
    ultima = estado.ultima.strftime("%d/%m/%Y") if estado.ultima else "nunca"
    cada = estado.canal.frecuencia_dias
    situacion = estado.etiqueta.lower()
    return f"- Canal «{estado.canal.nombre}»: {situacion} (última actualización: {ultima}, cada {cada} días)."


def _linea_ficha(ficha):
    cuando = "venció" if ficha.revision_vencida else "vence"
    url = settings.URL_DEL_SITIO.rstrip("/") + ficha.get_absolute_url()
    tipo = ficha._meta.verbose_name.capitalize()
    return f"- {tipo} «{ficha.nombre}»: la revisión semestral {cuando} el {ficha.revision_vence:%d/%m/%Y}. {url}"


def _linea_entrega(dependencia, limite):
    plazo = f"{limite:%d/%m/%Y}"
    return f"- Dependencia «{dependencia.nombre}»: no ha entregado su información del semestre (plazo: {plazo})."


def preparar(hoy=None):
    """The messages to send today: one per responsible person with something pending, plus the summary."""
    hoy = hoy or timezone.localdate()
    entidad = Municipio.objects.actual().entidad
    pendientes = defaultdict(list)  # usuario -> lines
    canales = [e for e in estado_de_canales(hoy) if e.vencido or e.por_vencer]
    for estado in canales:
        pendientes[estado.canal.responsable].append(_linea_canal(estado))
    fichas = [
        *tramites.metrics.revision_pendiente(DIAS_AVISO_FICHAS),
        *servicios.metrics.revision_pendiente(DIAS_AVISO_FICHAS),
    ]
    por_dependencia = defaultdict(list)
    for ficha in fichas:
        por_dependencia[ficha.dependencia_id].append(ficha)
    entregas = services.entregas_del_semestre(hoy)
    sin_entregar = {d.pk: d for d in entregas["faltan"]} if entregas["atrasadas"] else {}
    afectadas = set(por_dependencia) | set(sin_entregar)
    for usuario in Usuario.objects.filter(is_active=True, cargos__dependencia__in=afectadas).distinct():
        for funcionario in usuario.cargos.all():
            for ficha in por_dependencia.get(funcionario.dependencia_id, []):
                pendientes[usuario].append(_linea_ficha(ficha))
            if funcionario.dependencia_id in sin_entregar:
                pendientes[usuario].append(
                    _linea_entrega(sin_entregar[funcionario.dependencia_id], entregas["limite"])
                )

    resumen = []
    if canales or fichas or sin_entregar:
        resumen = [
            "Resumen para el Comité GEL-T:",
            "",
            f"Canales atrasados o por vencer: {len(canales)}",
            *[f"{_linea_canal(e)} Responsable: {e.canal.responsable}." for e in canales],
            "",
            f"Fichas con revisión semestral vencida o próxima: {len(fichas)}",
            *[_linea_ficha(f) for f in fichas],
            "",
            f"Dependencias con la entrega del semestre atrasada: {len(sin_entregar)}",
            *[_linea_entrega(d, entregas["limite"]) for d in sin_entregar.values()],
            "",
            f"Tablero: {settings.URL_DEL_SITIO.rstrip('/')}/gelt/",
        ]
    comite = set(Usuario.objects.filter(is_active=True, groups__name=roles.COMITE).distinct()) if resumen else set()

    mensajes = []
    for usuario in sorted(set(pendientes) | comite, key=lambda u: u.username):
        if not usuario.email or not usuario.is_active:
            continue
        nombre = usuario.get_full_name() or usuario.username
        lineas = sorted(set(pendientes.get(usuario, [])))
        cuerpo = [f"Hola, {nombre}:", ""]
        if lineas:
            cuerpo += ["Esto, a su cargo, está atrasado o vence pronto:", "", *lineas, ""]
        if usuario in comite:
            cuerpo += [*resumen, ""]
        cuerpo += ["Gracias por mantener al día la información para la ciudadanía.", "Comité GEL-T"]
        asunto = (
            f"{entidad}: tiene {len(lineas)} pendiente{'s' if len(lineas) != 1 else ''} en el portal"
            if lineas
            else f"{entidad}: resumen de pendientes GEL"
        )
        mensajes.append(Mensaje(usuario.email, nombre, asunto, cuerpo))
    return mensajes


def enviar(mensajes, hoy=None):
    """Send what has not been sent today to the same person; returns (sent, skipped).

    Each message goes to the job queue with its ``Recordatorio``, in one transaction: a message is recorded
    if and only if it will be sent, and a mail server that is down delays it (retries) instead of losing it.
    """
    hoy = hoy or timezone.localdate()
    enviados, omitidos = [], []
    for mensaje in mensajes:
        try:
            with transaction.atomic():
                Recordatorio.objects.create(
                    destinatario=mensaje.destinatario, dia=hoy, asunto=mensaje.asunto, resumen=mensaje.cuerpo
                )
                enviar_correo(para=[mensaje.destinatario], asunto=mensaje.asunto, texto=mensaje.cuerpo)
        except IntegrityError:
            omitidos.append(mensaje)  # already reminded today
            continue
        enviados.append(mensaje)
    return enviados, omitidos
