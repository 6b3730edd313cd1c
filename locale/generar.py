"""Writes the project's Spanish catalogs (django.po, djangojs.po) from the tables below and compiles them.

They override a few of Django's admin texts that its Spanish catalog gets wrong for feminine or plural names
("El noticia", "situaciones de vida elegidos", "Vista") with wording that is right for any name, and they
translate django-prose-editor's texts (its dialogs and, through static/js/editor-es.js, its toolbar).
Run after editing: ``.venv/bin/python locale/generar.py`` (needs GNU gettext's msgfmt).
"""

import shutil
import subprocess
from pathlib import Path

CARPETA = Path(__file__).parent / "es" / "LC_MESSAGES"
CABECERA = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
)

DJANGO = {
    "View %s": "Ver %s",
    "View": "Ver",
    'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of the following related '
    "items will be deleted:": "¿Confirma que quiere borrar «%(escaped_object)s» (%(object_name)s)? Se borrará "
    "también todo lo que aparece a continuación:",
    "Deleting the %(object_name)s '%(escaped_object)s' would result in deleting related objects, but your account "
    "doesn't have permission to delete the following types of objects:": "Borrar «%(escaped_object)s» "
    "(%(object_name)s) obligaría a borrar también lo que aparece a continuación, y su cuenta no tiene permiso "
    "para hacerlo:",
    "Deleting the %(object_name)s '%(escaped_object)s' would require deleting the following protected related "
    "objects:": "No se puede borrar «%(escaped_object)s» (%(object_name)s) sin borrar antes lo que aparece a "
    "continuación, que está protegido:",
    "Are you sure you want to delete the selected %(objects_name)s? All of the following objects and their related "
    "items will be deleted:": "¿Confirma que quiere borrar lo seleccionado (%(objects_name)s)? Se borrará todo lo "
    "que aparece a continuación, con lo que depende de ello:",
    "Deleting the selected %(objects_name)s would result in deleting related objects, but your account doesn't "
    "have permission to delete the following types of objects:": "Borrar lo seleccionado (%(objects_name)s) "
    "obligaría a borrar también lo que aparece a continuación, y su cuenta no tiene permiso para hacerlo:",
    "Deleting the selected %(objects_name)s would require deleting the following protected related objects:": (
        "No se puede borrar lo seleccionado (%(objects_name)s) sin borrar antes lo que aparece a continuación, "
        "que está protegido:"
    ),
    "Yes, I’m sure": "Sí, borrar",
    "No, take me back": "No, volver",
    "Delete multiple objects": "Borrar varios elementos",
    "Objects": "Lo que se borraría",
    # The "+", pencil, eye and cross beside a related field, and the inlines' "add a row" link.
    "Add another %(model)s": "Agregar %(model)s",
    "Change selected %(model)s": "Modificar la opción elegida (%(model)s)",
    "View selected %(model)s": "Ver la opción elegida (%(model)s)",
    "Delete selected %(model)s": "Borrar la opción elegida (%(model)s)",
    "Add another %(verbose_name)s": "Agregar fila: %(verbose_name)s",
    # The list's selection counter and its "select all".
    "0 of %(cnt)s selected": "Selección: 0 de %(cnt)s",
    ("%(total_count)s selected", "All %(total_count)s selected"): (
        "Selección: %(total_count)s",
        "Selección: todo (%(total_count)s)",
    ),
    "Select all %(total_count)s %(module_name)s": "Seleccionar todo: %(total_count)s %(module_name)s",
    ("%(count)s %(name)s was changed successfully.", "%(count)s %(name)s were changed successfully."): (
        "Se guardaron los cambios: %(count)s %(name)s.",
        "Se guardaron los cambios: %(count)s %(name)s.",
    ),
    "Hold down “Control”, or “Command” on a Mac, to select more than one.": (
        "Para elegir más de una opción, mantenga presionada la tecla Control (Comando en Mac) al hacer clic."
    ),
}

