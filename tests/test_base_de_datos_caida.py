"""The Spanish 503 page while the database is down, also when the error comes from a middleware, not the view.

Found by bench/fallas.py: a page rendered just before PostgreSQL stopped, then the page cache asked the database
when the page may change (``proximo_cambio``) and the visitor got a 500 instead of the 503 page.
"""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError

pytestmark = pytest.mark.django_db


@pytest.fixture
def cliente(client, settings):
    settings.CACHE_PAGINAS_SEGUNDOS = 300  # the page cache on, as in production with Redis
    client.raise_request_exception = False  # as in production: the error becomes a response
    return client


@pytest.mark.parametrize("error", [OperationalError("server closed the connection"), InterfaceError("closed")])
def test_la_base_cae_mientras_la_cache_guarda_la_pagina(cliente, error):
    with mock.patch("portal.cache_paginas.proximo_cambio", side_effect=error):
        respuesta = cliente.get("/tramites/")
    assert respuesta.status_code == 503
    assert respuesta["Retry-After"] == "30"
    assert respuesta["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in respuesta  # the security headers still apply
    html = respuesta.content.decode()
    assert "El portal no está disponible en este momento" in html
    assert "Traceback" not in html and "server closed" not in html and "OperationalError" not in html


def test_otro_error_de_un_middleware_sigue_siendo_500(cliente):
    with mock.patch("portal.cache_paginas.proximo_cambio", side_effect=RuntimeError("fallo de prueba")):
        respuesta = cliente.get("/tramites/")
    assert respuesta.status_code == 500
    assert "fallo de prueba" not in respuesta.content.decode()


def test_la_pagina_siguiente_ya_no_esta_marcada(cliente):
    with mock.patch("portal.cache_paginas.proximo_cambio", side_effect=OperationalError("caída")):
        assert cliente.get("/tramites/").status_code == 503
    assert cliente.get("/tramites/").status_code == 200
