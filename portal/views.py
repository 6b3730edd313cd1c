import logging
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from tablon_portal import __version__

from . import archivos, busqueda, cache_paginas, datos_estructurados, identidad, registro
from .calendario import calendario_ics
from .models import (
    Categoria,
    Dependencia,
    Documento,
    EntidadDirectorio,
    Evento,
    Funcionario,
    Noticia,
    Politica,
    SeccionInstitucional,
    SeccionTransparencia,
    SubseccionTransparencia,
)
from .models.publicacion import q_vigente
from .navegacion import MENU_PRINCIPAL
from .paginacion import PaginaSinConteo
from .red import direccion_del_cliente

logger = logging.getLogger(__name__)

NOTICIAS_POR_PAGINA = 10
DOCUMENTOS_POR_PAGINA = 25


def _noticias_publicas():
    return Noticia.objects.vigentes().select_related("dependencia")


def _lista_de_noticias():
    # Lists show date, dependencia, title, summary and image: no body (it keeps the sort of thousands of rows
    # light) and no categories (only the news page itself lists them).
    return _noticias_publicas().defer("cuerpo")


def _accesos():
    # The most used trámites and servicios: kept per content version until the next scheduled change.
    return cache_paginas.por_version("inicio:accesos", registro.accesos_inicio, exacto=True)


def _noticias_del_inicio(cuantas):
    """The featured news, newest first, then the latest others: ``cuantas`` in all.

    One read straight down the (estado, destacada, publicar_desde) index, so the home page costs the same with
    ten news or ten thousand. ``destacada__in`` and not a plain order on ``destacada``: the condition lets
    SQLite, without statistics, take that index instead of sorting every published news item (10 ms at
    10,000 news); PostgreSQL takes it either way.
    """
    noticias = _lista_de_noticias().filter(destacada__in=[True, False])
    return list(noticias.order_by("-destacada", "-publicar_desde")[:cuantas])


@require_safe
def inicio(request):
    noticias, eventos = cache_paginas.por_version(
        "inicio:contenido", lambda: (_noticias_del_inicio(4), list(Evento.objects.proximos()[:3])), exacto=True
    )
    return render(
        request,
        "portal/inicio.html",
        {
            "principal": noticias[0] if noticias else None,
            "noticias": noticias[1:],
            "eventos": eventos,
            "dependencias": cache_paginas.por_version(
                "inicio:dependencias", lambda: list(Dependencia.objects.activas().only("nombre", "slug", "tipo"))
            ),
            "accesos": _accesos(),
        },
    )


def _categorias_con_noticias():
    """Categories with at least one public news item: one EXISTS probe per category, not a join over all news.
    Kept per content version until the next scheduled change (a scheduled news item may open a category)."""
    con_noticias = Noticia.objects.vigentes().filter(categorias=OuterRef("pk"))
    return list(Categoria.objects.filter(Exists(con_noticias)))


@require_safe
def noticias(request):
    categorias = cache_paginas.por_version("noticias:categorias", _categorias_con_noticias, exacto=True)
    categoria = next((c for c in categorias if c.slug == request.GET.get("categoria")), None)
    consulta = _lista_de_noticias()
    if categoria:
        consulta = consulta.filter(categorias=categoria)
    numero = request.GET.get("pagina")
    pagina = cache_paginas.por_version(
        f"noticias:{categoria.slug if categoria else ''}:{numero}",
        lambda: PaginaSinConteo(consulta, numero, NOTICIAS_POR_PAGINA),
        exacto=True,
    )
    return render(
        request,
        "portal/noticias.html",
        {"pagina": pagina, "categorias": categorias, "categoria": categoria},
    )


@require_safe
def noticia(request, slug):
    datos = cache_paginas.por_version(f"noticia:{slug}", lambda: _noticia_publicada(slug), exacto=True)
    if datos is None:
        raise Http404
    noticia, relacionadas = datos
    return mostrar_noticia(request, noticia, relacionadas=relacionadas)


def mostrar_noticia(request, noticia, extra=None, *, relacionadas=None):
    """The page of a news item: the public one, or the preview of a draft or revision (``extra``)."""
    if relacionadas is None:
        relacionadas = _relacionadas(noticia)
    contexto = {
        "noticia": noticia,
        "relacionadas": relacionadas,
        "json_ld": datos_estructurados.bloque(datos_estructurados.noticia(request, noticia)),
        **(extra or {}),
    }
    return render(request, "portal/noticia.html", contexto)


def _noticia_publicada(slug):
    """A public news item and up to three others of its dependencia; None when there is no such item."""
    noticia = _noticias_publicas().prefetch_related("categorias").filter(slug=slug).first()
    if noticia is None:
        return None
    return noticia, _relacionadas(noticia)


