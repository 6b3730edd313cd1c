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

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import portal.metrics
import servicios.metrics
import tramites.metrics
import ventanilla.metrics
from portal.memoria import memorizar

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


def numero(valor, decimales=1):
    """A figure the Colombian way: decimal comma, no thousands separator, no trailing ",0"."""
    if valor is None:
        return "—"
    texto = f"{Decimal(valor):.{decimales}f}"
    if "." in texto:
        texto = texto.rstrip("0").rstrip(".")
    return texto.replace(".", ",")


def _plural(n, singular, plural):
    return singular if n == 1 else plural


def _fecha(valor):
    return valor.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Fuente:
    """An automatic source. ``descripcion`` says how the value is computed, in the seed's own terms; ``origen``
    where the data comes from; ``lectura(p, valor)`` reads the figure of the period in words (what was counted);
    ``unidad`` is the unit shown beside the number ("%" or a noun)."""

    nombre: str
    descripcion: str
    calcular: object  # (Periodo) -> Decimal | None
    detalle: object = None  # (Periodo) -> {"titulo", "columnas", "filas"}
    origen: str = ""
    lectura: object = None  # (Periodo, valor) -> str
    unidad: str = "%"
    estado: object = None  # (Periodo, valor) -> status key, when the goal is not a number to reach


def _hasta_ahora(p):
    """The period's end as a datetime, never past now: what is scheduled for later is not published yet."""
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


# --- Frecuencia de actualización del sitio Web ("1 vez en el mes") --------------------------------------------


def _publicaciones_por_mes(p):
    desde, hasta = p.rango()[0], _hasta_ahora(p)
    meses = Counter()
    for modulo in (portal.metrics, tramites.metrics, servicios.metrics):
        meses.update(modulo.publicaciones_por_mes(desde, hasta) if desde < hasta else {})
    return meses


def _meses_transcurridos(p, meses):
    """Months of the period already over, plus the current one once it has an update: a month still running
    is not counted against the goal before it ends."""
    hoy = timezone.localdate()
    transcurridos = []
    mes = p.inicio
    while mes < p.fin and mes <= hoy:
        siguiente = date(mes.year + (mes.month == 12), mes.month % 12 + 1, 1)
        if siguiente <= hoy or meses.get(mes):
            transcurridos.append(mes)
        mes = siguiente
    return transcurridos


@memorizar
def _actualizacion(p):
    meses = _publicaciones_por_mes(p)
    transcurridos = _meses_transcurridos(p, meses)
    con_actualizacion = [m for m in transcurridos if meses.get(m)]
    hoy = timezone.localdate()
    return {
        "meses": meses,
        "transcurridos": transcurridos,
        "con_actualizacion": con_actualizacion,
        "este_mes": meses.get(hoy.replace(day=1), 0) if p.inicio <= hoy < p.fin else None,
    }


def _actualizaciones(p):
    datos = _actualizacion(p)
    if not datos["transcurridos"]:
        return None
    return round(Decimal(100 * len(datos["con_actualizacion"])) / len(datos["transcurridos"]), 1)


def _lectura_actualizaciones(p, valor):
    datos = _actualizacion(p)
    n, total = len(datos["con_actualizacion"]), len(datos["transcurridos"])
    texto = f"{n} de {total} {_plural(total, 'mes', 'meses')} con al menos una actualización en {p.etiqueta}"
    if datos["este_mes"] is not None:
        este = datos["este_mes"]
        texto += f"; este mes, {este} {_plural(este, 'publicación', 'publicaciones')}"
    return texto


def _detalle_actualizaciones(p):
    desde, hasta = p.rango()[0], _hasta_ahora(p)
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


# --- Trámites and servicios -------------------------------------------------------------------------------------


def _lectura_fichas(modulo, campo, base, plural, que):
    def lectura(p, valor):
        m = modulo.metricas(p.inicio.year)
        return f"{getattr(m, campo)} de {getattr(m, base)} {plural} {que}"

    return lectura


