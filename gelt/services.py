"""Committee records that touch several rows: evaluations with the self-check, and the figures derived
from evaluations, allied entities, deliveries and the empalme."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

import portal.metrics
from portal.memoria import memorizar

from . import autoverificacion
from .models import (
    Criterio,
    Empalme,
    EntidadAliada,
    EntregaDependencia,
    Evaluacion,
    Fase,
    Resultado,
    ResultadoCriterio,
)

# A dependencia that has not delivered by the first day of the semester's fifth month is late.
MES_LIMITE_DE_ENTREGA = 5


@transaction.atomic
def evaluacion_crear(*, fecha, nombre, usuario, notas=""):
    """A new evaluation with one row per criterion; where the portal can check a criterion, its proposal
    (and the evidence it found) is pre-filled for the committee to confirm or override."""
    evaluacion = Evaluacion.objects.create(fecha=fecha, nombre=nombre, notas=notas, creada_por=usuario)
    filas = []
    for criterio in Criterio.objects.all():
        propuesta = autoverificacion.verificar(criterio.verificacion) if criterio.verificacion else None
        filas.append(
            ResultadoCriterio(
                evaluacion=evaluacion,
                criterio=criterio,
                resultado=propuesta[0] if propuesta else Resultado.NO_CUMPLE,
                propuesta=propuesta[0] if propuesta else "",
                evidencia_automatica=propuesta[1] if propuesta else "",
            )
        )
    ResultadoCriterio.objects.bulk_create(filas)
    return evaluacion


@transaction.atomic
def evaluacion_reverificar(*, evaluacion):
    """Refresh the portal's proposals and evidence; the committee's decisions are left as they are."""
    for fila in evaluacion.resultados.select_related("criterio").exclude(criterio__verificacion=""):
        propuesta = autoverificacion.verificar(fila.criterio.verificacion)
        if propuesta:
            fila.propuesta, fila.evidencia_automatica = propuesta
            fila.save(update_fields=["propuesta", "evidencia_automatica"])


@memorizar
def porcentajes_por_fase(evaluacion):
    """``{fase clave: Decimal %}``: met ÷ (total − not applicable) × 100, partial counting half.

    Memoized: on the dashboard the five phase indicators and the phases panel ask it of the same evaluation.
    """
    filas = (
        evaluacion.resultados.values("criterio__fase__clave")
        .annotate(
            total=Count("pk"),
            cumple=Count("pk", filter=Q(resultado=Resultado.CUMPLE)),
            parcial=Count("pk", filter=Q(resultado=Resultado.PARCIAL)),
            no_aplica=Count("pk", filter=Q(resultado=Resultado.NO_APLICA)),
        )
        .order_by()
    )
    porcentajes = {}
    for fila in filas:
        evaluables = fila["total"] - fila["no_aplica"]
        if evaluables:
            logrado = Decimal(fila["cumple"]) + Decimal(fila["parcial"]) / 2
            porcentajes[fila["criterio__fase__clave"]] = round(100 * logrado / evaluables, 1)
    return porcentajes


@memorizar
def evaluaciones_hasta(fin):
    """The latest two evaluations dated before ``fin`` (a date): the current one and the previous one."""
    return list(Evaluacion.objects.filter(fecha__lt=fin).order_by("-fecha")[:2])


def fases_comparadas(fin=None):
    """Rows for the dashboard: each phase's goal, the latest evaluation's % and the previous one's."""
    fin = fin or timezone.localdate() + timezone.timedelta(days=1)
    evaluaciones = evaluaciones_hasta(fin)
    actual = porcentajes_por_fase(evaluaciones[0]) if evaluaciones else {}
    anterior = porcentajes_por_fase(evaluaciones[1]) if len(evaluaciones) > 1 else {}
    return {
        "actual": evaluaciones[0] if evaluaciones else None,
        "anterior": evaluaciones[1] if len(evaluaciones) > 1 else None,
        "fases": [
            {"fase": fase, "actual": actual.get(fase.clave), "anterior": anterior.get(fase.clave)}
            for fase in Fase.objects.all()
        ],
    }


