"""What the W3C checker flagged, checked without it (the vnu test in tests/navegador covers every page type):
``<time datetime>`` without microseconds, no ``action=""``, no skipped heading levels."""

import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from portal.models import Evento, Noticia
from tests.portal.factories import crear_publicable

pytestmark = pytest.mark.django_db


class _Titulos(HTMLParser):
    def __init__(self):
        super().__init__()
        self.niveles = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.niveles.append(int(tag[1]))


def niveles(html):
    lector = _Titulos()
    lector.feed(html)
    return lector.niveles


def saltos(html):
    """Headings that go down more than one level from the previous one (h1 followed by h3)."""
    n = niveles(html)
    return [(a, b) for a, b in zip(n, n[1:], strict=False) if b > a + 1]


@pytest.fixture
def contenido():
    momento = timezone.now().replace(microsecond=620489) - timezone.timedelta(hours=2)
    crear_publicable(Noticia, titulo="Vía terciaria", publicar_desde=momento)
    crear_publicable(
        Evento,
        titulo="Mercado campesino",
        inicio=timezone.now().replace(microsecond=123456) + timezone.timedelta(days=2),
    )


@pytest.mark.parametrize("url", ["/", "/noticias/", "/eventos/", "/tramites/", "/buscar/?q=via"])
def test_sin_niveles_de_titulo_saltados(client, contenido, url):
    html = client.get(url).content.decode()
    assert niveles(html) and saltos(html) == [], url


@pytest.mark.parametrize("url", ["/", "/noticias/", "/eventos/"])
def test_time_datetime_sin_microsegundos(client, contenido, url):
    html = client.get(url).content.decode()
    fechas = re.findall(r'<time datetime="([^"]*)"', html)
    assert fechas and all(re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?", f) for f in fechas), fechas


@pytest.mark.parametrize("url", ["/tramites/", "/servicios/"])
def test_formularios_de_filtro_con_accion(client, url):
    html = client.get(url).content.decode()
    assert 'action=""' not in html and f'action="{url}"' in html