def _relacionadas(noticia):
    return list(_lista_de_noticias().exclude(pk=noticia.pk).filter(dependencia=noticia.dependencia_id)[:3])


@require_safe
def eventos(request):
    return render(request, "portal/eventos.html", {"eventos": Evento.objects.proximos().select_related("dependencia")})


@require_safe
def evento(request, slug):
    evento = get_object_or_404(Evento.objects.vigentes().select_related("dependencia"), slug=slug)
    return mostrar_evento(request, evento)


def mostrar_evento(request, evento, extra=None):
    json_ld = datos_estructurados.bloque(datos_estructurados.evento(request, evento))
    return render(request, "portal/evento.html", {"evento": evento, "json_ld": json_ld, **(extra or {})})


def _respuesta_ics(request, eventos, nombre_archivo):
    municipio = identidad.municipio()
    contenido = calendario_ics(
        eventos,
        nombre=municipio.entidad,
        dominio=request.get_host().split(":")[0],
        url_base=request.build_absolute_uri("/").rstrip("/"),
    )
    respuesta = HttpResponse(contenido, content_type="text/calendar; charset=utf-8")
    respuesta["Content-Disposition"] = f'attachment; filename="{nombre_archivo}"'
    return respuesta


@require_safe
def eventos_ics(request):
    return _respuesta_ics(request, Evento.objects.proximos(), "eventos.ics")


@require_safe
def evento_ics(request, slug):
    evento = get_object_or_404(Evento.objects.vigentes(), slug=slug)
    return _respuesta_ics(request, [evento], f"{evento.slug}.ics")


@require_safe
def documento(request, pk):
    """Serve a published document; drafts and expired ones do not exist for the public."""
    return servir_documento(request, get_object_or_404(Documento.objects.vigentes(), pk=pk))


def servir_documento(request, documento, extra=None):
    try:
        archivo = documento.archivo.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    nombre = f"{slugify(documento.titulo)[:80] or 'documento'}.{documento.extension.lower()}"
    tipo = archivos.tipo_mime(documento.archivo.name)
    respuesta = FileResponse(archivo, content_type=tipo, as_attachment=tipo != "application/pdf", filename=nombre)
    respuesta["X-Content-Type-Options"] = "nosniff"
    return respuesta


@require_safe
def transparencia(request):
    vigentes = Count("documentos", filter=q_vigente(prefijo="documentos__"))
    secciones = SeccionTransparencia.objects.prefetch_related(
        Prefetch(
            "subsecciones",
            queryset=SubseccionTransparencia.objects.annotate(documentos_vigentes=vigentes).only(
                "seccion_id", "numero", "titulo", "slug", "ruta", "contenido", "orden"
            ),
        )
    )
    # What the apps publish in the menu themselves (the PQRSD report, consultations…): one query or two each,
    # kept per content version.
    derivadas = cache_paginas.por_version("transparencia:derivadas", registro.publicaciones_derivadas, exacto=True)
    return render(request, "portal/transparencia.html", {"secciones": secciones, "derivadas": derivadas})


@require_safe
def subseccion_transparencia(request, slug):
    numero = request.GET.get("pagina")
    datos = cache_paginas.por_version(
        f"transparencia:{slug}:{numero}", lambda: _documentos_de_subseccion(slug, numero), exacto=True
    )
    if datos is None:
        raise Http404
    subseccion, pagina = datos
    return render(
        request,
        "portal/subseccion_transparencia.html",
        {
            "subseccion": subseccion,
            "documentos": pagina.object_list,
            "pagina": pagina,
            "derivadas": registro.publicaciones_derivadas(subseccion.numero),
        },
    )


def _documentos_de_subseccion(slug, numero):
    """A transparency subsection and one page of its public documents; None when there is no such subsection."""
    subseccion = SubseccionTransparencia.objects.select_related("seccion").filter(slug=slug).first()
    if subseccion is None:
        return None
    documentos = (
        subseccion.documentos.vigentes()
        .order_by("-publicar_desde", "-pk")
        .only("titulo", "tipo", "numero", "archivo", "tamano", "publicar_desde", "fecha_expedicion")
    )
    return subseccion, PaginaSinConteo(documentos, numero, DOCUMENTOS_POR_PAGINA)


@require_safe
def institucional(request, pagina):
    return _pagina_institucional(request, pagina, list(_secciones_publicadas(pagina)))


def _secciones_publicadas(pagina):
    """What the public sees of a page: its live published sections, never a draft nor a revision."""
    return SeccionInstitucional.objects.vigentes().filter(pagina=pagina).order_by("orden", "pk")


