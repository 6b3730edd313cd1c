"""Everything the committee's dashboard shows, computed in a bounded number of queries."""

from collections import Counter, defaultdict
from datetime import date

from django.conf import settings
from django.utils import timezone

import participa.consultas_metrics
import portal.metrics
import servicios.metrics
import tramites.metrics
from portal import cache_paginas, memoria

from . import canales, encuesta, indicadores, participacion, services, veredicto, visitas
from .models import EntidadAliada, Indicador, Instantanea, Medicion, Plan

PUNTOS_DE_TENDENCIA = 12


def evaluar_plan(plan, anio=None):
    """``[(accion, [Evaluacion, …]), …]`` for every action of the plan, in the plan's order.

    The indicators, the measurements of those the committee records and the snapshots are each read once for the
    whole plan and handed to each indicator (Django's prefetch would build a queryset per action and indicator:
    more work for the same rows). Only the actions' activities, which the template lists, are prefetched.
    """
    acciones = list(plan.acciones.select_related("linea").prefetch_related("actividades"))
    por_accion = defaultdict(list)
    for indicador in Indicador.objects.filter(accion__plan=plan):
        por_accion[indicador.accion_id].append(indicador)
    # Every indicator's measurements in one query: a manual indicator's values, an automatic one's overrides.
    mediciones = defaultdict(list)
    for medicion in Medicion.objects.filter(indicador__accion__plan=plan).select_related("registrado_por"):
        mediciones[medicion.indicador_id].append(medicion)
    historias = defaultdict(list)  # the trend only needs each snapshot's period and value
    instantaneas = Instantanea.objects.filter(indicador__accion__plan=plan).order_by("periodo")
    for indicador_id, periodo, valor in instantaneas.values_list("indicador_id", "periodo", "valor"):
        historias[indicador_id].append({"periodo": periodo, "valor": valor})
    resultado = []
    for accion in acciones:
        evaluaciones = []
        for indicador in por_accion[accion.pk]:
            indicador.accion = accion  # already read: whoever gets the evaluation can use it without a query
            evaluacion = indicadores.evaluar(indicador, anio, mediciones=mediciones[indicador.pk])
            historia = [h for h in historias[indicador.pk] if h["periodo"] < evaluacion.periodo.inicio]
            evaluacion.tendencia = [
                *historia[-(PUNTOS_DE_TENDENCIA - 1) :],
                {"periodo": evaluacion.periodo.inicio, "valor": evaluacion.valor},
            ]
            evaluaciones.append(evaluacion)
        resultado.append((accion, evaluaciones))
    return resultado


# The dashboard's figures may lag this much behind visits (content changes show at once).
SEGUNDOS_EN_CACHE = 60


def tablero(anio=None):
    def calcular():
        # One figure asked from several places (an indicator and a panel) is computed once per render.
        with memoria.calculo():
            return _tablero(anio)

    # Every committee member sees the same figures: computed once a minute, or at once after any edit. The key
    # names the minute, so figures are never older than that whatever the cache does with its expiry times (the
    # README promises visits on the dashboard at most a minute old; visits move no content version).
    clave = f"gelt:tablero:{anio}:{_minuto()}"
    return cache_paginas.calcular_compartido(clave, calcular, maximo=SEGUNDOS_EN_CACHE)


def _minuto():
    return timezone.localtime().strftime("%Y-%m-%d %H:%M")