FUENTES = {
    "actualizaciones_sitio": Fuente(
        _("Meses con actualización"),
        _(
            "Meses con al menos una actualización ÷ meses transcurridos × 100 (el mes en curso cuenta al terminar o "
            "en cuanto tenga una publicación)."
        ),
        _actualizaciones,
        _detalle_actualizaciones,
        origen=_("Automático: fechas de publicación de noticias, documentos, eventos, trámites y servicios."),
        lectura=_lectura_actualizaciones,
        unidad="% de los meses",
    ),
}
for _clave, _modulo, _plural_ficha, _sin in (
    ("tramites", tramites.metrics, "trámites", "trámites"),
    ("servicios", servicios.metrics, "servicios", "servicios"),
):
    FUENTES[f"{_clave}_publicados"] = Fuente(
        _("Publicados"),
        f"{_plural_ficha.capitalize()} publicados en el sitio Web ÷ {_plural_ficha} identificados (los que existen "
        "en el portal sin archivar, borradores incluidos) × 100.",
        _porcentaje(_modulo.published_ratio),
        (lambda m, n: lambda p: {"titulo": f"{n.capitalize()} aún sin publicar", **_fichas(m.no_publicadas())})(
            _modulo, _sin
        ),
        origen=f"Automático: fichas de {_plural_ficha} del portal y su estado de publicación.",
        lectura=_lectura_fichas(
            _modulo, "publicadas", "identificadas", _plural_ficha, "identificados están publicados"
        ),
    )
    FUENTES[f"{_clave}_automatizados"] = Fuente(
        _("Automatizados"),
        f"{_plural_ficha.capitalize()} que se hacen totalmente en línea ÷ {_plural_ficha} identificados × 100.",
        _porcentaje(_modulo.automated_ratio),
        (
            lambda m, n: (
                lambda p: {
                    "titulo": f"{n.capitalize()} que aún no son totalmente en línea",
                    **_fichas(m.no_automatizadas()),
                }
            )
        )(_modulo, _sin),
        origen=f"Automático: el canal de atención de cada ficha de {_plural_ficha} («totalmente en línea»).",
        lectura=_lectura_fichas(
            _modulo, "automatizadas", "identificadas", _plural_ficha, "identificados se hacen totalmente en línea"
        ),
    )
    FUENTES[f"{_clave}_revisados_a_tiempo"] = Fuente(
        _("Revisión semestral al día"),
        f"{_plural_ficha.capitalize()} publicados cuya revisión semestral no está vencida ÷ {_plural_ficha} "
        "publicados × 100.",
        _porcentaje((lambda m: lambda anio: m.metricas(anio).porcentaje_revisadas_a_tiempo)(_modulo)),
        (
            lambda m, n: (
                lambda p: {
                    "titulo": f"{n.capitalize()} con revisión vencida o próxima",
                    **_revision(m.revision_pendiente()),
                }
            )
        )(_modulo, _sin),
        origen=f"Automático: la fecha de revisión de cada ficha publicada de {_plural_ficha}.",
        lectura=_lectura_fichas(
            _modulo, "revisadas_a_tiempo", "publicadas", _plural_ficha, "publicados tienen la revisión al día"
        ),
    )


# --- GEL phases ---------------------------------------------------------------------------------------------------


def _fase(clave):
    def calcular(p):
        evaluaciones = services.evaluaciones_hasta(p.fin)
        return services.porcentajes_por_fase(evaluaciones[0]).get(clave) if evaluaciones else None

    def lectura(p, valor):
        evaluaciones = services.evaluaciones_hasta(p.fin)
        if not evaluaciones:
            return f"Sin evaluaciones de las fases hasta {p.etiqueta}"
        e = evaluaciones[0]
        return f"{numero(valor)} % en la evaluación «{e.nombre}» del {_fecha(e.fecha)}"

    return calcular, lectura


# --- Allied entities ---------------------------------------------------------------------------------------------

_NIVELES = {"local": "locales", "departamental": "departamentales", "nacional": "nacionales"}


