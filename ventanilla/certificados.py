"""Verifiable certificates: the code, the PDF (made in the background worker) and what the public may see.

The verification code is a "código seguro de verificación": 16 random characters of Crockford's base32 (80
bits; no I, L, O, U, so nothing reads as another character) plus one check character (Crockford's mod-37
symbol), shown as ``XXXX-XXXX-XXXX-XXXX-C``. It is looked up, not computed: authenticity comes from the
municipality's own record (the code exists, the PDF's SHA-256 matches, it was not revoked), which
/verificar/ shows. The PDF is PDF/A-2B with its fonts embedded (DejaVu Sans, vendored in ventanilla/fuentes),
so it stays readable for as long as archives keep it.
"""

import hashlib
import io
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from portal.templatetags.portal_tags import fecha

from . import correos

ALFABETO = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Crockford's check symbols: the 32 digits plus five more, for the value modulo 37.
SIMBOLOS_DE_CONTROL = ALFABETO + "*~$=U"
LARGO = 16
FUENTES = Path(__file__).parent / "fuentes"
# Look-alikes a person may type for a character of the alphabet.
_EQUIVALENTES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _control(cuerpo):
    valor = 0
    for caracter in cuerpo:
        valor = valor * 32 + ALFABETO.index(caracter)
    return SIMBOLOS_DE_CONTROL[valor % 37]


def nuevo_codigo():
    cuerpo = "".join(secrets.choice(ALFABETO) for _ in range(LARGO))
    return cuerpo + _control(cuerpo)


def normalizar(texto):
    """The stored form of a code typed by a person (any case, dashes, spaces, O for 0), or "" if its check
    character does not match (a typo is caught before any lookup)."""
    limpio = "".join(c for c in (texto or "").upper() if c.isalnum() or c in "*~$=").translate(_EQUIVALENTES)
    if len(limpio) != LARGO + 1 or any(c not in ALFABETO for c in limpio[:LARGO]):
        return ""
    return limpio if _control(limpio[:LARGO]) == limpio[LARGO] else ""


def legible(codigo):
    return "-".join([codigo[i : i + 4] for i in range(0, LARGO, 4)] + [codigo[LARGO:]])


def enmascarar_nombre(nombre):
    """«Rosa Elena Chávez» → «R*** E**** C*****»: enough to recognise, not enough to learn."""
    return " ".join(p[0] + "*" * (len(p) - 1) for p in nombre.split() if p)


def enmascarar_documento(tipo, numero):
    digitos = "".join(c for c in numero if c.isalnum())
    if len(digitos) <= 4:
        return f"{tipo} ****"
    return f"{tipo} {'*' * (len(digitos) - 4)}{digitos[-4:]}"


def url_de_verificacion(certificado):
    return settings.URL_DEL_SITIO.rstrip("/") + reverse("ventanilla:verificar_codigo", args=[certificado.codigo])


@transaction.atomic
def certificado_expedir(*, radicado, plantilla, usuario=None, ahora=None):
    """Issue a certificate for a radicado: the record with its code now, the PDF by the worker (``generar``)."""
    from .models import Actuacion, Certificado

    ahora = ahora or timezone.now()
    certificado = Certificado.objects.create(
        radicado=radicado,
        plantilla=plantilla,
        codigo=nuevo_codigo(),
        titulo=plantilla.titulo,
        titular_enmascarado=enmascarar_nombre(radicado.nombre) if radicado.nombre else "—",
        documento_enmascarado=enmascarar_documento(radicado.tipo_documento, radicado.numero_documento)
        if radicado.numero_documento
        else "—",
        emitido_en=ahora,
        valido_hasta=timezone.localdate(ahora) + timedelta(days=plantilla.vigencia_dias),
        emitido_por=usuario,
    )
    Actuacion.objects.create(
        radicado=radicado,
        clase=Actuacion.Clase.RESPUESTA,
        texto=f"Se expidió {plantilla.titulo.lower()} con código de verificación {certificado.codigo_legible}.",
        usuario=usuario,
        fecha=ahora,
    )
    certificado_generar.enqueue(certificado.pk)
    return certificado


