"""The public PQRSD report (Ley 1712 de 2014 art. 11 lit. h; Decreto 1081 de 2015 art. 2.1.1.6.2; Ley 1474 de
2011 art. 76): for a period, what was received by kind and channel, answered in time and late, how long the
answers took in business days, what was transferred, and the information requests where access was denied
with their grounds. Counts only: no petitioner's data ever reaches it.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from portal.exportar import Hoja, respuesta_csv, respuesta_xlsx

from .calendario import calendario_vigente
from .models import Canal, Estado, Radicado, Tipo

_PERIODO = re.compile(r"^(?P<anio>\d{4})(?:-(?P<clase>[TS])(?P<n>[1-4]))?$")


@dataclass(frozen=True)
class Periodo:
    clave: str
    nombre: str
    desde: date
    hasta: date

    @property
    def consulta(self):
        """The query string that asks for this period again (downloads, links)."""
        if _PERIODO.match(self.clave):
            return f"periodo={self.clave}"
        return f"desde={self.desde.isoformat()}&hasta={self.hasta.isoformat()}"


def periodo(clave):
    """``2026`` (year), ``2026-S1`` (semester) or ``2026-T4`` (quarter); None if it does not parse."""
    coincide = _PERIODO.match(clave or "")
    if not coincide:
        return None
    anio = int(coincide["anio"])
    if not 2000 <= anio <= 2100:
        return None
    clase, n = coincide["clase"], int(coincide["n"] or 0)
    if clase is None:
        return Periodo(clave, f"año {anio}", date(anio, 1, 1), date(anio, 12, 31))
    meses = 6 if clase == "S" else 3
    if n > 12 // meses:
        return None
    inicio = (n - 1) * meses + 1
    fin = date(anio + (inicio + meses > 12), (inicio + meses - 1) % 12 + 1, 1)
    ultimo = date(fin.year + (fin.month == 12), fin.month % 12 + 1, 1) - date.resolution
    nombre = f"{'semestre' if clase == 'S' else 'trimestre'} {n} de {anio}"
    return Periodo(clave, nombre, date(anio, inicio, 1), ultimo)


def periodo_actual(hoy=None):
    hoy = hoy or timezone.localdate()
    return periodo(f"{hoy.year}-T{(hoy.month - 1) // 3 + 1}")


def periodos_recientes(hoy=None, cuantos=6):
    hoy = hoy or timezone.localdate()
    anio, trimestre = hoy.year, (hoy.month - 1) // 3 + 1
    lista = []
    for _ in range(cuantos):
        lista.append(periodo(f"{anio}-T{trimestre}"))
        trimestre -= 1
        if trimestre == 0:
            anio, trimestre = anio - 1, 4
    return lista + [periodo(f"{hoy.year}"), periodo(f"{hoy.year - 1}")]


@dataclass
class Informe:
    periodo: Periodo
    recibidas: int = 0
    por_tipo: list = field(default_factory=list)
    por_canal: list = field(default_factory=list)
    a_tiempo: int = 0
    tarde: int = 0
    pendientes_en_termino: int = 0
    pendientes_vencidas: int = 0
    trasladadas: int = 0
    desistidas: int = 0
    promedio_dias: float | None = None
    mediana_dias: float | None = None
    maximo_dias: int | None = None
    informacion_recibidas: int = 0
    informacion_negadas: int = 0
    fundamentos_negacion: list = field(default_factory=list)

    @property
    def respondidas(self):
        return self.a_tiempo + self.tarde

    @property
    def porcentaje_a_tiempo(self):
        return round(100 * self.a_tiempo / self.respondidas, 1) if self.respondidas else None


def calcular(per, hoy=None):
    """The report of a period: radicados filed in it, with their state today."""
    hoy = hoy or timezone.localdate()
    del_periodo = Radicado.objects.filter(radicado_en__date__gte=per.desde, radicado_en__date__lte=per.hasta)
    informe = Informe(periodo=per)
    por_tipo = dict(del_periodo.values_list("tipo").annotate(n=Count("pk")).order_by())
    por_canal = dict(del_periodo.values_list("canal").annotate(n=Count("pk")).order_by())
    informe.por_tipo = [(t.label, por_tipo.get(t.value, 0)) for t in Tipo]
    informe.por_canal = [(c.label, por_canal.get(c.value, 0)) for c in Canal]
    informe.recibidas = sum(por_tipo.values())
    filas = del_periodo.values_list("estado", "respondida_a_tiempo", "radicado_en", "respondida_en", "vence")
    calendario = calendario_vigente()
    dias = []
    for estado, a_tiempo, radicado_en, respondida_en, vence in filas:
        if respondida_en is not None:
            informe.a_tiempo += bool(a_tiempo)
            informe.tarde += not a_tiempo
            dias.append(calendario.habiles_entre(timezone.localdate(radicado_en), timezone.localdate(respondida_en)))
        elif estado in (Estado.RADICADA, Estado.EN_TRAMITE, Estado.POR_COMPLETAR):
            if vence is not None and vence < hoy:
                informe.pendientes_vencidas += 1
            else:
                informe.pendientes_en_termino += 1
        informe.trasladadas += estado == Estado.TRASLADADA
        informe.desistidas += estado == Estado.DESISTIDA
    if dias:
        informe.promedio_dias = round(sum(dias) / len(dias), 1)
        informe.mediana_dias = median(dias)
        informe.maximo_dias = max(dias)
    informacion = del_periodo.filter(tipo=Tipo.INFORMACION)
    informe.informacion_recibidas = por_tipo.get(Tipo.INFORMACION.value, 0)
    negadas = informacion.filter(acceso_negado=True)
    informe.fundamentos_negacion = list(
        negadas.values_list("fundamento_negacion").annotate(n=Count("pk")).order_by("-n", "fundamento_negacion")
    )
    informe.informacion_negadas = sum(n for _, n in informe.fundamentos_negacion)
    return informe


def _numero(valor):
    """A figure for the page and the exports: decimal comma, as read in Colombia."""
    if valor is None:
        return "—"
    return f"{valor}".replace(".", ",")


def filas(informe):
    """(headers, rows) of the report for CSV and XLSX: one indicator per row."""
    filas = [
        ("Solicitudes recibidas", informe.recibidas),
        *((f"Recibidas: {nombre}", n) for nombre, n in informe.por_tipo),
        *((f"Canal: {nombre}", n) for nombre, n in informe.por_canal),
        ("Respondidas dentro del término", informe.a_tiempo),
        ("Respondidas después del término", informe.tarde),
        ("Porcentaje respondidas a tiempo", informe.porcentaje_a_tiempo),
        ("Pendientes dentro del término", informe.pendientes_en_termino),
        ("Pendientes con el término vencido", informe.pendientes_vencidas),
        ("Trasladadas a otra entidad (Ley 1755, art. 21)", informe.trasladadas),
        ("Desistidas (Ley 1755, art. 17)", informe.desistidas),
        ("Días hábiles para responder: promedio", informe.promedio_dias),
        ("Días hábiles para responder: mediana", informe.mediana_dias),
        ("Días hábiles para responder: máximo", informe.maximo_dias),
        ("Solicitudes de información recibidas", informe.informacion_recibidas),
        ("Solicitudes de información con acceso negado", informe.informacion_negadas),
        *(
            (f"Acceso negado por: {fundamento or 'sin fundamento registrado'}", n)
            for fundamento, n in informe.fundamentos_negacion
        ),
    ]
    encabezados = ["Periodo", "Desde", "Hasta", "Indicador", "Valor"]
    per = informe.periodo
    return encabezados, [[per.nombre, per.desde, per.hasta, nombre, valor] for nombre, valor in filas]


def entre_fechas(desde, hasta):
    """Any period given by two ISO dates (``?desde=2026-01-01&hasta=2026-06-30``), or None."""
    try:
        inicio, fin = date.fromisoformat(desde), date.fromisoformat(hasta)
    except (TypeError, ValueError):
        return None
    if fin < inicio or inicio.year < 2000 or fin.year > 2100:
        return None
    nombre = f"del {inicio:%d/%m/%Y} al {fin:%d/%m/%Y}"
    return Periodo(f"{inicio:%Y%m%d}-{fin:%Y%m%d}", nombre, inicio, fin)


def _informe_pedido(request):
    clave = request.GET.get("periodo")
    if "desde" in request.GET or "hasta" in request.GET:
        per = entre_fechas(request.GET.get("desde"), request.GET.get("hasta"))
    else:
        per = periodo(clave) if clave else periodo_actual()
    if per is None:
        raise Http404
    return calcular(per)


@require_GET
def pagina(request):
    informe = _informe_pedido(request)
    contexto = {"informe": informe, "periodos": periodos_recientes(), "numero": _numero}
    respuesta = render(request, "ventanilla/informe.html", contexto)
    respuesta["Cache-Control"] = "public, max-age=300"
    return respuesta


def _nombre(informe, ext):
    return f"informe-pqrsd-{informe.periodo.clave}.{ext}"


@require_GET
def csv(request):
    informe = _informe_pedido(request)
    encabezados, datos = filas(informe)
    return respuesta_csv(_nombre(informe, "csv"), encabezados, datos, coma_decimal=True)


@require_GET
def xlsx(request):
    informe = _informe_pedido(request)
    encabezados, datos = filas(informe)
    hoja = Hoja("Informe PQRSD", encabezados, datos, anchos=[24, 12, 12, 60, 10], congelar="A2")
    return respuesta_xlsx(_nombre(informe, "xlsx"), [hoja])
