"""``{% imagen_responsiva %}``: a ``<picture>`` built from the renditions recorded by ``generar_variantes``."""

from django import template
from django.utils.html import format_html

from ..imagenes import nombre_variante

register = template.Library()


def imagen_html(archivo, datos, alt, sizes, clase=None, prioridad=False):
    """Only string work on the stored data: no queries and no storage access, so it stays cheap inside lists.

    WebP and JPEG renditions at every recorded width, the original's width and height (no layout shift), lazy
    unless it is the page's main picture. Without renditions, the original alone.
    """
    if not archivo:
        return ""
    datos = datos or {}
    anchos = sorted(int(a) for a in datos.get("variantes") or ())
    # Plain strings, not numbers: USE_THOUSAND_SEPARATOR must never turn 1200 into "1.200" in an attribute.
    medidas = (
        format_html(' width="{}" height="{}"', int(datos["ancho"]), int(datos["alto"]))
        if (datos.get("ancho") and datos.get("alto"))
        else ""
    )
    clase = format_html(' class="{}"', clase) if clase else ""
    if prioridad:
        carga = format_html(' loading="{}" fetchpriority="{}"', "eager", "high")
    else:
        carga = format_html(' loading="{}"', "lazy")
    if not anchos:
        return format_html(
            '<img src="{}"{} alt="{}"{}{} decoding="async">', archivo.url, medidas, alt or "", clase, carga
        )
    storage, nombre = archivo.storage, archivo.name

    def srcset(formato):
        return ", ".join(f"{storage.url(nombre_variante(nombre, a, formato))} {a}w" for a in anchos)

    tamanos = format_html(' sizes="{}"', sizes) if sizes else ""
    return format_html(
        '<picture>\n  <source type="image/webp" srcset="{}"{}>\n  '
        '<img src="{}" srcset="{}"{}{} alt="{}"{}{} decoding="async">\n</picture>',
        srcset("webp"),
        tamanos,
        storage.url(nombre_variante(nombre, anchos[0], "jpg")),
        srcset("jpg"),
        tamanos,
        medidas,
        alt or "",
        clase,
        carga,
    )


register.simple_tag(imagen_html, name="imagen_responsiva")
