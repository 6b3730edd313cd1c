"""Rendición de cuentas: the public pages of each yearly process (cacheable: no form, no personal data) and the
form to send a question, which becomes a radicado of the ventanilla (never cached, never indexed)."""

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from portal.red import direccion_del_cliente
from ventanilla import limites
from ventanilla.llavero import Llavero
from ventanilla.models import Tipo
from ventanilla.services import termino_de
from ventanilla.views import MENSAJE_LIMITE, MENSAJE_TRAMPA, sin_base

from . import rendicion as servicio
from .models import ProcesoRendicion
from .rendicion_forms import PreguntaForm

FORMULARIO = "participa/rendicion/_formulario.html"


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Robots-Tag"] = "noindex, nofollow"
    return respuesta


@require_safe
def inicio(request):
    procesos = list(ProcesoRendicion.objects.publicados().only("anio", "titulo", "audiencia", "lugar"))
    vigente = servicio.proceso_vigente()
    contexto = {"procesos": procesos, "vigente": vigente, "mostrado": vigente}
    if vigente is not None:
        contexto.update(servicio.pagina_del_proceso(vigente))
        if not contexto["publicadas"] and not contexto["compromisos"]:
            # Nothing answered yet in the open process: show what the previous one answered and committed to.
            anterior = ProcesoRendicion.objects.publicados().filter(anio__lt=vigente.anio).first()
            if anterior is not None:
                contexto.update(servicio.pagina_del_proceso(anterior), mostrado=anterior)
    return render(request, "participa/rendicion/inicio.html", contexto)


@require_safe
def proceso(request, anio):
    proceso = get_object_or_404(ProcesoRendicion.objects.publicados(), anio=anio)
    contexto = {"proceso": proceso, **servicio.pagina_del_proceso(proceso)}
    return render(request, "participa/rendicion/proceso.html", contexto)


def _pagina(request, proceso, form, *, agotado, rechazo=None, status=200):
    contexto = {"proceso": proceso, "form": form, "limite_agotado": agotado, "mensaje_limite": MENSAJE_LIMITE}
    contexto["rechazo"] = rechazo
    contexto["termino"] = termino_de(Tipo.PETICION)[0]
    return _privada(render(request, "participa/rendicion/preguntar.html", contexto, status=status))


@never_cache
@require_http_methods(["GET", "POST"])
def preguntar(request, anio):
    try:
        proceso = get_object_or_404(ProcesoRendicion.objects.publicados(), anio=anio)
        if not proceso.recibe_preguntas():
            return _privada(render(request, "participa/rendicion/cerrado.html", {"proceso": proceso}, status=410))
        temas = list(servicio.temas_de(proceso).values_list("pk", "nombre"))
        direccion = direccion_del_cliente(request)
        if request.method == "GET":
            return _pagina(request, proceso, PreguntaForm(temas=temas), agotado=limites.agotado("radicar", direccion))
        form = PreguntaForm(request.POST, temas=temas)
        return _enviar(request, proceso, form, direccion)
    except (OperationalError, InterfaceError):
        # The database is down: the form comes back with what the person typed (the chosen topic kept as is).
        if request.method != "POST":
            raise
        tema = request.POST.get("tema", "")
        form = PreguntaForm(request.POST, temas=[(tema, "El tema que eligió")] if tema.isdigit() else [])
        form.is_valid()
        return sin_base(request, FORMULARIO, {"form": form, "anio": anio})


def _enviar(request, proceso, form, direccion):
    agotado = limites.agotado("radicar", direccion)
    if request.POST.get("sitio_web"):
        return _pagina(request, proceso, form, agotado=agotado, rechazo=MENSAJE_TRAMPA, status=400)
    if not form.is_valid():
        return _pagina(request, proceso, form, agotado=agotado)
    if agotado:
        return _pagina(request, proceso, form, agotado=agotado, rechazo=MENSAJE_LIMITE, status=429)
    datos = form.cleaned_data
    try:
        with transaction.atomic():
            radicado, codigo = servicio.pregunta_enviar(
                proceso=proceso,
                tema=servicio.temas_de(proceso).get(pk=datos["tema"]),
                nombre=datos["nombre"],
                correo=datos["correo"],
                pregunta=datos["pregunta"],
                notificacion_electronica=datos["notificacion_electronica"],
            )
            limites.contar("radicar", direccion)
    except ValidationError as error:
        form.add_error(None, error)
        return _pagina(request, proceso, form, agotado=agotado)
    llavero = Llavero(request)
    llavero.recordar(radicado, codigo)
    return llavero.guardar(redirect("ventanilla:constancia", numero=radicado.numero))
