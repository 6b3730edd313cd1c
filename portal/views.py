from django.db import DatabaseError, connection
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from tablon_portal import __version__

from .models import Dependencia, Politica
from .navegacion import MENU_PRINCIPAL

# The sections of the main menu whose content arrives with later work: the page says so plainly.
SECCIONES = {
    "transparencia": {
        "titulo": _("Transparencia y acceso a la información pública"),
        "intro": _(
            "Aquí encontrará la información que la Ley 1712 de 2014 y la Resolución 1519 de 2020 obligan a "
            "publicar: la entidad, su normativa, la contratación, la planeación, el presupuesto y los informes."
        ),
    },
    "participa": {
        "titulo": _("Participa"),
        "intro": _(
            "Espacios para que la ciudadanía opine y participe en las decisiones del municipio: consultas, "
            "rendición de cuentas, control social y la encuesta anual sobre este portal."
        ),
    },
    "noticias": {
        "titulo": _("Noticias"),
        "intro": _("Las noticias y comunicados de la administración municipal."),
    },
}

MAX_LONGITUD_BUSQUEDA = 200


@require_GET
def inicio(request):
    dependencias = Dependencia.objects.activas().only("nombre", "slug", "tipo")
    return render(request, "portal/inicio.html", {"dependencias": dependencias})


@require_GET
def atencion(request):
    dependencias = Dependencia.objects.activas()
    return render(request, "portal/atencion.html", {"dependencias": dependencias})


@require_GET
def seccion(request, seccion):
    return render(request, "portal/seccion.html", {"seccion": SECCIONES[seccion]})


@require_GET
def dependencia(request, slug):
    dependencia = get_object_or_404(Dependencia.objects.activas(), slug=slug)
    funcionarios = dependencia.funcionarios.select_related("usuario").filter(usuario__is_active=True)
    return render(request, "portal/dependencia.html", {"dependencia": dependencia, "funcionarios": funcionarios})


@require_GET
def politica(request, slug):
    politica = get_object_or_404(Politica.objects.publicadas(), slug=slug)
    return render(request, "portal/politica.html", {"politica": politica})


@require_GET
def buscar(request):
    consulta = " ".join(request.GET.get("q", "").split())[:MAX_LONGITUD_BUSQUEDA]
    dependencias = politicas = []
    if consulta:
        dependencias = Dependencia.objects.activas().filter(
            Q(nombre__icontains=consulta) | Q(descripcion__icontains=consulta)
        )[:20]
        politicas = Politica.objects.publicadas().filter(
            Q(titulo__icontains=consulta) | Q(contenido__icontains=consulta)
        )[:20]
    return render(
        request,
        "portal/buscar.html",
        {"consulta": consulta, "dependencias": dependencias, "politicas_encontradas": politicas},
    )


@require_GET
def mapa_del_sitio(request):
    dependencias = [
        {"etiqueta": d.nombre, "url": d.get_absolute_url()}
        for d in Dependencia.objects.activas().only("nombre", "slug", "tipo")
    ]
    secciones = [
        {
            "etiqueta": etiqueta,
            "url": reverse(nombre),
            "hijos": dependencias if nombre == "portal:atencion" else [],
        }
        for etiqueta, nombre in MENU_PRINCIPAL
    ]
    return render(request, "portal/mapa_del_sitio.html", {"secciones": secciones})


@never_cache
@require_GET
def salud(request):
    """Health check for load balancers: is the database reachable? JSON, 200 or 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        base_de_datos = "ok"
    except DatabaseError:
        base_de_datos = "error"
    estado = "ok" if base_de_datos == "ok" else "error"
    return JsonResponse(
        {"estado": estado, "base_de_datos": base_de_datos, "version": __version__},
        status=200 if estado == "ok" else 503,
    )


@require_GET
def robots_txt(request):
    lineas = [
        "User-agent: *",
        "Disallow: /buscar/",
        "Disallow: /gelt/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lineas), content_type="text/plain; charset=utf-8")
