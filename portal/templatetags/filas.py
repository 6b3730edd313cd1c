"""The rows of the long public lists (news cards, transparency documents, the catalogue's fichas and its
filters' options), each written as one piece of HTML in Python.

Django's template engine costs about 10 µs a variable and a row shows ten or more: a 25-row list spent more
time on its rows than on everything else in the page (measured with ``bench/paginas.py``). ``format_html``
escapes each value just as a template would. The markup stays next to its template (``{% load filas %}``),
and each tag is used from every list that shows that kind of row.
"""

import functools

from django import template
from django.utils.html import format_html, format_html_join

from .imagenes import imagen_html
from .portal_tags import fecha, iso, pesos

register = template.Library()


def _una_vez_por_objeto(funcion):
    """The row of an object is written once per object: the views keep the objects of their lists per content
    version (``cache_paginas.por_version``), so a row is written once per version and process, not on every
    view. The HTML is kept on the object itself, keyed by the other arguments."""

    @functools.wraps(funcion)
    def envuelta(objeto, *args):
        memoria = objeto.__dict__.setdefault("_filas_html", {})
        clave = (funcion.__name__, *args)
        if clave not in memoria:
            memoria[clave] = funcion(objeto, *args)
        return memoria[clave]

    return envuelta


def tamano_archivo(octetos):
    """A file size as Django's ``filesizeformat`` writes it in Spanish («879,1 KB», «1,1 MB»), far cheaper."""
    if octetos is None:
        return ""
    if octetos < 1024:
        return f"{octetos} byte" if octetos == 1 else f"{octetos} bytes"
    valor = float(octetos)
    for unidad in ("KB", "MB", "GB", "TB"):
        valor /= 1024
        if valor < 1024 or unidad == "TB":
            return f"{valor:.1f}".replace(".", ",") + f" {unidad}"


@register.simple_tag
@_una_vez_por_objeto
def fila_documento(documento):
    """A document in a list: its title as a link, then type and number, format and size, and dates."""
    expedido = (
        format_html(" · Expedido el {}", fecha(documento.fecha_expedicion)) if documento.fecha_expedicion else ""
    )
    return format_html(
        '<a href="{}">{}</a>\n      <span class="documento__datos">{}{} · {}, {} · Publicado el '
        '<time datetime="{}">{}</time>{}</span>',
        documento.get_absolute_url(),
        documento.titulo,
        documento.tipo_etiqueta,
        f" {documento.numero}" if documento.numero else "",
        documento.extension,
        tamano_archivo(documento.tamano),
        iso(documento.publicar_desde),
        fecha(documento.publicar_desde),
        expedido,
    )


@register.simple_tag
def opciones(opciones, elegida):
    """The ``<option>``s of a filter (``[(valor, etiqueta), …]``), the chosen one selected."""
    return format_html_join(
        "", '<option value="{}"{}>{}</option>', ((v, " selected" if v == elegida else "", e) for v, e in opciones)
    )


@register.simple_tag
def lista_de_fichas(fichas, dependencias):
    """The catalogue's list: per trámite or servicio, name, purpose, channel, cost, time and dependencia
    (``dependencias``: names by id)."""
    return format_html(
        '<ul class="fichas">{}</ul>',
        format_html_join(
            "\n",
            '<li class="ficha-item">{}</li>',
            ((_ficha(f, dependencias.get(f.dependencia_id, "")),) for f in fichas),
        ),
    )


@_una_vez_por_objeto
def _ficha(ficha, dependencia):
    if ficha.es_gratuito:
        costo = "Gratuito"
    elif ficha.costo_tipo == "valor":
        costo = pesos(ficha.costo_valor)
    else:
        costo = "Costo según tarifa"
    proposito = ""
    if ficha.proposito:
        palabras = ficha.proposito.split()  # what ``truncatewords:30`` does, without its lazy wrapper
        resumen = " ".join(palabras[:30]) + (" …" if len(palabras) > 30 else "")
        proposito = format_html("<p>{}</p>", resumen)
    return format_html(
        '<h2><a href="{}">{}</a></h2>{}<ul class="ficha-resumen">'
        '<li class="ficha-resumen__canal{}">{}</li><li>{}</li><li>{}</li></ul>'
        '<p class="documento__datos">{}</p>',
        ficha.get_absolute_url(),
        ficha.nombre,
        proposito,
        " ficha-resumen__canal--si" if ficha.en_linea else "",
        ficha.canal_texto,
        costo,
        ficha.tiempo_texto,
        dependencia,
    )


@register.simple_tag
def tarjeta_noticia(noticia, sizes, grande=False, nivel=3):
    """A news item as a card: picture (when it has one), date and dependencia, title as a link, summary.

    ``nivel``: the title's heading level, one below the heading the cards sit under (2 right under the h1 of
    the news list, 3 under a section's h2): a skipped level breaks the outline screen readers navigate by.
    """
    return _tarjeta_noticia(noticia, sizes, bool(grande), int(nivel))


@_una_vez_por_objeto
def _tarjeta_noticia(noticia, sizes, grande, nivel):
    imagen = ""
    if noticia.imagen:
        imagen = format_html(
            '<div class="tarjeta-noticia__imagen">{}</div>',
            imagen_html(
                noticia.imagen, noticia.imagen_datos, noticia.imagen_texto_alternativo, sizes, prioridad=grande
            ),
        )
    return format_html(
        '<article class="tarjeta-noticia{}">{}<div class="tarjeta-noticia__texto">'
        '<p class="fecha"><time datetime="{}">{}</time> · {}</p>'
        '<h{} class="tarjeta-noticia__titulo"><a href="{}">{}</a></h{}><p>{}</p></div></article>',
        " tarjeta-noticia--grande" if grande else "",
        imagen,
        iso(noticia.publicar_desde),
        fecha(noticia.publicar_desde),
        noticia.dependencia.nombre,
        int(nivel),
        noticia.get_absolute_url(),
        noticia.titulo,
        int(nivel),
        noticia.resumen,
    )
