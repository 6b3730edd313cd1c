"""Public pages of the consultations of draft norms.

The list, the text of a draft (with its published comments) and the answer matrix (page, PDF, CSV) only show
content: they are served to anonymous visitors from the page cache, in a constant number of queries. The
comment form carries a CSRF token and the per-connection limit, so it lives on its own page that is never
cached; sending a comment does not change any cached page (pending comments are not shown).

Templates get the consultation as ``proyecto``: ``consulta`` is what the header's search box shows as the
query typed (``includes/encabezado.html``).
"""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from portal.red import direccion_del_cliente
from ventanilla import views as ventanilla_views

from . import consultas_limites as limites
from . import consultas_matriz
from .consultas_forms import CAMPO_TRAMPA, ComentarioForm
from .consultas_services import MENSAJE_CERRADA, comentario_crear
from .models import Comentario, Consulta

MENSAJE_TRAMPA = (
    "No recibimos el comentario porque llegó con un campo que solo llenan los programas automáticos. Si usted es "
    "una persona, revise el formulario (lo que escribió sigue aquí) y envíelo de nuevo."
)
# What the public may read of a comment: never the e-mail nor the NIT.
CAMPOS_PUBLICOS = (
    "id",
    "consulta_id",
    "articulo_id",
    "tipo_autor",
    "nombre",
    "organizacion",
    "publicar_nombre",
    "texto",
    "recibido",
    "sentido",
    "respuesta",
    "respondido_en",
)


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Robots-Tag"] = "noindex, nofollow"
    return respuesta


def _publicados():
    return Comentario.objects.filter(estado=Comentario.Estado.PUBLICADO).only(*CAMPOS_PUBLICOS)


@require_safe
def lista(request):
    ahora = timezone.now()
    vigentes = list(
        Consulta.objects.vigentes(ahora)
        .select_related("dependencia")
        .only(
            "titulo",
            "slug",
            "tipo",
            "objeto",
            "abre",
            "cierra",
            "respuestas_publicadas_en",
            "estado",
            "publicar_desde",
            "publicar_hasta",
            "revision_de",  # esta_vigente: a revision never is
            "dependencia__nombre",
            "dependencia__slug",
        )
        .order_by("-abre")
    )
    abiertas = [c for c in vigentes if c.esta_abierta(ahora)]
    proximas = [c for c in vigentes if c.abre > ahora]
    cerradas = sorted((c for c in vigentes if c.esta_cerrada(ahora)), key=lambda c: c.cierra, reverse=True)
    return render(
        request,
        "participa/consultas/lista.html",
        {"abiertas": abiertas, "proximas": proximas, "cerradas": cerradas, "ahora": ahora},
    )


def _consulta_vigente(slug):
    return get_object_or_404(Consulta.objects.vigentes().select_related("dependencia"), slug=slug)


