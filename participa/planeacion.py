"""Presupuesto participativo: proposals per territory, one online vote per person and process (kept as an HMAC of
the document, never the number), in-person ballots from actas, and the results per territory."""

import hashlib
import hmac
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ventanilla import limites

from .models import ProcesoPlaneacion, Propuesta, Territorio, Voto, VotoActa

TIPOS_DE_DOCUMENTO = [
    ("CC", "Cédula de ciudadanía"),
    ("TI", "Tarjeta de identidad"),
    ("CE", "Cédula de extranjería"),
    ("PPT", "Permiso por protección temporal"),
]


# Online votes per connection in 24 hours (setting PLANEACION_VOTOS_POR_CLIENTE, 40 by default): enough for a
# family or a community centre sharing one connection, too few to stuff the vote with invented document numbers.
# Kept by the ventanilla's limiter (an HMAC of the address, never the address).
ACCION_VOTAR = "votar"
limites.registrar(ACCION_VOTAR, ventana=timedelta(hours=24), ajuste="PLANEACION_VOTOS_POR_CLIENTE")


def votos_agotados(direccion):
    return limites.agotado(ACCION_VOTAR, direccion)


def contar_voto(direccion):
    limites.contar(ACCION_VOTAR, direccion)


class YaVoto(Exception):
    """This document already voted in this process."""


def normalizar_documento(numero):
    """«1.085.123 456» → «1085123456»: what people type differently is the same document."""
    return re.sub(r"[^0-9A-Z]", "", (numero or "").upper())


def huella(proceso, tipo_documento, numero_documento):
    """HMAC-SHA-256 of «type:number» with the process's secret: equal for the same document in one process,
    unrelated across processes, and the number cannot be read back from it."""
    mensaje = f"{tipo_documento}:{normalizar_documento(numero_documento)}".encode()
    return hmac.new(proceso.secreto.encode(), mensaje, hashlib.sha256).hexdigest()


def votar(*, proceso, propuesta, tipo_documento, numero_documento, hoy=None):
    """Record one online vote. Raises ``YaVoto`` if the document already voted in this process, and
    ``ValidationError`` outside the voting phase or for a proposal not in the vote."""
    hoy = hoy or timezone.localdate()
    if proceso.fase(hoy) != ProcesoPlaneacion.Fase.VOTACION:
        raise ValidationError(_("La votación de este proceso no está abierta."))
    if propuesta.proceso_id != proceso.pk or propuesta.estado != Propuesta.Estado.VIABLE:
        raise ValidationError(_("Elija una de las propuestas que están en votación."))
    if not normalizar_documento(numero_documento):
        raise ValidationError(_("Escriba el número de su documento."))
    try:
        with transaction.atomic():
            return Voto.objects.create(
                proceso=proceso,
                propuesta=propuesta,
                huella=huella(proceso, tipo_documento, numero_documento),
                dia=hoy,
            )
    except IntegrityError:
        raise YaVoto from None


@transaction.atomic
def proponer(*, proceso, territorio, titulo, descripcion, costo, hoy=None):
    """A resident's proposal: received, then reviewed by the dependencia (viable or not, with the reason)."""
    hoy = hoy or timezone.localdate()
    if proceso.fase(hoy) != ProcesoPlaneacion.Fase.PROPUESTAS:
        raise ValidationError(_("Este proceso no está recibiendo propuestas."))
    propuesta = Propuesta(proceso=proceso, territorio=territorio, titulo=titulo, descripcion=descripcion, costo=costo)
    propuesta.full_clean()
    propuesta.save()
    return propuesta


@dataclass
class ResultadoTerritorio:
    territorio: Territorio
    propuestas: list = field(default_factory=list)

    @property
    def votos(self):
        return sum(p.total for p in self.propuestas)


def resultados(proceso):
    """Proposals in the vote grouped by territory, each with ``en_linea``, ``presenciales`` and ``total`` votes,
    most voted first; the first of each territory is its priority. Three queries whatever the size."""
    propuestas = list(
        Propuesta.objects.filter(proceso=proceso)
        .en_votacion()
        .select_related("territorio")
        .order_by("territorio__nombre", "pk")
    )
    en_linea = dict(Voto.objects.filter(proceso=proceso).order_by().values_list("propuesta").annotate(n=Count("pk")))
    presenciales = dict(
        VotoActa.objects.filter(acta__proceso=proceso).order_by().values_list("propuesta").annotate(n=Sum("votos"))
    )
    por_territorio = {}
    for p in propuestas:
        p.en_linea = en_linea.get(p.pk, 0)
        p.presenciales = presenciales.get(p.pk, 0)
        p.total = p.en_linea + p.presenciales
        por_territorio.setdefault(p.territorio_id, ResultadoTerritorio(p.territorio)).propuestas.append(p)
    for r in por_territorio.values():
        r.propuestas.sort(key=lambda p: (-p.total, p.titulo))
    return sorted(por_territorio.values(), key=lambda r: r.territorio.nombre)


