"""Rich text edited by officials: one configuration for the editor and for the server-side sanitizer."""

import functools

import nh3
from django_prose_editor.config import allowlist_from_extensions, expand_extensions
from django_prose_editor.fields import ProseEditorField, _actually_empty

# What the editor offers is exactly what nh3 lets through on save: no scripts, event handlers, iframes,
# style attributes or javascript: links can reach the database.
EXTENSIONES = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}


@functools.cache
def _limpiador():
    opciones = allowlist_from_extensions(expand_extensions(EXTENSIONES))
    # The editor's allow-list keeps whatever ``rel`` a pasted link had (``rel="opener"`` gives the linked page
    # a handle on the portal's window). nh3 writes its own on every link instead.
    opciones["attributes"] = {
        etiqueta: {a for a in atributos if a != "rel"} for etiqueta, atributos in opciones["attributes"].items()
    }
    opciones["link_rel"] = "noopener noreferrer"
    return nh3.Cleaner(**opciones)


def sanear(html):
    """The HTML an official wrote, reduced to what the editor offers, every link with rel="noopener noreferrer"."""
    return _actually_empty(_limpiador().clean(html))


def TextoEnriquecido(verbose_name, **opciones):  # noqa: N802 (used like a field class)
    return ProseEditorField(verbose_name, extensions=EXTENSIONES, sanitize=sanear, **opciones)
