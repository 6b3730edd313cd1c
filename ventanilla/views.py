"""Public pages of the ventanilla: file a PQRSD, its receipt, and follow it by radicado and e-mail or code.

Who may read a radicado is kept in a signed cookie (``llavero``: the radicados this browser proved to know, by
radicado and e-mail or code, or by the signed link of an e-mail), so the follow-up pages never take secrets in
the URL and a citizen costs no server-side session.
Every page here carries personal data or a form: never cached, never indexed.
"""

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.http import FileResponse, Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from portal.red import direccion_del_cliente

from . import correos, limites, services
from .adjuntos import tipo_adjunto
from .forms import CAMPO_TRAMPA, CompletarForm, ConsultaForm, PqrsdForm
from .llavero import Llavero
from .models import EXPLICACIONES, TIPOS_PQRSD, Adjunto, Estado, Radicado, Tipo

MENSAJE_LIMITE = (
    "Desde esta conexión ya se radicaron muchas solicitudes hoy, así que no podemos recibir más por el portal "
    "hasta mañana. Si comparte la conexión (un café internet, un colegio), pídala en la ventanilla de la "
    "alcaldía o por teléfono: cuenta igual."
)
MENSAJE_TRAMPA = (
    "No radicamos la solicitud porque llegó con un campo que solo llenan los programas automáticos. Si usted es "
    "una persona, revise el formulario (lo que escribió sigue aquí) y envíelo de nuevo."
)
MENSAJE_NO_ENCONTRADA = (
    "No encontramos una solicitud con ese número y ese correo o código. Revise los dos datos tal como aparecen "
    "en su constancia."
)
MENSAJE_CONSULTAS_AGOTADAS = (
    "Se hicieron demasiadas consultas desde esta conexión en la última hora. Espere un rato e intente de nuevo."
)


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Robots-Tag"] = "noindex, nofollow"
    return respuesta


@require_GET
def inicio(request):
    tipos = [(t, EXPLICACIONES[t], services.termino_de(t)) for t in TIPOS_PQRSD]
    return _privada(render(request, "ventanilla/inicio.html", {"tipos": tipos}))


@never_cache
@require_http_methods(["GET", "POST"])
def nueva(request):
    if request.method == "GET":
        tipo = request.GET.get("tipo")
        form = PqrsdForm(initial={"tipo": tipo} if tipo in Tipo.values else None)
        return _pagina_nueva(request, form, agotado=limites.agotado("radicar", direccion_del_cliente(request)))
    form = PqrsdForm(request.POST, request.FILES)
    try:
        return _radicar(request, form)
    except (OperationalError, InterfaceError):
        return sin_base(request, "ventanilla/_formulario_pqrsd.html", {"form": form})


def sin_base(request, formulario, contexto):
    """The database is down: the person's text must not be lost. The form comes back, filled, on a 503 page
    that needs neither the database nor the request context; one click sends it again."""
    contexto = {**contexto, "formulario": formulario, "csrf_token": get_token(request)}
    respuesta = _privada(HttpResponse(render_to_string("ventanilla/sin_base.html", contexto), status=503))
    respuesta["Retry-After"] = "30"
    return respuesta


def _pagina_nueva(request, form, *, agotado, rechazo=None, status=200):
    contexto = {"form": form, "limite_agotado": agotado, "mensaje_limite": MENSAJE_LIMITE, "rechazo": rechazo}
    return _privada(render(request, "ventanilla/nueva.html", contexto, status=status))


def _radicar(request, form):
    direccion = direccion_del_cliente(request)
    agotado = limites.agotado("radicar", direccion)
    if request.POST.get(CAMPO_TRAMPA):
        return _pagina_nueva(request, form, agotado=agotado, rechazo=MENSAJE_TRAMPA, status=400)
    if not form.is_valid():
        return _pagina_nueva(request, form, agotado=agotado)
    if agotado:
        return _pagina_nueva(request, form, agotado=agotado, rechazo=MENSAJE_LIMITE, status=429)
    datos = form.cleaned_data
    try:
        with transaction.atomic():  # one write transaction: the radicado and the connection's count
            radicado, codigo = services.radicado_crear(
                tipo=datos["tipo"],
                asunto=datos["asunto"],
                descripcion=datos["descripcion"],
                anonimo=datos["anonimo"],
                persona=datos["persona"],
                prioridad=datos.get("prioridad") or "",
                archivos=[(a.name, a) for a in datos["adjuntos"]],
            )
            limites.contar("radicar", direccion)
    except ValidationError as error:
        form.add_error(None, error)
        return _pagina_nueva(request, form, agotado=agotado)
    llavero = Llavero(request)
    llavero.recordar(radicado, codigo)
    return llavero.guardar(redirect("ventanilla:constancia", numero=radicado.numero))