def _entidades(nivel):
    def calcular(p):
        return Decimal(len(services.entidades_vinculadas(p.inicio.year).get(nivel, [])))

    def lectura(p, valor):
        entidades = services.entidades_vinculadas(p.inicio.year).get(nivel, [])
        nombres = ", ".join(e.nombre for e in entidades[:3]) + ("…" if len(entidades) > 3 else "")
        texto = f"{len(entidades)} {_plural(len(entidades), 'entidad', 'entidades')} {_NIVELES[nivel]} con convenio "
        texto += f"firmado en {p.inicio.year}"
        return texto + (f": {nombres}" if nombres else "")

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

    return calcular, lectura, detalle


# --- Dependencias' deliveries and collection ------------------------------------------------------------------


def _dia_de_corte(p):
    return min(p.fin - timezone.timedelta(days=1), timezone.localdate())


def _entregas(p):
    datos = services.entregas_del_semestre(_dia_de_corte(p))
    if not datos["total"]:
        return None
    return round(Decimal(100 * len(datos["entregaron"])) / datos["total"], 1)


def _lectura_entregas(p, valor):
    datos = services.entregas_del_semestre(_dia_de_corte(p))
    n, total = len(datos["entregaron"]), datos["total"]
    return f"{n} de {total} dependencias activas entregaron su información en el {p.etiqueta}"


def _detalle_entregas(p):
    datos = services.entregas_del_semestre(_dia_de_corte(p))
    filas = [{"celdas": [d.nombre, "Pendiente"], "url": d.get_absolute_url()} for d in datos["faltan"]]
    filas += [{"celdas": [d.nombre, "Entregó"], "url": d.get_absolute_url()} for d in datos["entregaron"]]
    return {
        "titulo": _("Entregas de las dependencias en el semestre"),
        "columnas": ("Dependencia", "Estado"),
        "filas": filas,
    }


def _hasta_recoleccion(p):
    return min(p.fin, timezone.localdate() + timezone.timedelta(days=1))


def _meses_desde_recoleccion(p):
    return services.meses_desde_ultima_entrega(_hasta_recoleccion(p))


def _lectura_recoleccion(p, valor):
    entrega = services.ultima_entrega(_hasta_recoleccion(p))
    if entrega is None:
        return "Ninguna dependencia ha entregado información todavía"
    meses = int(valor)
    return (
        f"la última recolección fue el {_fecha(entrega[0])} ({entrega[1]}): hace {meses} "
        f"{_plural(meses, 'mes', 'meses')}; la meta es recolectar al menos cada 6 meses"
    )


def _detalle_recoleccion(p):
    return _detalle_entregas(p)


# --- Empalme -------------------------------------------------------------------------------------------------


def _empalme(p):
    return services.porcentaje_vinculados(services.empalme_vigente(p.fin))


def _lectura_empalme(p, valor):
    empalme = services.empalme_vigente(p.fin)
    if empalme is None:
        return "No hay un empalme registrado"
    if valor is None:
        return f"{empalme.nombre}: sin funcionarios de la nueva administración registrados"
    return f"{numero(valor)} % de los funcionarios de la nueva administración vinculados ({empalme.nombre})"


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
    _calcular, _lectura = _fase(_clave)
    FUENTES[f"fase_{_clave}"] = Fuente(
        _nombre,
        _("Criterios cumplidos ÷ (criterios − no aplica) × 100 en la última evaluación; parcial cuenta la mitad."),
        _calcular,
        origen=_("Automático: la última evaluación de las fases GEL que registró el comité."),
        lectura=_lectura,
    )
for _nivel in ("local", "departamental", "nacional"):
    _calcular, _lectura, _detalle = _entidades(_nivel)
    FUENTES[f"entidades_{_nivel}"] = Fuente(
        _("Entidades vinculadas"),
        f"Entidades {_NIVELES[_nivel]} con convenio firmado en el año (se cuentan, no es un porcentaje).",
        _calcular,
        _detalle,
        origen=_("Automático: entidades aliadas registradas por el comité con su fecha de convenio."),
        lectura=_lectura,
        unidad="entidades",
    )