def _tablero(anio):
    plan = Plan.objects.vigente()
    if plan is None:
        return {"plan": None}
    acciones = evaluar_plan(plan, anio)
    resumen = Counter(e.estado for _, evaluaciones in acciones for e in evaluaciones)
    hoy = timezone.localdate()
    veredictos = veredicto.del_plan(acciones, hoy)
    return {
        "calculado": timezone.localtime(),
        "veredicto": veredictos["plan"],
        "veredictos": [
            {"accion": accion, "veredicto": v, "enlace": enlace_de_correccion(v.evaluacion)}
            for accion, v in veredictos["acciones"]
        ],
        "cola_de_revision": COLA_DE_REVISION,
        "plan": plan,
        "anio": anio or hoy.year,
        "anios": list(range(plan.anio_inicio, max(plan.anio_fin, hoy.year) + 1)),
        "acciones": acciones,
        "resumen": [
            {
                "estado": clave,
                "n": resumen.get(clave, 0),
                "etiqueta": _en_plural(resumen.get(clave, 0), etiqueta),
            }
            for clave, etiqueta in indicadores.ESTADOS.items()
        ],
        "regla": indicadores.REGLA,
        "canales": canales.estado_de_canales(hoy),
        "busquedas": portal.metrics.busquedas_frecuentes(dias=30),
        "fases": services.fases_comparadas(date(anio + 1, 1, 1) if anio else None),
        "entidades": _entidades(anio or hoy.year),
        "entregas": services.entregas_del_semestre(hoy if not anio or anio == hoy.year else date(anio, 12, 31)),
        "empalme": _empalme(),
        "encuesta": encuesta.estado_del_anio(anio or hoy.year),
        "consultas": participa.consultas_metrics.cifras(anio or hoy.year),
        "participacion": participacion.cifras_del_tablero(anio or hoy.year),
        "visitas": _visitas(anio or hoy.year, hoy),
        "fichas_por_revisar": [
            *tramites.metrics.revision_pendiente(dias=30),
            *servicios.metrics.revision_pendiente(dias=30),
        ],
    }


def _en_plural(n, etiqueta):
    """ "4 indicadores cumplidos", "1 indicador en curso" (the chips read as a sentence)."""
    etiqueta = str(etiqueta).lower()
    if n != 1 and etiqueta == "cumplido":
        etiqueta = "cumplidos"
    return f"{'indicador' if n == 1 else 'indicadores'} {etiqueta}"


# Where the committee fixes what is late: the admin page behind each automatic source.
ADMIN_POR_FUENTE = {
    "actualizaciones_sitio": ("admin:portal_noticia_changelist", "Publicar en Noticias"),
    "entidades_local": ("admin:gelt_entidadaliada_changelist", "Entidades aliadas"),
    "entidades_departamental": ("admin:gelt_entidadaliada_changelist", "Entidades aliadas"),
    "entidades_nacional": ("admin:gelt_entidadaliada_changelist", "Entidades aliadas"),
    "tramites_publicados": ("admin:tramites_tramite_changelist", "Trámites"),
    "tramites_automatizados": ("admin:tramites_tramite_changelist", "Trámites"),
    "tramites_revisados_a_tiempo": ("admin:tramites_tramite_changelist", "Trámites"),
    "servicios_publicados": ("admin:servicios_servicio_changelist", "Servicios"),
    "servicios_automatizados": ("admin:servicios_servicio_changelist", "Servicios"),
    "servicios_revisados_a_tiempo": ("admin:servicios_servicio_changelist", "Servicios"),
    "empalme_vinculados": ("admin:gelt_empalme_changelist", "Empalme"),
    "meses_desde_recoleccion": ("admin:gelt_entregadependencia_changelist", "Entregas de las dependencias"),
    "entregas_dependencias": ("admin:gelt_entregadependencia_changelist", "Entregas de las dependencias"),
    "encuesta_anual": ("admin:participa_encuesta_changelist", "Encuestas"),
    "visitas_semestre": ("admin:participa_campana_changelist", "Campañas de divulgación"),
    "pqrsd_a_tiempo": ("admin:ventanilla_radicado_changelist", "Radicados PQRSD"),
    "pqrsd_mediana_dias": ("admin:ventanilla_radicado_changelist", "Radicados PQRSD"),
}
for _clave in ("informacion", "interaccion", "transaccion", "transformacion", "democracia"):
    ADMIN_POR_FUENTE[f"fase_{_clave}"] = ("admin:gelt_evaluacion_changelist", "Evaluaciones de las fases")

