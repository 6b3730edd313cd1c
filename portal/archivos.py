"""Checks for documents that officials upload (transparency menu): type, size and real content."""

import re
import uuid
import zipfile
import zlib
from decimal import Decimal
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

EXTENSIONES_DOCUMENTO = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "csv": "text/csv",
}

TAMANO_MAXIMO_DOCUMENTO = 20 * 1024 * 1024

# Declared sizes are only read from the central directory, never decompressed, so this check is cheap.
MAXIMO_DESCOMPRIMIDO = 200 * 1024 * 1024
MAXIMO_ENTRADAS_ZIP = 10_000

MEGABYTE = 1024 * 1024

FIRMA_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")

DESCRIPCIONES = {
    "pdf": _("un PDF"),
    "doc": _("un documento de Word (DOC)"),
    "docx": _("un documento de Word (DOCX)"),
    "xls": _("una hoja de cálculo de Excel (XLS)"),
    "xlsx": _("una hoja de cálculo de Excel (XLSX)"),
    "ppt": _("una presentación de PowerPoint (PPT)"),
    "pptx": _("una presentación de PowerPoint (PPTX)"),
    "odt": _("un documento de texto OpenDocument (ODT)"),
    "ods": _("una hoja de cálculo OpenDocument (ODS)"),
    "odp": _("una presentación OpenDocument (ODP)"),
    "csv": _("un archivo de texto CSV"),
}

CARPETAS_OOXML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}

MIMETYPES_ODF = {ext: EXTENSIONES_DOCUMENTO[ext].encode("ascii") for ext in ("odt", "ods", "odp")}

# C0 control bytes never appear in a text CSV (UTF-8 multibyte sequences only use bytes >= 0x80);
# tab, LF, CR, form feed and the old DOS end-of-file marker (0x1A) are tolerated.
CONTROL_BINARIO = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")

BLOQUE_CSV = 64 * 1024


class _ContenidoSospechoso(Exception):
    """The file might be the right type but is too risky to accept (e.g. a ZIP bomb)."""


