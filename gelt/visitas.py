"""The visit figures of the committee's dashboard, read in a few small queries whatever the traffic.

``portal.metrics.visitas`` counts each day's unique visitors over ``VisitanteDiario``, one row per visitor and
day: reading a year of them costs more the more people visit the portal (100 visitors a day are 36 500 rows a
year), and the dashboard needs a year and a half of them on every render. Yet a day's figures stop changing
once ``portal.visitas`` can no longer flush visits of that day from the cache (they wait there at most
``VENTANA_MINUTOS``, three days). From then on ``VisitasDelDia`` keeps the day's figures, asked once from
``portal.metrics.visitas``; the last days (``DIAS_ABIERTOS``) are always asked live. So the dashboard shows
exactly what ``portal.metrics`` would, and nothing kept here can go stale.

The figures are read a year at a time (``dias_del_anio``, once per render inside ``portal.memoria.calculo``);
months, semesters and the semiannual change are added up from those days the way ``portal.metrics`` does
(``visitas_por_mes``, ``historial_semestral``, ``variacion_semestral``), and tests/gelt check that both agree.
"""

import math
from datetime import date, timedelta

from django.utils import timezone

import portal.metrics
from portal.memoria import memorizar
from portal.visitas import VENTANA_MINUTOS

from .models import VisitasDelDia

MINUTOS_POR_DIA = 24 * 60

# Days whose figures may still change, today included. A day's last visits wait in a block that ends at its
# midnight and may be flushed up to VENTANA_MINUTOS (and three minutes) later, that is into the fourth day after
# it: a day is open on itself and the four days after it. One more day of margin covers a node whose clock is a
# little off.
DIAS_ABIERTOS = math.ceil(VENTANA_MINUTOS / MINUTOS_POR_DIA) + 3


def _dias(desde, hasta):
    return [desde + timedelta(days=i) for i in range((hasta - desde).days)]


def _contar(desde, hasta):
    """``{dia: (vistas, visitantes)}`` of [desde, hasta) straight from ``portal.metrics`` (two queries)."""
    return {f["dia"]: (f["vistas"], f["visitantes"]) for f in portal.metrics.visitas(desde, hasta)["por_dia"]}


@memorizar
def dias_del_anio(anio):
    """``{dia: (vistas, visitantes)}`` for every day of ``anio`` (zeros included, days to come as well).

    One query for the kept days and, while the year has open days, two more for those. The first time a day
    is closed (or a year is first asked for) its figures are counted and kept: once per day, not per render.
    """
    desde, hasta = date(anio, 1, 1), date(anio + 1, 1, 1)
    primero_abierto = timezone.localdate() - timedelta(days=DIAS_ABIERTOS - 1)
    cerrados_hasta = min(max(primero_abierto, desde), hasta)
    dias = {}
    if desde < cerrados_hasta:
        dias = {
            dia: (vistas, visitantes)
            for dia, vistas, visitantes in VisitasDelDia.objects.filter(dia__gte=desde, dia__lt=cerrados_hasta)
            .order_by()
            .values_list("dia", "vistas", "visitantes")
        }
    if len(dias) < (cerrados_hasta - desde).days:
        faltan = [dia for dia in _dias(desde, cerrados_hasta) if dia not in dias]
        contados = {
            dia: cifras
            for dia, cifras in _contar(faltan[0], faltan[-1] + timedelta(days=1)).items()
            if dia not in dias
        }
        # Two renders may count the same day at once: the figures are the same, the second insert is skipped.
        VisitasDelDia.objects.bulk_create(
            [
                VisitasDelDia(dia=dia, vistas=vistas, visitantes=visitantes)
                for dia, (vistas, visitantes) in contados.items()
            ],
            ignore_conflicts=True,
        )
        dias.update(contados)
    if cerrados_hasta < hasta:
        dias.update(_contar(cerrados_hasta, hasta))
    return dias


@memorizar
def por_mes(anio):
    """The twelve months of ``anio``: ``[{"mes": date (day 1), "vistas", "visitantes"}]``."""
    meses = {m: {"mes": date(anio, m, 1), "vistas": 0, "visitantes": 0} for m in range(1, 13)}
    for dia, (vistas, visitantes) in dias_del_anio(anio).items():
        meses[dia.month]["vistas"] += vistas
        meses[dia.month]["visitantes"] += visitantes
    return list(meses.values())


def _del_semestre(anio, semestre):
    """``(vistas, visitantes)`` of a semester (1 or 2) of ``anio``."""
    meses = por_mes(anio)[6 * (semestre - 1) : 6 * semestre]
    return sum(m["vistas"] for m in meses), sum(m["visitantes"] for m in meses)


def _anterior(anio, semestre):
    return (anio - 1, 2) if semestre == 1 else (anio, 1)


def variacion_semestral(fecha):
    """% change of the unique visitors of the semester containing ``fecha`` against the previous semester.

    Rounded to one decimal; None when either semester has no visitors (as ``portal.metrics``).
    """
    semestre = 1 if fecha.month <= 6 else 2
    actual = _del_semestre(fecha.year, semestre)[1]
    anterior = _del_semestre(*_anterior(fecha.year, semestre))[1]
    if not actual or not anterior:
        return None
    return round((actual - anterior) * 100 / anterior, 1)


def historial_semestral(cantidad, hoy):
    """The last ``cantidad`` semesters up to ``hoy``'s, oldest first: ``[{"anio", "semestre", "vistas",
    "visitantes", "variacion"}]``."""
    anio, semestre = hoy.year, 1 if hoy.month <= 6 else 2
    periodos = []
    for _i in range(cantidad):
        periodos.insert(0, (anio, semestre))
        anio, semestre = _anterior(anio, semestre)
    filas = []
    for anio, semestre in periodos:
        vistas, visitantes = _del_semestre(anio, semestre)
        filas.append(
            {
                "anio": anio,
                "semestre": semestre,
                "vistas": vistas,
                "visitantes": visitantes,
                "variacion": variacion_semestral(date(anio, 1 if semestre == 1 else 7, 1)),
            }
        )
    return filas
