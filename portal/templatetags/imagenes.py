"""``{% imagen_responsiva %}``: a ``<picture>`` built from the renditions recorded by ``generar_variantes``."""

from django import template

from ..imagenes import nombre_variante

register = template.Library()


@register.inclusion_tag("components/imagen.html")
def imagen_responsiva(archivo, datos, alt, sizes, clase=None, prioridad=False):
    """Only string work on the stored data: no queries and no storage access, so it stays cheap inside lists."""
    if not archivo:
        return {"mostrar": False}
    datos = datos or {}
    anchos = sorted(int(a) for a in datos.get("variantes") or ())
    contexto = {
        "mostrar": True,
        "alt": alt or "",
        "clase": clase or "",
        "prioridad": bool(prioridad),
        # Strings, not numbers: USE_THOUSAND_SEPARATOR would print 1200 as "1.200" inside the attribute.
        "ancho": str(int(datos["ancho"])) if datos.get("ancho") else "",
        "alto": str(int(datos["alto"])) if datos.get("alto") else "",
    }
    if not anchos:
        return {**contexto, "src": archivo.url}
    storage, nombre = archivo.storage, archivo.name

    def srcset(formato):
        return ", ".join(f"{storage.url(nombre_variante(nombre, a, formato))} {a}w" for a in anchos)

    return {
        **contexto,
        "variantes": True,
        "src": storage.url(nombre_variante(nombre, anchos[0], "jpg")),
        "srcset_webp": srcset("webp"),
        "srcset_jpg": srcset("jpg"),
        "sizes": sizes or "",
    }
