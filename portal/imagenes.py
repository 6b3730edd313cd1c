"""Images that officials upload: validation, clean re-encoding and the responsive renditions the site serves."""

import contextlib
import io
import posixpath
import re
import warnings
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .archivos import tamanos_en_megas

FORMATOS_IMAGEN = {"JPEG", "PNG", "WEBP"}
TAMANO_MAXIMO_IMAGEN = 8 * 1024 * 1024
MAX_PIXELES = 40_000_000
ANCHOS = (480, 800, 1200)

ANCHO_MINIMO = 200
ANCHO_MAXIMO_ORIGINAL = 2400
FORMATOS_VARIANTE = ("webp", "jpg")

MENSAJE_NO_ES_IMAGEN = _("El archivo no es una imagen válida (use JPG, PNG o WebP).")
MENSAJE_DEMASIADOS_PIXELES = _(
    "La imagen tiene demasiados píxeles (el máximo es %(maximo)s millones). Redúzcala antes de subirla."
)

# Anything Pillow may raise on a hostile or truncated file; SyntaxError and struct errors come from parsers.
ERRORES_LECTURA = (UnidentifiedImageError, OSError, SyntaxError, ValueError, TypeError, IndexError, EOFError)


def validar_imagen(archivo):
    """Validator for image fields: JPEG, PNG or WebP, not too heavy, not too many pixels, wide enough."""
    tamano = archivo.size
    if not tamano:
        raise ValidationError(MENSAJE_NO_ES_IMAGEN, code="no_es_imagen")
    if tamano > TAMANO_MAXIMO_IMAGEN:
        raise ValidationError(
            _("La imagen pesa %(tamano)s MB; el máximo es %(maximo)s MB."),
            code="tamano",
            params=tamanos_en_megas(tamano, TAMANO_MAXIMO_IMAGEN),
        )
    try:
        ancho, alto = _comprobar(archivo)
    finally:
        archivo.seek(0)
    if ancho * alto > MAX_PIXELES:
        raise ValidationError(MENSAJE_DEMASIADOS_PIXELES, code="pixeles", params={"maximo": MAX_PIXELES // 10**6})
    if ancho < ANCHO_MINIMO:
        raise ValidationError(
            _("La imagen mide %(ancho)s píxeles de ancho; el mínimo es %(minimo)s píxeles."),
            code="ancho",
            params={"ancho": number_format(ancho, use_l10n=True), "minimo": ANCHO_MINIMO},
        )


def _comprobar(archivo):
    """Size of the image after checking it really decodes; raises ValidationError otherwise."""
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice it; a bomb must never get as far as decoding.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            archivo.seek(0)
            # Restricting the parsers keeps exotic decoders (EPS, PSD, ...) away from untrusted bytes.
            with Image.open(archivo, formats=sorted(FORMATOS_IMAGEN)) as img:
                formato, (ancho, alto) = img.format, img.size
                if formato not in FORMATOS_IMAGEN:
                    raise ValidationError(MENSAJE_NO_ES_IMAGEN, code="no_es_imagen")
                # The header alone tells the size; a bomb needs no further reading to be refused.
                if ancho * alto > MAX_PIXELES:
                    return ancho, alto
                img.verify()
            # verify() does not decode JPEG data; loading catches truncated files before re-encoding trips on them.
            archivo.seek(0)
            with Image.open(archivo, formats=[formato]) as img:
                img.draft("RGB", (max(1, ancho // 8), max(1, alto // 8)))
                img.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(
                MENSAJE_DEMASIADOS_PIXELES, code="pixeles", params={"maximo": MAX_PIXELES // 10**6}
            ) from None
        except ERRORES_LECTURA:
            raise ValidationError(MENSAJE_NO_ES_IMAGEN, code="no_es_imagen") from None
    return ancho, alto


def _tiene_transparencia(img):
    if img.mode in ("RGBA", "LA", "PA"):
        return img.getchannel("A").getextrema()[0] < 255
    return "transparency" in img.info


def _sin_metadatos(img):
    # Savers fall back to img.info for some chunks (PNG copies the ICC profile); EXIF may carry GPS.
    img.info = {}
    return img


def reencodificar(archivo):
    """A clean copy of an uploaded image: orientation applied, metadata gone, at most 2400 px wide, JPEG or PNG."""
    archivo.seek(0)
    try:
        with Image.open(archivo) as fuente:
            img = ImageOps.exif_transpose(fuente)
    finally:
        archivo.seek(0)
    transparente = _tiene_transparencia(img)
    img = img.convert("RGBA" if transparente else "RGB")
    if img.width > ANCHO_MAXIMO_ORIGINAL:
        alto = max(1, round(img.height * ANCHO_MAXIMO_ORIGINAL / img.width))
        img = img.resize((ANCHO_MAXIMO_ORIGINAL, alto), Image.Resampling.LANCZOS, reducing_gap=3.0)
    img = _sin_metadatos(img)
    salida = io.BytesIO()
    if transparente:
        img.save(salida, "PNG", optimize=True)
        ext = "png"
    else:
        img.save(salida, "JPEG", quality=85, progressive=True, optimize=True)
        ext = "jpg"
    nombre = PurePosixPath(str(archivo.name or "").replace("\\", "/")).name
    stem = nombre.rsplit(".", 1)[0] if "." in nombre else nombre
    return ContentFile(salida.getvalue(), name=f"{slugify(stem)[:80].strip('-_') or 'imagen'}.{ext}")


def nombre_variante(nombre, ancho, formato):
    """Storage name of one rendition of ``nombre``: ``<dir>/variantes/<stem>-<ancho>.<formato>``."""
    if formato not in FORMATOS_VARIANTE:
        raise ValueError(f"formato de variante desconocido: {formato!r}")
    carpeta, base = posixpath.split(nombre)
    stem = posixpath.splitext(base)[0]
    return posixpath.join(carpeta, "variantes", f"{stem}-{int(ancho)}.{formato}")


def _sobre_blanco(img):
    # JPEG has no alpha; transparent logos get the page's white instead of black.
    if img.mode != "RGBA":
        return img.convert("RGB")
    fondo = Image.new("RGB", img.size, (255, 255, 255))
    fondo.paste(img, mask=img.getchannel("A"))
    return fondo


def _guardar(storage, nombre, img, formato, **opciones):
    salida = io.BytesIO()
    img.save(salida, formato, **opciones)
    # Storages pick a fresh name when one is taken; renditions must keep the predictable one.
    if storage.exists(nombre):
        storage.delete(nombre)
    guardado = storage.save(nombre, ContentFile(salida.getvalue()))
    if guardado != nombre:
        raise RuntimeError(f"el almacenamiento guardó {guardado!r} en vez de {nombre!r}")


def generar_variantes(nombre, storage=default_storage):
    """Write the WebP and JPEG renditions of a stored original; returns what the ``imagen_responsiva`` tag needs."""
    with storage.open(nombre, "rb") as archivo, Image.open(archivo) as fuente:
        img = ImageOps.exif_transpose(fuente)
    img = img.convert("RGBA" if _tiene_transparencia(img) else "RGB")
    img = _sin_metadatos(img)
    ancho, alto = img.size
    # Never upscale: a small original gets a single rendition at its own width.
    anchos = [a for a in ANCHOS if a <= ancho] or [min(ANCHOS[0], ancho)]
    for destino in anchos:
        if destino < ancho:
            copia = img.resize((destino, max(1, round(alto * destino / ancho))), Image.Resampling.LANCZOS)
        else:
            copia = img
        copia = _sin_metadatos(copia)
        _guardar(storage, nombre_variante(nombre, destino, "webp"), copia, "WEBP", quality=80, method=4)
        _guardar(
            storage,
            nombre_variante(nombre, destino, "jpg"),
            _sin_metadatos(_sobre_blanco(copia)),
            "JPEG",
            quality=82,
            progressive=True,
            optimize=True,
        )
    return {"ancho": ancho, "alto": alto, "variantes": sorted(anchos)}


def borrar_variantes(nombre, storage=default_storage):
    """Delete every rendition of ``nombre`` (including sizes no longer in ``ANCHOS``); missing ones are fine."""
    carpeta, base = posixpath.split(nombre)
    carpeta_variantes = posixpath.join(carpeta, "variantes")
    patron = re.compile(re.escape(posixpath.splitext(base)[0]) + r"-\d+\.(?:webp|jpg)")
    try:
        _, archivos = storage.listdir(carpeta_variantes)
        candidatos = [posixpath.join(carpeta_variantes, a) for a in archivos if patron.fullmatch(a)]
    except (FileNotFoundError, NotImplementedError):
        candidatos = [nombre_variante(nombre, a, f) for a in ANCHOS for f in FORMATOS_VARIANTE]
    for candidato in candidatos:
        with contextlib.suppress(FileNotFoundError):
            storage.delete(candidato)