@never_cache
@require_GET
def constancia(request, numero):
    """The receipt: printable, with the due date and what happens next. The follow-up code is shown once."""
    radicado = get_object_or_404(Radicado, numero=numero)
    llavero = Llavero(request)
    if not llavero.conoce(radicado):
        raise Http404
    codigo = llavero.tomar_codigo(radicado)
    contexto = {
        "radicado": radicado,
        "codigo": codigo,
        "enlace": reverse("ventanilla:detalle", args=[radicado.numero]),
        "ficha_donde_pagar": getattr(radicado.ficha(), "costo_donde_pagar", "") if radicado.valor_a_pagar else "",
    }
    return llavero.guardar(_privada(render(request, "ventanilla/constancia.html", contexto)))


@never_cache
@require_http_methods(["GET", "POST"])
def consulta(request):
    direccion = direccion_del_cliente(request)
    agotado = limites.agotado("consultar", direccion)
    form = ConsultaForm(request.POST or None)
    contexto = {"form": form, "agotado": agotado, "mensaje_agotado": MENSAJE_CONSULTAS_AGOTADAS}
    if request.method == "POST" and form.is_valid():
        if agotado:
            contexto["rechazo"] = MENSAJE_CONSULTAS_AGOTADAS
            return _privada(render(request, "ventanilla/consulta.html", contexto, status=429))
        limites.contar("consultar", direccion)
        radicado = _buscar(form.cleaned_data["radicado"], form.cleaned_data["clave"])
        if radicado is None:
            contexto["rechazo"] = MENSAJE_NO_ENCONTRADA
            return _privada(render(request, "ventanilla/consulta.html", contexto, status=200))
        llavero = Llavero(request)
        llavero.recordar(radicado)
        return llavero.guardar(redirect("ventanilla:detalle", numero=radicado.numero))
    return _privada(render(request, "ventanilla/consulta.html", contexto))


def _buscar(numero, clave):
    """The radicado if ``clave`` is its e-mail or its code; the same ``None`` for every kind of mismatch."""
    radicado = Radicado.objects.filter(numero=numero).first()
    if radicado is None:
        # Same work as a found one, so timing does not tell that the number exists.
        radicado_falso = Radicado(codigo_hash="0" * 64)
        radicado_falso.codigo_valido(clave)
        return None
    clave = clave.strip()
    por_correo = bool(radicado.correo) and "@" in clave and clave.lower() == radicado.correo.lower()
    return radicado if por_correo or radicado.codigo_valido(clave) else None


@never_cache
@require_GET
def enlace(request, token):
    """The link of an e-mail: opens the follow-up page of its radicado."""
    pk = correos.radicado_de_enlace(token)
    radicado = get_object_or_404(Radicado, pk=pk) if pk else None
    if radicado is None:
        raise Http404
    llavero = Llavero(request)
    llavero.recordar(radicado)
    return llavero.guardar(redirect("ventanilla:detalle", numero=radicado.numero))


@never_cache
@require_http_methods(["GET", "POST"])
def detalle(request, numero):
    radicado = get_object_or_404(Radicado, numero=numero)
    if not Llavero(request).conoce(radicado):
        return redirect(reverse("ventanilla:consulta") + f"?radicado={radicado.numero}")
    form = None
    if radicado.estado == Estado.POR_COMPLETAR:
        form = CompletarForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            services.radicado_completar(
                radicado=radicado,
                texto=form.cleaned_data["texto"],
                archivos=[(a.name, a) for a in form.cleaned_data["adjuntos"]],
            )
            return redirect("ventanilla:detalle", numero=radicado.numero)
    elif request.method == "POST":
        return redirect("ventanilla:detalle", numero=radicado.numero)
    if radicado.respondida_en:
        services.radicado_registrar_lectura(radicado=radicado)
    contexto = {
        "radicado": radicado,
        "pasos": radicado.actuaciones.filter(publica=True),
        "adjuntos": radicado.adjuntos.all(),
        "form": form,
    }
    return _privada(render(request, "ventanilla/detalle.html", contexto))


@never_cache
@require_GET
def adjunto(request, numero, pk):
    """A file of a radicado, for the petitioner who opened its follow-up page."""
    radicado = get_object_or_404(Radicado, numero=numero)
    if not Llavero(request).conoce(radicado):
        raise Http404
    archivo = get_object_or_404(Adjunto, pk=pk, radicado=radicado)
    return _servir(archivo)


def _servir(adjunto):
    try:
        manejador = adjunto.archivo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # Always a download, never rendered in the portal's origin: a crafted file cannot run as a page.
    respuesta = FileResponse(
        manejador, as_attachment=True, filename=adjunto.nombre, content_type=tipo_adjunto(adjunto.nombre)
    )
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Content-Type-Options"] = "nosniff"
    respuesta["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return respuesta