def propuestas_por_territorio(proceso, *, solo_en_votacion=False):
    propuestas = Propuesta.objects.filter(proceso=proceso).select_related("territorio")
    if solo_en_votacion:
        propuestas = propuestas.en_votacion()
    grupos = {}
    for p in propuestas.order_by("territorio__nombre", "titulo"):
        grupos.setdefault(p.territorio, []).append(p)
    return list(grupos.items())


def proceso_vigente(hoy=None):
    publicados = ProcesoPlaneacion.objects.publicados()
    hoy = hoy or timezone.localdate()
    return publicados.filter(propuestas_abren__lte=hoy, votacion_cierra__gte=hoy).first() or publicados.first()


def territorios():
    return Territorio.objects.filter(activo=True)


# --- what other pages and the committee read ---------------------------------------------------------------


def cifras(proceso=None):
    """For the dashboard: proposals and votes (online and in person) per territory of a process (the latest
    published one by default). Three queries."""
    proceso = proceso or ProcesoPlaneacion.objects.publicados().first()
    if proceso is None:
        return None
    filas = {}
    for nombre, n in (
        Propuesta.objects.filter(proceso=proceso).order_by().values_list("territorio__nombre").annotate(n=Count("pk"))
    ):
        filas.setdefault(nombre, {"territorio": nombre, "propuestas": 0, "en_linea": 0, "presenciales": 0})
        filas[nombre]["propuestas"] = n
    for nombre, n in (
        Voto.objects.filter(proceso=proceso)
        .order_by()
        .values_list("propuesta__territorio__nombre")
        .annotate(n=Count("pk"))
    ):
        filas.setdefault(nombre, {"territorio": nombre, "propuestas": 0, "en_linea": 0, "presenciales": 0})
        filas[nombre]["en_linea"] = n
    for nombre, n in (
        VotoActa.objects.filter(acta__proceso=proceso)
        .order_by()
        .values_list("propuesta__territorio__nombre")
        .annotate(n=Sum("votos"))
    ):
        filas.setdefault(nombre, {"territorio": nombre, "propuestas": 0, "en_linea": 0, "presenciales": 0})
        filas[nombre]["presenciales"] = n
    return {"proceso": proceso, "territorios": [filas[k] for k in sorted(filas)]}


def bloque_de_participacion():
    from django.urls import reverse

    proceso = proceso_vigente()
    if proceso is None:
        return None
    fase = proceso.fase()
    textos = {
        ProcesoPlaneacion.Fase.PROPUESTAS: _("Proponga una inversión para su vereda o corregimiento, hasta el %s."),
        ProcesoPlaneacion.Fase.VOTACION: _("Vote por la propuesta que prefiere para su territorio, hasta el %s."),
    }
    fecha = proceso.propuestas_cierran if fase == ProcesoPlaneacion.Fase.PROPUESTAS else proceso.votacion_cierra
    texto = textos.get(fase, _("Propuestas de cada vereda y corregimiento y sus resultados.%s"))
    texto = texto % (f"{fecha:%d/%m/%Y}" if fase in textos else "")
    return {
        "titulo": _("Presupuesto participativo"),
        "texto": texto,
        "url": reverse("participa:planeacion"),
        "enlace": None,
    }


def proximo_cambio(ahora):
    """When a published process changes phase (its pages change then), as an aware datetime."""
    from datetime import datetime, time, timedelta

    hoy = timezone.localtime(ahora).date()
    dias = []
    for fila in (
        ProcesoPlaneacion.objects.publicados()
        .filter(votacion_cierra__gte=hoy)
        .values_list("propuestas_abren", "propuestas_cierran", "votacion_abre", "votacion_cierra")
    ):
        abre_p, cierra_p, abre_v, cierra_v = fila
        dias += [d for d in (abre_p, cierra_p + timedelta(days=1), abre_v, cierra_v + timedelta(days=1)) if d > hoy]
    return timezone.make_aware(datetime.combine(min(dias), time.min)) if dias else None