def megas(n_bytes, hacia_arriba=False):
    """A size in MB as written in Colombia: ``12,3``, ``20``."""
    # Integer arithmetic: floats would turn exactly 12,3 MB into 12,2999.
    decimas = -(-n_bytes * 10 // MEGABYTE) if hacia_arriba else (n_bytes * 20 // MEGABYTE + 1) // 2
    if decimas % 10 == 0:
        return number_format(decimas // 10, use_l10n=True)
    return number_format(Decimal(decimas) / 10, decimal_pos=1, use_l10n=True)


def tamanos_en_megas(tamano, maximo):
    """``tamano`` and ``maximo`` for an "it weighs X MB; the limit is Y MB" message."""
    texto_maximo = megas(maximo)
    texto = megas(tamano)
    if texto == texto_maximo:
        # 20 MB plus a few bytes must not read "pesa 20 MB; el máximo es 20 MB".
        texto = megas(tamano, hacia_arriba=True)
    return {"tamano": texto, "maximo": texto_maximo}


def extension(nombre):
    """The lowercased extension of a file name, without the dot."""
    return PurePosixPath(str(nombre).replace("\\", "/")).suffix.lower().lstrip(".")


def tipo_mime(nombre):
    """MIME type to serve a stored document with, chosen by its extension."""
    return EXTENSIONES_DOCUMENTO.get(extension(nombre), "application/octet-stream")


def _ruta_segura(carpeta, filename, por_defecto):
    """A random prefix plus a slug, so the uploaded name cannot choose the path nor collide with another."""
    nombre = PurePosixPath(str(filename).replace("\\", "/")).name
    stem = nombre.rsplit(".", 1)[0] if "." in nombre else nombre
    slug = slugify(stem)[:60].strip("-_") or por_defecto
    ext = re.sub(r"[^a-z0-9]", "", extension(nombre))
    ahora = timezone.localtime(timezone.now())
    final = f"{uuid.uuid4().hex[:12]}-{slug}" + (f".{ext}" if ext else "")
    return f"{carpeta}/{ahora:%Y}/{ahora:%m}/{final}"


def ruta_documento(instance, filename):
    """``upload_to`` for documents."""
    return _ruta_segura("documentos", filename, "documento")


def ruta_archivo_publico(instance, filename):
    """``upload_to`` for files that are public as soon as they are uploaded (ficha forms, institutional
    documents), served by the web server like images; workflow documents stay in ``documentos/``."""
    return _ruta_segura("archivos", filename, "archivo")


def ruta_identidad(instance, filename):
    """``upload_to`` for the coat of arms: a new name for every upload, so browsers may keep it for a year."""
    return _ruta_segura("identidad", filename, "escudo")


def ruta_imagen(instance, filename):
    """``upload_to`` for images: the random prefix also keeps renditions of same-named images apart."""
    return _ruta_segura("imagenes", filename, "imagen")


def validar_documento(archivo):
    """Validator for document fields: allowed extension, size and content that matches the extension."""
    ext = extension(archivo.name)
    if ext not in EXTENSIONES_DOCUMENTO:
        raise ValidationError(
            _("No se permiten archivos de tipo «%(ext)s». Tipos permitidos: %(permitidos)s."),
            code="extension",
            params={
                "ext": ext.upper() or _("sin extensión"),
                "permitidos": ", ".join(e.upper() for e in EXTENSIONES_DOCUMENTO),
            },
        )
    tamano = archivo.size
    if not tamano:
        raise ValidationError(_("El archivo está vacío. Súbalo de nuevo."), code="vacio")
    if tamano > TAMANO_MAXIMO_DOCUMENTO:
        raise ValidationError(
            _("El archivo pesa %(tamano)s MB; el máximo es %(maximo)s MB."),
            code="tamano",
            params=tamanos_en_megas(tamano, TAMANO_MAXIMO_DOCUMENTO),
        )
    try:
        archivo.seek(0)
        coincide = _contenido_coincide(archivo, ext)
    except _ContenidoSospechoso:
        raise ValidationError(
            _(
                "El archivo está comprimido y al abrirlo ocuparía más de %(maximo)s MB; no se puede aceptar. "
                "Guárdelo de nuevo desde su programa de oficina y vuelva a subirlo."
            ),
            code="zip_bomba",
            params={"maximo": megas(MAXIMO_DESCOMPRIMIDO)},
        ) from None
    finally:
        archivo.seek(0)
    if not coincide:
        raise ValidationError(
            _("El archivo dice ser %(ext)s pero su contenido no es %(tipo)s. Súbalo de nuevo en el formato correcto."),
            code="contenido",
            params={"ext": ext.upper(), "tipo": DESCRIPCIONES[ext]},
        )


def _contenido_coincide(archivo, ext):
    if ext == "pdf":
        return archivo.read(5) == b"%PDF-"
    if ext in ("doc", "xls", "ppt"):
        return archivo.read(len(FIRMA_OLE2)) == FIRMA_OLE2
    if ext == "csv":
        return _es_texto(archivo)
    return _zip_coincide(archivo, ext)


def _zip_coincide(archivo, ext):
    # zipfile accepts ZIPs with junk in front (e.g. an .exe with a ZIP appended); Office files start with PK.
    if archivo.read(4) != b"PK\x03\x04":
        return False
    archivo.seek(0)
    try:
        with zipfile.ZipFile(archivo) as zf:
            entradas = zf.infolist()
            if len(entradas) > MAXIMO_ENTRADAS_ZIP or sum(e.file_size for e in entradas) > MAXIMO_DESCOMPRIMIDO:
                raise _ContenidoSospechoso
            if ext in CARPETAS_OOXML:
                nombres = {e.filename for e in entradas}
                carpeta = CARPETAS_OOXML[ext]
                return "[Content_Types].xml" in nombres and any(n.startswith(carpeta) for n in nombres)
            if not entradas or entradas[0].filename != "mimetype":
                return False
            with zf.open(entradas[0]) as mimetype:
                return mimetype.read(100).strip() == MIMETYPES_ODF[ext]
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, zlib.error):
        # Unsupported compression, encrypted entries or a truncated archive: not something we can vouch for.
        return False


def _es_texto(archivo):
    # Every byte string decodes as Latin-1 (Excel in Spanish saves CSV as Windows-1252), so once that fallback
    # is allowed the telling sign of a binary file is control bytes, which text in either encoding never has.
    while bloque := archivo.read(BLOQUE_CSV):
        if CONTROL_BINARIO.search(bloque):
            return False
    return True
