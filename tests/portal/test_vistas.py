"""Public pages: home, navigation, health check, crawlers and the Spanish error pages."""

import json
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import DatabaseError, OperationalError
from django.urls import path, reverse
from django.utils import timezone

from portal.models import Noticia
from portal.navegacion import MENU_PRINCIPAL
from tablon_portal.urls import urlpatterns as urls_del_portal

from .factories import crear_dependencia, crear_publicable, crear_usuario

pytestmark = pytest.mark.django_db


def test_inicio_tiene_los_puntos_de_referencia_de_accesibilidad(client):
    html = client.get("/").content.decode()
    assert '<html lang="es-CO">' in html
    assert html.index('class="saltar" href="#contenido"') < html.index('class="barra-govco"')
    assert '<main id="contenido"' in html
    assert '<header class="encabezado">' in html
    assert '<nav class="menu" id="menu-principal" aria-label="Menú principal">' in html
    assert '<a class="menu__abrir" href="#menu-principal">Menú</a>' in html  # phones open it from the header
    assert '<footer class="pie">' in html
    assert '<form class="buscador" role="search" action="/buscar/"' in html
    assert '<label for="buscador-q"' in html


def test_el_menu_sigue_el_orden_de_la_resolucion_1519(client):
    etiquetas = [str(etiqueta) for etiqueta, _ in MENU_PRINCIPAL]
    assert etiquetas[:5] == [
        "Inicio",
        "Transparencia y acceso a la información pública",
        "Atención y servicios a la ciudadanía",
        "Participa",
        "Noticias",
    ]
    assert len(etiquetas) <= 7
    html = client.get(reverse("portal:atencion")).content.decode()
    menu = html.split('aria-label="Menú principal"')[1].split("</nav>")[0]
    posiciones = [menu.index(f">{etiqueta}</a>") for etiqueta in etiquetas]
    assert posiciones == sorted(posiciones)
    assert 'href="/atencion/" aria-current="page"' in menu


@pytest.mark.parametrize(
    "url",
    ["/", "/atencion/", "/transparencia/", "/participa/", "/noticias/", "/mapa-del-sitio/", "/buscar/?q=gobierno"],
)
def test_las_paginas_publicas_responden_y_muestran_migas(client, url):
    crear_dependencia(nombre="Secretaría de Gobierno", slug="secretaria-de-gobierno")
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    if url != "/":
        assert 'aria-label="Ruta de navegación"' in html
        assert 'aria-current="page"' in html


def test_pagina_de_dependencia_con_contacto_y_equipo(client):
    dependencia = crear_dependencia(
        nombre="Secretaría de Hacienda",
        telefono="+57 602 111 2233",
        correo="hacienda@example.org",
        cargo_responsable="Secretario de Hacienda",
    )
    crear_usuario(dependencias=[dependencia], first_name="Ana", last_name="Pérez")
    html = client.get(dependencia.get_absolute_url()).content.decode()
    assert "<h1>Secretaría de Hacienda</h1>" in html
    assert 'href="tel:+576021112233"' in html
    assert "Secretario de Hacienda" in html
    assert "Ana Pérez" in html


def test_dependencia_inactiva_no_se_publica(client):
    dependencia = crear_dependencia(activa=False)
    assert client.get(dependencia.get_absolute_url()).status_code == 404


def test_busqueda_sin_resultados_orienta_en_espanol(client):
    html = client.get("/buscar/", {"q": "<script>x</script>" + "a" * 5000}).content.decode()
    assert "No encontramos resultados" in html
    assert "<script>x</script>" not in html


def test_salud_informa_base_de_datos_y_version(client):
    respuesta = client.get("/salud/")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/json"
    datos = json.loads(respuesta.content)
    assert datos["estado"] == "ok"
    assert datos["base_de_datos"] == "ok"
    assert datos["version"]
    assert "no-cache" in respuesta["Cache-Control"]


