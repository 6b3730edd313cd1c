"""What the committee reads of the annual website survey (which lives in ``participa``): the dashboard's panel,
the yearly survey indicator and the self-check of criterion INT-07."""

from datetime import datetime, time
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participa.models import Encuesta
from portal.memoria import memorizar

from .models import Resultado


def _rango_anio(anio):
    zona = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime(anio, 1, 1), zona),
        timezone.make_aware(datetime(anio + 1, 1, 1), zona),
    )


@memorizar
def _encuestas_del_anio(anio):
    """The surveys open at some moment of ``anio``, latest first, each with ``n``: its answers received that year.
    One query (a few surveys a year) that the dashboard's survey panel and the yearly survey indicator share."""
    desde, hasta = _rango_anio(anio)
    recibidas = Q(respuestas__recibida__gte=desde, respuestas__recibida__lt=hasta)
    return list(
        Encuesta.objects.del_anio(anio).annotate(n=Count("respuestas", filter=recibidas)).order_by("-abre", "-pk")
    )


def estado_del_anio(anio):
    """{"realizada", "respuestas", "encuesta"}: a survey counts as done in a year when it was open that year and
    received at least one answer in it. ``encuesta`` is the latest survey open that year (or None). 1 query."""
    encuestas = _encuestas_del_anio(anio)
    respuestas = sum(e.n for e in encuestas)
    return {
        "realizada": respuestas > 0,
        "respuestas": respuestas,
        "encuesta": encuestas[0] if encuestas else None,
    }


def _encuestas_realizadas(inicio, fin):
    zona = timezone.get_current_timezone()
    desde = timezone.make_aware(datetime.combine(inicio, time.min), zona)
    hasta = timezone.make_aware(datetime.combine(fin, time.min), zona)
    return (
        Encuesta.objects.filter(
            abre__lt=fin, cierra__gte=inicio, respuestas__recibida__gte=desde, respuestas__recibida__lt=hasta
        )
        .annotate(n=Count("respuestas"))
        .order_by("abre", "pk")
    )


def valor_indicador(p):
    """For ``FUENTES["encuesta_anual"]``: surveys done in the period ``p`` (``p.inicio``, ``p.fin`` exclusive).

    For a calendar year (the indicator's period) it counts from the surveys the dashboard's panel reads anyway.
    """
    if (p.inicio.month, p.inicio.day) == (1, 1) and p.fin == p.inicio.replace(year=p.inicio.year + 1):
        return Decimal(sum(1 for e in _encuestas_del_anio(p.inicio.year) if e.n))
    return Decimal(_encuestas_realizadas(p.inicio, p.fin).count())


def detalle_indicador(p):
    filas = [
        {"celdas": [e.titulo, f"{e.abre:%d/%m/%Y}–{e.cierra:%d/%m/%Y}", e.n], "url": e.get_absolute_url()}
        for e in _encuestas_realizadas(p.inicio, p.fin)
    ]
    return {
        "titulo": _("Encuestas con respuestas en el periodo"),
        "columnas": ("Encuesta", "Abierta", "Respuestas"),
        "filas": filas,
    }


def autoverificacion():
    """For the self-check of criterion INT-07 («encuesta»): an online survey whose results are published."""
    publicada = Encuesta.objects.filter(resultados_publicados=True, respuestas__isnull=False).exists()
    if publicada:
        return Resultado.CUMPLE, "Hay una encuesta en línea con sus resultados publicados en el portal."
    if Encuesta.objects.filter(respuestas__isnull=False).exists():
        return Resultado.PARCIAL, "La encuesta en línea tiene respuestas, pero sus resultados no están publicados."
    return Resultado.NO_CUMPLE, "Ninguna encuesta en línea ha recibido respuestas."
