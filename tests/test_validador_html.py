"""The W3C Nu HTML Checker (vnu, the jar of the `vnu-jar` npm package in tests/navegador) over every public
page type with the demo content: the errors the outside review found (microseconds in <time datetime>,
action="", skipped heading levels) and any other cannot come back unseen.

vnu needs Java (17 or later). Without it, or without the jar (`make test` installs it with npm), the test is
skipped with the reason; with PRUEBAS_NAVEGADOR_OBLIGATORIAS=1 (as `.ci/run` sets) it fails instead.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.models import Noticia
from tests.paginas import paginas_publicas
from tramites.models import Tramite

VNU = Path(__file__).parent / "navegador" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def _java():
    java = shutil.which("java")
    if java is None:
        return None, "Java no está instalado (apt-get install default-jre-headless): se omite el validador HTML."
    if not VNU.exists():
        return None, "vnu.jar no está instalado (make test lo instala con npm en tests/navegador): se omite."
    return java, None


@pytest.fixture
def java():
    ejecutable, motivo = _java()
    if motivo:
        if os.environ.get("PRUEBAS_NAVEGADOR_OBLIGATORIAS"):
            pytest.fail(motivo)
        pytest.skip(motivo)
    return ejecutable


def paginas():
    """Every public page type, plus the forms and pages whose markup the checker must see too."""
    return {
        **paginas_publicas(),
        "tramites_filtrados": "/tramites/?costo=gratuito&en_linea=no",
        "encuesta": "/participa/encuesta/",
        "encuesta_resultados": "/participa/encuesta/resultados/",
        "pqrsd": "/pqrsd/",
        "pqrsd_nueva": "/pqrsd/nueva/",
        "pqrsd_consulta": "/pqrsd/consulta/",
        "pqrsd_informe": "/pqrsd/informe/",
        "verificar": "/verificar/",
        "solicitud_en_linea": Tramite.objects.vigentes().get(slug="certificado-de-residencia").ruta_solicitud(),
    }


def test_paginas_publicas_sin_errores_del_validador_w3c(client, settings, tmp_path, java):
    settings.DEBUG = True  # cargar_demo refuses otherwise; the pages themselves do not depend on it
    call_command("cargar_demo", password="Validador-html-2026", verbosity=0)
    call_command("reindexar_busqueda", verbosity=0)
    settings.DEBUG = False
    # Published through the admin: six fractional digits of a second, as the review found.
    Noticia.objects.filter(pk=Noticia.objects.vigentes().first().pk).update(
        publicar_desde=Noticia.objects.vigentes().first().publicar_desde.replace(microsecond=620489)
    )
    archivos = []
    for nombre, ruta in paginas().items():
        respuesta = client.get(ruta)
        assert respuesta.status_code in (200, 404), nombre
        archivo = tmp_path / f"{nombre}.html"
        archivo.write_bytes(respuesta.content)
        archivos.append(str(archivo))
    # One Java start for all the pages (a few seconds).
    resultado = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *archivos],
        capture_output=True,
        text=True,
        timeout=300,
    )
    mensajes = json.loads(resultado.stderr or '{"messages": []}')["messages"]
    errores = [
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine', '?')}: {m['message']}"
        for m in mensajes
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errores == []
