"""Keyboard-only use with a visible focus, and every public page and form working with JavaScript off."""

import pytest
from playwright.sync_api import expect

from .test_accesibilidad import paginas_publicas

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def foco(pagina):
    """The focused element's text, whether it is on screen, and the outline it draws."""
    return pagina.evaluate(
        """() => {
            const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return {texto: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim(),
                    visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.top < innerHeight,
                    contorno: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
        }"""
    )


def test_solo_con_teclado(live_server, demo, telefono):
    pagina = telefono
    pagina.goto(live_server.url + "/")
    pagina.keyboard.press("Tab")
    primero = foco(pagina)
    assert primero["texto"] == "Saltar al contenido principal"
    assert primero["visible"] and primero["contorno"]
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("() => document.activeElement.id") == "contenido"

    # The main menu is reachable by Tab, in order, each link with a visible focus ring: on a phone through
    # the header's «Menú» link, which opens it.
    pagina.goto(live_server.url + "/")
    for _ in range(6):
        pagina.keyboard.press("Tab")
        if foco(pagina)["texto"] == "Menú":
            break
    assert foco(pagina)["texto"] == "Menú" and foco(pagina)["contorno"]
    pagina.keyboard.press("Enter")
    vistos = []
    for _ in range(12):
        pagina.keyboard.press("Tab")
        actual = foco(pagina)
        assert actual["contorno"], f"sin foco visible en «{actual['texto']}»"
        vistos.append(actual["texto"])
    for etiqueta in [
        "Inicio",
        "Transparencia y acceso a la información pública",
        "Atención y servicios a la ciudadanía",
    ]:
        assert etiqueta in vistos

    # A form by keyboard: the search box in the header.
    pagina.goto(live_server.url + "/tramites/")
    pagina.get_by_label("Buscar", exact=True).focus()
    pagina.keyboard.type("predial")
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_role("link", name="Impuesto predial unificado")).to_be_visible()
    expect(pagina.get_by_role("link", name="Certificado de residencia")).to_have_count(0)


def test_sin_javascript(live_server, demo, navegador):
    contexto = navegador.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780})
    pagina = contexto.new_page()
    for nombre, ruta in paginas_publicas().items():
        respuesta = pagina.goto(live_server.url + ruta)
        assert respuesta.status in (200, 404), nombre
        expect(pagina.locator("main h1")).to_be_visible()
    # Forms: header search, catalogue filters, news categories.
    pagina.goto(live_server.url + "/")
    pagina.locator("#buscador-q").fill("licencia construccion")
    pagina.locator("#buscador-q").press("Enter")
    expect(pagina.locator(".resultados")).to_contain_text("Licencia de construcción")
    pagina.goto(live_server.url + "/tramites/")
    pagina.select_option("#id_costo", "gratuito")
    pagina.get_by_role("button", name="Aplicar filtros").click()
    expect(pagina.locator(".ficha-item").first).to_contain_text("Gratuito")
    contexto.close()
