"""Rendición de cuentas in Chromium: a citizen on a phone (360 px) finds the accountability process from the
Participa page, sends a question (a mistake first: the summary takes the focus and nothing typed is lost) and
gets their radicado and follow-up code; then follows it like any PQRSD. WCAG 2.1 AA on each page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participa.models import PreguntaRendicion, ProcesoRendicion, TemaRendicion
from tests.portal.factories import crear_dependencia
from ventanilla.models import Radicado, Tipo

from .conftest import capturar, revisar_accesibilidad, sin_desplazamiento_horizontal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_pregunta_de_rendicion_desde_el_telefono(live_server, telefono):
    hoy = timezone.localdate()
    proceso = ProcesoRendicion.objects.create(
        anio=hoy.year,
        titulo=f"Rendición de cuentas {hoy.year}",
        dependencia=crear_dependencia(nombre="Despacho del Alcalde", slug="despacho"),
        preguntas_abren=hoy - timedelta(days=2),
        preguntas_cierran=hoy + timedelta(days=20),
        audiencia=timezone.now() + timedelta(days=30),
        lugar="Coliseo municipal de Las Mesas",
        publicado=True,
    )
    for n, nombre in enumerate(["Vías y transporte", "Salud"]):
        TemaRendicion.objects.create(proceso=proceso, nombre=nombre, orden=n)

    telefono.goto(live_server.url + "/participa/")
    telefono.get_by_role("link", name="Rendición de cuentas").first.click()
    telefono.wait_for_load_state("load")
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []
    telefono.get_by_role("link", name="Enviar una pregunta").first.click()
    telefono.wait_for_load_state("load")  # the stylesheets, before measuring the width
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []

    telefono.get_by_label("Vías y transporte").check()
    telefono.get_by_label("Su pregunta").fill("¿Cuándo arreglan la vía a La Cueva?")
    telefono.get_by_label("Nombre completo").fill("Rosa Elena Chávez")
    telefono.get_by_label("Correo electrónico", exact=True).fill("rosa@")
    telefono.get_by_role("button", name="Enviar y recibir mi número de radicado").click()
    resumen = telefono.locator("#resumen-errores")
    assert resumen.is_visible() and "Correo electrónico" in resumen.inner_text()
    assert telefono.evaluate("() => document.activeElement.id") == "resumen-errores"
    assert telefono.get_by_label("Su pregunta").input_value() == "¿Cuándo arreglan la vía a La Cueva?"
    assert revisar_accesibilidad(telefono) == []
    capturar(telefono, "rendicion-errores-360")

    telefono.get_by_label("Correo electrónico", exact=True).fill("rosa@example.com")
    telefono.get_by_role("button", name="Enviar y recibir mi número de radicado").click()
    radicado = Radicado.objects.get()
    assert radicado.tipo == Tipo.PETICION and PreguntaRendicion.objects.get().radicado == radicado
    assert radicado.numero in telefono.locator("h1 + p + dl").inner_text()
    assert telefono.locator(".codigo").is_visible()
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []
    capturar(telefono, "rendicion-constancia-360")

    # Followed like any PQRSD, with the radicado and the e-mail.
    telefono.goto(live_server.url + "/pqrsd/consulta/")
    telefono.get_by_label("Número de radicado").fill(radicado.numero)
    telefono.get_by_label("Su correo electrónico o el código de consulta").fill("rosa@example.com")
    telefono.get_by_role("button", name="Consultar").click()
    assert "Rendición de cuentas" in telefono.content()
