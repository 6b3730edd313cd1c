from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal import exportar

from . import autoverificacion, indicadores, tablero
from .acceso import comite_requerido
from .models import Criterio, Indicador, Instantanea, Resultado


def _anio(request):
    try:
        anio = int(request.GET.get("anio", ""))
    except ValueError:
        return None
    return anio if 2000 <= anio <= 2100 else None


@never_cache  # the figures move with every visit: no browser or proxy keeps an older copy
@require_safe
@comite_requerido
def inicio(request):
    datos = tablero.tablero(_anio(request))
    return render(request, "gelt/tablero.html", datos)


@never_cache
@require_safe
@comite_requerido
def indicador(request, pk):
    indicador = get_object_or_404(Indicador.objects.select_related("accion__plan"), pk=pk)
    anio = _anio(request)
    evaluacion = indicadores.evaluar(indicador, anio)
    fuente = indicadores.FUENTES.get(indicador.fuente)
    return render(
        request,
        "gelt/indicador.html",
        {
            "indicador": indicador,
            "evaluacion": evaluacion,
            "fuente": fuente,
            "detalle": fuente.detalle(evaluacion.periodo) if fuente and fuente.detalle else None,
            "mediciones": indicador.mediciones.all(),
            "instantaneas": Instantanea.objects.filter(indicador=indicador).order_by("-periodo")[:24],
            "regla": indicadores.REGLA,
            "anio": anio,
        },
    )


def _nombre_archivo(datos, extension):
    return f"tablero-gel-{datos['anio']}-{timezone.localdate():%Y%m%d}.{extension}"


@require_safe
@comite_requerido
def exportar_csv(request):
    datos = tablero.tablero(_anio(request))
    if datos["plan"] is None:
        raise Http404
    filas = tablero.filas_de_exportacion(datos)
    return exportar.respuesta_csv(_nombre_archivo(datos, "csv"), tablero.ENCABEZADOS, filas, coma_decimal=True)


@require_safe
@comite_requerido
def exportar_xlsx(request):
    datos = tablero.tablero(_anio(request))
    if datos["plan"] is None:
        raise Http404
    hoja_indicadores = exportar.Hoja(
        "Indicadores",
        tablero.ENCABEZADOS,
        tablero.filas_de_exportacion(datos),
        anchos=[45, 60, 18, 10, 14, 12, 18, 40, 60],
    )
    canales = exportar.Hoja(
        "Canales",
        ["Canal", "Responsable", "Última actualización", "Cada (días)", "Estado"],
        [
            [
                e.canal.nombre,
                str(e.canal.responsable),
                e.ultima.strftime("%d/%m/%Y") if e.ultima else "",
                e.canal.frecuencia_dias,
                e.etiqueta,
            ]
            for e in datos["canales"]
        ],
    )
    return exportar.respuesta_xlsx(_nombre_archivo(datos, "xlsx"), [hoja_indicadores, canales])


_ESTADO_DE_RESULTADO = {
    "cumple": "cumplido",
    "parcial": "en_curso",
    "no_cumple": "en_riesgo",
    "no_aplica": "sin_datos",
}


@require_safe
@comite_requerido
def autoverificacion_vista(request):
    filas = []
    for criterio in Criterio.objects.exclude(verificacion="").select_related("fase"):
        verificacion = autoverificacion.VERIFICACIONES.get(criterio.verificacion)
        propuesta = verificacion.funcion() if verificacion else None
        filas.append(
            {
                "criterio": criterio,
                "que_mira": verificacion.que_mira if verificacion else "",
                "resultado": propuesta[0] if propuesta else "",
                "resultado_etiqueta": Resultado(propuesta[0]).label if propuesta else "",
                "estado": _ESTADO_DE_RESULTADO.get(propuesta[0]) if propuesta else "",
                "evidencia": propuesta[1] if propuesta else "",
            }
        )
    return render(request, "gelt/autoverificacion.html", {"filas": filas})
