"""The committee's pages of the annual website survey (which lives in ``participa``): results compared with the
previous year, and the answers as CSV or Excel."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from participa import encuesta as servicio
from participa.models import Encuesta
from portal import exportar

from .acceso import comite_requerido


@require_GET
@comite_requerido
def resultados(request, pk):
    encuesta = get_object_or_404(Encuesta, pk=pk)
    contexto = servicio.resultados(encuesta)
    contexto["comparacion"] = servicio.comparar_con_anterior(encuesta)
    return render(request, "gelt/encuesta_resultados.html", contexto)


def _nombre_archivo(encuesta, extension):
    return f"encuesta-{encuesta.abre.year}-{encuesta.pk}-{timezone.localdate():%Y%m%d}.{extension}"


@require_GET
@comite_requerido
def exportar_csv(request, pk):
    encuesta = get_object_or_404(Encuesta, pk=pk)
    encabezados, filas = servicio.filas_de_exportacion(encuesta)
    return exportar.respuesta_csv(_nombre_archivo(encuesta, "csv"), encabezados, filas)


@require_GET
@comite_requerido
def exportar_xlsx(request, pk):
    encuesta = get_object_or_404(Encuesta, pk=pk)
    encabezados, filas = servicio.filas_de_exportacion(encuesta)
    hoja = exportar.Hoja(
        "Respuestas",
        encabezados,
        filas,
        anchos=[18] + [30] * (len(encabezados) - 1),
        congelar="B2",
        ajustar_encabezados=True,
    )
    return exportar.respuesta_xlsx(_nombre_archivo(encuesta, "xlsx"), [hoja])
