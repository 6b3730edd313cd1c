"""Whether each action and the whole plan are on track: al día, en riesgo or atrasado, with a one-line reason.

The indicator's status (``indicadores.estado``) compares the value with the goal; the verdict also weighs the
time left in the period: 75 % of the trámites published with a month of the year left is behind, with eleven
left it is on its way. Rule, for an indicator whose goal is to reach a value:
- al día: the goal is met, or the progress (value ÷ goal) keeps pace with the share of the period gone by;
- en riesgo: at least half that pace, or no figure yet while the period runs;
- atrasado: less than half the pace, or the period closed without meeting the goal (or without a figure).
When less is better (months since the last collection) a value over the goal is already late. An action takes
the worst verdict of its indicators, and the plan the worst of its actions.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from . import indicadores
from .models import Indicador

AL_DIA, EN_RIESGO, ATRASADO = "al_dia", "en_riesgo", "atrasado"
ETIQUETAS = {AL_DIA: "Al día", EN_RIESGO: "En riesgo", ATRASADO: "Atrasado"}
GRAVEDAD = {AL_DIA: 0, EN_RIESGO: 1, ATRASADO: 2}
# The colour of each verdict, shared with the indicators' statuses (``estado--<clave>`` in the CSS).
COLOR = {AL_DIA: indicadores.CUMPLIDO, EN_RIESGO: indicadores.EN_CURSO, ATRASADO: indicadores.EN_RIESGO}

_PREFIJOS = ("Cantidad de ", "Porcentaje de criterios cumplidos en la ", "Porcentaje de ", "Frecuencia de ")


@dataclass(frozen=True)
class Veredicto:
    clave: str
    razon: str
    evaluacion: object = None  # the indicator that decides it (the worst one)

    @property
    def etiqueta(self):
        return ETIQUETAS[self.clave]

    @property
    def color(self):
        return COLOR[self.clave]


def nombre_corto(indicador):
    """ "Cantidad de entidades nacionales vinculadas" -> "Entidades nacionales vinculadas"."""
    nombre = indicador.nombre
    for prefijo in _PREFIJOS:
        if nombre.startswith(prefijo):
            nombre = nombre[len(prefijo) :]
            break
    nombre = nombre.removesuffix(" vinculadas")
    return nombre[:1].upper() + nombre[1:]


def _tiempo(periodo, hoy):
    """(days left, share of the period gone by)."""
    total = (periodo.fin - periodo.inicio).days
    quedan = max(0, min(total, (periodo.fin - hoy).days))
    return quedan, Decimal(total - quedan) / total


def _cifra(e):
    meta = indicadores.numero(e.indicador.meta_valor)
    if e.valor is None:
        return "sin datos"
    if e.unidad.startswith("%"):
        return f"{indicadores.numero(e.valor)} % de {meta} %"
    if e.indicador.sentido == Indicador.Sentido.MENOR:
        return f"{indicadores.numero(e.valor)} {e.unidad} (máximo {meta})"
    return f"{indicadores.numero(e.valor)} de {meta}"


def de_indicador(e, hoy=None):
    hoy = hoy or timezone.localdate()
    quedan, transcurrido = _tiempo(e.periodo, hoy)
    plazo = f"quedan {quedan} días" if quedan > 1 else ("queda 1 día" if quedan == 1 else "periodo cerrado")
    razon = f"{nombre_corto(e.indicador)}: {_cifra(e)} en {e.periodo.etiqueta}; {plazo}"
    if e.estado == indicadores.CUMPLIDO:
        return Veredicto(AL_DIA, f"{nombre_corto(e.indicador)}: meta cumplida en {e.periodo.etiqueta}", e)
    if e.valor is None:
        return Veredicto(EN_RIESGO if quedan else ATRASADO, razon, e)
    meta = Decimal(e.indicador.meta_valor)
    if not quedan or e.indicador.sentido == Indicador.Sentido.MENOR or meta <= 0:
        return Veredicto(
            ATRASADO if not quedan or e.indicador.sentido == Indicador.Sentido.MENOR else EN_RIESGO, razon, e
        )
    avance = Decimal(e.valor) / meta
    if avance >= transcurrido:
        return Veredicto(AL_DIA, razon, e)
    return Veredicto(EN_RIESGO if avance >= transcurrido / 2 else ATRASADO, razon, e)


def _peor(veredictos):
    return max(veredictos, key=lambda v: GRAVEDAD[v.clave])


def de_accion(evaluaciones, hoy=None):
    veredictos = [de_indicador(e, hoy) for e in evaluaciones]
    if not veredictos:
        return Veredicto(AL_DIA, "Sin indicadores")
    peor = _peor(veredictos)
    if peor.clave == AL_DIA:
        n = len(veredictos)
        return Veredicto(
            AL_DIA, f"{n} {'indicador' if n == 1 else 'indicadores'} en la meta o a su ritmo", peor.evaluacion
        )
    return peor


def del_plan(acciones, hoy=None):
    """``{"plan": Veredicto, "acciones": [(accion, Veredicto)]}`` for ``[(accion, [Evaluacion])]``."""
    por_accion = [(accion, de_accion(evaluaciones, hoy)) for accion, evaluaciones in acciones]
    if not por_accion:
        return {"plan": Veredicto(AL_DIA, "El plan no tiene acciones"), "acciones": []}
    atrasadas = sum(1 for _a, v in por_accion if v.clave == ATRASADO)
    en_riesgo = sum(1 for _a, v in por_accion if v.clave == EN_RIESGO)
    total = len(por_accion)
    peor = _peor([v for _a, v in por_accion])
    if peor.clave == AL_DIA:
        razon = f"Las {total} acciones están en la meta o a su ritmo"
    else:
        partes = []
        if atrasadas:
            partes.append(f"{atrasadas} de {total} acciones atrasadas")
        if en_riesgo:
            partes.append(f"{en_riesgo} {'en riesgo' if atrasadas else f'de {total} acciones en riesgo'}")
        razon = " y ".join(partes)
    return {"plan": Veredicto(peor.clave, razon), "acciones": por_accion}
