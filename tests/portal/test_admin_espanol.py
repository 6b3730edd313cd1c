"""The back office speaks correct Spanish: messages that agree with each model's gender and number, a title on
every page, a favicon, the two-box selector and the text editor in Spanish (issue #16)."""

import json
import re

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory

from portal.admin_textos import genero
from portal.models import Documento, Estado, Noticia, SituacionDeVida
from tramites.models import NormaTramite, RequisitoTramite, Tramite

from .factories import crear_publicable, crear_usuario

pytestmark = pytest.mark.django_db


@pytest.fixture
def superusuario():
    return crear_usuario(is_superuser=True)


def _mensajes(modelo, superusuario, metodo, *args, datos=None):
    """Calls a ModelAdmin's response method as the admin's views do, and returns the messages it left."""
    request = RequestFactory().post("/", datos or {})
    request.user = superusuario
    request._messages = CookieStorage(request)
    getattr(admin.site.get_model_admin(modelo), metodo)(request, *args)
    return [str(m) for m in get_messages(request)]


def test_el_genero_de_los_modelos():
    assert genero(Noticia) == "f"
    assert genero(Documento) == "m"
    assert genero(SituacionDeVida) == "f"
    assert genero(Tramite) == "m"
    assert genero(RequisitoTramite) == "m" and genero(NormaTramite) == "f"  # «base legal»: the ending misleads


def test_mensajes_de_una_noticia_en_femenino(superusuario):
    noticia = crear_publicable(Noticia, titulo="Feria agraria")
    assert _mensajes(Noticia, superusuario, "response_add", noticia) == ["Se agregó la noticia «Feria agraria»."]
    otra = _mensajes(Noticia, superusuario, "response_add", noticia, datos={"_addanother": "1"})
    assert otra == ["Se agregó la noticia «Feria agraria». Puede agregar otra noticia abajo."]
    cambio = _mensajes(Noticia, superusuario, "response_change", noticia, datos={"_continue": "1"})
    assert cambio == ["Se guardaron los cambios de la noticia «Feria agraria». Puede seguir editando abajo."]
    borrado = _mensajes(Noticia, superusuario, "response_delete", "Feria agraria", noticia.pk)
    assert borrado == ["Se borró la noticia «Feria agraria»."]


def test_mensajes_de_un_documento_en_masculino(superusuario):
    documento = crear_publicable(Documento, titulo="Acuerdo 12")
    assert _mensajes(Documento, superusuario, "response_change", documento) == [
        "Se guardaron los cambios del documento «Acuerdo 12»."
    ]
    otro = _mensajes(Documento, superusuario, "response_add", documento, datos={"_addanother": "1"})
    assert otro == ["Se agregó el documento «Acuerdo 12». Puede agregar otro documento abajo."]


def test_borrar_varios_concuerda_en_genero_y_numero(client, superusuario):
    noticias = [crear_publicable(Noticia) for _ in range(2)]
    crear_publicable(Documento)  # a list shows its actions only when it has rows
    client.force_login(superusuario)
    lista = client.get("/admin/portal/noticia/").content.decode()
    assert "Borrar las noticias seleccionadas" in lista
    assert "Borrar los documentos seleccionados" in client.get("/admin/portal/documento/").content.decode()
    respuesta = client.post(
        "/admin/portal/noticia/",
        {"action": "delete_selected", "_selected_action": [n.pk for n in noticias], "post": "yes"},
        follow=True,
    )
    assert "Se borraron 2 noticias." in respuesta.content.decode()
    assert not Noticia.objects.exists()


def test_la_lista_se_titula_con_el_plural_no_con_escoja(client, superusuario):
    client.force_login(superusuario)
    pagina = client.get("/admin/portal/noticia/").content.decode()
    assert "<h1>Noticias</h1>" in pagina
    assert "Escoja" not in pagina and "Seleccione noticia" not in pagina


def test_la_confirmacion_de_borrado_no_dice_los_noticia(client, superusuario):
    noticia = crear_publicable(Noticia, titulo="Feria agraria")
    client.force_login(superusuario)
    pagina = client.get(f"/admin/portal/noticia/{noticia.pk}/delete/").content.decode()
    assert "¿Confirma que quiere borrar «Feria agraria» (noticia)?" in pagina
    assert "los noticia" not in pagina
    assert "Sí, borrar" in pagina and "¿Está seguro?" not in pagina