@task
def certificado_generar(certificado_id):
    """Make the PDF of an issued certificate, store it with its SHA-256 and hand it to the petitioner. Safe to
    run twice: a certificate that has its PDF is left alone."""
    from .models import Adjunto, Certificado

    with transaction.atomic():
        certificado = (
            Certificado.objects.select_for_update().select_related("radicado", "plantilla").get(pk=certificado_id)
        )
        if certificado.listo:
            return
        contenido = firmar(pdf(certificado))
        certificado.sha256 = hashlib.sha256(contenido).hexdigest()
        nombre = f"certificado-{certificado.radicado.numero}-{certificado.codigo[:4]}.pdf"
        certificado.archivo.save(nombre, ContentFile(contenido), save=False)
        certificado.save(update_fields=["archivo", "sha256"])
        Adjunto.objects.create(
            radicado=certificado.radicado, archivo=certificado.archivo.name, nombre=nombre, del_peticionario=False
        )
        correos.certificado_listo(certificado)


def _texto(certificado):
    from portal.models import Municipio

    radicado = certificado.radicado
    datos = {
        "nombre": radicado.nombre,
        "tipo_documento": radicado.tipo_documento,
        "documento": radicado.numero_documento,
        "direccion": radicado.direccion,
        "radicado": radicado.numero,
        "fecha": fecha(timezone.localtime(certificado.emitido_en).date()),
        "valido_hasta": fecha(certificado.valido_hasta),
    }
    return Municipio.objects.actual(), certificado.plantilla.texto.format(**datos)