FUENTES["entregas_dependencias"] = Fuente(
    _("Entregas de las dependencias"),
    _("Dependencias activas que entregaron su información en el semestre ÷ dependencias activas × 100."),
    _entregas,
    _detalle_entregas,
    origen=_("Automático: entregas de las dependencias registradas en la administración."),
    lectura=_lectura_entregas,
)
FUENTES["meses_desde_recoleccion"] = Fuente(
    _("Meses desde la última recolección"),
    _("Meses desde la última entrega de información de una dependencia; la meta («6 meses») es el máximo."),
    _meses_desde_recoleccion,
    _detalle_recoleccion,
    origen=_("Automático: fecha de la última entrega de una dependencia registrada en la administración."),
    lectura=_lectura_recoleccion,
    unidad="meses desde la última",
)
FUENTES["empalme_vinculados"] = Fuente(
    _("Funcionarios vinculados"),
    _("Funcionarios de la nueva administración vinculados al proceso GEL ÷ funcionarios registrados × 100."),
    _empalme,
    _detalle_empalme,
    origen=_("Automático: funcionarios del empalme registrados por el comité y su vinculación."),
    lectura=_lectura_empalme,
)

# --- Annual survey ------------------------------------------------------------------------------------------------

ENCUESTAS_AL_ANIO = 1  # the seed: "Evaluar anualmente … realizando encuestas" (goal "1 año")


def _encuestas(p):
    realizadas = encuesta.valor_indicador(p)
    return round(Decimal(100) * min(realizadas, ENCUESTAS_AL_ANIO) / ENCUESTAS_AL_ANIO, 1)


def _lectura_encuestas(p, valor):
    realizadas = int(encuesta.valor_indicador(p))
    texto = f"{realizadas} de {ENCUESTAS_AL_ANIO} encuesta anual sobre el portal realizada en {p.etiqueta}"
    if p.inicio.month == 1 and p.fin.year == p.inicio.year + 1:
        respuestas = encuesta.estado_del_anio(p.inicio.year)["respuestas"]
        texto += f" ({respuestas} {_plural(respuestas, 'respuesta', 'respuestas')})"
    return texto


FUENTES["encuesta_anual"] = Fuente(
    _("Encuestas realizadas"),
    _(
        "Encuestas sobre el portal realizadas en el año (abiertas y con al menos una respuesta) ÷ 1 encuesta al año "
        "× 100."
    ),
    _encuestas,
    encuesta.detalle_indicador,
    origen=_("Automático: encuestas del portal y sus respuestas."),
    lectura=_lectura_encuestas,
)


# --- Visits -------------------------------------------------------------------------------------------------------


def _visitas(p):
    # From the days ``gelt.visitas`` keeps (the figures of ``portal.metrics``, without re-reading every visitor).
    variacion = visitas.variacion_semestral(p.inicio)
    return None if variacion is None else Decimal(str(variacion))


def _semestres_de_visitas(p):
    actual, anterior = visitas.historial_semestral(2, p.inicio)[::-1]
    return actual, anterior


def _etiqueta_semestre(s):
    return f"{'1.er' if s['semestre'] == 1 else '2.º'} semestre {s['anio']}"


def _lectura_visitas(p, valor):
    actual, anterior = _semestres_de_visitas(p)
    texto = f"{actual['visitantes']} visitantes en el {_etiqueta_semestre(actual)}"
    if valor is None:
        if not anterior["visitantes"]:
            return texto + f"; no hay visitas del {_etiqueta_semestre(anterior)} para calcular la variación"
        return texto + "; aún sin visitas en este semestre"
    return texto + f" frente a {anterior['visitantes']} en el {_etiqueta_semestre(anterior)}"


