"""WCAG 2.1 AA with axe-core on every public page type and on the committee's dashboard, at 360 and 1280 px;
no horizontal scrolling at 360 px nor at 200 % zoom; screenshots of each page type."""

import pytest

from portal.models import Documento
from tests.paginas import paginas_publicas

from .conftest import CONTRASENA, capturar, revisar_accesibilidad, sin_desplazamiento_horizontal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_paginas_publicas_sin_violaciones_wcag(live_server, demo, telefono, escritorio):
    assert Documento.objects.vigentes().exists()
    violaciones = {}
    for nombre, ruta in paginas_publicas().items():
        for ancho, pagina in (("360", telefono), ("1280", escritorio)):
            pagina.goto(live_server.url + ruta)
            encontradas = revisar_accesibilidad(pagina)
            if encontradas:
                violaciones[f"{nombre} a {ancho} px"] = encontradas
            if ancho == "360":
                assert sin_desplazamiento_horizontal(pagina), f"{nombre}: desplazamiento horizontal a 360 px"
            capturar(pagina, f"{nombre}_{ancho}")
    assert violaciones == {}


def test_zoom_al_200_sin_desplazamiento_horizontal(live_server, demo, navegador):
    # 200 % zoom of a 1280 px window lays the page out in 640 CSS px at twice the pixel density.
    contexto = navegador.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    pagina = contexto.new_page()
    for nombre, ruta in paginas_publicas().items():
        pagina.goto(live_server.url + ruta)
        assert sin_desplazamiento_horizontal(pagina), f"{nombre}: desplazamiento horizontal con zoom al 200 %"
    contexto.close()


def test_tablero_del_comite_sin_violaciones_wcag(live_server, demo, telefono, escritorio):
    violaciones = {}
    for ancho, pagina in (("360", telefono), ("1280", escritorio)):
        pagina.goto(live_server.url + "/admin/login/?next=/gelt/")
        pagina.fill("#id_username", "comite")
        pagina.fill("#id_password", CONTRASENA)
        pagina.click("input[type=submit]")
        pagina.wait_for_url("**/gelt/")
        for nombre, ruta in (("tablero", "/gelt/"), ("autoverificacion", "/gelt/autoverificacion/")):
            pagina.goto(live_server.url + ruta)
            encontradas = revisar_accesibilidad(pagina)
            if encontradas:
                violaciones[f"{nombre} a {ancho} px"] = encontradas
            capturar(pagina, f"{nombre}_{ancho}")
    assert violaciones == {}
