"""Counts and percentages of fichas that the Comité GEL-T follows (identified, published, reviewed on time,
automated), per year and per dependencia. The apps expose them in their ``metrics`` module."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from ..models import Estado
from ..models.publicacion import q_vigente
from .models import Canal


@dataclass(frozen=True)
class Metricas:
    identificadas: int
    publicadas: int
    revisadas_a_tiempo: int
    automatizadas: int

    @staticmethod
    def _porcentaje(parte, total):
        return round(100 * parte / total, 1) if total else None

    @property
    def porcentaje_publicadas(self):
        return self._porcentaje(self.publicadas, self.identificadas)

    @property
    def porcentaje_automatizadas(self):
        return self._porcentaje(self.automatizadas, self.identificadas)

    @property
    def porcentaje_revisadas_a_tiempo(self):
        return self._porcentaje(self.revisadas_a_tiempo, self.publicadas)


def _agregados(ahora, hoy):
    publicada = q_vigente(ahora=ahora)
    return {
        # Identified: every ficha that exists and is not archived (drafts count: they were identified).
        "identificadas": Count("pk", filter=~Q(estado=Estado.ARCHIVADO)),
        "publicadas": Count("pk", filter=publicada),
        "revisadas_a_tiempo": Count("pk", filter=publicada & Q(revision_vence__gte=hoy)),
        "automatizadas": Count("pk", filter=~Q(estado=Estado.ARCHIVADO) & Q(canal=Canal.TOTAL)),
    }


def metricas(modelo, *, anio=None, ahora=None):
    """The figures now, or at the end of ``anio`` (fichas created up to then) for the yearly indicator."""
    ahora = ahora or timezone.now()
    fichas = modelo.objects.all()
    if anio is not None:
        fin = timezone.make_aware(timezone.datetime(anio, 12, 31, 23, 59, 59))
        ahora = min(ahora, fin)
        fichas = fichas.filter(creado__lte=ahora)
    return Metricas(**fichas.aggregate(**_agregados(ahora, timezone.localdate(ahora))))


def metricas_por_dependencia(modelo, *, ahora=None):
    """``{dependencia nombre: Metricas}`` in one query."""
    ahora = ahora or timezone.now()
    filas = (
        modelo.objects.values("dependencia__nombre")
        .annotate(**_agregados(ahora, timezone.localdate(ahora)))
        .order_by("dependencia__nombre")
    )
    return {fila.pop("dependencia__nombre"): Metricas(**fila) for fila in filas}