@require_safe
def detalle(request, slug):
    ahora = timezone.now()
    consulta = _consulta_vigente(slug)
    articulos = list(consulta.articulos.all())
    comentarios = list(_publicados().filter(consulta=consulta))
    por_articulo = {}
    for comentario in comentarios:
        por_articulo.setdefault(comentario.articulo_id, []).append(comentario)
    for articulo in articulos:
        articulo.publicados = por_articulo.get(articulo.pk, [])
    return render(
        request,
        "participa/consultas/detalle.html",
        {
            "proyecto": consulta,
            "articulos": articulos,
            "generales": por_articulo.get(None, []),
            "total_publicados": len(comentarios),
            "abierta": consulta.esta_abierta(ahora),
            "por_abrir": consulta.abre > ahora,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def comentar(request, slug):
    if request.method == "GET":
        consulta = _consulta_vigente(slug)
        articulo = request.GET.get("articulo")
        inicial = {"articulo": articulo} if articulo and articulo.isdigit() else None
        return _pagina(request, consulta, ComentarioForm(initial=inicial, consulta=consulta))
    try:
        consulta = _consulta_vigente(slug)
    except (OperationalError, InterfaceError):  # down from the first query: the comment still comes back
        return sin_base(request, SimpleNamespace(slug=slug), ComentarioForm(request.POST, consulta=None))
    form = ComentarioForm(request.POST, consulta=consulta)
    try:
        return _recibir(request, consulta, form)
    except (OperationalError, InterfaceError):
        return sin_base(request, consulta, form)


def _pagina(request, consulta, form, *, rechazo=None, status=200):
    direccion = direccion_del_cliente(request)
    contexto = {
        "proyecto": consulta,
        "form": form,
        "abierta": consulta.esta_abierta(),
        "limite_agotado": limites.agotado(direccion),
        "mensaje_limite": limites.MENSAJE_LIMITE,
        "rechazo": rechazo,
    }
    return _privada(render(request, "participa/consultas/comentar.html", contexto, status=status))


def _recibir(request, consulta, form):
    direccion = direccion_del_cliente(request)
    if request.POST.get(CAMPO_TRAMPA):
        return _pagina(request, consulta, form, rechazo=MENSAJE_TRAMPA, status=400)
    if not consulta.esta_abierta():
        form.is_valid()  # keeps what was typed, cleaned, for the page
        return _pagina(request, consulta, form, rechazo=MENSAJE_CERRADA, status=409)
    if not form.is_valid():
        return _pagina(request, consulta, form)
    if limites.agotado(direccion):
        return _pagina(request, consulta, form, rechazo=limites.MENSAJE_LIMITE, status=429)
    datos = form.cleaned_data
    try:
        with transaction.atomic():  # one write transaction: the comment and the connection's count
            comentario_crear(
                consulta=consulta,
                articulo=datos["articulo_obj"],
                tipo_autor=datos["tipo_autor"],
                nombre=datos["nombre"],
                correo=datos["correo"],
                texto=datos["texto"],
                organizacion=datos.get("organizacion", ""),
                nit=datos.get("nit", ""),
                publicar_nombre=datos["publicar_nombre"],
            )
            limites.contar(direccion)
    except ValidationError as error:
        status = 409 if getattr(error, "code", "") in ("cerrada", "duplicado") else 200
        return _pagina(request, consulta, form, rechazo=" ".join(error.messages), status=status)
    return redirect("participa:consulta_recibido", slug=consulta.slug)


def sin_base(request, consulta, form):
    """The database is down: the comment comes back, filled, on ventanilla's 503 page that needs no database."""
    contexto = {
        "proyecto": consulta,
        "form": form,
        "abierta": True,
        "falla_titulo": "No pudimos recibir su comentario todavía",
        "falla_aviso": mark_safe(  # noqa: S308 - fixed text, no input
            "El portal tiene una falla pasajera y su comentario <strong>no</strong> quedó guardado. Lo que escribió "
            "sigue aquí abajo: espere un minuto y pulse «Enviar mi comentario» de nuevo."
        ),
    }
    return ventanilla_views.sin_base(request, "participa/consultas/_formulario.html", contexto)


@never_cache
@require_safe
def recibido(request, slug):
    consulta = _consulta_vigente(slug)
    return _privada(render(request, "participa/consultas/recibido.html", {"proyecto": consulta}))


def _matriz(slug):
    consulta = _consulta_vigente(slug)
    if consulta.respuestas_publicadas_en is None:
        raise Http404("La matriz de respuestas aún no se ha publicado.")
    comentarios = list(_publicados().filter(consulta=consulta).select_related("articulo"))
    return consulta, comentarios


@require_safe
def matriz(request, slug):
    consulta, comentarios = _matriz(slug)
    resumen = consultas_matriz.resumen(comentarios)
    return render(
        request,
        "participa/consultas/matriz.html",
        {"proyecto": consulta, "comentarios": comentarios, "resumen": resumen},
    )


@require_safe
def matriz_csv(request, slug):
    consulta, comentarios = _matriz(slug)
    return consultas_matriz.respuesta_csv(consulta, comentarios)


@require_safe
def matriz_pdf(request, slug):
    consulta, comentarios = _matriz(slug)
    respuesta = HttpResponse(consultas_matriz.pdf(consulta, comentarios), content_type="application/pdf")
    respuesta["Content-Disposition"] = f'inline; filename="matriz-{consulta.slug}.pdf"'
    return respuesta