@memorizar
def entidades_del_anio(anio):
    """``{"vinculadas": {nivel: [EntidadAliada, …]}, "de_interes": [EntidadAliada, …]}``: the entities linked
    (convenio signed) in ``anio`` and those of interest not yet linked, read together (the dashboard shows both)."""
    vinculadas, de_interes = defaultdict(list), []
    for entidad in EntidadAliada.objects.filter(Q(fecha_convenio__year=anio) | Q(fecha_convenio__isnull=True)):
        if entidad.fecha_convenio is None:
            de_interes.append(entidad)
        else:
            vinculadas[entidad.nivel].append(entidad)
    return {"vinculadas": vinculadas, "de_interes": de_interes}


def entidades_vinculadas(anio):
    """``{nivel: [EntidadAliada, …]}`` linked (convenio signed) in ``anio``."""
    return entidades_del_anio(anio)["vinculadas"]


def semestre(hoy=None):
    hoy = hoy or timezone.localdate()
    inicio = date(hoy.year, 1 if hoy.month <= 6 else 7, 1)
    fin = date(hoy.year, 7, 1) if hoy.month <= 6 else date(hoy.year + 1, 1, 1)
    return inicio, fin


@memorizar
def entregas_del_semestre(hoy=None):
    """Which active dependencias delivered their information this semester, which did not, and whether the
    ones missing are already late."""
    hoy = hoy or timezone.localdate()
    inicio, fin = semestre(hoy)
    entregaron = set(
        EntregaDependencia.objects.filter(fecha__gte=inicio, fecha__lt=fin).values_list("dependencia_id", flat=True)
    )
    dependencias = portal.metrics.dependencias_activas()
    limite = inicio.replace(month=inicio.month + MES_LIMITE_DE_ENTREGA - 1)
    return {
        "inicio": inicio,
        "limite": limite,
        "entregaron": [d for d in dependencias if d.pk in entregaron],
        "faltan": [d for d in dependencias if d.pk not in entregaron],
        "atrasadas": hoy >= limite,
        "total": len(dependencias),
    }


def entregas_pendientes(dependencias, hoy=None):
    """For «Mi trabajo» (``portal.registro.registrar_entrega_pendiente``): which of ``dependencias`` still owe
    this semester's information delivery, with its deadline and whether it is late."""
    from django.urls import reverse

    entregas = entregas_del_semestre(hoy)
    faltan = {d.pk for d in entregas["faltan"]}
    return [
        {
            "dependencia": dependencia,
            "texto": f"Entrega de información del semestre (desde el {entregas['inicio']:%d/%m/%Y})",
            "plazo": entregas["limite"],
            "atrasada": entregas["atrasadas"],
            "url": reverse("admin:gelt_entregadependencia_add") + f"?dependencia={dependencia.pk}",
        }
        for dependencia in dependencias
        if dependencia.pk in faltan
    ]


@memorizar
def ultima_entrega(hasta):
    """``(fecha, dependencia)`` of the last delivery before ``hasta`` (exclusive), or None."""
    return (
        EntregaDependencia.objects.filter(fecha__lt=hasta)
        .order_by("-fecha")
        .values_list("fecha", "dependencia__nombre")
        .first()
    )


def meses_desde_ultima_entrega(hasta):
    """Calendar months from the last delivery before ``hasta`` (exclusive, like every period's end) to the day
    before it: a delivery made today is 0 months old, also on the last day of a month."""
    entrega = ultima_entrega(hasta)
    if entrega is None:
        return None
    ultima = entrega[0]
    dia = hasta - timezone.timedelta(days=1)
    return Decimal((dia.year - ultima.year) * 12 + dia.month - ultima.month)


@memorizar
def empalme_vigente(hasta=None):
    hasta = hasta or timezone.localdate() + timezone.timedelta(days=1)
    return Empalme.objects.filter(fecha_inicio__lt=hasta).order_by("-fecha_inicio").first()


@memorizar
def porcentaje_vinculados(empalme):
    """% of the empalme's officials linked to the GEL process (memoized: the indicator and the panel ask it)."""
    if empalme is None:
        return None
    totales = empalme.funcionarios.aggregate(total=Count("pk"), vinculados=Count("pk", filter=~Q(vinculo="")))
    if not totales["total"]:
        return None
    return round(Decimal(100 * totales["vinculados"]) / totales["total"], 1)
