"""An online trámite end to end in Chromium, from a phone: the request from the ficha, a correction asked and
uploaded, the approval with a certificate, the PDF downloaded and its QR's verification page."""

from pathlib import Path

import pytest
from PIL import Image

from portal import roles
from portal.tareas import ejecutar_pendientes
from tests.fichas.test_fichas import crear_tramite
from tests.portal.factories import crear_dependencia, crear_usuario
from tramites.models import RequisitoTramite
from ventanilla import services
from ventanilla.certificados import certificado_expedir
from ventanilla.models import Certificado, PlantillaCertificado, Radicado

from .conftest import capturar, revisar_accesibilidad, sin_desplazamiento_horizontal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _foto(ruta):
    Image.new("RGB", (400, 300), (40, 90, 160)).save(ruta, "JPEG")
    return str(ruta)


def test_certificado_de_residencia_desde_el_celular(live_server, telefono, tmp_path, settings):
    settings.URL_DEL_SITIO = live_server.url
    gobierno = crear_dependencia(nombre="Secretaría de Gobierno", slug="gobierno")
    tramite = crear_tramite(
        nombre="Certificado de residencia",
        slug="certificado-de-residencia",
        solicitud_en_linea=True,
        canal="total",
        preguntas_solicitud="Dirección donde vive *",
        dependencia=gobierno,
    )
    RequisitoTramite.objects.create(
        ficha=tramite, momento="solicitud", tipo="condicion", descripcion="Vivir en el municipio"
    )
    plantilla = PlantillaCertificado.objects.create(
        nombre="Certificado de residencia",
        titulo="Certificado de residencia",
        texto="Que {nombre} reside en {direccion}.",
    )
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno], is_staff=True)

    telefono.goto(live_server.url + "/tramites/certificado-de-residencia/")
    telefono.get_by_role("link", name="Solicitar en línea").click()
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []
    telefono.get_by_label("Dirección donde vive").fill("Vereda Las Mesas, finca El Mirador")
    telefono.get_by_label("Cédula de ciudadanía").set_input_files(_foto(tmp_path / "cedula.jpg"))
    telefono.get_by_label("Declaro que cumplo: Vivir en el municipio").check()
    telefono.get_by_label("Nombre completo o razón social").fill("Carlos Arturo Meneses")
    telefono.get_by_label("Tipo de documento").select_option("CC")
    telefono.get_by_label("Número de documento").fill("1085300333")
    telefono.get_by_label("Correo electrónico", exact=True).fill("carlos@example.com")
    telefono.get_by_label("Dirección para recibir correspondencia").fill("Vereda Las Mesas")
    telefono.get_by_role("button", name="Enviar la solicitud").click()
    radicado = Radicado.objects.get()
    assert radicado.numero in telefono.content() and telefono.locator(".codigo").is_visible()
    capturar(telefono, "tramite-constancia-360")

    # The official asks for a legible document; the applicant uploads it from the follow-up page.
    services.radicado_pedir_completar(radicado=radicado, usuario=funcionario, que_falta="La cédula no se lee.")
    telefono.get_by_role("link", name="Ver el estado de mi solicitud").click()
    assert "Requiere subsanar" in telefono.content() and "La cédula no se lee." in telefono.content()
    telefono.get_by_label("Lo que le pidieron").fill("Envío la cédula con mejor luz.")
    telefono.get_by_label("Documentos o fotos (opcional)").set_input_files(_foto(tmp_path / "cedula-2.jpg"))
    telefono.get_by_role("button", name="Enviar la información").click()
    assert "En revisión" in telefono.content()

    # Approved with a certificate made by the worker; the applicant downloads the PDF and checks its QR page.
    radicado.refresh_from_db()
    services.radicado_responder(
        radicado=radicado,
        usuario=funcionario,
        respuesta="<p>Aprobada: su certificado va adjunto.</p>",
        decision="aprobada",
    )
    certificado_expedir(radicado=radicado, plantilla=plantilla, usuario=funcionario)
    ejecutar_pendientes()
    certificado = Certificado.objects.get()
    telefono.reload()
    assert "Emitida" in telefono.content() and revisar_accesibilidad(telefono) == []
    capturar(telefono, "tramite-emitida-360")
    with telefono.expect_download() as descarga:
        telefono.get_by_role("link", name=f"certificado-{radicado.numero}").click()
    contenido = Path(descarga.value.path()).read_bytes()
    assert contenido.startswith(b"%PDF-")
    import hashlib

    assert hashlib.sha256(contenido).hexdigest() == certificado.sha256
    telefono.goto(live_server.url + f"/verificar/{certificado.codigo}/")  # the address in the QR code
    assert "Certificado auténtico y vigente" in telefono.content() and "C***** A***** M******" in telefono.content()
    assert sin_desplazamiento_horizontal(telefono) and revisar_accesibilidad(telefono) == []
    capturar(telefono, "tramite-verificacion-360")
