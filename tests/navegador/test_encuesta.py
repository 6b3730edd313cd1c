"""The survey in a real browser: answered on a phone with JavaScript off, WCAG 2.1 AA with axe-core on the form
(also with errors), the thank-you page and both results pages, touch targets of at least 44 px."""

import importlib

import pytest
from django.test import Client

from participa import encuesta as servicio
from participa.models import Encuesta
from portal import roles
from tests.portal.factories import crear_usuario

from .conftest import capturar, revisar_accesibilidad, sin_desplazamiento_horizontal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def encuesta_por_defecto(transactional_db):
    """The default questionnaire of migration 0006, recreated if an earlier transactional test flushed it."""
    if not Encuesta.objects.abierta():
        from django.apps import apps

        importlib.import_module("gelt.migrations.0006_encuesta_por_defecto").crear(apps, None)
    return Encuesta.objects.abierta()


@pytest.fixture
def sin_js(navegador):
    contexto = navegador.new_context(viewport={"width": 360, "height": 780}, locale="es-CO", java_script_enabled=False)
    yield contexto
    contexto.close()


def test_responder_en_el_celular_sin_javascript(live_server, sin_js, telefono, encuesta_por_defecto):
    encuesta = encuesta_por_defecto
    pagina = sin_js.new_page()
    pagina.goto(live_server.url + "/participa/encuesta/")
    assert sin_desplazamiento_horizontal(pagina)
    alturas = pagina.eval_on_selector_all(".opcion", "els => els.map(e => e.getBoundingClientRect().height)")
    assert alturas and min(alturas) >= 44

    # Sent empty: the errors come back next to their questions, with a summary linking to them.
    pagina.get_by_role("button", name="Enviar respuestas").click()
    assert pagina.title().startswith("Error:")
    assert pagina.locator(".resumen-errores li").count() == 6
    capturar(pagina, "encuesta_errores_360")
    telefono.goto(live_server.url + "/participa/encuesta/")
    telefono.get_by_role("button", name="Enviar respuestas").click()
    assert revisar_accesibilidad(telefono) == []

    for pregunta in servicio.formulario(encuesta).preguntas:
        grupo = pagina.get_by_role("group", name=pregunta.texto)
        if pregunta.tipo == "texto_largo":
            pagina.get_by_label(pregunta.texto).fill("Más información de las veredas.")
        elif pregunta.tipo == "multiple":
            grupo.get_by_role("checkbox").first.check()
        else:
            grupo.get_by_role("radio").last.check()
    capturar(pagina, "encuesta_formulario_360")
    pagina.get_by_role("button", name="Enviar respuestas").click()
    assert pagina.url.endswith("/participa/encuesta/gracias/")
    assert pagina.get_by_role("heading", name="Gracias por responder").is_visible()
    assert encuesta.respuestas.count() == 1
    pagina.goto(live_server.url + "/participa/encuesta/")
    assert pagina.get_by_role("heading", name="Usted ya respondió esta encuesta").is_visible()


def test_paginas_de_la_encuesta_sin_violaciones_wcag(live_server, escritorio, telefono, encuesta_por_defecto):
    encuesta = encuesta_por_defecto
    for valor in ("5", "4", "4", "2"):
        datos = {p.nombre_campo: valor for p in encuesta.preguntas.filter(tipo="escala")}
        for p in encuesta.preguntas.prefetch_related("opciones").exclude(tipo="escala"):
            opciones = [str(o.pk) for o in p.opciones.all()]
            datos[p.nombre_campo] = {"unica": opciones[:1] and opciones[0], "multiple": opciones[:3]}.get(
                p.tipo, "si" if p.tipo == "si_no" else "Que publiquen las convocatorias."
            )
        servicio.registrar_respuesta(encuesta=encuesta, datos=datos)
    Encuesta.objects.filter(pk=encuesta.pk).update(resultados_publicados=True)
    comite = Client()
    comite.force_login(crear_usuario(grupo=roles.COMITE))
    sesion = comite.cookies["sessionid"].value

    violaciones = {}
    for pagina, ancho in ((telefono, 360), (escritorio, 1280)):
        pagina.context.add_cookies([{"name": "sessionid", "value": sesion, "url": live_server.url}])
        for nombre, ruta in (
            ("encuesta", "/participa/encuesta/"),
            ("encuesta_gracias", "/participa/encuesta/gracias/"),
            ("encuesta_resultados_publicos", "/participa/encuesta/resultados/"),
            ("encuesta_resultados_comite", f"/gelt/encuestas/{encuesta.pk}/"),
        ):
            pagina.goto(live_server.url + ruta)
            encontradas = revisar_accesibilidad(pagina)
            if encontradas:
                violaciones[f"{nombre} a {ancho} px"] = encontradas
            if ancho == 360:
                assert sin_desplazamiento_horizontal(pagina), f"{nombre}: desplazamiento horizontal a 360 px"
            capturar(pagina, f"{nombre}_{ancho}")
    assert violaciones == {}, violaciones
