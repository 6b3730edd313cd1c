"""The three journeys, as people make them in a real browser: a citizen on a phone, an official in the
admin, the committee on its dashboard."""

import re

import pytest
from playwright.sync_api import expect

from portal.models import Noticia

from .conftest import CONTRASENA, capturar

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def entrar(pagina, base, usuario, siguiente="/admin/"):
    pagina.goto(f"{base}/admin/login/?next={siguiente}")
    pagina.get_by_label("Nombre de usuario").fill(usuario)
    pagina.get_by_label("Contraseña").fill(CONTRASENA)
    pagina.get_by_role("button", name="Iniciar sesión").click()


def test_ciudadano_en_el_telefono(live_server, demo, telefono):
    base = live_server.url
    pagina = telefono
    pagina.goto(base + "/")
    # Through the menu (on a phone it opens from «Menú»): Atención y servicios -> Trámites -> the ficha.
    pagina.get_by_role("link", name="Menú", exact=True).click()
    pagina.get_by_role("navigation", name="Menú principal").get_by_role(
        "link", name="Atención y servicios a la ciudadanía"
    ).click()
    pagina.get_by_role("link", name="Trámites", exact=True).first.click()
    pagina.get_by_role("link", name="Certificado de residencia").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Certificado de residencia")
    expect(pagina.get_by_role("heading", name="Qué necesita y qué debe hacer")).to_be_visible()
    expect(pagina.get_by_role("heading", name="¿Se puede hacer en línea?")).to_be_visible()

    # Through search, typed without accents.
    pagina.goto(base + "/")
    pagina.get_by_label("¿Qué necesita hacer o consultar?").fill("certificado de residencia")
    pagina.get_by_label("¿Qué necesita hacer o consultar?").press("Enter")
    pagina.locator(".resultados a").first.click()
    expect(pagina).to_have_url(re.compile(r"/tramites/certificado-de-residencia/$"))

    # Transparency menu and a document.
    pagina.get_by_role("link", name="Menú", exact=True).click()
    pagina.get_by_role("navigation", name="Menú principal").get_by_role(
        "link", name="Transparencia y acceso a la información pública"
    ).click()
    pagina.get_by_role("link", name=re.compile(r"^2\.1 ")).click()
    with pagina.expect_response(re.compile(r"/documentos/\d+/")) as respuesta:
        pagina.locator(".documentos a").first.click()
    assert respuesta.value.status == 200
    assert respuesta.value.headers["content-type"] == "application/pdf"

    # A news item.
    pagina.goto(base + "/noticias/")
    titulo = pagina.locator(".tarjeta-noticia__titulo a").first.inner_text()
    pagina.locator(".tarjeta-noticia__titulo a").first.click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(titulo)
    capturar(pagina, "recorrido_ciudadano_noticia_360")

    # The annual survey, from the Participa section.
    pagina.get_by_role("link", name="Menú", exact=True).click()
    pagina.get_by_role("navigation", name="Menú principal").get_by_role("link", name="Participa").click()
    pagina.locator('.tarjeta h2 a[href^="/participa/encuesta/"]').first.click()
    for grupo in pagina.locator("fieldset").all():
        opciones = grupo.get_by_role("radio")
        if opciones.count():
            opciones.last.check()
        elif grupo.get_by_role("checkbox").count():
            grupo.get_by_role("checkbox").first.check()
    pagina.get_by_role("button", name="Enviar respuestas").click()
    expect(pagina.get_by_role("heading", name="Gracias por responder")).to_be_visible()


def publicaciones_del_mes(pagina):
    """The indicator reads its figure in words: "…; este mes, 8 publicaciones"."""
    import re

    lectura = pagina.locator("tr", has_text="Frecuencia de actualización").locator(".indicador__lectura").inner_text()
    return int(re.search(r"este mes, (\d+) publicaci", lectura).group(1))


def test_funcionario_redacta_y_el_comite_publica(live_server, demo, navegador, tmp_path):
    base = live_server.url
    funcionario = navegador.new_context(viewport={"width": 1280, "height": 900}).new_page()
    consola = []
    funcionario.on("console", lambda mensaje: consola.append(mensaje.text))
    entrar(funcionario, base, "funcionario")
    funcionario.goto(base + "/admin/portal/noticia/add/")
    funcionario.get_by_label("Título:").fill("Jornada de cedulación en la vereda La Cueva")
    funcionario.get_by_label("Resumen:").fill("La Registraduría atenderá el sábado en la escuela.")
    funcionario.locator("[contenteditable=true].ProseMirror").fill("Lleve el registro civil de nacimiento.")
    from PIL import Image

    imagen = tmp_path / "cedulacion.png"
    Image.new("RGB", (1200, 800), (40, 120, 60)).save(imagen)
    funcionario.get_by_label("Imagen principal:").set_input_files(str(imagen))
    funcionario.get_by_label("Texto alternativo de la imagen:").fill("Personas en fila frente a la escuela")
    funcionario.get_by_role("button", name="Guardar borrador", exact=True).click()
    expect(funcionario.locator(".messagelist")).to_contain_text("Se guardó")
    noticia = Noticia.objects.get(titulo="Jornada de cedulación en la vereda La Cueva")
    assert "registro civil" in noticia.cuerpo  # typed in the rich-text editor, which runs under the site's CSP
    assert not [m for m in consola if "Content Security Policy" in m], consola
    assert noticia.estado == "borrador" and noticia.dependencia.nombre == "Secretaría de Gobierno"

    # Send to review; the publish action is not offered; other dependencias' news are not listed.
    funcionario.goto(base + "/admin/portal/noticia/")
    fila = funcionario.locator("tr", has_text="Jornada de cedulación")
    fila.locator("input[type=checkbox]").check()
    acciones = funcionario.locator("select[name=action] option").all_inner_texts()
    assert not any(a.startswith("Publicar") for a in acciones)
    funcionario.select_option("select[name=action]", "enviar_a_revision")
    funcionario.get_by_role("button", name="Ir").click()
    expect(funcionario.locator(".messagelist")).to_contain_text("enviar a revisión")
    ajenas = Noticia.objects.exclude(dependencia=noticia.dependencia).values_list("titulo", flat=True)
    listado = funcionario.locator("#result_list").inner_text()
    assert not any(titulo in listado for titulo in ajenas)

    # The committee publishes it; it is on the public site and the update indicator counts it.
    comite = navegador.new_context(viewport={"width": 1280, "height": 900}).new_page()
    entrar(comite, base, "comite", "/gelt/")
    valor_antes = publicaciones_del_mes(comite)
    comite.goto(base + "/admin/portal/noticia/?estado__exact=en_revision")
    comite.locator("tr", has_text="Jornada de cedulación").locator("input[type=checkbox]").check()
    comite.select_option("select[name=action]", "publicar")
    comite.get_by_role("button", name="Ir").click()
    expect(comite.locator(".messagelist")).to_contain_text("1 elemento")
    comite.goto(base + "/noticias/")
    expect(comite.get_by_role("link", name="Jornada de cedulación en la vereda La Cueva")).to_be_visible()
    comite.goto(base + "/gelt/")
    valor_despues = publicaciones_del_mes(comite)
    assert valor_despues == valor_antes + 1
    with comite.expect_download() as descarga:
        comite.get_by_role("link", name="Excel").click()
    assert descarga.value.suggested_filename.endswith(".xlsx")
    capturar(comite, "recorrido_comite_tablero_1280")