def test_salud_responde_503_si_la_base_de_datos_no_contesta(client):
    with mock.patch("portal.views.connection.cursor", side_effect=DatabaseError("caída")):
        respuesta = client.get("/salud/")
    assert respuesta.status_code == 503
    assert json.loads(respuesta.content)["base_de_datos"] == "error"


def test_robots_apunta_al_mapa_del_sitio_sin_revelar_la_administracion(client, settings):
    texto = client.get("/robots.txt").content.decode()
    assert texto.startswith("User-agent: *")
    assert "Sitemap: http://testserver/sitemap.xml" in texto
    assert settings.ADMIN_URL not in texto


def test_sitemap_lista_paginas_dependencias_y_politicas(client):
    dependencia = crear_dependencia()
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{dependencia.get_absolute_url()}" in xml
    assert "http://testserver/politicas/accesibilidad/" in xml
    assert "http://testserver/atencion/" in xml


def test_politicas_editables_con_fecha_de_actualizacion(client):
    html = client.get(reverse("portal:politica", args=["tratamiento-de-datos-personales"])).content.decode()
    assert "Ley 1581 de 2012" in html
    assert "Última actualización" in html


# --- Spanish error pages -------------------------------------------------------------------------------


def vista_prohibida(request):
    raise PermissionDenied


def vista_sospechosa(request):
    raise SuspiciousOperation("dato alterado")


def vista_rota(request):
    raise RuntimeError("fallo de prueba")


def vista_sin_base_de_datos(request):
    raise OperationalError("could not connect to server")


urlpatterns = [
    path("prueba/403/", vista_prohibida),
    path("prueba/400/", vista_sospechosa),
    path("prueba/500/", vista_rota),
    path("prueba/503/", vista_sin_base_de_datos),
    *urls_del_portal,
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("url", "codigo", "texto"),
    [
        ("/no-existe/", 404, "No encontramos la página que busca"),
        ("/prueba/403/", 403, "No tiene permiso para ver esta página"),
        ("/prueba/400/", 400, "No pudimos entender la solicitud"),
        ("/prueba/500/", 500, "Tuvimos un problema al mostrar esta página"),
    ],
)
def test_paginas_de_error_en_espanol(client, url, codigo, texto):
    client.raise_request_exception = False
    respuesta = client.get(url)
    assert respuesta.status_code == codigo
    html = respuesta.content.decode()
    assert texto in html
    assert '<html lang="es-CO">' in html
    assert "Traceback" not in html and "fallo de prueba" not in html


def test_el_formulario_caducado_explica_que_hacer():
    from django.test import Client

    cliente = Client(enforce_csrf_checks=True)
    respuesta = cliente.post("/buscar/")
    assert respuesta.status_code == 403
    assert "No pudimos verificar el formulario" in respuesta.content.decode()


@pytest.mark.urls(__name__)
def test_base_de_datos_caida_responde_503_en_espanol(client):
    respuesta = client.get("/prueba/503/")
    assert respuesta.status_code == 503
    assert respuesta["Retry-After"] == "30"
    html = respuesta.content.decode()
    assert "El portal no está disponible en este momento" in html
    assert "could not connect" not in html and "Traceback" not in html


def test_el_inicio_abre_con_la_noticia_destacada_y_sigue_con_las_mas_recientes(client):
    ahora = timezone.now()
    for dias, titulo in [(1, "Ayer"), (2, "Anteayer"), (3, "Hace tres días"), (4, "Hace cuatro días")]:
        crear_publicable(Noticia, titulo=titulo, publicar_desde=ahora - timezone.timedelta(days=dias))
    crear_publicable(
        Noticia, titulo="Vacunación: la destacada", destacada=True, publicar_desde=ahora - timezone.timedelta(days=9)
    )
    html = client.get("/").content.decode()
    orden = [html.find(t) for t in ["Vacunación: la destacada", "Ayer", "Anteayer", "Hace tres días"]]
    assert -1 not in orden and orden == sorted(orden)
    assert "Hace cuatro días" not in html  # four in all
