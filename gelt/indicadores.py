"""How each indicator gets its value, and the rule that turns a value into a status.

An indicator either has an automatic source (``FUENTES``, computed from the portal's data through the
query functions each app owns) or takes the measurements the committee records. Sources added by later
work (phases, allied entities, survey, visits) plug in by adding an entry to ``FUENTES``.

Status rule (shown on the dashboard):
- cumplido: the value reaches the goal (or stays at or under it, when less is better);
- en curso: it reaches at least half of the goal (or, when less is better, at most one and a half times it);
- en riesgo: further from the goal than that;
- sin datos: there is no value for the period.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import portal.metrics
import servicios.metrics
import tramites.metrics

from . import encuesta, services, visitas
from .models import Indicador

CUMPLIDO, EN_CURSO, EN_RIESGO, SIN_DATOS = "cumplido", "en_curso", "en_riesgo", "sin_datos"
ESTADOS = {
    CUMPLIDO: _("Cumplido"),
    EN_CURSO: _("En curso"),
    EN_RIESGO: _("En riesgo"),
    SIN_DATOS: _("Sin datos"),
}
REGLA = _(
    "Cumplido: el valor alcanza la meta. En curso: alcanza al menos la mitad de la meta (si menos es mejor: "
    "no la supera en más de la mitad). En riesgo: está más lejos. Sin datos: no hay valor para el periodo."
)


def estado(valor, meta, sentido):
    if valor is None:
        return SIN_DATOS
    valor, meta = Decimal(valor), Decimal(meta)
    if sentido == Indicador.Sentido.MENOR:
        if valor <= meta:
            return CUMPLIDO
        return EN_CURSO if valor <= meta * Decimal("1.5") else EN_RIESGO
    if valor >= meta:
        return CUMPLIDO
    return EN_CURSO if valor >= meta / 2 else EN_RIESGO


@dataclass(frozen=True)
class Periodo:
    inicio: date
    fin: date  # exclusive

    @property
    def etiqueta(self):
        meses = (self.fin.year - self.inicio.year) * 12 + self.fin.month - self.inicio.month
        if meses == 1:
            return f"{self.inicio:%m/%Y}"
        if meses == 6:
            return f"{'1.er' if self.inicio.month == 1 else '2.º'} semestre {self.inicio.year}"
        return str(self.inicio.year)

    def rango(self):
        """The period as aware datetimes in Bogotá, for queries."""
        zona = timezone.get_current_timezone()
        return (
            timezone.make_aware(datetime.combine(self.inicio, time.min), zona),
            timezone.make_aware(datetime.combine(self.fin, time.min), zona),
        )


def periodo(periodicidad, anio=None, hoy=None):
    """The period shown for a year: the current one in the current year, the last one of a past year."""
    hoy = hoy or timezone.localdate()
    if anio is not None and anio != hoy.year:
        hoy = date(anio, 12, 31)
    if periodicidad == Indicador.Periodicidad.MENSUAL:
        inicio = hoy.replace(day=1)
        fin = date(hoy.year + (hoy.month == 12), hoy.month % 12 + 1, 1)
    elif periodicidad == Indicador.Periodicidad.SEMESTRAL:
        inicio = date(hoy.year, 1 if hoy.month <= 6 else 7, 1)
        fin = date(hoy.year, 7, 1) if hoy.month <= 6 else date(hoy.year + 1, 1, 1)
    else:
        inicio, fin = date(hoy.year, 1, 1), date(hoy.year + 1, 1, 1)
    return Periodo(inicio, fin)


def periodos_anteriores(periodicidad, cantidad, hoy=None):
    """The last ``cantidad`` periods up to today's, oldest first (for trends)."""
    actual = periodo(periodicidad, hoy=hoy)
    periodos = [actual]
    while len(periodos) < cantidad:
        anterior = periodos[0].inicio - timezone.timedelta(days=1)
        periodos.insert(0, periodo(periodicidad, hoy=anterior))
    return periodos


