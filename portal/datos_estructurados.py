"""schema.org structured data (JSON-LD) of the public pages, so search engines and GOV.CO read them right:
NewsArticle for news, Event for events, GovernmentService for fichas (built in ``portal.fichas.views``).

``bloque(datos)`` gives the ``<script type="application/ld+json">`` element: a data block, never executed, so
the Content-Security-Policy needs nothing for it; what an official typed cannot close it (``<``, ``>`` and
``&`` are escaped as Django's ``json_script`` does).
"""

import json

from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from . import identidad

_ESCAPES_JSON = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def bloque(datos):
    texto = json.dumps(datos, ensure_ascii=False, default=str).translate(_ESCAPES_JSON)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(texto))  # noqa: S308 - escaped above


def fecha(momento):
    """ISO 8601 in Colombian time, whole seconds."""
    return timezone.localtime(momento).replace(microsecond=0).isoformat() if momento else None


def organizacion(request):
    """The municipality as the publisher or provider, with its coat of arms as logo."""
    municipio = identidad.de_la_peticion(request)["municipio"]
    logo = municipio.escudo.url if municipio.escudo else static("img/escudo-generico.svg")
    return {
        "@type": "GovernmentOrganization",
        "name": municipio.entidad,
        "url": request.build_absolute_uri("/"),
        "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(logo)},
    }


def lugar_del_municipio(request, nombre=None):
    municipio = identidad.de_la_peticion(request)["municipio"]
    lugar = {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": municipio.nombre,
            "addressRegion": municipio.departamento,
            "addressCountry": "CO",
        },
    }
    if nombre:
        lugar["name"] = nombre
    return lugar


def noticia(request, noticia):
    datos = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": noticia.titulo[:110],
        "description": noticia.resumen,
        "url": request.build_absolute_uri(noticia.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(noticia.get_absolute_url()),
        "datePublished": fecha(noticia.publicar_desde),
        "dateModified": fecha(max(noticia.modificado, noticia.publicar_desde)),
        "inLanguage": "es-CO",
        # News are written by a dependencia of the municipality, not by a person the portal names.
        "author": {"@type": "GovernmentOrganization", "name": noticia.dependencia.nombre},
        "publisher": organizacion(request),
    }
    if imagen := noticia.imagen_url_compartir:
        datos["image"] = [request.build_absolute_uri(imagen)]
    return datos


def evento(request, evento):
    datos = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": evento.titulo,
        "url": request.build_absolute_uri(evento.get_absolute_url()),
        "startDate": fecha(evento.inicio),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": lugar_del_municipio(request, evento.lugar),
        "organizer": organizacion(request),
        "inLanguage": "es-CO",
    }
    if evento.fin:
        datos["endDate"] = fecha(evento.fin)
    if evento.descripcion:
        datos["description"] = " ".join(strip_tags(evento.descripcion).split())[:500]
    return datos