def pdf(certificado):
    """The PDF bytes: letterhead with the municipality's identity, the text, the date, the validity, and a
    verification box with the QR code to /verificar/<código>/."""
    import segno
    from fpdf import FPDF

    municipio, texto = _texto(certificado)
    documento = FPDF(format="Letter", enforce_compliance="PDF/A-2B")
    documento.set_title(certificado.titulo)
    documento.set_author(municipio.entidad)
    documento.set_lang("es-CO")
    documento.set_creation_date(certificado.emitido_en)
    documento.add_font("DejaVu", "", FUENTES / "DejaVuSans.ttf")
    documento.add_font("DejaVu", "B", FUENTES / "DejaVuSans-Bold.ttf")
    documento.set_margins(25, 25, 25)
    documento.add_page()
    documento.set_font("DejaVu", "B", 13)
    documento.cell(0, 7, municipio.entidad, align="C", new_x="LMARGIN", new_y="NEXT")
    documento.set_font("DejaVu", "", 10)
    lugar = f"{municipio.nombre}, {municipio.departamento}"
    documento.cell(
        0, 6, lugar + (f" · NIT {municipio.nit}" if municipio.nit else ""), align="C", new_x="LMARGIN", new_y="NEXT"
    )
    documento.ln(14)
    documento.set_font("DejaVu", "B", 15)
    documento.cell(0, 9, certificado.titulo.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    documento.ln(10)
    documento.set_font("DejaVu", "", 11.5)
    for parrafo in [p.strip() for p in texto.split("\n\n") if p.strip()]:
        documento.multi_cell(0, 6.5, " ".join(parrafo.split()), align="J", new_x="LMARGIN", new_y="NEXT")
        documento.ln(4)
    documento.ln(18)
    documento.set_font("DejaVu", "B", 11)
    documento.cell(0, 6, certificado.plantilla.firma_cargo, align="C", new_x="LMARGIN", new_y="NEXT")
    documento.set_font("DejaVu", "", 10)
    documento.cell(0, 6, municipio.entidad, align="C", new_x="LMARGIN", new_y="NEXT")

    # The verification box at the foot of the page.
    url = url_de_verificacion(certificado)
    qr = io.BytesIO()
    segno.make(url, error="m").save(qr, kind="png", scale=6, border=1)
    qr.seek(0)
    arriba = 225
    documento.set_draw_color(9, 67, 181)
    documento.rect(25, arriba, 166, 34)
    documento.image(qr, x=28, y=arriba + 2, w=30, h=30)
    documento.set_xy(62, arriba + 3)
    documento.set_font("DejaVu", "B", 10)
    documento.cell(0, 5, "Verifique este certificado", new_x="LMARGIN", new_y="NEXT")
    documento.set_x(62)
    documento.set_font("DejaVu", "", 9)
    vence = fecha(certificado.valido_hasta)
    documento.multi_cell(
        125,
        4.6,
        f"Código de verificación: {certificado.codigo_legible}\n"
        f"Válido hasta el {vence}. Escanee el código QR o ingrese el código en "
        f"{settings.URL_DEL_SITIO.rstrip('/')}{reverse('ventanilla:verificar')}",
    )
    return bytes(documento.output())


def firmar(contenido):
    """Sign the PDF with the municipality's certificate (PAdES, readable by any PDF reader) when one is
    configured: a PKCS#12 file in CERTIFICADOS_FIRMA_P12 and its password in CERTIFICADOS_FIRMA_CLAVE (from the
    environment, never in the repository). Without them the PDF goes unsigned: the verification code and the
    SHA-256 on /verificar/ still prove it. The signature is added incrementally, so the PDF/A stays PDF/A."""
    ruta = getattr(settings, "CERTIFICADOS_FIRMA_P12", "")
    if not ruta:
        return contenido
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    firmante = _firmante(ruta, settings.CERTIFICADOS_FIRMA_CLAVE)
    escritor = IncrementalPdfFileWriter(io.BytesIO(contenido))
    datos = signers.PdfSignatureMetadata(
        field_name="Firma",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason="Certificado expedido por la alcaldía",
        location=settings.URL_DEL_SITIO,
    )
    return signers.sign_pdf(escritor, datos, signer=firmante).getvalue()


_FIRMANTES = {}


def _firmante(ruta, clave):
    """The signer, loaded once per process (reading and decrypting the PKCS#12 costs more than signing)."""
    from pyhanko.sign import signers

    if (ruta, clave) not in _FIRMANTES:
        firmante = signers.SimpleSigner.load_pkcs12(pfx_file=ruta, passphrase=clave.encode() if clave else None)
        if firmante is None:
            raise ErrorDeFirma("No se pudo abrir el certificado de firma (CERTIFICADOS_FIRMA_P12): revise la clave.")
        # load_pkcs12 always builds a SimpleSigner; the subclass only changes how it signs.
        firmante.__class__ = _firmante_con_llave_en_memoria()
        _FIRMANTES[(ruta, clave)] = firmante
    return _FIRMANTES[(ruta, clave)]


class ErrorDeFirma(Exception):
    pass


def _firmante_con_llave_en_memoria():
    """pyHanko's SimpleSigner parses its private key again (with RSA's slow consistency checks) twice per
    signature: about 0,3 s. This one parses it once per process and signs RSA keys with it; other key types
    go the library's way."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.sign.general import get_pyca_cryptography_hash
    from pyhanko.sign.signers import SimpleSigner

    class FirmanteConLlaveEnMemoria(SimpleSigner):
        _llave = None

        def sign_raw(self, data, digest_algorithm):
            mecanismo = self.get_signature_mechanism_for_digest(digest_algorithm)
            if self._llave is None:
                self._llave = serialization.load_der_private_key(self.signing_key.dump(), password=None)
            if isinstance(self._llave, RSAPrivateKey) and mecanismo["algorithm"].native in (
                "rsassa_pkcs1v15",
                "sha256_rsa",
                "sha384_rsa",
                "sha512_rsa",
            ):
                return self._llave.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
            return super().sign_raw(data, digest_algorithm)

    return FirmanteConLlaveEnMemoria


def revocar(*, certificado, usuario, motivo):
    from django.core.exceptions import ValidationError

    from portal import auditoria

    if not motivo.strip():
        raise ValidationError("Escriba el motivo de la revocación: se muestra a quien lo verifique.")
    if certificado.revocado_en:
        raise ValidationError("El certificado ya estaba revocado.")
    certificado.revocado_en = timezone.now()
    certificado.motivo_revocacion = motivo.strip()[:250]
    certificado.save(update_fields=["revocado_en", "motivo_revocacion"])
    auditoria.cambio_registrar(
        usuario=usuario, objeto=certificado, accion="cambio", mensaje=f"Revocado: {certificado.motivo_revocacion}"
    )
