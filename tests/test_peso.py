"""Light for rural phones: the home page's HTML + CSS + JS, compressed, at most 25 KB (images aside), with no
script at all on public pages and nothing from another site."""

import gzip
import re
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LIMITE = 25 * 1024


def test_el_inicio_con_contenido_demo_pesa_menos_de_25_kb(client, settings):
    settings.DEBUG = True
    call_command("cargar_demo", password="Peso-de-la-pagina-2026", verbosity=0)
    settings.DEBUG = False
    html = client.get("/").content
    recursos = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    assert not re.search(rb"<script(?![^>]*application/(?:ld\+)?json)", html), "public pages need no JavaScript"
    externos = re.findall(rb'<(?:link|script|img)[^>]+(?:href|src)="((?:https?:)?//[^"]+)"', html)
    assert [e for e in externos if b"/static/" not in e and not e.startswith(b"http://testserver")] == []
    total = len(gzip.compress(html, 9))
    for recurso in recursos:
        ruta = Path(settings.BASE_DIR, "static", recurso.decode().removeprefix("/static/"))
        total += len(gzip.compress(ruta.read_bytes(), 9))
    assert total <= LIMITE, f"{total} bytes comprimidos"
    assert all(r.startswith(b"/static/") for r in recursos)


@pytest.mark.parametrize("url", ["/", "/tramites/", "/participa/encuesta/", "/noticias/feed/", "/datos/tramites.csv"])
def test_html_y_datos_viajan_comprimidos(client, url):
    """The HTML (16 KB for the home page) is sent compressed by the portal itself; forms too (the CSRF token
    changes on every response and Django pads each compressed body: no BREACH)."""
    respuesta = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert respuesta.status_code == 200
    assert respuesta["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in respuesta["Vary"]
    original = gzip.decompress(respuesta.content)
    if len(original) > 4000:
        assert len(respuesta.content) < len(original) / 2


def test_el_inicio_comprimido_pesa_poco(client, settings):
    settings.DEBUG = True
    call_command("cargar_demo", password="Peso-de-la-pagina-2026", verbosity=0)
    settings.DEBUG = False
    respuesta = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert respuesta["Content-Encoding"] == "gzip" and len(respuesta.content) <= 8 * 1024


def test_las_imagenes_no_se_recomprimen(rf):
    from django.http import HttpResponse

    from portal.compresion import CompresionDeTexto

    imagen = HttpResponse(b"RIFF" + bytes(5000), content_type="image/webp")
    respuesta = CompresionDeTexto(lambda r: imagen)(rf.get("/media/x.webp", HTTP_ACCEPT_ENCODING="gzip"))
    assert not respuesta.has_header("Content-Encoding") and len(respuesta.content) == 5004