def test_ver_y_no_vista(client, funcionario, gobierno):
    from tests.participa.consultas_fabricas import crear_consulta

    # Published and open for comments: the official may only view it (its text is what people comment on).
    consulta = crear_consulta(dependencia=gobierno)
    client.force_login(funcionario)
    pagina = client.get(f"/admin/participa/consulta/{consulta.pk}/change/").content.decode()
    assert "Ver consulta" in pagina
    assert "Vista" not in client.get("/admin/").content.decode()


def test_el_selector_de_dos_cajas_no_dice_elegidos(client, superusuario):
    """filter_horizontal of «situaciones de vida» (feminine plural): texts that fit any name."""
    client.force_login(superusuario)
    catalogo = _catalogo_js(client)
    assert catalogo["Chosen %s"] == "Su selección: %s"
    assert catalogo["Choose all %s"] == "Elegir todas las opciones"
    # Every text of the selector (static/admin/js/SelectFilter2.js) that takes the field's name.
    for texto in ["Available %s", "Chosen %s", "Choose all %s", "Remove all %s", "Choose selected %s"]:
        assert not re.search(r"elegidos|seleccionados|todos|Disponibles", catalogo[texto]), texto


def _catalogo_js(client):
    fuente = client.get("/admin/jsi18n/").content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", fuente, re.S).group(1))


def test_preguntas_de_la_ficha_con_mayuscula_inicial(client, superusuario):
    client.force_login(superusuario)
    pagina = client.get("/admin/tramites/tramite/add/").content.decode()
    assert "¿Para qué sirve?" in pagina and "¿para qué sirve?" not in pagina


def _titulo(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_cada_pagina_del_admin_tiene_titulo(client, superusuario):
    noticia = crear_publicable(Noticia, titulo="Feria agraria")
    assert _titulo(client.get("/admin/login/").content.decode()).startswith("Iniciar sesión |")
    client.force_login(superusuario)
    assert _titulo(client.get("/admin/").content.decode()).startswith("Mi trabajo |")
    assert _titulo(client.get("/admin/portal/noticia/").content.decode()).startswith("Noticias |")
    cambio = _titulo(client.get(f"/admin/portal/noticia/{noticia.pk}/change/").content.decode())
    assert cambio.startswith("Feria agraria | Modificar noticia |")
    assert "Administración" in cambio


def test_favicon(client, superusuario):
    respuesta = client.get("/favicon.ico")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "image/vnd.microsoft.icon"
    assert respuesta.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert 'rel="icon"' in client.get("/admin/login/").content.decode()
    assert 'rel="icon"' in client.get("/").content.decode()


def test_el_editor_habla_espanol(client, superusuario):
    """django-prose-editor translates with Django's JavaScript catalog; the project's catalog has its texts."""
    client.force_login(superusuario)
    formulario = client.get("/admin/portal/noticia/add/").content.decode()
    assert "/admin/jsi18n/" in formulario and "js/editor-es" in formulario
    catalogo = _catalogo_js(client)
    for ingles, espanol in [("bold", "Negrita"), ("Insert Table", "Insertar tabla"), ("Merge cells", "Unir celdas")]:
        assert catalogo[ingles] == espanol
    assert catalogo["Heading 2"] == "Título de sección"


def test_los_estados_siguen_en_espanol():
    assert str(Estado.EN_REVISION.label) == "En revisión"


def test_el_resumen_se_ve_entero_y_el_identificador_se_explica(client, superusuario):
    client.force_login(superusuario)
    pagina = client.get("/admin/portal/noticia/add/").content.decode()
    assert re.search(r'<textarea name="resumen"[^>]*rows="3"', pagina)
    assert "La parte final de la dirección de la página" in pagina


def test_textos_de_filas_y_seleccion_sin_genero_equivocado(client, superusuario):
    crear_publicable(Noticia)
    client.force_login(superusuario)
    ficha = client.get("/admin/tramites/tramite/add/").content.decode()
    assert "Agregar fila: Requisito" in ficha and "Requisito adicional" not in ficha
    assert "Agregar categoría de noticias" in client.get("/admin/portal/noticia/add/").content.decode()
    lista = client.get("/admin/portal/noticia/").content.decode()
    assert "Selección: 0 de 1" in lista and "seleccionados 0 de" not in lista
