"""Presupuesto participativo: the public pages of each process (cacheable: proposals and results, nothing
personal) and the forms to propose and to vote (never cached, never indexed)."""

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from portal.red import direccion_del_cliente
from ventanilla.views import MENSAJE_TRAMPA, sin_base

from . import planeacion as servicio
from .models import ProcesoPlaneacion
from .planeacion_forms import PropuestaForm, VotoForm

Fase = ProcesoPlaneacion.Fase
MENSAJE_LIMITE_ANTES = (
    "Desde esta conexión ya se votó muchas veces hoy, así que no recibimos más votos por ella hasta mañana. Si "
    "comparte la conexión (un café internet, un colegio), vote desde otra (los datos de su celular) o en la "
    "asamblea de su vereda."
)
MENSAJE_VOTOS_AGOTADOS = (
    "Desde esta conexión ya se votó muchas veces hoy, así que no recibimos más votos por ella hasta mañana. Si "
    "comparte la conexión (un café internet, un colegio), vote desde otra (los datos de su celular) o en la "
    "asamblea de su vereda. Sus datos siguen abajo."
)


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Robots-Tag"] = "noindex, nofollow"
    return respuesta


def _proceso(anio):
    return get_object_or_404(ProcesoPlaneacion.objects.publicados().select_related("dependencia"), anio=anio)


def _contexto(proceso):
    fase = proceso.fase()
    contexto = {"proceso": proceso, "fase": fase}
    if fase in (Fase.RESULTADOS,):
        contexto["resultados"] = servicio.resultados(proceso)
    else:
        contexto["grupos"] = servicio.propuestas_por_territorio(proceso)
    return contexto


@require_safe
def inicio(request):
    procesos = list(ProcesoPlaneacion.objects.publicados().only("anio", "titulo"))
    vigente = servicio.proceso_vigente()
    contexto = {"procesos": procesos}
    if vigente is not None:
        contexto.update(_contexto(vigente))
    return render(request, "participa/planeacion/inicio.html", contexto)


@require_safe
def proceso(request, anio):
    return render(request, "participa/planeacion/proceso.html", _contexto(_proceso(anio)))


def _cerrado(request, proceso, que):
    contexto = {"proceso": proceso, "que": que, "fase": proceso.fase()}
    return _privada(render(request, "participa/planeacion/cerrado.html", contexto, status=410))


@never_cache
@require_http_methods(["GET", "POST"])
def votar(request, anio):
    try:
        proceso = _proceso(anio)
        if proceso.fase() != Fase.VOTACION:
            return _cerrado(request, proceso, "votación")
        grupos = servicio.propuestas_por_territorio(proceso, solo_en_votacion=True)
        propuestas = [(p.pk, p.titulo) for _t, lista in grupos for p in lista]
        form = VotoForm(request.POST or None, propuestas=propuestas)
        contexto = {"proceso": proceso, "form": form, "grupos": grupos, "anio": anio}
        if request.method == "GET":
            # Said before the person starts: a shared connection (a café internet) may have used up the day.
            contexto["limite_agotado"] = servicio.votos_agotados(direccion_del_cliente(request))
            contexto["mensaje_limite"] = MENSAJE_LIMITE_ANTES
            return _privada(render(request, "participa/planeacion/votar.html", contexto))
        if request.POST.get("sitio_web"):
            contexto["rechazo"] = MENSAJE_TRAMPA
            return _privada(render(request, "participa/planeacion/votar.html", contexto, status=400))
        if not form.is_valid():
            return _privada(render(request, "participa/planeacion/votar.html", contexto))
        direccion = direccion_del_cliente(request)
        if servicio.votos_agotados(direccion):
            contexto["rechazo"] = MENSAJE_VOTOS_AGOTADOS
            return _privada(render(request, "participa/planeacion/votar.html", contexto, status=429))
        datos = form.cleaned_data
        try:
            servicio.votar(
                proceso=proceso,
                propuesta=proceso.propuestas.get(pk=datos["propuesta"]),
                tipo_documento=datos["tipo_documento"],
                numero_documento=datos["numero_documento"],
            )
        except servicio.YaVoto:
            contexto["rechazo"] = (
                "Con ese documento ya se votó en este proceso: cada persona vota una sola vez. Si usted no votó, "
                "puede que alguien haya usado su número: avise a la alcaldía en la ventanilla o por PQRSD."
            )
            return _privada(render(request, "participa/planeacion/votar.html", contexto, status=409))
        except ValidationError as error:
            form.add_error(None, error)
            return _privada(render(request, "participa/planeacion/votar.html", contexto))
        servicio.contar_voto(direccion)
        return redirect("participa:planeacion_gracias", anio=anio)
    except (OperationalError, InterfaceError):
        if request.method != "POST":
            raise
        elegida = request.POST.get("propuesta", "")
        form = VotoForm(request.POST, propuestas=[(elegida, "La propuesta que eligió")] if elegida.isdigit() else [])
        form.is_valid()
        return sin_base(request, "participa/planeacion/_votar_formulario.html", {"form": form, "anio": anio})


@never_cache
@require_http_methods(["GET", "POST"])
def proponer(request, anio):
    try:
        proceso = _proceso(anio)
        if proceso.fase() != Fase.PROPUESTAS:
            return _cerrado(request, proceso, "propuestas")
        territorios = list(servicio.territorios().values_list("pk", "nombre"))
        form = PropuestaForm(request.POST or None, territorios=territorios)
        contexto = {"proceso": proceso, "form": form, "anio": anio}
        if request.method == "GET":
            return _privada(render(request, "participa/planeacion/proponer.html", contexto))
        if request.POST.get("sitio_web"):
            contexto["rechazo"] = MENSAJE_TRAMPA
            return _privada(render(request, "participa/planeacion/proponer.html", contexto, status=400))
        if not form.is_valid():
            return _privada(render(request, "participa/planeacion/proponer.html", contexto))
        datos = form.cleaned_data
        try:
            servicio.proponer(
                proceso=proceso,
                territorio=servicio.territorios().get(pk=datos["territorio"]),
                titulo=datos["titulo"],
                descripcion=datos["descripcion"],
                costo=datos["costo"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return _privada(render(request, "participa/planeacion/proponer.html", contexto))
        return redirect(reverse("participa:planeacion_gracias", args=[anio]) + "?que=propuesta")
    except (OperationalError, InterfaceError):
        if request.method != "POST":
            raise
        territorio = request.POST.get("territorio", "")
        form = PropuestaForm(request.POST, territorios=[(territorio, "El que eligió")] if territorio.isdigit() else [])
        form.is_valid()
        return sin_base(request, "participa/planeacion/_proponer_formulario.html", {"form": form, "anio": anio})


@require_safe
def gracias(request, anio):
    proceso = _proceso(anio)
    que = "propuesta" if request.GET.get("que") == "propuesta" else "voto"
    return render(request, "participa/planeacion/gracias.html", {"proceso": proceso, "que": que})