JAVASCRIPT = {
    # Django's two-box selector (filter_horizontal): the field's name goes where %s is, whatever its gender.
    "Available %s": "Para elegir: %s",
    "Chosen %s": "Su selección: %s",
    'Choose %s by selecting them and then select the "Choose" arrow button.': (
        "Marque las opciones y pulse la flecha «Elegir»."
    ),
    'Remove %s by selecting them and then select the "Remove" arrow button.': (
        "Marque las opciones y pulse la flecha «Quitar»."
    ),
    "Type into this box to filter down the list of available %s.": "Escriba aquí para buscar entre las opciones.",
    "Type into this box to filter down the list of selected %s.": "Escriba aquí para buscar en su selección.",
    "Choose all %s": "Elegir todas las opciones",
    "Choose selected %s": "Elegir las opciones marcadas",
    "Remove selected %s": "Quitar las opciones marcadas",
    "Remove all %s": "Quitar todas las opciones",
    "Filter": "Buscar",
    ("%(sel)s of %(cnt)s selected", "%(sel)s of %(cnt)s selected"): (
        "Selección: %(sel)s de %(cnt)s",
        "Selección: %(sel)s de %(cnt)s",
    ),
    # django-prose-editor: its dialogs (translated by the package with gettext)…
    "Image URL": "Dirección de la imagen",
    "Alternative Text": "Texto alternativo",
    "Caption": "Pie de foto",
    "Add caption": "Agregar pie de foto",
    "Remove caption": "Quitar pie de foto",
    "Edit Figure": "Editar imagen",
    "Insert Figure": "Insertar imagen",
    "Edit Image": "Editar imagen",
    "Browse...": "Buscar…",
    "Update": "Actualizar",
    "Insert": "Insertar",
    "The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.": (
        "El código HTML del texto. Solo se conservan las etiquetas que el editor permite."
    ),
    "Edit HTML": "Editar el HTML",
    "Prettify": "Ordenar el código",
    "URL": "Dirección (URL)",
    "Title": "Título",
    "Open in new window": "Abrir en una ventana nueva",
    "Edit Link": "Editar el enlace",
    "List properties": "Propiedades de la lista",
    "Toggle fullscreen": "Pantalla completa",
    "Bullets": "Viñetas",
    "Decimal numbers": "Números",
    "Lowercase letters": "Letras minúsculas",
    "Uppercase letters": "Letras mayúsculas",
    "Lowercase Roman numerals": "Números romanos en minúscula",
    "Uppercase Roman numerals": "Números romanos en mayúscula",
    "Start at": "Empezar en",
    "List type": "Tipo de lista",
    "Rows": "Filas",
    "Columns": "Columnas",
    "Include header row": "Con fila de encabezados",
    "Table Properties": "Propiedades de la tabla",
    "Insert Table": "Insertar tabla",
    "Cancel": "Cancelar",
    # … and its toolbar, which it writes without gettext (static/js/editor-es.js passes it through the catalog).
    "paragraph": "Párrafo",
    "Paragraph": "Párrafo",
    "Heading 1": "Título principal",
    "Heading 2": "Título de sección",
    "Heading 3": "Subtítulo",
    "Heading 4": "Subtítulo menor",
    "bold": "Negrita",
    "italic": "Cursiva",
    "underline": "Subrayado",
    "strike": "Tachado",
    "subscript": "Subíndice",
    "superscript": "Superíndice",
    "unordered list": "Lista con viñetas",
    "ordered list": "Lista numerada",
    "blockquote": "Cita",
    "horizontal rule": "Línea horizontal",
    "insert link": "Insertar enlace",
    "remove link": "Quitar enlace",
    "undo": "Deshacer",
    "redo": "Rehacer",
    "figure": "Imagen",
    "edit HTML": "Editar el HTML",
    "Code": "Código",
    "Code block": "Bloque de código",
    "Insert table": "Insertar tabla",
    "Merge cells": "Unir celdas",
    "Split cell": "Dividir la celda",
    "Add column": "Agregar columna",
    "Add row": "Agregar fila",
    "Delete column": "Borrar columna",
    "Delete row": "Borrar fila",
    "Toggle header cell": "Celda de encabezado (sí o no)",
}


def _cadena(texto):
    return '"' + texto.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _entrada(msgid, msgstr):
    """One catalog entry; a (singular, plural) key takes a (singular, plural) translation."""
    if isinstance(msgid, tuple):
        return (
            f"msgid {_cadena(msgid[0])}\nmsgid_plural {_cadena(msgid[1])}\n"
            f"msgstr[0] {_cadena(msgstr[0])}\nmsgstr[1] {_cadena(msgstr[1])}\n"
        )
    return f"msgid {_cadena(msgid)}\nmsgstr {_cadena(msgstr)}\n"


def escribir(nombre, tabla):
    po = CARPETA / f"{nombre}.po"
    entradas = [CABECERA] + [_entrada(k, v) for k, v in tabla.items()]
    po.write_text("\n".join(entradas), encoding="utf-8")
    msgfmt = shutil.which("msgfmt") or "/usr/bin/msgfmt"
    subprocess.run([msgfmt, "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True)  # noqa: S603 (our own files)


if __name__ == "__main__":
    CARPETA.mkdir(parents=True, exist_ok=True)
    escribir("django", DJANGO)
    escribir("djangojs", JAVASCRIPT)
