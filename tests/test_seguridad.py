"""Admin login protection: lockout per user and per client, a Spanish explanation, and the unlock command."""

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


def test_bloqueo_por_usuario_tras_cinco_fallos_y_desbloqueo(client):
    crear_usuario(username="tesorera")
    for _ in range(4):
        assert intentar(client, "tesorera", "equivocada").status_code == 200
    assert intentar(client, "tesorera", "equivocada").status_code == 429  # the fifth failure locks
    bloqueado = intentar(client, "tesorera", CLAVE, ip="198.51.100.9")  # even right, even from elsewhere
    assert bloqueado.status_code == 429
    assert "Demasiados intentos fallidos" in bloqueado.content.decode()

    call_command("axes_reset_username", "tesorera", verbosity=0)
    assert intentar(client, "tesorera", CLAVE).status_code == 302


def test_bloqueo_por_cliente_aunque_cambie_de_usuario(client):
    crear_usuario(username="secretario")
    for i in range(5):
        intentar(client, f"inventado{i}", "x", ip="192.0.2.50")
    assert intentar(client, "secretario", CLAVE, ip="192.0.2.50").status_code == 429
    assert intentar(client, "secretario", CLAVE, ip="192.0.2.51").status_code == 302


def test_contrasenas_debiles_rechazadas():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    usuario = crear_usuario(username="tesorera2026")
    for debil in ["12345678901", "password123", "tesorera2026", "corta"]:
        with pytest.raises(ValidationError):
            validate_password(debil, user=usuario)