@dataclass(frozen=True)
class Fuente:
    nombre: str
    descripcion: str
    calcular: object  # (Periodo) -> Decimal | None
    detalle: object = None  # (Periodo) -> {"titulo", "columnas", "filas"}


def _fin_de_periodo(p):
    return min(timezone.now(), p.rango()[1])


def _porcentaje(funcion):
    def calcular(p):
        valor = funcion(anio=p.inicio.year)
        return None if valor is None else Decimal(str(valor))

    return calcular


def _fichas(filas, columnas=("Ficha", "Dependencia", "Estado")):
    return {
        "columnas": columnas,
        "filas": [
            {
                "celdas": [f.nombre, f.dependencia.nombre, f.get_estado_display()],
                "url": f.get_absolute_url() if f.esta_vigente else "",
            }
            for f in filas
        ],
    }


def _revision(filas):
    return {
        "columnas": ("Ficha", "Dependencia", "Revisión vence"),
        "filas": [
            {
                "celdas": [f.nombre, f.dependencia.nombre, f.revision_vence.strftime("%d/%m/%Y")],
                "url": f.get_absolute_url(),
            }
            for f in filas
        ],
    }


def _actualizaciones(p):
    desde, hasta = p.rango()
    return Decimal(
        portal.metrics.cantidad_de_publicaciones(desde, hasta)
        + tramites.metrics.publicaciones(desde, hasta).count()
        + servicios.metrics.publicaciones(desde, hasta).count()
    )


def _detalle_actualizaciones(p):
    desde, hasta = p.rango()
    filas = [
        {"celdas": [f["fecha"].strftime("%d/%m/%Y"), f["tipo"], f["titulo"]], "url": f["url"]}
        for f in portal.metrics.publicaciones(desde, hasta)
    ]
    for tipo, modulo in (("trámite", tramites.metrics), ("servicio", servicios.metrics)):
        filas += [
            {"celdas": [f.publicar_desde.strftime("%d/%m/%Y"), tipo, f.nombre], "url": f.get_absolute_url()}
            for f in modulo.publicaciones(desde, hasta)
        ]
    filas.sort(key=lambda fila: fila["celdas"][0][::-1], reverse=True)
    return {"titulo": _("Lo publicado en el periodo"), "columnas": ("Fecha", "Tipo", "Título"), "filas": filas}


FUENTES = {
    "actualizaciones_sitio": Fuente(
        _("Publicaciones del portal en el mes"),
        _("Noticias, documentos, eventos, trámites y servicios que se publicaron en el periodo."),
        _actualizaciones,
        _detalle_actualizaciones,
    ),
    "tramites_publicados": Fuente(
        _("Trámites publicados"),
        _("Trámites publicados ÷ trámites identificados (los que existen en el portal sin archivar) × 100."),
        _porcentaje(tramites.metrics.published_ratio),
        lambda p: {"titulo": _("Trámites aún sin publicar"), **_fichas(tramites.metrics.no_publicadas())},
    ),
    "tramites_automatizados": Fuente(
        _("Trámites automatizados"),
        _("Trámites que se hacen totalmente en línea ÷ trámites identificados × 100."),
        _porcentaje(tramites.metrics.automated_ratio),
        lambda p: {
            "titulo": _("Trámites que aún no son totalmente en línea"),
            **_fichas(tramites.metrics.no_automatizadas()),
        },
    ),
    "tramites_revisados_a_tiempo": Fuente(
        _("Trámites con revisión semestral al día"),
        _("Trámites publicados cuya revisión semestral no está vencida ÷ trámites publicados × 100."),
        _porcentaje(lambda anio: tramites.metrics.metricas(anio).porcentaje_revisadas_a_tiempo),
        lambda p: {
            "titulo": _("Trámites con revisión vencida o próxima"),
            **_revision(tramites.metrics.revision_pendiente()),
        },
    ),
    "servicios_publicados": Fuente(
        _("Servicios publicados"),
        _("Servicios publicados ÷ servicios identificados × 100."),
        _porcentaje(servicios.metrics.published_ratio),
        lambda p: {"titulo": _("Servicios aún sin publicar"), **_fichas(servicios.metrics.no_publicadas())},
    ),
    "servicios_automatizados": Fuente(
        _("Servicios automatizados"),
        _("Servicios que se prestan totalmente en línea ÷ servicios identificados × 100."),
        _porcentaje(servicios.metrics.automated_ratio),
        lambda p: {
            "titulo": _("Servicios que aún no son totalmente en línea"),
            **_fichas(servicios.metrics.no_automatizadas()),
        },
    ),
    "servicios_revisados_a_tiempo": Fuente(
        _("Servicios con revisión semestral al día"),
        _("Servicios publicados cuya revisión semestral no está vencida ÷ servicios publicados × 100."),
        _porcentaje(lambda anio: servicios.metrics.metricas(anio).porcentaje_revisadas_a_tiempo),
        lambda p: {
            "titulo": _("Servicios con revisión vencida o próxima"),
            **_revision(servicios.metrics.revision_pendiente()),
        },
    ),
}


