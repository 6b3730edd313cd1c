"""Everything the committee's dashboard shows, computed in a bounded number of queries."""

from collections import Counter

from django.db.models import Prefetch
from django.utils import timezone

import portal.metrics
import servicios.metrics
import tramites.metrics

from . import canales, indicadores
from .models import Indicador, Instantanea, Plan

PUNTOS_DE_TENDENCIA = 12


def evaluar_plan(plan, anio=None):
    """``[(accion, [Evaluacion, …]), …]`` for every action of the plan, in the plan's order."""
    acciones = plan.acciones.select_related("linea").prefetch_related(
        Prefetch(
            "indicadores",
            queryset=Indicador.objects.prefetch_related(
                "mediciones", Prefetch("instantaneas", queryset=Instantanea.objects.order_by("periodo"))
            ),
        ),
        "actividades",
    )
    resultado = []
    for accion in acciones:
        evaluaciones = []
        for indicador in accion.indicadores.all():
            evaluacion = indicadores.evaluar(indicador, anio)
            historia = [i for i in indicador.instantaneas.all() if i.periodo < evaluacion.periodo.inicio]
            evaluacion.tendencia = [
                {"periodo": i.periodo, "valor": i.valor} for i in historia[-(PUNTOS_DE_TENDENCIA - 1) :]
            ] + [{"periodo": evaluacion.periodo.inicio, "valor": evaluacion.valor}]
            evaluaciones.append(evaluacion)
        resultado.append((accion, evaluaciones))
    return resultado


def tablero(anio=None):
    plan = Plan.objects.vigente()
    if plan is None:
        return {"plan": None}
    acciones = evaluar_plan(plan, anio)
    resumen = Counter(e.estado for _, evaluaciones in acciones for e in evaluaciones)
    hoy = timezone.localdate()
    return {
        "plan": plan,
        "anio": anio or hoy.year,
        "anios": list(range(plan.anio_inicio, max(plan.anio_fin, hoy.year) + 1)),
        "acciones": acciones,
        "resumen": [
            {"estado": clave, "etiqueta": etiqueta, "n": resumen.get(clave, 0)}
            for clave, etiqueta in indicadores.ESTADOS.items()
        ],
        "regla": indicadores.REGLA,
        "canales": canales.estado_de_canales(hoy),
        "busquedas": portal.metrics.busquedas_frecuentes(dias=30),
        "fichas_por_revisar": [
            *tramites.metrics.revision_pendiente(dias=30),
            *servicios.metrics.revision_pendiente(dias=30),
        ],
    }


def filas_de_exportacion(datos):
    """One row per indicator: action, indicator, goal, value, status, period (for CSV and XLSX)."""
    filas = []
    for accion, evaluaciones in datos["acciones"]:
        for e in evaluaciones:
            filas.append(
                [
                    accion.nombre,
                    e.indicador.nombre,
                    e.indicador.meta_texto,
                    "" if e.valor is None else e.valor,
                    str(e.estado_etiqueta),
                    e.periodo.etiqueta,
                    "automática" if e.automatico else "registrada por el comité",
                ]
            )
    return filas


ENCABEZADOS = ["Acción", "Indicador", "Meta", "Valor", "Estado", "Periodo", "Fuente"]


def tomar_instantaneas():
    """Store the current value and status of every indicator of the plan in force (idempotent per period)."""
    plan = Plan.objects.vigente()
    if plan is None:
        return 0
    total = 0
    for _accion, evaluaciones in evaluar_plan(plan):
        for e in evaluaciones:
            Instantanea.objects.update_or_create(
                indicador=e.indicador,
                periodo=e.periodo.inicio,
                defaults={"valor": e.valor, "estado": e.estado, "creada": timezone.now()},
            )
            total += 1
    return total
