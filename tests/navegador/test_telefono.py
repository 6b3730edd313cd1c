"""On a phone (360 × 640): public tables show every column without sliding, and search results start within
the first screen (the header is the brand, «Menú» and one search box, not the whole menu)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PANTALLA = {"width": 360, "height": 640}


@pytest.fixture
def celular(navegador):
    contexto = navegador.new_context(viewport=PANTALLA, locale="es-CO")
    yield contexto.new_page()
    contexto.close()


@pytest.mark.parametrize("ruta", ["/atencion/", "/directorio/"])
def test_las_tablas_publicas_caben_en_el_telefono(live_server, demo, celular, ruta):
    celular.goto(live_server.url + ruta)
    tabla = celular.locator("table.tabla").first
    expect(tabla).to_be_visible()
    # Nothing of the table lies beyond the screen's right edge: phone and e-mail are there to read.
    fuera = celular.evaluate(
        """() => [...document.querySelectorAll('table.tabla td, table.tabla th')]
            .filter(c => c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().right > innerWidth + 1)
            .map(c => c.textContent.trim())"""
    )
    assert fuera == []
    etiquetas = celular.evaluate(
        """() => [...document.querySelector('table.tabla tbody tr').querySelectorAll('td')]
            .map(c => getComputedStyle(c, '::before').content)"""
    )
    assert any("Correo" in e for e in etiquetas) and any("Teléfono" in e for e in etiquetas)


def test_los_resultados_empiezan_en_la_primera_pantalla(live_server, demo, celular):
    celular.goto(live_server.url + "/buscar/?q=residencia")
    primero = celular.locator(".resultados li").first
    expect(primero).to_be_visible()
    assert primero.bounding_box()["y"] < PANTALLA["height"]
    assert celular.locator("form[role=search]").count() == 1  # one search box on the search page


def test_el_menu_se_abre_desde_el_encabezado(live_server, demo, celular):
    celular.goto(live_server.url + "/")
    menu = celular.get_by_role("navigation", name="Menú principal")
    expect(menu).to_be_hidden()
    celular.get_by_role("link", name="Menú", exact=True).click()
    expect(menu.get_by_role("link", name="Noticias")).to_be_visible()
