"""The officials' inbox: who sees what, and the steps from the radicado's page."""

import pytest
from django.urls import reverse

from portal import roles
from tests.portal.factories import crear_dependencia, crear_usuario
from ventanilla.models import Canal, Estado, Radicado

from .factories import PERSONA, radicar

pytestmark = pytest.mark.django_db


@pytest.fixture
def dependencias():
    return crear_dependencia(nombre="Gobierno", slug="gobierno"), crear_dependencia(nombre="Hacienda", slug="hacienda")


def _staff(grupo, dependencias=()):
    usuario = crear_usuario(grupo=grupo, dependencias=dependencias)
    usuario.is_staff = True
    usuario.save()
    return usuario


def test_el_funcionario_ve_solo_lo_de_su_dependencia(client, dependencias):
    gobierno, hacienda = dependencias
    propio, _ = radicar(dependencia=gobierno, asunto="Asunto de gobierno")
    ajeno, _ = radicar(dependencia=hacienda, asunto="Asunto de hacienda")
    client.force_login(_staff(roles.FUNCIONARIO, [gobierno]))
    lista = client.get(reverse("admin:ventanilla_radicado_changelist")).content.decode()
    assert propio.numero in lista and ajeno.numero not in lista
    assert client.get(reverse("admin:ventanilla_radicado_change", args=[ajeno.pk])).status_code == 404
    assert client.get(reverse("admin:ventanilla_radicado_change", args=[propio.pk])).status_code == 200


def test_el_comite_ve_todo_y_las_vencidas_primero(client, dependencias):
    from datetime import timedelta

    from django.utils import timezone

    gobierno, hacienda = dependencias
    reciente, _ = radicar(dependencia=gobierno)
    vieja, _ = radicar(dependencia=hacienda, ahora=timezone.now() - timedelta(days=60))
    client.force_login(_staff(roles.COMITE))
    lista = client.get(reverse("admin:ventanilla_radicado_changelist")).content.decode()
    assert lista.index(vieja.numero) < lista.index(reciente.numero)
    assert "Vencida" in lista


def test_responder_desde_el_expediente_y_lo_escrito_se_conserva_si_falta_algo(client, dependencias):
    gobierno, _ = dependencias
    radicado, _ = radicar(dependencia=gobierno)
    client.force_login(_staff(roles.FUNCIONARIO, [gobierno]))
    url = reverse("admin:ventanilla_radicado_change", args=[radicado.pk])
    pagina = client.get(url).content.decode()
    assert PERSONA["nombre"] in pagina  # the officials who answer see the person
    sin_fundamento = client.post(
        url,
        {"paso": "responder", "responder-respuesta": "<p>Texto de la respuesta</p>", "responder-acceso_negado": "on"},
    )
    assert sin_fundamento.status_code == 400 and "Texto de la respuesta" in sin_fundamento.content.decode()
    assert (
        client.post(url, {"paso": "responder", "responder-respuesta": "<p>Texto de la respuesta</p>"}).status_code
        == 302
    )
    radicado.refresh_from_db()
    assert radicado.estado == Estado.RESPONDIDA


def test_un_funcionario_no_responde_lo_ajeno(client, dependencias):
    gobierno, hacienda = dependencias
    ajeno, _ = radicar(dependencia=hacienda)
    client.force_login(_staff(roles.FUNCIONARIO, [gobierno]))
    url = reverse("admin:ventanilla_radicado_change", args=[ajeno.pk])
    assert client.post(url, {"paso": "responder", "responder-respuesta": "<p>x</p>"}).status_code == 404
    ajeno.refresh_from_db()
    assert ajeno.estado != Estado.RESPONDIDA


def test_archivos_del_radicado_solo_para_quien_lo_ve(client, dependencias):
    from django.core.files.base import ContentFile

    gobierno, hacienda = dependencias
    radicado, _ = radicar(dependencia=hacienda, archivos=[("doc.pdf", ContentFile(b"%PDF-1.4 x", name="doc.pdf"))])
    adjunto = radicado.adjuntos.get()
    url = reverse("admin:ventanilla_radicado_adjunto", args=[radicado.pk, adjunto.pk])
    client.force_login(_staff(roles.FUNCIONARIO, [gobierno]))
    assert client.get(url).status_code == 404
    client.force_login(_staff(roles.FUNCIONARIO, [hacienda]))
    assert client.get(url).status_code == 200


def test_registrar_una_peticion_verbal_con_el_mismo_radicado_y_termino(client, dependencias):
    client.force_login(_staff(roles.FUNCIONARIO, [dependencias[0]]))
    respuesta = client.post(
        reverse("admin:ventanilla_radicado_add"),
        {
            "canal": Canal.VERBAL,
            "tipo": "peticion",
            "asunto": "Pide visita",
            "descripcion": "La señora pide una visita a su predio.",
            "tipo_persona": "natural",
            "nombre": "María Ortiz",
            "tipo_documento": "CC",
            "numero_documento": "27123456",
            "direccion": "Vereda Aponte",
        },
        follow=True,
    )
    radicado = Radicado.objects.get()
    assert radicado.canal == Canal.VERBAL and radicado.vence is not None
    assert "código de consulta" in respuesta.content.decode()


def test_nadie_borra_un_radicado(client, dependencias):
    radicado, _ = radicar(dependencia=dependencias[0])
    admin = crear_usuario(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(reverse("admin:ventanilla_radicado_delete", args=[radicado.pk])).status_code == 403
