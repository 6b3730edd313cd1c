"""Admin login protection: lockout per (user name, address) pair and per address, a Spanish explanation, unlocking."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.portal.factories import crear_usuario

pytestmark = pytest.mark.django_db

CLAVE = "Clave-de-prueba-123"


def intentar(client, usuario, clave, ip="203.0.113.7"):
    return client.post(
        reverse("admin:login"), {"username": usuario, "password": clave, "next": "/admin/"}, REMOTE_ADDR=ip
    )


def test_bloqueo_del_par_usuario_y_direccion_y_desbloqueo(client):
    crear_usuario(username="tesorera")
    for _ in range(4):
        assert intentar(client, "tesorera", "equivocada").status_code == 200
    assert intentar(client, "tesorera", "equivocada").status_code == 429  # the fifth failure locks the pair
    bloqueado = intentar(client, "tesorera", CLAVE)  # even the right password, from that address
    assert bloqueado.status_code == 429
    assert "Demasiados intentos fallidos" in bloqueado.content.decode()

    call_command("axes_reset_username", "tesorera", verbosity=0)
    assert intentar(client, "tesorera", CLAVE).status_code == 302


def test_nadie_bloquea_una_cuenta_ajena_desde_otra_direccion(client):
    crear_usuario(username="comite2")
    for _ in range(8):
        intentar(client, "comite2", "equivocada", ip="203.0.113.66")
    assert intentar(client, "comite2", CLAVE, ip="198.51.100.9").status_code == 302


def test_bloqueo_de_la_direccion_que_prueba_muchos_usuarios(client, settings):
    crear_usuario(username="secretario")
    for i in range(settings.AXES_LIMITE_POR_DIRECCION - 1):
        # Each user name far below the pair's limit, the address below its own: still answered.
        assert intentar(client, f"inventado{i}", "x", ip="192.0.2.50").status_code == 200
    assert intentar(client, "otro-inventado", "x", ip="192.0.2.50").status_code == 429
    assert intentar(client, "secretario", CLAVE, ip="192.0.2.50").status_code == 429
    assert intentar(client, "secretario", CLAVE, ip="192.0.2.51").status_code == 302


def test_ingresar_con_la_propia_cuenta_no_borra_los_fallos_de_otras(client):
    crear_usuario(username="funcionaria")
    crear_usuario(username="alcalde")
    for _ in range(4):
        intentar(client, "alcalde", "equivocada")
    assert intentar(client, "funcionaria", CLAVE).status_code == 302
    client.logout()
    assert intentar(client, "alcalde", "equivocada").status_code == 429


def test_contrasenas_debiles_rechazadas():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    usuario = crear_usuario(username="tesorera2026")
    for debil in ["12345678901", "password123", "tesorera2026", "corta"]:
        with pytest.raises(ValidationError):
            validate_password(debil, user=usuario)


@pytest.mark.parametrize("siguiente", ["https://evil.example/", "//evil.example/", "/gelt/"])
def test_ingresar_con_next_a_otro_sitio_lleva_a_la_administracion(client, siguiente):
    crear_usuario(username="directora")
    respuesta = client.post(
        reverse("admin:login") + f"?next={siguiente}",
        {"username": "directora", "password": CLAVE, "next": siguiente},
        REMOTE_ADDR="203.0.113.20",
    )
    esperado = siguiente if siguiente == "/gelt/" else reverse("admin:index")
    assert respuesta.status_code == 302 and respuesta["Location"] == esperado
