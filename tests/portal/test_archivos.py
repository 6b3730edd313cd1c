"""Documents for the transparency menu: only real office files and PDFs get in, whatever their name says."""

import io
import re
import zipfile
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile, FileField
from PIL import Image

from portal.archivos import (
    EXTENSIONES_DOCUMENTO,
    FIRMA_OLE2,
    TAMANO_MAXIMO_DOCUMENTO,
    ruta_documento,
    tipo_mime,
    validar_documento,
)

MB = 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
OLE2 = FIRMA_OLE2 + bytes(504)
CSV_UTF8 = "dependencia;presupuesto\nSecretaría de Hacienda;1.200.000\n".encode()
CSV_WINDOWS = "dependencia;presupuesto\nSecretaría de Planeación;500.000\n".encode("cp1252")


def ooxml(carpeta):
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("_rels/.rels", "<Relationships/>")
        zf.writestr(f"{carpeta}/documento.xml", "<documento/>")
    return salida.getvalue()


def odf(tipo):
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as zf:
        zf.writestr("mimetype", f"application/vnd.oasis.opendocument.{tipo}", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", "<office:document-content/>", compress_type=zipfile.ZIP_DEFLATED)
    return salida.getvalue()


def png():
    salida = io.BytesIO()
    Image.new("RGB", (10, 10), "red").save(salida, "PNG")
    return salida.getvalue()


def subido(nombre, contenido):
    return SimpleUploadedFile(nombre, contenido)


def mensaje(archivo):
    with pytest.raises(ValidationError) as error:
        validar_documento(archivo)
    return error.value.messages[0]


BUENOS = {
    "informe.pdf": PDF,
    "acta.doc": OLE2,
    "acta.docx": ooxml("word"),
    "presupuesto.xls": OLE2,
    "presupuesto.xlsx": ooxml("xl"),
    "rendicion.ppt": OLE2,
    "rendicion.pptx": ooxml("ppt"),
    "acta.odt": odf("text"),
    "presupuesto.ods": odf("spreadsheet"),
    "rendicion.odp": odf("presentation"),
    "contratos.csv": CSV_UTF8,
    "contratos-excel.csv": CSV_WINDOWS,
    "INFORME FINAL.PDF": PDF,
}


@pytest.mark.parametrize("nombre", BUENOS)
def test_acepta_cada_tipo_de_documento_real(nombre):
    archivo = subido(nombre, BUENOS[nombre])
    validar_documento(archivo)
    assert archivo.tell() == 0


def test_cubre_todas_las_extensiones_permitidas():
    probadas = {nombre.rsplit(".", 1)[1].lower() for nombre in BUENOS}
    assert probadas == set(EXTENSIONES_DOCUMENTO)


@pytest.mark.parametrize(
    ("nombre", "contenido", "esperado"),
    [
        (
            "foto.pdf",
            png(),
            "El archivo dice ser PDF pero su contenido no es un PDF. Súbalo de nuevo en el formato correcto.",
        ),
        (
            "programa.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200),
            "El archivo dice ser PDF pero su contenido no es un PDF. Súbalo de nuevo en el formato correcto.",
        ),
        (
            "acta.docx",
            PDF,
            "El archivo dice ser DOCX pero su contenido no es un documento de Word (DOCX). "
            "Súbalo de nuevo en el formato correcto.",
        ),
        (
            "acta.docx",
            ooxml("xl"),
            "El archivo dice ser DOCX pero su contenido no es un documento de Word (DOCX). "
            "Súbalo de nuevo en el formato correcto.",
        ),
        (
            "presupuesto.xlsx",
            odf("spreadsheet"),
            "El archivo dice ser XLSX pero su contenido no es una hoja de cálculo de Excel (XLSX). "
            "Súbalo de nuevo en el formato correcto.",
        ),
        (
            "presupuesto.ods",
            odf("text"),
            "El archivo dice ser ODS pero su contenido no es una hoja de cálculo OpenDocument (ODS). "
            "Súbalo de nuevo en el formato correcto.",
        ),
        (
            "acta.doc",
            PDF,
            "El archivo dice ser DOC pero su contenido no es un documento de Word (DOC). "
            "Súbalo de nuevo en el formato correcto.",
        ),
        (
            "contratos.csv",
            png(),
            "El archivo dice ser CSV pero su contenido no es un archivo de texto CSV. "
            "Súbalo de nuevo en el formato correcto.",
        ),
    ],
)
def test_rechaza_archivos_renombrados(nombre, contenido, esperado):
    archivo = subido(nombre, contenido)
    assert mensaje(archivo) == esperado
    assert archivo.tell() == 0


def test_rechaza_un_ejecutable_con_un_zip_de_office_pegado_al_final():
    archivo = subido("acta.docx", b"MZ\x90\x00" + bytes(300) + ooxml("word"))
    assert mensaje(archivo).startswith("El archivo dice ser DOCX pero su contenido no es")


def test_rechaza_un_zip_cortado():
    contenido = ooxml("word")
    assert "dice ser DOCX" in mensaje(subido("acta.docx", contenido[: len(contenido) // 2]))


def test_rechaza_un_csv_guardado_como_utf16():
    assert "dice ser CSV" in mensaje(subido("contratos.csv", "a;b\n1;2\n".encode("utf-16")))


def test_rechaza_un_opendocument_sin_mimetype_al_principio():
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as zf:
        zf.writestr("content.xml", "<x/>")
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert "dice ser ODT" in mensaje(subido("acta.odt", salida.getvalue()))


@pytest.mark.parametrize("nombre", ["virus.exe", "pagina.html", "logo.svg", "sin_extension", "nota.txt"])
def test_rechaza_extensiones_no_permitidas(nombre):
    texto = mensaje(subido(nombre, b"contenido cualquiera"))
    assert texto.startswith("No se permiten archivos de tipo «")
    assert "Tipos permitidos: PDF, DOC, DOCX, XLS, XLSX, PPT, PPTX, ODT, ODS, ODP, CSV." in texto


def test_nombra_la_extension_rechazada():
    assert mensaje(subido("virus.exe", b"MZ")).startswith("No se permiten archivos de tipo «EXE».")


def test_rechaza_un_archivo_vacio():
    assert mensaje(subido("informe.pdf", b"")) == "El archivo está vacío. Súbalo de nuevo."


def test_rechaza_un_archivo_demasiado_grande_con_el_peso_en_formato_colombiano():
    archivo = subido("informe.pdf", PDF + bytes(int(25.4 * MB) - len(PDF)))
    assert mensaje(archivo) == "El archivo pesa 25,4 MB; el máximo es 20 MB."


def test_un_poco_por_encima_del_limite_no_se_lee_igual_al_limite():
    archivo = subido("informe.pdf", PDF + bytes(TAMANO_MAXIMO_DOCUMENTO + 10 - len(PDF)))
    assert mensaje(archivo) == "El archivo pesa 20,1 MB; el máximo es 20 MB."


def test_justo_en_el_limite_se_acepta():
    validar_documento(subido("informe.pdf", PDF + bytes(TAMANO_MAXIMO_DOCUMENTO - len(PDF))))


def bomba():
    """A 30 KB docx that would take 210 MB once opened."""
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as entrada:
            ceros = bytes(MB)
            for _ in range(210):
                entrada.write(ceros)
    return salida.getvalue()


def test_rechaza_una_bomba_zip_sin_descomprimirla():
    contenido = bomba()
    assert len(contenido) < MB
    assert mensaje(subido("acta.docx", contenido)) == (
        "El archivo está comprimido y al abrirlo ocuparía más de 200 MB; no se puede aceptar. "
        "Guárdelo de nuevo desde su programa de oficina y vuelva a subirlo."
    )


def test_valida_un_archivo_ya_guardado_como_lo_hace_el_modelo():
    nombre = default_storage.save("documentos/acta.pdf", ContentFile(PDF))
    guardado = FieldFile(None, FileField(), nombre)
    validar_documento(guardado)
    falso = FieldFile(None, FileField(), default_storage.save("documentos/falso.pdf", ContentFile(png())))
    assert "dice ser PDF" in mensaje(falso)
    guardado.close()
    falso.close()


@pytest.mark.parametrize(
    ("nombre", "tipo"),
    [
        ("documentos/2025/03/abc-informe.pdf", "application/pdf"),
        ("ACTA.DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("presupuesto.ods", "application/vnd.oasis.opendocument.spreadsheet"),
        ("contratos.csv", "text/csv"),
        ("pagina.html", "application/octet-stream"),
        ("sin_extension", "application/octet-stream"),
    ],
)
def test_tipo_mime_por_extension(nombre, tipo):
    assert tipo_mime(nombre) == tipo


def test_ruta_documento_usa_fecha_prefijo_aleatorio_y_slug(monkeypatch):
    ahora = datetime(2025, 1, 1, 2, 0, tzinfo=ZoneInfo("UTC"))  # still December 31st in Colombia
    monkeypatch.setattr("django.utils.timezone.now", lambda: ahora)
    ruta = ruta_documento(None, "Informe de Gestión 2024 (versión final).PDF")
    assert re.fullmatch(r"documentos/2024/12/[0-9a-f]{12}-informe-de-gestion-2024-version-final\.pdf", ruta)
    assert ruta != ruta_documento(None, "Informe de Gestión 2024 (versión final).PDF")


@pytest.mark.parametrize(
    ("nombre", "final"),
    [
        ("../../etc/passwd.pdf", r"passwd\.pdf"),
        ("C:\\Users\\ana\\acta.docx", r"acta\.docx"),
        ("«».pdf", r"documento\.pdf"),
        ("x" * 200 + ".xlsx", "x" * 60 + r"\.xlsx"),
        ("<script>.p|df", r"script\.pdf"),
    ],
)
def test_ruta_documento_no_confia_en_el_nombre_subido(nombre, final):
    ruta = ruta_documento(None, nombre)
    assert re.fullmatch(r"documentos/\d{4}/\d{2}/[0-9a-f]{12}-" + final, ruta), ruta
