"""Browser tests: Debian's Chromium driven by Playwright against the portal served by a live server.

They need /usr/bin/chromium (`.ci/run` installs it) and axe-core from the npm registry (`make test` installs
it into tests/navegador/node_modules); without either they are skipped with the reason. Screenshots of each
page type are written to artefactos/capturas/ (not committed).
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
CAPTURAS = Path(__file__).resolve().parents[2] / "artefactos" / "capturas"
ARGUMENTOS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CONTRASENA = "Navegador-prueba-2026"


def _motivo_para_omitir():
    if not os.path.exists(CHROMIUM):
        return (
            "Chromium de Debian no está instalado (apt-get install chromium): se omiten las pruebas en el navegador."
        )
    if not AXE.exists():
        return "axe-core no está instalado (make test lo instala con npm en tests/navegador): se omiten."
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright para Python no está instalado (requirements-dev.txt)."
    return None


def pytest_collection_modifyitems(config, items):
    motivo = _motivo_para_omitir()
    if motivo and os.environ.get("PRUEBAS_NAVEGADOR_OBLIGATORIAS"):
        raise pytest.UsageError(motivo)
    for item in items:
        if "navegador" in item.nodeid.split("/"):
            item.add_marker(pytest.mark.navegador)
            if motivo:
                item.add_marker(pytest.mark.skip(reason=motivo))


@pytest.fixture
def navegador(monkeypatch):
    # One browser per test, not per session: Playwright's sync API keeps an event loop whose context would
    # otherwise give later tests a different database connection than the one Django prepared.
    # While it runs, the test's own ORM calls happen "inside" that loop: allowed for the test only.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        navegador = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTOS)
        yield navegador
        navegador.close()


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    """The demo content, as `make run` loads it, in the live server's database."""
    settings.DEBUG = True  # cargar_demo refuses otherwise; the pages themselves do not depend on it
    call_command("cargar_demo", password=CONTRASENA, verbosity=0)
    call_command("reindexar_busqueda", verbosity=0)
    settings.DEBUG = False


@pytest.fixture
def telefono(navegador):
    # bypass_csp: axe-core is injected as an inline script, which the site's policy rightly refuses.
    contexto = navegador.new_context(viewport={"width": 360, "height": 780}, locale="es-CO", bypass_csp=True)
    yield contexto.new_page()
    contexto.close()


@pytest.fixture
def escritorio(navegador):
    contexto = navegador.new_context(viewport={"width": 1280, "height": 900}, locale="es-CO", bypass_csp=True)
    yield contexto.new_page()
    contexto.close()


def revisar_accesibilidad(pagina):
    """Run axe-core in the page: WCAG 2.0/2.1 A and AA rules. Returns the violations (empty is good)."""
    pagina.add_script_tag(path=str(AXE))
    resultado = pagina.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultado["violations"]
    ]


def sin_desplazamiento_horizontal(pagina):
    return pagina.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def capturar(pagina, nombre):
    CAPTURAS.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=str(CAPTURAS / f"{nombre}.png"), full_page=True)
