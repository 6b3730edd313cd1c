"""The Content-Security-Policy as a browser enforces it: public pages and the committee's dashboard load
without a single refused script or style (they have no inline style at all), and the policy does refuse an
inline style injected into them."""

import pytest

from .test_recorridos import entrar

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGINAS = ["/", "/noticias/", "/tramites/", "/transparencia/", "/buscar/?q=predial", "/participa/", "/no-existe/"]


def _violaciones(pagina):
    return pagina.evaluate("() => window.__violaciones || []")


def _vigilar(contexto):
    # Recorded from the first byte of every page: the browser reports each refusal as an event.
    contexto.add_init_script(
        "window.__violaciones = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__violaciones.push(e.violatedDirective + ' ' + e.blockedURI));"
    )


def test_paginas_publicas_y_tablero_sin_violaciones(live_server, demo, navegador):
    contexto = navegador.new_context(viewport={"width": 1280, "height": 900}, locale="es-CO")
    _vigilar(contexto)
    pagina = contexto.new_page()
    for ruta in PAGINAS:
        pagina.goto(live_server.url + ruta)
        assert _violaciones(pagina) == [], ruta
    entrar(pagina, live_server.url, "comite", siguiente="/gelt/")
    pagina.goto(live_server.url + "/gelt/")
    assert pagina.get_by_role("heading", level=1).count() == 1
    assert _violaciones(pagina) == [], "/gelt/"
    # The policy is really enforced: an inline style added to a public page is refused.
    pagina.goto(live_server.url + "/")
    pagina.evaluate(
        "() => { const s = document.createElement('style'); s.textContent = 'body{}'; document.head.append(s); }"
    )
    pagina.wait_for_function("() => window.__violaciones.length > 0")
    assert any(v.startswith("style-src") for v in _violaciones(pagina))
    contexto.close()