def _fase(clave):
    def calcular(p):
        evaluaciones = services.evaluaciones_hasta(p.fin)
        return services.porcentajes_por_fase(evaluaciones[0]).get(clave) if evaluaciones else None

    return calcular


def _entidades(nivel):
    def calcular(p):
        return Decimal(len(services.entidades_vinculadas(p.inicio.year).get(nivel, [])))

    def detalle(p):
        filas = [
            {"celdas": [e.nombre, e.convenio, e.fecha_convenio.strftime("%d/%m/%Y")], "url": e.servicio_url}
            for e in services.entidades_vinculadas(p.inicio.year).get(nivel, [])
        ]
        return {
            "titulo": _("Entidades vinculadas en el año"),
            "columnas": ("Entidad", "Convenio", "Fecha"),
            "filas": filas,
        }

    return calcular, detalle


def _entregas(p):
    datos = services.entregas_del_semestre(min(p.fin - timezone.timedelta(days=1), timezone.localdate()))
    if not datos["total"]:
        return None
    return round(Decimal(100 * len(datos["entregaron"])) / datos["total"], 1)


def _detalle_entregas(p):
    datos = services.entregas_del_semestre(min(p.fin - timezone.timedelta(days=1), timezone.localdate()))
    filas = [{"celdas": [d.nombre, "Pendiente"], "url": d.get_absolute_url()} for d in datos["faltan"]]
    filas += [{"celdas": [d.nombre, "Entregó"], "url": d.get_absolute_url()} for d in datos["entregaron"]]
    return {
        "titulo": _("Entregas de las dependencias en el semestre"),
        "columnas": ("Dependencia", "Estado"),
        "filas": filas,
    }


def _meses_desde_recoleccion(p):
    return services.meses_desde_ultima_entrega(min(p.fin, timezone.localdate() + timezone.timedelta(days=1)))


def _empalme(p):
    return services.porcentaje_vinculados(services.empalme_vigente(p.fin))


def _detalle_empalme(p):
    empalme = services.empalme_vigente(p.fin)
    filas = [
        {"celdas": [f.nombre, f.cargo, f.get_vinculo_display() if f.vinculo else "Aún no vinculado"], "url": ""}
        for f in (empalme.funcionarios.all() if empalme else [])
    ]
    return {
        "titulo": _("Funcionarios de la nueva administración"),
        "columnas": ("Nombre", "Cargo", "Vinculación"),
        "filas": filas,
    }


