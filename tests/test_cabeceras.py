"""Security headers on every response: CSP without 'unsafe-inline' scripts, no framing, no sniffing."""

import base64
import hashlib

import pytest
from django.urls import reverse

from portal import roles
from portal.seguridad import hashes_de_scripts
from tests.portal.factories import crear_dependencia, crear_usuario

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/tramites/", "/buscar/?q=predial", "/no-existe/", "/admin/login/"])
def test_cabeceras_en_paginas_publicas(client, url):
    respuesta = client.get(url)
    politica = respuesta["Content-Security-Policy"]
    assert "default-src 'self'" in politica and "frame-ancestors 'none'" in politica
    script_src = politica.split("script-src")[1].split(";")[0]
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    style_src = politica.split("style-src")[1].split(";")[0]
    assert ("unsafe-inline" in style_src) == url.startswith("/admin/")  # inline styles only in the back office
    assert respuesta["X-Frame-Options"] == "DENY"
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in respuesta["Permissions-Policy"]
    assert respuesta["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_el_editor_de_la_administracion_solo_recibe_el_hash_de_su_script(client):
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[crear_dependencia()]))
    respuesta = client.get(reverse("admin:portal_noticia_add"))
    html = respuesta.content
    assert b'<script type="importmap"' in html
    script_src = respuesta["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    assert "'sha256-" in script_src and "unsafe-inline" not in script_src


def test_solo_los_scripts_ejecutables_reciben_hash():
    codigo = b"console.log(1)"
    esperado = "'sha256-" + base64.b64encode(hashlib.sha256(codigo).digest()).decode() + "'"
    html = (
        b'<script src="/static/a.js"></script><script type="application/ld+json">{"a": 1}</script>'
        b"<script>" + codigo + b"</script>"
    )
    assert hashes_de_scripts(html) == [esperado]