def mostrar_seccion_institucional(request, seccion, extra=None):
    """The preview of a draft or revision of a section: its page as published, with this section in place of its
    live version (or added in its place by order, if it was never published)."""
    reemplazada = seccion.revision_de_id or seccion.pk
    secciones = [s for s in _secciones_publicadas(seccion.pagina) if s.pk != reemplazada]
    secciones = sorted([*secciones, seccion], key=lambda s: (s.orden, s.revision_de_id or s.pk))
    return _pagina_institucional(request, seccion.pagina, secciones, extra)


def _pagina_institucional(request, pagina, secciones, extra=None):
    titulo = SeccionInstitucional.Pagina(pagina).label
    contexto = {"secciones": secciones, "titulo": titulo, "pagina": pagina, **(extra or {})}
    if pagina == SeccionInstitucional.Pagina.ALCALDIA:
        contexto["dependencias"] = Dependencia.objects.activas().only("nombre", "slug", "tipo")
    return render(request, "portal/institucional.html", contexto)


@require_safe
def directorio(request):
    funcionarios = (
        Funcionario.objects.en_directorio()
        .select_related("usuario", "dependencia")
        .order_by("dependencia__tipo", "dependencia__orden", "dependencia__nombre", "orden", "nombre")
    )
    entidades = EntidadDirectorio.objects.all()
    return render(
        request,
        "portal/directorio.html",
        {
            "funcionarios": funcionarios,
            "entidades": [e for e in entidades if e.tipo == EntidadDirectorio.Tipo.ENTIDAD],
            "agremiaciones": [e for e in entidades if e.tipo == EntidadDirectorio.Tipo.AGREMIACION],
        },
    )


@require_safe
def atencion(request):
    dependencias = Dependencia.objects.activas()
    return render(request, "portal/atencion.html", {"dependencias": dependencias})


@require_safe
def participa(request):
    """The participation hub: what the apps offer (survey, consultations of draft norms, accountability,
    participatory planning… each registered by its app), the policy of participation by electronic means
    (DEM-01) and the norm's 6.x subsections."""
    subsecciones = SubseccionTransparencia.objects.filter(seccion__numero=6).only(
        "numero", "titulo", "slug", "descripcion"
    )
    return render(
        request,
        "portal/participa.html",
        {
            "bloques": registro.bloques_de_participacion(),
            "politica": Politica.objects.publicadas().filter(slug=POLITICA_DE_PARTICIPACION).first(),
            "subsecciones": subsecciones,
        },
    )


POLITICA_DE_PARTICIPACION = "politica-de-participacion-ciudadana-por-medios-electronicos"


@require_safe
def dependencia(request, slug):
    dependencia = get_object_or_404(Dependencia.objects.activas(), slug=slug)
    funcionarios = dependencia.funcionarios.en_directorio().select_related("usuario")
    return render(
        request,
        "portal/dependencia.html",
        {
            "dependencia": dependencia,
            "funcionarios": funcionarios,
            "bloques": registro.contenido_de_dependencia(dependencia),
        },
    )


@require_safe
def politica(request, slug):
    politica = get_object_or_404(Politica.objects.publicadas(), slug=slug)
    return render(request, "portal/politica.html", {"politica": politica})


RESULTADOS_POR_PAGINA = 10


def _pagina_de_resultados(consulta, tipo, numero):
    """What one page of results shows: plain data, so it can be shared through the cache."""
    etiquetas = {f.tipo: f.etiqueta for f in busqueda.fuentes()}
    hallado = busqueda.buscar(consulta, tipo=tipo)
    corregida = None
    if not hallado.todas and (corregida := busqueda.corregir(consulta)):
        # Nothing found: one typo in a long word is tolerated ("residensia" finds "residencia").
        hallado = busqueda.buscar(corregida, tipo=tipo)
        consulta = corregida if hallado.todas else consulta
        corregida = corregida if hallado.todas else None
    paginador = Paginator(hallado.entradas, RESULTADOS_POR_PAGINA)
    paginador.count = hallado.mostrables  # counted already
    pagina = paginador.get_page(numero)
    return {
        "corregida": corregida,
        "total": hallado.total,
        "mostrables": hallado.mostrables,
        "todas": hallado.todas,
        "por_tipo": hallado.por_tipo,
        "numero": pagina.number,
        "resultados": [
            {
                "titulo": entrada.titulo,
                "url": entrada.url,
                "tipo": etiquetas.get(entrada.tipo, ""),
                "fecha": entrada.fecha,
                "fragmento": busqueda.resaltar(entrada.texto, consulta),
                "titulo_resaltado": busqueda.resaltar(entrada.titulo, consulta, largo=300),
            }
            for entrada in pagina.object_list
        ],
    }


