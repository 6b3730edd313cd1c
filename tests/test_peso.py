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
