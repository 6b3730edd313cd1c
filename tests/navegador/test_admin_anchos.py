"""The back office fits its window (issue #16): at 1,280 px no admin list or form an official or the committee
uses is wider than the window; at 360 px the pages an official uses every day (Mi trabajo, the news list, the
news and trámite forms) scroll only up and down; the text editor opens tall and speaks Spanish."""

import pytest

from portal.models import Noticia
from tramites.models import Tramite

from .conftest import CONTRASENA, sin_desplazamiento_horizontal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ANCHO_DE_PAGINA = "() => document.documentElement.scrollWidth"
# The admin hides what overflows instead of scrolling: the boxes to type in that run past the window's edge.
CAMPOS_CORTADOS = """() => [...document.querySelectorAll('#content-main :is(input, textarea, select, .ProseMirror)')]
    .filter(e => e.getBoundingClientRect().width > 0 && !e.closest('.tabular, .results'))
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
    .map(e => e.name || e.className)"""


def _entrar(navegador, base, usuario, ancho):
    contexto = navegador.new_context(
        viewport={"width": ancho, "height": 900}, locale="es-CO", timezone_id="America/Bogota"
    )
    pagina = contexto.new_page()
    pagina.goto(f"{base}/admin/login/")
    pagina.fill("#id_username", usuario)
    pagina.fill("#id_password", CONTRASENA)
    pagina.click("input[type=submit]")
    pagina.wait_for_url(f"{base}/admin/")
    return pagina


def _paginas_del_menu(pagina):
    """Every list and add form the menu of «Mi trabajo» offers this user, plus the first item of each list."""
    return pagina.evaluate(
        """() => [...document.querySelectorAll('#content-main .app-list a, #content-main [class^=app-] a')]
            .map(a => a.getAttribute('href')).filter(h => h && h.startsWith('/admin/'))"""
    )


@pytest.mark.parametrize("usuario", ["funcionario", "comite"])
def test_ninguna_pagina_del_admin_es_mas_ancha_que_la_ventana(live_server, demo, navegador, usuario):
    base = live_server.url
    pagina = _entrar(navegador, base, usuario, 1280)
    rutas = sorted(set(_paginas_del_menu(pagina)))
    assert rutas, "el menú no ofrece nada"
    for ruta in list(rutas):
        if ruta.endswith("/") and not ruta.endswith("/add/"):
            pagina.goto(base + ruta)
            primero = pagina.locator("#result_list tbody th a").first
            if primero.count():
                rutas.append(primero.get_attribute("href"))
    anchas, cortadas = {}, {}
    for ruta in ["/admin/", *rutas]:
        pagina.goto(base + ruta)
        ancho = pagina.evaluate(ANCHO_DE_PAGINA)
        if ancho > 1281:
            anchas[ruta] = ancho
        # A list shows all its columns (the news list used to hide its date and dependencia to the right).
        oculto = pagina.evaluate(
            "() => { const r = document.querySelector('#changelist .results');"
            " return r ? r.scrollWidth - r.clientWidth : 0 }"
        )
        if oculto > 1:
            cortadas[ruta] = oculto
        for campo in pagina.evaluate(CAMPOS_CORTADOS):
            cortadas[f"{ruta} {campo}"] = "cortado"
    assert anchas == {}
    assert cortadas == {}


@pytest.mark.parametrize("usuario", ["funcionario", "comite"])
def test_las_paginas_de_cada_dia_caben_en_el_telefono(live_server, demo, navegador, usuario):
    base = live_server.url
    pagina = _entrar(navegador, base, usuario, 360)
    noticia = Noticia.objects.filter(dependencia__nombre="Secretaría de Gobierno").first()
    tramite = Tramite.objects.filter(dependencia__nombre="Secretaría de Gobierno").first()
    rutas = [
        "/admin/",
        "/admin/portal/noticia/",
        "/admin/portal/noticia/add/",
        f"/admin/portal/noticia/{noticia.pk}/change/",
        "/admin/tramites/tramite/",
        "/admin/tramites/tramite/add/",
        f"/admin/tramites/tramite/{tramite.pk}/change/",
    ]
    con_desplazamiento, cortados = [], []
    for ruta in rutas:
        pagina.goto(base + ruta)
        if not sin_desplazamiento_horizontal(pagina):
            con_desplazamiento.append((ruta, pagina.evaluate(ANCHO_DE_PAGINA)))
        cortados += [(ruta, campo) for campo in pagina.evaluate(CAMPOS_CORTADOS)]
    assert con_desplazamiento == []
    assert cortados == []


def test_el_editor_abre_alto_y_en_espanol(live_server, demo, navegador):
    base = live_server.url
    pagina = _entrar(navegador, base, "funcionario", 1280)
    pagina.goto(base + "/admin/portal/noticia/add/")
    editor = pagina.locator(".ProseMirror[contenteditable=true]")
    editor.wait_for()
    alto_de_linea = float(editor.evaluate("e => parseFloat(getComputedStyle(e.querySelector('p') || e).lineHeight)"))
    assert editor.bounding_box()["height"] >= 12 * alto_de_linea
    negrita = pagina.locator(".prose-menubar button[data-name=bold]")
    assert negrita.get_attribute("title") == "Negrita"
    assert pagina.locator(".prose-menubar [title='bold'], .prose-menubar [title='Insert table']").count() == 0
    # The block-type menu's arrow is drawn, not the character "⏷" that the fonts on officials' machines lack.
    flecha = pagina.evaluate(
        "() => getComputedStyle(document.querySelector('.prose-menubar__selected'), '::after').content"
    )
    assert "⏷" not in flecha
    titulo = pagina.locator("#id_titulo")
    assert titulo.bounding_box()["width"] >= 600
    assert pagina.title().startswith("Añadir noticia |")


@pytest.mark.parametrize("usuario", ["funcionario", "comite"])
def test_mi_trabajo_es_accesible(live_server, demo, navegador, usuario):
    from .conftest import revisar_accesibilidad

    contexto = navegador.new_context(viewport={"width": 1280, "height": 900}, locale="es-CO", bypass_csp=True)
    pagina = contexto.new_page()
    pagina.goto(f"{live_server.url}/admin/login/")
    pagina.fill("#id_username", usuario)
    pagina.fill("#id_password", CONTRASENA)
    pagina.click("input[type=submit]")
    pagina.wait_for_url(f"{live_server.url}/admin/")
    assert pagina.locator("h1").first.text_content() == "Mi trabajo"
    assert revisar_accesibilidad(pagina) == []
    contexto.close()
