"""Counts and percentages of fichas that the Comité GEL-T follows (identified, published, reviewed on time,
automated), per year and per dependencia. The apps expose them in their ``metrics`` module."""

from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.utils import timezone

from ..memoria import memorizar
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


@memorizar
def metricas(modelo, *, anio=None, ahora=None):
    """The figures now, or at the end of ``anio`` (fichas created up to then) for the yearly indicator."""
    ahora = ahora or timezone.now()
    # Revisions being edited are not fichas of their own: the indicators follow the live ones.
    fichas = modelo.objects.vivos()
    if anio is not None:
        fin = timezone.make_aware(timezone.datetime(anio, 12, 31, 23, 59, 59))
        ahora = min(ahora, fin)
        fichas = fichas.filter(creado__lte=ahora)
    return Metricas(**fichas.aggregate(**_agregados(ahora, timezone.localdate(ahora))))


def metricas_por_dependencia(modelo, *, ahora=None):
    """``{dependencia nombre: Metricas}`` in one query."""
    ahora = ahora or timezone.now()
    filas = (
        modelo.objects.vivos()
        .values("dependencia__nombre")
        .annotate(**_agregados(ahora, timezone.localdate(ahora)))
        .order_by("dependencia__nombre")
    )
    return {fila.pop("dependencia__nombre"): Metricas(**fila) for fila in filas}


def publicaciones(modelo, desde, hasta):
    """Fichas that went public in [desde, hasta) (archived ones included: they were public then)."""
    return (
        modelo.objects.vivos()
        .filter(estado__in=[Estado.PUBLICADO, Estado.ARCHIVADO], publicar_desde__gte=desde, publicar_desde__lt=hasta)
        .order_by("-publicar_desde")
    )


def publicaciones_por_mes(modelo, desde, hasta):
    """``{date (day 1 of a month): fichas that went public that month}`` in [desde, hasta), one query."""
    from django.db.models.functions import TruncMonth

    filas = (
        publicaciones(modelo, desde, hasta)
        .annotate(mes=TruncMonth("publicar_desde", tzinfo=timezone.get_current_timezone()))
        .values("mes")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(f["mes"].date() if hasattr(f["mes"], "date") else f["mes"]): f["n"] for f in filas}


def ultima_actualizacion(modelo):
    """The last time a published ficha was published or edited."""
    return modelo.objects.vigentes().aggregate(ultima=Max("modificado"))["ultima"]


def no_publicadas(modelo):
    """Identified fichas not public yet (drafts and items in review; a revision of a public one is not one)."""
    return modelo.objects.vivos().exclude(q_vigente()).exclude(estado=Estado.ARCHIVADO).select_related("dependencia")


def no_automatizadas(modelo):
    return (
        modelo.objects.vivos()
        .exclude(estado=Estado.ARCHIVADO)
        .exclude(canal=Canal.TOTAL)
        .select_related("dependencia")
    )


def revision_pendiente(modelo, *, dias=30, hoy=None):
    """Published fichas whose semiannual review is overdue or falls due within ``dias`` days, soonest first."""
    hoy = hoy or timezone.localdate()
    return (
        modelo.objects.vigentes()
        .filter(revision_vence__lte=hoy + timezone.timedelta(days=dias))
        .select_related("dependencia")
        .order_by("revision_vence")
    )


def solicitables_en_linea(modelo):
    """Published fichas that are requested in this portal, from their own form."""
    return modelo.objects.publicados().filter(solicitud_en_linea=True).count()
