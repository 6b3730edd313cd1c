"""Verifiable certificates: the code, the PDF made by the worker, and the public verification page."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.tareas import ejecutar_pendientes
from ventanilla import certificados, firma_de_prueba
from ventanilla.models import Certificado, PlantillaCertificado

from .factories import PERSONA, radicar

pytestmark = pytest.mark.django_db


@pytest.fixture
def plantilla():
    return PlantillaCertificado.objects.create(
        nombre="Residencia",
        titulo="Certificado de residencia",
        texto="Que {nombre}, con {tipo_documento} {documento}, reside en {direccion}.\n\n"
        "Válido hasta el {valido_hasta}.",
        vigencia_dias=180,
    )


@pytest.fixture
def expedido(plantilla):
    radicado, _ = radicar(persona={**PERSONA, "direccion": "Vereda Las Mesas"})
    certificado = certificados.certificado_expedir(radicado=radicado, plantilla=plantilla)
    ejecutar_pendientes()
    certificado.refresh_from_db()
    return certificado


def test_el_codigo_es_aleatorio_con_caracter_de_control_y_sin_caracteres_parecidos():
    codigos = {certificados.nuevo_codigo() for _ in range(200)}
    assert len(codigos) == 200
    for codigo in codigos:
        assert len(codigo) == 17 and not set(codigo[:16]) & set("ILOU")
        assert certificados.normalizar(certificados.legible(codigo).lower()) == codigo
    codigo = next(iter(codigos))
    cambiado = ("1" if codigo[3] != "1" else "2").join([codigo[:3], codigo[4:]])
    assert certificados.normalizar(cambiado) == ""  # one wrong character: the check symbol catches it


def test_o_mayuscula_se_lee_como_cero():
    codigo = "0" * 16
    codigo += certificados._control(codigo)
    assert certificados.normalizar("OOOO-OOOO-OOOO-OOOO-" + codigo[-1]) == codigo


def test_el_trabajador_genera_un_pdf_a_con_el_codigo_y_su_huella(expedido):
    contenido = expedido.archivo.read()
    assert contenido.startswith(b"%PDF-") and b"pdfaid:part" in contenido  # PDF/A metadata
    import hashlib

    assert hashlib.sha256(contenido).hexdigest() == expedido.sha256
    assert expedido.radicado.adjuntos.filter(del_peticionario=False).exists()  # the petitioner downloads it
    assert expedido.estado() == "vigente"
    assert expedido.titular_enmascarado == "R*** E**** C*****" and expedido.documento_enmascarado == "CC ******3456"


def test_generar_dos_veces_no_cambia_el_pdf(expedido):
    huella = expedido.sha256
    certificados.certificado_generar.call(expedido.pk)
    expedido.refresh_from_db()
    assert expedido.sha256 == huella and expedido.radicado.adjuntos.count() == 1


def test_pagina_de_verificacion_vigente_con_datos_enmascarados(client, expedido):
    pagina = client.get(reverse("ventanilla:verificar_codigo", args=[expedido.codigo]))
    html = pagina.content.decode()
    assert pagina.status_code == 200 and "auténtico y vigente" in html
    assert "R*** E**** C*****" in html and PERSONA["nombre"] not in html and PERSONA["numero_documento"] not in html


def test_verificacion_vencida_revocada_y_desconocida(client, expedido):
    url = reverse("ventanilla:verificar_codigo", args=[expedido.codigo])
    Certificado.objects.filter(pk=expedido.pk).update(valido_hasta=timezone.localdate() - timedelta(days=1))
    assert "vencido" in client.get(url).content.decode()
    with pytest.raises(ValidationError):
        certificados.revocar(certificado=expedido, usuario=None, motivo=" ")
    certificados.revocar(certificado=expedido, usuario=None, motivo="Datos de residencia falsos")
    html = client.get(url).content.decode()
    assert "Certificado revocado" in html and "Datos de residencia falsos" in html
    desconocido = client.get(reverse("ventanilla:verificar_codigo", args=["ZZZZZZZZZZZZZZZZ0"]))
    assert desconocido.status_code == 404 and "no es auténtico" in desconocido.content.decode()


def test_subir_el_pdf_identico_o_alterado(client, expedido):
    contenido = expedido.archivo.read()
    identico = io.BytesIO(contenido)
    identico.name = "certificado.pdf"
    respuesta = client.post(reverse("ventanilla:verificar"), {"archivo": identico})
    assert respuesta["Location"].endswith(f"/verificar/{expedido.codigo}/")
    alterado = io.BytesIO(contenido.replace(b"Vereda", b"Verede", 1) if b"Vereda" in contenido else contenido + b"\n")
    alterado.name = "certificado.pdf"
    html = client.post(reverse("ventanilla:verificar"), {"archivo": alterado}).content.decode()
    assert "no es un certificado expedido por la alcaldía" in html


def test_codigo_mal_escrito_se_explica_y_se_conserva(client):
    respuesta = client.post(reverse("ventanilla:verificar"), {"codigo": "ABCD-1234"})
    html = respuesta.content.decode()
    assert "no es válido" in html and 'value="ABCD-1234"' in html


def test_verificaciones_fallidas_limitadas_por_conexion(client, settings):
    settings.VERIFICACIONES_FALLIDAS_POR_CLIENTE = 2
    for _ in range(2):
        client.get(reverse("ventanilla:verificar_codigo", args=["ZZZZZZZZZZZZZZZZ0"]))
    assert client.get(reverse("ventanilla:verificar_codigo", args=["ZZZZZZZZZZZZZZZZ0"])).status_code == 429


def test_la_plantilla_rechaza_campos_desconocidos():
    plantilla = PlantillaCertificado(nombre="X", titulo="X", texto="Hola {nombre} {cedula}")
    with pytest.raises(ValidationError) as error:
        plantilla.full_clean()
    assert "cedula" in str(error.value)


def test_expedir_desde_el_expediente_y_revocar_en_la_administracion(client, plantilla):
    from portal import roles
    from tests.portal.factories import crear_dependencia, crear_usuario

    gobierno = crear_dependencia(nombre="Gobierno", slug="gobierno")
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno], is_staff=True)
    radicado, _ = radicar(dependencia=gobierno)
    client.force_login(funcionario)
    url = reverse("admin:ventanilla_radicado_change", args=[radicado.pk])
    assert client.post(url, {"paso": "certificado", "certificado-plantilla": plantilla.pk}).status_code == 302
    certificado = Certificado.objects.get()
    ejecutar_pendientes()
    certificado.refresh_from_db()
    assert certificado.listo
    revocar = reverse("admin:ventanilla_certificado_change", args=[certificado.pk])
    assert client.post(revocar, {"motivo": "Expedido por error"}).status_code == 302
    certificado.refresh_from_db()
    assert certificado.estado() == "revocado"


def test_la_pagina_de_verificacion_se_guarda_en_cache_y_la_revocacion_se_ve_enseguida(client, settings, expedido):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.CACHE_PAGINAS_SEGUNDOS = 300
    url = reverse("ventanilla:verificar_codigo", args=[expedido.codigo])
    assert "auténtico y vigente" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as consultas:
        assert "auténtico y vigente" in client.get(url).content.decode()
    assert not any("ventanilla_certificado" in c["sql"] for c in consultas.captured_queries)  # from the cache
    certificados.revocar(certificado=expedido, usuario=None, motivo="Expedido por error")
    assert "Certificado revocado" in client.get(url).content.decode()


def test_una_pagina_guardada_no_pasa_del_dia_en_que_vence_el_certificado(expedido):
    from datetime import datetime, time

    from portal import registro

    momentos = [f(timezone.now()) for f in registro.momentos_de_cambio()]
    fin_del_dia = timezone.make_aware(datetime.combine(expedido.valido_hasta + timedelta(days=1), time.min))
    assert fin_del_dia in momentos


def test_con_certificado_de_firma_el_pdf_sale_firmado_pades(settings, tmp_path, plantilla):
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    ruta = tmp_path / "firma.p12"
    raiz = firma_de_prueba.crear(ruta, "clave-de-prueba")
    settings.CERTIFICADOS_FIRMA_P12 = str(ruta)
    settings.CERTIFICADOS_FIRMA_CLAVE = "clave-de-prueba"
    radicado, _ = radicar(persona={**PERSONA, "direccion": "Vereda Las Mesas"})
    certificado = certificados.certificado_expedir(radicado=radicado, plantilla=plantilla)
    ejecutar_pendientes()
    certificado.refresh_from_db()
    contenido = certificado.archivo.read()
    firma = PdfFileReader(io.BytesIO(contenido)).embedded_signatures[0]
    confianza = ValidationContext(trust_roots=[asn1_x509.Certificate.load(raiz.public_bytes(Encoding.DER))])
    estado = validate_pdf_signature(firma, confianza)
    assert estado.intact and estado.valid and estado.trusted
    import hashlib

    assert hashlib.sha256(contenido).hexdigest() == certificado.sha256  # the signed bytes are the issued ones


def test_sin_certificado_de_firma_el_pdf_no_lleva_firma(expedido):
    from pyhanko.pdf_utils.reader import PdfFileReader

    assert PdfFileReader(io.BytesIO(expedido.archivo.read())).embedded_signatures == []


def test_el_solicitante_recibe_el_aviso_de_su_certificado(plantilla, mailoutbox):
    radicado, _ = radicar(persona={**PERSONA, "direccion": "Vereda Las Mesas"})
    ejecutar_pendientes()
    mailoutbox.clear()
    certificado = certificados.certificado_expedir(radicado=radicado, plantilla=plantilla)
    ejecutar_pendientes()
    correo = next(m for m in mailoutbox if "certificado" in m.subject.lower())
    assert correo.to == [PERSONA["correo"]] and certificado.codigo in correo.body and "/pqrsd/r/" in correo.body