# The content waiting for someone to publish it (the committee publishes; see portal.services).
COLA_DE_REVISION = [
    (f"admin:{ruta}_changelist", etiqueta)
    for ruta, etiqueta in (
        ("portal_noticia", "Noticias"),
        ("portal_documento", "Documentos"),
        ("portal_evento", "Eventos"),
        ("tramites_tramite", "Trámites"),
        ("servicios_servicio", "Servicios"),
        ("participa_consulta", "Consultas de proyectos de normas"),
    )
]


def enlace_de_correccion(evaluacion):
    """``{"url", "etiqueta"}`` of the admin page where what an indicator counts is fixed, or None."""
    if evaluacion is None:
        return None
    from django.urls import NoReverseMatch, reverse

    indicador = evaluacion.indicador
    if indicador.fuente in ADMIN_POR_FUENTE:
        ruta, etiqueta = ADMIN_POR_FUENTE[indicador.fuente]
        try:
            return {"url": reverse(ruta), "etiqueta": etiqueta}
        except NoReverseMatch:
            return None
    if indicador.fuente in indicadores.FUENTES:
        return None  # an automatic source with no admin page of its own
    return {
        "url": reverse("admin:gelt_medicion_add") + f"?indicador={indicador.pk}",
        "etiqueta": "Registrar la medición",
    }


METAS_DE_ENTIDADES = {"local": 5, "departamental": 2, "nacional": 1, "internacional": None}


def _entidades(anio):
    entidades = services.entidades_del_anio(anio)
    return {
        "niveles": [
            {"nivel": etiqueta, "meta": METAS_DE_ENTIDADES[clave], "entidades": entidades["vinculadas"].get(clave, [])}
            for clave, etiqueta in EntidadAliada.Nivel.choices
        ],
        "de_interes": entidades["de_interes"],
    }


def _visitas(anio, hoy):
    """Visits of the year for the dashboard: per month, top pages, referrers, campaigns, devices.

    Months and semesters come from ``gelt.visitas`` (the same days the visits indicator reads, kept once closed).
    """
    desde, hasta = date(anio, 1, 1), min(date(anio + 1, 1, 1), hoy + timezone.timedelta(days=1))
    return {
        "por_mes": visitas.por_mes(anio),
        "paginas": portal.metrics.paginas_mas_vistas(desde, hasta, 10),
        "referentes": portal.metrics.referentes(
            desde, hasta, 8, minimo_direcciones=settings.VISITAS_MINIMO_PROCEDENCIA
        ),
        "tope_por_direccion": settings.VISITAS_VISITANTES_POR_DIRECCION,
        "minimo_procedencia": settings.VISITAS_MINIMO_PROCEDENCIA,
        "campanas": portal.metrics.campanas(desde, hasta, 8),
        "dispositivos": portal.metrics.dispositivos(desde, hasta),
        "semestres": visitas.historial_semestral(2, hoy),
    }


def _empalme():
    empalme = services.empalme_vigente()
    return {"empalme": empalme, "porcentaje": services.porcentaje_vinculados(empalme)}


def filas_de_exportacion(datos):
    """One row per indicator (for CSV and XLSX): action, indicator, goal, value, unit, status, period, source and
    what the figure counts, in words. The value is a number: ``portal.exportar`` writes it with a decimal comma
    in the CSV (Excel in Spanish: ";" and decimal comma, the one convention) and as a number cell in the XLSX.
    """
    filas = []
    for accion, evaluaciones in datos["acciones"]:
        for e in evaluaciones:
            filas.append(
                [
                    accion.nombre,
                    e.indicador.nombre,
                    e.indicador.meta_texto,
                    "" if e.valor is None else int(e.valor) if e.valor == e.valor.to_integral() else e.valor,
                    e.unidad,
                    str(e.estado_etiqueta),
                    e.periodo.etiqueta,
                    e.origen,
                    e.lectura,
                ]
            )
    return filas


ENCABEZADOS = ["Acción", "Indicador", "Meta", "Valor", "Unidad", "Estado", "Periodo", "Fuente", "Qué se contó"]


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
