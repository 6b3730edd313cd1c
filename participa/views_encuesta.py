"""The annual website survey: the public form and its published results (the committee's results and exports are
in ``gelt.views_encuesta``)."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from portal.red import direccion_del_cliente

from . import encuesta as servicio
from .models import Encuesta

# Refused answers: the page says why; the status tells machines.
ESTADO_HTTP = {"trampa": 400, "limite": 429, "cerrada": 409, "ya_respondio": 409}


def _rechazo(request, encuesta, mensaje, codigo, status):
    contexto = {"encuesta": encuesta, "rechazo": mensaje, "codigo_rechazo": codigo}
    return render(request, "participa/encuesta/formulario.html", contexto, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def formulario(request):
    encuesta = Encuesta.objects.abierta()
    if encuesta is None:
        publicada = Encuesta.objects.filter(resultados_publicados=True).exists()
        return render(request, "participa/encuesta/sin_encuesta.html", {"resultados_publicados": publicada})
    if servicio.ya_respondio(request, encuesta):
        status = 200 if request.method == "GET" else ESTADO_HTTP["ya_respondio"]
        return _rechazo(request, encuesta, servicio.RECHAZO_YA_RESPONDIO, "ya_respondio", status)

    formulario = servicio.formulario(encuesta, request.POST if request.method == "POST" else None)
    direccion = direccion_del_cliente(request)
    if formulario.is_bound and formulario.is_valid():
        try:
            servicio.registrar_respuesta(encuesta=encuesta, datos=formulario.cleaned_data, direccion=direccion)
        except servicio.EnvioRechazado as rechazo:
            if rechazo.codigo != "limite":
                return _rechazo(request, encuesta, rechazo.mensaje, rechazo.codigo, ESTADO_HTTP[rechazo.codigo])
            # What the person typed stays on the page, with the reason and what they can do.
            contexto = {
                "encuesta": encuesta,
                "formulario": formulario,
                "limite": rechazo.mensaje,
                "conservadas": servicio.CONSERVADAS,
            }
            return render(request, "participa/encuesta/formulario.html", contexto, status=ESTADO_HTTP["limite"])
        respuesta = redirect("encuesta:gracias")
        servicio.marcar_respondida(respuesta, encuesta, segura=request.is_secure())
        return respuesta
    contexto = {"encuesta": encuesta, "formulario": formulario}
    if not formulario.is_bound and servicio.limite_agotado(encuesta, direccion):
        contexto["limite"] = servicio.AVISO_LIMITE
    return render(request, "participa/encuesta/formulario.html", contexto)


@require_GET
def gracias(request):
    return render(
        request,
        "participa/encuesta/gracias.html",
        {"resultados_publicados": Encuesta.objects.filter(resultados_publicados=True).exists()},
    )


@require_GET
def resultados_publicos(request):
    """The latest survey whose results the committee published; 404 while none is."""
    encuesta = Encuesta.objects.filter(resultados_publicados=True).order_by("-abre", "-pk").first()
    if encuesta is None:
        raise Http404
    return render(request, "participa/encuesta/resultados_publicos.html", servicio.resultados(encuesta))
