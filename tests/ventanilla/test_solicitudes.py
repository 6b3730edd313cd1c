"""Online requests of trámites built from the ficha: the form, the radicado with the ficha's term, payment,
correction (subsanar), approval with a certificate, rejection with its remedies, and the dashboard."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from PIL import Image

from portal.fichas.models import Canal
from portal.tareas import ejecutar_pendientes
from tests.fichas.test_fichas import crear_tramite
from tests.portal.factories import crear_dependencia, crear_usuario
from tramites.models import RequisitoTramite, Tramite
from ventanilla import certificados, services
from ventanilla.models import Estado, PlantillaCertificado, Radicado, Tipo
from ventanilla.solicitudes import SolicitudForm

pytestmark = pytest.mark.django_db
BOGOTA = ZoneInfo("America/Bogota")


def _foto(nombre):
    salida = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 90, 40)).save(salida, "JPEG")
    salida.seek(0)
    salida.name = nombre
    return salida


@pytest.fixture
def residencia():
    tramite = crear_tramite(
        nombre="Certificado de residencia",
        slug="certificado-de-residencia",
        solicitud_en_linea=True,
        preguntas_solicitud="Dirección donde vive *\n¿Para qué lo necesita?",
        tiempo_cantidad=3,
        dependencia=crear_dependencia(nombre="Gobierno", slug="gobierno"),
    )
    RequisitoTramite.objects.create(
        ficha=tramite, momento="solicitud", tipo="condicion", descripcion="Vivir en el municipio"
    )
    return tramite


DATOS = {
    "pregunta_1": "Vereda Las Mesas, finca El Mirador",
    "tipo_persona": "natural",
    "nombre": "Carlos Arturo Meneses",
    "tipo_documento": "CC",
    "numero_documento": "1085300333",
    "correo": "carlos@example.com",
    "notificacion_electronica": "on",
}


def _datos(tramite):
    requisitos = {r.descripcion: f"requisito_{r.pk}" for r in tramite.requisitos.all()}
    return {
        **DATOS,
        requisitos["Cédula de ciudadanía"]: [_foto("cedula.jpg")],
        requisitos["Vivir en el municipio"]: "on",
    }


def test_el_formulario_sale_de_la_ficha_y_un_requisito_nuevo_aparece(residencia):
    form = SolicitudForm(ficha=residencia)
    etiquetas = [str(campo.label) for campo in form]
    assert "Cédula de ciudadanía" in etiquetas and "Dirección donde vive" in etiquetas
    assert "Declaro que cumplo: Vivir en el municipio" in etiquetas
    RequisitoTramite.objects.create(ficha=residencia, momento="solicitud", descripcion="Recibo de un servicio público")
    RequisitoTramite.objects.create(ficha=residencia, momento="resultado", descripcion="Recoger en la oficina")
    etiquetas = [str(campo.label) for campo in SolicitudForm(ficha=Tramite.objects.get(pk=residencia.pk))]
    assert "Recibo de un servicio público" in etiquetas and "Recoger en la oficina" not in etiquetas


def test_solo_las_fichas_marcadas_se_piden_en_linea(client, residencia):
    otra = crear_tramite()
    assert client.get(reverse("tramites:solicitar", args=[otra.slug])).status_code == 404
    pagina = client.get(reverse("tramites:detalle", args=[residencia.slug])).content.decode()
    assert reverse("tramites:solicitar", args=[residencia.slug]) in pagina and "Solicitar en línea" in pagina


def test_marcarla_en_linea_la_vuelve_totalmente_en_linea_y_cuenta_como_automatizada(residencia):
    import tramites.metrics

    ficha = crear_tramite()
    antes = tramites.metrics.metricas().automatizadas
    ficha.solicitud_en_linea = True
    ficha.full_clean()
    ficha.save()
    assert ficha.canal == Canal.TOTAL and ficha.url_en_linea.endswith(f"/tramites/{ficha.slug}/solicitar/")
    assert tramites.metrics.metricas().automatizadas == antes + 1


def test_solicitar_crea_un_radicado_con_el_termino_de_la_ficha(client, residencia):
    respuesta = client.post(reverse("tramites:solicitar", args=[residencia.slug]), _datos(residencia))
    radicado = Radicado.objects.get()
    assert respuesta["Location"].endswith(f"/pqrsd/constancia/{radicado.numero}/")
    assert radicado.tipo == Tipo.TRAMITE and radicado.ficha_nombre == "Certificado de residencia"
    assert radicado.dependencia == residencia.dependencia and radicado.dias_termino == 3
    assert "Vereda Las Mesas" in radicado.descripcion and radicado.adjuntos.count() == 1
    assert radicado.estado_publico == "Radicada"


def test_falta_un_requisito_obligatorio_y_se_conserva_lo_escrito(client, residencia):
    datos = _datos(residencia)
    datos = {k: v for k, v in datos.items() if not isinstance(v, list)}
    html = client.post(reverse("tramites:solicitar", args=[residencia.slug]), datos).content.decode()
    assert "Adjunte este documento" in html and "Vereda Las Mesas, finca El Mirador" in html
    assert not Radicado.objects.exists()


def test_con_costo_da_referencia_de_pago_y_el_funcionario_registra_el_pago(client):
    tramite = crear_tramite(
        solicitud_en_linea=True, costo_tipo="valor", costo_valor=16000, costo_donde_pagar="Banco Agrario, cuenta 123"
    )
    datos = {**DATOS, f"requisito_{tramite.requisitos.get().pk}": [_foto("cedula.jpg")]}
    respuesta = client.post(reverse("tramites:solicitar", args=[tramite.slug]), datos)
    constancia = client.get(respuesta["Location"]).content.decode()
    radicado = Radicado.objects.get()
    assert "$ 16.000" in constancia and "Banco Agrario, cuenta 123" in constancia and radicado.numero in constancia
    assert radicado.pendiente_de_pago
    services.radicado_registrar_pago(radicado=radicado, usuario=None, detalle="Banco Agrario, recibo 998")
    radicado.refresh_from_db()
    assert not radicado.pendiente_de_pago


def test_subsanar_aprobar_y_emitir_el_certificado(client, residencia):
    client.post(reverse("tramites:solicitar", args=[residencia.slug]), _datos(residencia))
    radicado = Radicado.objects.get()
    services.radicado_pedir_completar(radicado=radicado, usuario=None, que_falta="La cédula no se lee")
    radicado.refresh_from_db()
    assert radicado.estado_publico == "Requiere subsanar"
    url = reverse("ventanilla:detalle", args=[radicado.numero])
    client.post(url, {"texto": "Va de nuevo", "adjuntos": [_foto("cedula-legible.jpg")]})
    radicado.refresh_from_db()
    assert radicado.estado_publico == "En revisión" and radicado.vence is not None
    services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>Aprobada</p>", decision="aprobada")
    plantilla = PlantillaCertificado.objects.create(
        nombre="Residencia", titulo="Certificado de residencia", texto="Que {nombre} reside aquí."
    )
    certificados.certificado_expedir(radicado=radicado, plantilla=plantilla)
    ejecutar_pendientes()
    radicado.refresh_from_db()
    assert radicado.estado_publico == "Emitida"
    pagina = client.get(url).content.decode()
    assert "Emitida" in pagina and "certificado-" in pagina  # the PDF among the files to download


def test_una_solicitud_de_tramite_exige_decision_y_el_rechazo_explica_los_recursos(client, residencia):
    from django.core.exceptions import ValidationError

    client.post(reverse("tramites:solicitar", args=[residencia.slug]), _datos(residencia))
    radicado = Radicado.objects.get()
    with pytest.raises(ValidationError):
        services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>No</p>")
    services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>No vive aquí</p>", decision="rechazada")
    pagina = client.get(reverse("ventanilla:detalle", args=[radicado.numero])).content.decode()
    assert "Rechazada" in pagina and "recurso de reposición" in pagina


def test_otra_persona_y_otra_dependencia_no_ven_los_documentos(client, residencia):
    from portal import roles

    client.post(reverse("tramites:solicitar", args=[residencia.slug]), _datos(residencia))
    radicado = Radicado.objects.get()
    adjunto = radicado.adjuntos.get()
    otra_persona = client.__class__()
    assert otra_persona.get(reverse("ventanilla:adjunto", args=[radicado.numero, adjunto.pk])).status_code == 404
    hacienda = crear_dependencia(nombre="Hacienda", slug="hacienda")
    ajeno = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[hacienda], is_staff=True)
    otra_persona.force_login(ajeno)
    url = reverse("admin:ventanilla_radicado_adjunto", args=[radicado.pk, adjunto.pk])
    assert otra_persona.get(url).status_code == 404


def test_termino_en_dias_calendario_de_la_ficha():
    from ventanilla.solicitudes import termino_de_la_ficha

    tramite = crear_tramite(tiempo_tipo="calendario", tiempo_cantidad=10)
    dias, calendario, fundamento = termino_de_la_ficha(tramite)
    radicado, _ = services.radicado_crear(
        tipo=Tipo.TRAMITE,
        asunto="x",
        descripcion="y",
        persona={"nombre": "A", "correo": "a@example.com"},
        dias_termino=dias,
        dias_calendario=calendario,
        fundamento_termino=fundamento,
        ahora=datetime(2026, 11, 28, 9, tzinfo=BOGOTA),
    )
    assert radicado.vence == date(2026, 12, 9)  # 8 Dec (holiday) moves to the next business day
    assert radicado.estado == Estado.RADICADA


def test_el_expediente_propone_la_plantilla_de_la_ficha(client, residencia):
    from portal import roles

    client.post(reverse("tramites:solicitar", args=[residencia.slug]), _datos(residencia))
    radicado = Radicado.objects.get()
    PlantillaCertificado.objects.create(nombre="Otra", titulo="Otra", texto="{nombre}")
    propia = PlantillaCertificado.objects.create(
        nombre="Residencia (la de la ficha)",
        titulo="Certificado de residencia",
        texto="{nombre}",
        ficha=f"tramites.tramite:{residencia.pk}",
    )
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[residencia.dependencia], is_staff=True)
    client.force_login(funcionario)
    pagina = client.get(reverse("admin:ventanilla_radicado_change", args=[radicado.pk])).content.decode()
    assert f'<option value="{propia.pk}" selected>' in pagina


def test_con_la_base_caida_la_solicitud_vuelve_llena(client, residencia):
    from unittest import mock

    from django.db import OperationalError

    client.raise_request_exception = False
    datos = {k: v for k, v in _datos(residencia).items() if not isinstance(v, list)}
    with mock.patch("ventanilla.limites.agotado", side_effect=OperationalError("caída")):
        respuesta = client.post(reverse("tramites:solicitar", args=[residencia.slug]), datos)
    html = respuesta.content.decode()
    assert respuesta.status_code == 503 and "Vereda Las Mesas, finca El Mirador" in html
    assert f'action="/tramites/{residencia.slug}/solicitar/"' in html
