"""A PQRSD end to end in Chromium: a citizen files it from a phone, keeps the receipt, an official answers it
in the admin, and the citizen reads the answer by following the radicado. WCAG 2.1 AA on the public pages."""

import pytest

from portal import roles
from tests.portal.factories import crear_dependencia, crear_usuario
from ventanilla.models import Radicado

from .conftest import CONTRASENA, capturar, revisar_accesibilidad, sin_desplazamiento_horizontal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_peticion_de_punta_a_punta(live_server, telefono, escritorio):
    gobierno = crear_dependencia(nombre="Secretaría de Gobierno", slug="gobierno")
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno], username="ana")
    funcionario.is_staff = True
    funcionario.set_password(CONTRASENA)
    funcionario.save()

    # The citizen, on a phone: the link from the home page, then the form sent with a mistake first.
    telefono.goto(live_server.url + "/")
    telefono.get_by_role("link", name="Peticiones, quejas, reclamos, sugerencias y denuncias (PQRSD)").first.click()
    telefono.get_by_role("link", name="Presentar una PQRSD").click()
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []
    telefono.get_by_label("Petición de interés general o particular").check()
    telefono.get_by_label("Cuéntenos los hechos y qué pide").fill("El camino a la vereda Las Mesas está dañado.")
    telefono.get_by_label("Nombre completo o razón social").fill("Rosa Elena Chávez")
    telefono.get_by_label("Tipo de documento").select_option("CC")
    telefono.get_by_label("Número de documento").fill("1085123456")
    telefono.get_by_label("Correo electrónico", exact=True).fill("rosa@example.com")
    telefono.get_by_role("button", name="Enviar y recibir mi número de radicado").click()
    # Errors summarised at the top, focused, and nothing typed is lost.
    resumen = telefono.locator("#resumen-errores")
    assert resumen.is_visible() and "Asunto" in resumen.inner_text()
    assert telefono.evaluate("() => document.activeElement.id") == "resumen-errores"
    assert telefono.get_by_label("Cuéntenos los hechos y qué pide").input_value().startswith("El camino")
    assert revisar_accesibilidad(telefono) == []
    capturar(telefono, "pqrsd-errores-360")
    telefono.get_by_label("Asunto").fill("Arreglo del camino veredal")
    telefono.get_by_role("button", name="Enviar y recibir mi número de radicado").click()

    radicado = Radicado.objects.get()
    assert radicado.numero in telefono.locator("h1 + p + dl").inner_text()
    assert telefono.locator(".codigo").is_visible()
    assert revisar_accesibilidad(telefono) == []
    capturar(telefono, "pqrsd-constancia-360")

    # The official answers it in the admin.
    radicado.dependencia = gobierno
    radicado.save()
    escritorio.goto(live_server.url + "/admin/login/")
    escritorio.get_by_label("Nombre de usuario").fill("ana")
    escritorio.get_by_label("Contraseña").fill(CONTRASENA)
    escritorio.get_by_role("button", name="Iniciar sesión").click()
    escritorio.goto(live_server.url + "/admin/ventanilla/radicado/")
    escritorio.get_by_role("link", name=radicado.numero).click()
    escritorio.locator(".paso", has_text="Responder").locator("[contenteditable=true]").first.fill(
        "Arreglaremos el camino esta semana."
    )
    escritorio.get_by_role("button", name="Responder", exact=True).click()
    assert "Listo" in escritorio.locator(".messagelist").inner_text()
    capturar(escritorio, "pqrsd-expediente-1280")

    # The citizen follows the radicado with their e-mail and reads the answer.
    telefono.goto(live_server.url + "/pqrsd/consulta/")
    telefono.get_by_label("Número de radicado").fill(radicado.numero)
    telefono.get_by_label("Su correo electrónico o el código de consulta").fill("rosa@example.com")
    telefono.get_by_role("button", name="Consultar").click()
    assert "Arreglaremos el camino esta semana." in telefono.locator(".respuesta").inner_text()
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []
    capturar(telefono, "pqrsd-respuesta-360")
    radicado.refresh_from_db()
    assert radicado.notificada_en is not None