def _filtros_por_tipo(datos, etiquetas, tipo):
    """One link per type of content found, with how many; when there were too many to count by type, one
    per type the portal has, the chosen one with its count."""
    por_tipo = datos["por_tipo"]
    return [
        {
            "tipo": clave,
            "etiqueta": etiqueta,
            "n": por_tipo[clave] if por_tipo else (datos["total"] if clave == tipo else None),
            "actual": clave == tipo,
        }
        for clave, etiqueta in etiquetas.items()
        if por_tipo.get(clave) or not por_tipo
    ]


def _visitante(request):
    from . import visitas

    if not visitas.es_persona(request):
        return ""
    try:
        return visitas.huella(request, timezone.localdate())
    except Exception:  # the search never fails because of its statistics
        logger.exception("No se pudo calcular el código anónimo de la búsqueda.")
        return ""


@require_safe
def buscar(request):
    consulta = busqueda.limpiar_consulta(request.GET.get("q", ""))
    etiquetas = {f.tipo: f.etiqueta for f in busqueda.fuentes()}
    tipo = request.GET.get("tipo") if request.GET.get("tipo") in etiquetas else None
    numero = request.GET.get("pagina", "")[:10]
    datos = {"total": 0, "mostrables": 0, "todas": 0, "por_tipo": {}, "resultados": []}
    pagina = None
    if consulta:
        # Popular searches ("predial" in tax season) are ranked once for everyone until content changes. The
        # key names the shape of what is kept ("con-tope": total, mostrables, todas): a new shape, a new name,
        # so that no node reads what an older version of the portal kept.
        datos = cache_paginas.calcular_compartido(
            f"buscar-con-tope:{' '.join(busqueda.palabras(consulta))}:{tipo}:{numero}",
            lambda: _pagina_de_resultados(consulta, tipo, numero),
        )
        pagina = Paginator(range(datos["mostrables"]), RESULTADOS_POR_PAGINA).get_page(datos["numero"])
        if not request.GET.get("pagina"):
            # Every search counts, cached or not; one connection adds a bounded number of new terms a day, and the
            # visitor's anonymous code of the day lets the dashboard show only terms several people searched.
            busqueda.registrar_consulta(
                consulta,
                resultados=datos["todas"],
                cliente=direccion_del_cliente(request),
                visitante=_visitante(request),
            )
    parametros = f"q={quote(consulta)}" + (f"&tipo={tipo}" if tipo else "")
    return render(
        request,
        "portal/buscar.html",
        {
            "consulta": consulta,
            "corregida": datos.get("corregida"),
            "pagina": pagina,
            "resultados": datos["resultados"],
            "total": datos["total"],
            "todas": datos["todas"],
            "tope": busqueda.TOPE,
            "filtros": _filtros_por_tipo(datos, etiquetas, tipo) if datos["todas"] else [],
            "tipo": tipo,
            "tipo_etiqueta": etiquetas.get(tipo, ""),
            "parametros": parametros,
            "sugerencias": _accesos() if consulta and not datos["todas"] else [],
        },
    )


@require_safe
def mapa_del_sitio(request):
    dependencias = [
        {"etiqueta": d.nombre, "url": d.get_absolute_url()}
        for d in Dependencia.objects.activas().only("nombre", "slug", "tipo")
    ]
    # Catalogues registered by the apps above portal (trámites, servicios) hang from "Atención".
    catalogos = [{"etiqueta": e["etiqueta"], "url": reverse(e["ruta"])} for e in registro.secciones_del_mapa()]
    secciones = [
        {
            "etiqueta": etiqueta,
            "url": reverse(nombre),
            "hijos": [*catalogos, *dependencias] if nombre == "portal:atencion" else [],
        }
        for etiqueta, nombre in MENU_PRINCIPAL
    ]
    return render(request, "portal/mapa_del_sitio.html", {"secciones": secciones})


@never_cache
@require_safe
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


_FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"


@require_safe
def favicon(request):
    """/favicon.ico, which browsers ask for on every page (admin included) whatever the page links."""
    respuesta = HttpResponse(_FAVICON.read_bytes(), content_type="image/vnd.microsoft.icon")
    respuesta["Cache-Control"] = "public, max-age=86400"
    return respuesta


@require_safe
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


# Every uploaded file gets a new name (random prefix; image renditions derive theirs from it) and is never
# rewritten under the same one: browsers and proxies may keep it a year without asking again.
CACHE_ARCHIVOS_SUBIDOS = "public, max-age=31536000, immutable"


def archivo_subido(request, path):
    """An uploaded file, for `make run` (production serves /media/ from the proxy with the same headers)."""
    from django.views.static import serve

    respuesta = serve(request, path, document_root=settings.MEDIA_ROOT)
    respuesta["Cache-Control"] = CACHE_ARCHIVOS_SUBIDOS
    return respuesta