def _estado_visitas(p, valor):
    # The seed's goal is to measure visits every 6 months: the first semester measured has nothing to compare
    # with, and that is a measurement made, not missing data.
    actual, _anterior = _semestres_de_visitas(p)
    if valor is None:
        return CUMPLIDO if actual["visitantes"] else SIN_DATOS
    return None


def _detalle_visitas(p):
    filas = [
        {
            "celdas": [
                _etiqueta_semestre(f),
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
    _(
        "(Visitantes del semestre − visitantes del semestre anterior) ÷ visitantes del semestre anterior × 100; "
        "visitantes = suma de los visitantes únicos de cada día (sin cookies)."
    ),
    _visitas,
    _detalle_visitas,
    origen=_("Automático: el contador de visitas del portal (sin bots y con un tope de visitantes por dirección)."),
    lectura=_lectura_visitas,
    unidad="% de variación",
    estado=_estado_visitas,
)


# --- PQRSD (ventanilla) -------------------------------------------------------------------------------------------


@memorizar  # two indicators, their readings and drill-downs ask it of the same period: counted once per render
@memorizar  # value, reading and drill-down of both indicators read the same figures once per page
def _pqrsd(p):
    """The interaction figures of the radicados filed in the period (up to today)."""
    return ventanilla.metrics.resumen(p.inicio, min(p.fin - date.resolution, timezone.localdate()))


def _pqrsd_a_tiempo(p):
    valor = _pqrsd(p)["porcentaje_a_tiempo"]
    return None if valor is None else Decimal(str(valor))


def _lectura_pqrsd_a_tiempo(p, valor):
    r = _pqrsd(p)
    texto = f"{r['a_tiempo']} de {r['respondidas']} PQRSD respondidas en {p.etiqueta} lo fueron dentro del término"
    if r["vencidas_abiertas"]:
        texto += f"; {r['vencidas_abiertas']} siguen abiertas con el término vencido"
    return texto


def _pqrsd_mediana(p):
    valor = _pqrsd(p)["mediana_dias"]
    return None if valor is None else Decimal(str(valor))


def _lectura_pqrsd_mediana(p, valor):
    r = _pqrsd(p)
    return f"mediana de {r['respondidas']} PQRSD respondidas en {p.etiqueta}, de {r['recibidas']} recibidas"


def _detalle_pqrsd(p):
    r = _pqrsd(p)
    filas = [
        ("Recibidas", r["recibidas"]),
        ("Respondidas", r["respondidas"]),
        ("Respondidas dentro del término", r["a_tiempo"]),
        ("Abiertas con el término vencido", r["vencidas_abiertas"]),
    ]
    return {
        "titulo": _("PQRSD del periodo (sin datos personales; el detalle está en la bandeja de PQRSD)"),
        "columnas": ("Cifra", "Cantidad"),
        "filas": [{"celdas": [nombre, n], "url": ""} for nombre, n in filas],
    }


FUENTES["pqrsd_a_tiempo"] = Fuente(
    _("PQRSD respondidas a tiempo"),
    _("PQRSD respondidas dentro del término legal (Ley 1755 de 2015) ÷ PQRSD respondidas × 100."),
    _pqrsd_a_tiempo,
    _detalle_pqrsd,
    origen=_("Automático: los radicados de la ventanilla, sus vencimientos y sus respuestas."),
    lectura=_lectura_pqrsd_a_tiempo,
    unidad="% a tiempo",
)
FUENTES["pqrsd_mediana_dias"] = Fuente(
    _("Días hábiles para responder"),
    _("Mediana de los días hábiles entre la radicación y la respuesta de las PQRSD respondidas."),
    _pqrsd_mediana,
    _detalle_pqrsd,
    origen=_("Automático: los radicados de la ventanilla, con festivos y días de términos suspendidos."),
    lectura=_lectura_pqrsd_mediana,
    unidad="días hábiles",
)


UNIDADES_MANUALES = {
    Indicador.Unidad.PORCENTAJE: "%",
    Indicador.Unidad.VECES: "veces",
    Indicador.Unidad.MESES: "meses",
}


@dataclass
class Evaluacion:
    indicador: Indicador
    periodo: Periodo
    valor: Decimal | None
    estado: str
    automatico: bool
    tendencia: list = field(default_factory=list)
    lectura: str = ""
    origen: str = ""
    sustitucion: object = None  # the committee's Medicion that replaces an automatic value, with its reason

    @property
    def estado_etiqueta(self):
        return ESTADOS[self.estado]

    @property
    def unidad(self):
        fuente = FUENTES.get(self.indicador.fuente)
        if fuente and not self.sustitucion:
            return fuente.unidad
        return UNIDADES_MANUALES.get(self.indicador.unidad, "")

    @property
    def valor_texto(self):
        """The value with its unit, the Colombian way ("80,9 %", "3 entidades"), or "Sin datos"."""
        if self.valor is None:
            return "Sin datos"
        unidad = self.unidad
        return f"{numero(self.valor)} {unidad}" if unidad else numero(self.valor)

    @property
    def como_se_calcula(self):
        fuente = FUENTES.get(self.indicador.fuente)
        if fuente and not self.sustitucion:
            return str(fuente.descripcion)
        if self.sustitucion:
            return "Valor registrado por el comité en lugar del calculado por el portal."
        return "Valor que el comité registra en la administración (Mediciones)."

    @property
    def texto(self):
        """One line in words: "<indicator>: <how it is computed>; <the figure read>"."""
        return f"{self.indicador.nombre}: {self.como_se_calcula.rstrip('.')}; {self.lectura}".rstrip("; ")


def _medida_del_periodo(mediciones, p):
    medidas = [m for m in mediciones if p.inicio <= m.periodo < p.fin]
    return max(medidas, key=lambda m: m.periodo) if medidas else None


def _quien(medicion):
    quien = (
        medicion.registrado_por.get_full_name() or medicion.registrado_por.username if medicion.registrado_por else ""
    )
    cuando = timezone.localtime(medicion.registrado_en).strftime("%d/%m/%Y") if medicion.registrado_en else ""
    return f"registrado por {quien or 'el comité'}" + (f" el {cuando}" if cuando else "")


def evaluar(indicador, anio=None, hoy=None, mediciones=None):
    """Value and status of an indicator for the period shown for ``anio``.

    Measurements are read from ``mediciones`` when given (the dashboard reads those of the whole plan at once),
    otherwise from the database. An automatic indicator takes a measurement of its period only as an override
    (it carries a reason); a manual one takes the latest measurement of the period.
    """
    p = periodo(indicador.periodicidad, anio, hoy)
    fuente = FUENTES.get(indicador.fuente)
    if mediciones is None:
        mediciones = indicador.mediciones.select_related("registrado_por")
    medida = _medida_del_periodo(mediciones, p)
    if fuente and medida is None:
        valor = fuente.calcular(p)
        lectura = fuente.lectura(p, valor) if fuente.lectura else ""
        clave = (fuente.estado(p, valor) if fuente.estado else None) or estado(
            valor, indicador.meta_valor, indicador.sentido
        )
        return Evaluacion(indicador, p, valor, clave, True, lectura=lectura, origen=str(fuente.origen))
    if medida is None:
        return Evaluacion(
            indicador,
            p,
            None,
            SIN_DATOS,
            False,
            lectura=f"el comité aún no registra la medición del periodo {p.etiqueta}",
            origen="Manual: lo registra el comité en la administración (Mediciones).",
        )
    lectura = f"{numero(medida.valor)} en {p.etiqueta}, {_quien(medida)}"
    if fuente:
        origen = f"Sustituido por el comité ({_quien(medida)}): {medida.motivo}"
    else:
        origen = f"Manual: {_quien(medida)}" + (f" ({medida.notas})" if medida.notas else "")
    return Evaluacion(
        indicador,
        p,
        medida.valor,
        estado(medida.valor, indicador.meta_valor, indicador.sentido),
        False,
        lectura=lectura,
        origen=origen,
        sustitucion=medida if fuente else None,
    )
