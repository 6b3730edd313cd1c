"""What a petitioner may attach: PDF and photos (JPG, PNG), checked by their content, with stated limits."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.archivos import extension, tamanos_en_megas, validar_documento
from portal.imagenes import _comprobar

MAXIMO_ADJUNTOS = 5
TAMANO_MAXIMO_ADJUNTO = 10 * 1024 * 1024
EXTENSIONES = {"pdf", "jpg", "jpeg", "png"}
TEXTO_LIMITES = _("Hasta 5 archivos PDF, JPG o PNG de máximo 10 MB cada uno.")


TIPOS_MIME = {"pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png"}


def tipo_adjunto(nombre):
    return TIPOS_MIME.get(extension(nombre), "application/octet-stream")


def validar_adjunto(archivo):
    ext = extension(archivo.name)
    if ext not in EXTENSIONES:
        raise ValidationError(
            _("No se reciben archivos «%(ext)s»: envíe PDF, JPG o PNG (una foto del documento sirve)."),
            params={"ext": ext.upper() or _("sin extensión")},
        )
    if archivo.size > TAMANO_MAXIMO_ADJUNTO:
        raise ValidationError(
            _("pesa %(tamano)s MB; el máximo es %(maximo)s MB."),
            params=tamanos_en_megas(archivo.size, TAMANO_MAXIMO_ADJUNTO),
        )
    if ext == "pdf":
        validar_documento(archivo)
        return
    # Photos: the portal's image check (real JPEG/PNG that decodes, not a pixel bomb).
    try:
        _comprobar(archivo)
    finally:
        archivo.seek(0)
