"""Issue 16 in a real browser: an official edits a published ficha while the public keeps seeing the published
text, the committee publishes it from its review queue, and the public sees the new text. Also the clicks a
news item with a picture takes from a blank form to "en revisión" (the goal is at most 6) and publishing
from the queue (at most 2)."""

import pytest
from playwright.sync_api import expect

from portal.models import Estado, Noticia
from tramites.models import Tramite

from .conftest import capturar
from .test_recorridos import entrar

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NUEVO = "Sirve para demostrar ante cualquier entidad que usted vive en El Tablón de Gómez (texto revisado)."


class Clics:
    """Counts the clicks a person makes (typing and choosing a file in the system dialog are not clicks)."""

    def __init__(self):
        self.n = 0

    def clic(self, localizador):
        self.n += 1
        localizador.click()


def test_el_funcionario_edita_una_ficha_publicada_y_el_comite_la_publica(live_server, demo, navegador):
    base = live_server.url
    from portal.models import Dependencia, Usuario

    propias = Dependencia.objects.de_usuario(Usuario.objects.get(username="funcionario"))
    tramite = Tramite.objects.vigentes().filter(dependencia__in=propias).order_by("pk").first()
    antiguo = tramite.proposito
    publica = f"{base}{tramite.get_absolute_url()}"
    ciudadano = navegador.new_context(viewport={"width": 1280, "height": 900}).new_page()

    funcionario = navegador.new_context(viewport={"width": 1280, "height": 900}).new_page()
    entrar(funcionario, base, "funcionario")
    funcionario.goto(f"{base}/admin/tramites/tramite/{tramite.pk}/change/")
    expect(funcionario.locator(".aviso-revision")).to_contain_text(
        "Está editando una revisión; la versión publicada sigue visible hasta que el comité la publique"
    )
    funcionario.locator("#id_proposito").fill(NUEVO)
    funcionario.get_by_role("button", name="Enviar a revisión", exact=True).click()
    expect(funcionario.locator(".messagelist")).to_contain_text("quedó en revisión")
    revision = Tramite.objects.get(revision_de=tramite)
    assert revision.estado == Estado.EN_REVISION

    ciudadano.goto(publica)
    expect(ciudadano.locator("main")).to_contain_text(antiguo[:60])
    expect(ciudadano.locator("main")).not_to_contain_text("texto revisado")

    comite = navegador.new_context(viewport={"width": 1280, "height": 900}).new_page()
    entrar(comite, base, "comite")
    comite.goto(f"{base}/admin/tramites/tramite/?estado__exact=en_revision")
    clics = Clics()
    clics.clic(comite.locator("#result_list").get_by_role("link", name=tramite.nombre, exact=True))
    expect(comite.locator(".aviso-revision")).to_be_visible()
    capturar(comite, "revision_ficha_comite_1280")
    clics.clic(comite.get_by_role("button", name="Publicar", exact=True))
    expect(comite.locator(".messagelist")).to_contain_text("Publicado")
    assert clics.n <= 2, clics.n
    print(f"\nClics para publicar desde la cola: {clics.n}")

    ciudadano.goto(publica)
    expect(ciudadano.locator("main")).to_contain_text("texto revisado")
    assert ciudadano.url == publica  # same address
    assert not Tramite.objects.filter(revision_de=tramite).exists()


def test_una_noticia_con_imagen_llega_a_revision_en_pocos_clics(live_server, demo, navegador, tmp_path):
    from PIL import Image

    imagen = tmp_path / "feria.png"
    Image.new("RGB", (1200, 800), (40, 120, 60)).save(imagen)
    base = live_server.url
    funcionario = navegador.new_context(viewport={"width": 1280, "height": 900}).new_page()
    entrar(funcionario, base, "funcionario")
    clics = Clics()
    clics.clic(funcionario.locator("tr.model-noticia").get_by_role("link", name="Añadir"))
    funcionario.get_by_label("Título:").fill("Feria campesina en la plaza")
    funcionario.get_by_label("Resumen:").fill("Productos de las veredas el domingo.")
    funcionario.locator("[contenteditable=true].ProseMirror").fill("Desde las 7 de la mañana.")
    # The file chooser: one click on the field (choosing the file in the system dialog is not counted).
    with funcionario.expect_file_chooser() as eleccion:
        clics.clic(funcionario.get_by_label("Imagen principal:"))
    eleccion.value.set_files(str(imagen))
    funcionario.get_by_label("Texto alternativo de la imagen:").fill("Puestos de frutas en la plaza")
    clics.clic(funcionario.get_by_role("button", name="Enviar a revisión", exact=True))
    expect(funcionario.locator(".messagelist")).to_contain_text("quedó en revisión")
    noticia = Noticia.objects.get(titulo="Feria campesina en la plaza")
    assert noticia.estado == Estado.EN_REVISION and noticia.imagen
    assert clics.n <= 6, clics.n
    print(f"\nClics de la noticia con imagen hasta «en revisión»: {clics.n}")