for _clave, _nombre in (
    ("informacion", _("Información")),
    ("interaccion", _("Interacción")),
    ("transaccion", _("Transacción")),
    ("transformacion", _("Transformación")),
    ("democracia", _("Democracia")),
):
    FUENTES[f"fase_{_clave}"] = Fuente(
        _nombre,
        _("Criterios cumplidos ÷ (criterios − no aplica) × 100 en la última evaluación; parcial cuenta la mitad."),
        _fase(_clave),
    )
for _nivel in ("local", "departamental", "nacional"):
    _calcular, _detalle = _entidades(_nivel)
    FUENTES[f"entidades_{_nivel}"] = Fuente(
        _("Entidades vinculadas"),
        _("Entidades aliadas de ese nivel con convenio firmado en el año."),
        _calcular,
        _detalle,
    )
FUENTES["entregas_dependencias"] = Fuente(
    _("Entregas de las dependencias"),
    _("Dependencias activas que registraron su entrega de información en el semestre ÷ dependencias activas × 100."),
    _entregas,
    _detalle_entregas,
)
FUENTES["meses_desde_recoleccion"] = Fuente(
    _("Meses desde la última recolección"),
    _("Meses desde la última entrega de información de una dependencia."),
    _meses_desde_recoleccion,
)
FUENTES["empalme_vinculados"] = Fuente(
    _("Funcionarios vinculados"),
    _("Funcionarios de la nueva administración vinculados al proceso GEL ÷ funcionarios registrados × 100."),
    _empalme,
    _detalle_empalme,
)

FUENTES["encuesta_anual"] = Fuente(
    _("Encuestas realizadas"),
    _("Encuestas sobre el portal abiertas en el año que recibieron al menos una respuesta."),
    encuesta.valor_indicador,
    encuesta.detalle_indicador,
)


def _visitas(p):
    # From the days ``gelt.visitas`` keeps (the figures of ``portal.metrics``, without re-reading every visitor).
    variacion = visitas.variacion_semestral(p.inicio)
    return None if variacion is None else Decimal(str(variacion))


def _detalle_visitas(p):
    filas = [
        {
            "celdas": [
                f"{'1.er' if f['semestre'] == 1 else '2.º'} semestre {f['anio']}",
                f["visitantes"],
                f["vistas"],
                "—" if f["variacion"] is None else f"{f['variacion']:+.1f} %".replace(".", ","),
            ],
            "url": "",
        }
        for f in visitas.historial_semestral(6, timezone.localdate())
    ]
    return {
        "titulo": _("Visitas por semestre"),
        "columnas": ("Semestre", "Visitantes (suma diaria)", "Páginas vistas", "Variación"),
        "filas": filas,
    }


FUENTES["visitas_semestre"] = Fuente(
    _("Variación de visitas"),
    _("Visitantes únicos diarios del semestre frente al semestre anterior, en porcentaje (sin cookies)."),
    _visitas,
    _detalle_visitas,
)


@dataclass
class Evaluacion:
    indicador: Indicador
    periodo: Periodo
    valor: Decimal | None
    estado: str
    automatico: bool
    tendencia: list = field(default_factory=list)

    @property
    def estado_etiqueta(self):
        return ESTADOS[self.estado]


def evaluar(indicador, anio=None, hoy=None, mediciones=None):
    """Value and status of an indicator for the period shown for ``anio``.

    Manual indicators read ``mediciones`` when given (the dashboard reads those of the whole plan at once),
    otherwise ``indicador.mediciones.all()``.
    """
    p = periodo(indicador.periodicidad, anio, hoy)
    fuente = FUENTES.get(indicador.fuente)
    if fuente:
        valor = fuente.calcular(p)
    else:
        if mediciones is None:
            mediciones = indicador.mediciones.all()
        medidas = [m for m in mediciones if p.inicio <= m.periodo < p.fin]
        valor = max(medidas, key=lambda m: m.periodo).valor if medidas else None
    return Evaluacion(indicador, p, valor, estado(valor, indicador.meta_valor, indicador.sentido), fuente is not None)
