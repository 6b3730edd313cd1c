"""Rich text edited by officials: one configuration for the editor and for the server-side sanitizer."""

from django_prose_editor.fields import ProseEditorField

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


def TextoEnriquecido(verbose_name, **opciones):  # noqa: N802 (used like a field class)
    return ProseEditorField(verbose_name, extensions=EXTENSIONES, sanitize=True, **opciones)
