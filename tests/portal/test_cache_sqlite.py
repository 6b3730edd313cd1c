"""The embedded default cache (no REDIS_URL): one SQLite file shared by the processes of one machine, with
add and incr atomic across them, so the page cache and the content version are exact without Redis."""

import multiprocessing
import time

import pytest

from portal.cache_sqlite import CacheSQLite


def nueva(ruta):
    return CacheSQLite(str(ruta), {})


@pytest.fixture
def ruta(tmp_path):
    return tmp_path / "cache.sqlite3"


def test_la_api_de_django(ruta):
    cache = nueva(ruta)
    assert cache.get("x") is None and cache.get("x", 5) == 5
    cache.set("x", {"a": [1, 2]}, 60)
    assert cache.get("x") == {"a": [1, 2]}
    assert cache.add("x", "otro") is False and cache.get("x") == {"a": [1, 2]}
    assert cache.add("n", 1) is True and cache.incr("n") == 2 and cache.incr("n", 5) == 7 and cache.get("n") == 7
    cache.set("b", True)
    assert cache.get("b") is True
    with pytest.raises(ValueError):
        cache.incr("no-existe")
    assert cache.touch("x", 120) and cache.has_key("x")
    assert cache.delete("x") and not cache.has_key("x")
    cache.set("cero", 1, 0)  # Django: a timeout of 0 expires at once
    assert cache.get("cero") is None
    cache.clear()
    assert cache.get("n") is None


def test_caduca_y_add_escribe_sobre_lo_caducado(ruta):
    cache = nueva(ruta)
    cache.set("k", "viejo", 1)
    assert cache.add("k", "nuevo", 60) is False
    time.sleep(1.1)
    assert cache.get("k") is None and not cache.has_key("k")
    with pytest.raises(ValueError):
        cache.incr("k")
    assert cache.add("k", "nuevo", 60) is True and cache.get("k") == "nuevo"


def test_dos_procesos_ven_lo_mismo(ruta):
    # Two backends with their own connections, as two gunicorn workers have.
    uno, otro = nueva(ruta), nueva(ruta)
    uno.set("portal:version-de-contenido", 10, None)
    assert otro.incr("portal:version-de-contenido") == 11
    assert uno.get("portal:version-de-contenido") == 11


def _sumar(ruta, veces):
    cache = nueva(ruta)
    for _ in range(veces):
        cache.incr("contador")


def _agregar(ruta, cola):
    cola.put(nueva(ruta).add("primero", 1, 60))


def test_incr_y_add_son_atomicos_entre_procesos(ruta):
    nueva(ruta).set("contador", 0, None)
    contexto = multiprocessing.get_context("spawn")
    procesos = [contexto.Process(target=_sumar, args=(str(ruta), 200)) for _ in range(4)]
    for p in procesos:
        p.start()
    for p in procesos:
        p.join(60)
    assert nueva(ruta).get("contador") == 800  # no increment lost (FileBasedCache loses them)
    cola = contexto.Queue()
    procesos = [contexto.Process(target=_agregar, args=(str(ruta), cola)) for _ in range(6)]
    for p in procesos:
        p.start()
    for p in procesos:
        p.join(60)
    assert sorted(cola.get(timeout=5) for _ in procesos) == [False] * 5 + [True]


def test_una_edicion_invalida_las_paginas_de_todos_los_procesos(ruta, settings):
    """The page cache on the embedded cache: a page kept by one process is not served after another process
    saved content (the content version lives in the shared file)."""
    from django.core.cache import caches

    from portal import cache_paginas

    settings.CACHES = {"default": {"BACKEND": "portal.cache_sqlite.CacheSQLite", "LOCATION": str(ruta)}}
    settings.CACHE_COMPARTIDA = True
    assert isinstance(caches["default"], CacheSQLite)
    antes = cache_paginas.version()
    nueva(ruta).incr(cache_paginas.CLAVE_VERSION)  # "another worker" saved something
    assert cache_paginas.version() == antes + 1


def test_sin_redis_el_portal_usa_la_cache_sqlite_con_paginas():
    from tests.test_configuracion import ejecutar_manage

    codigo = (
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'], "
        "settings.CACHE_COMPARTIDA, settings.CACHE_PAGINAS_SEGUNDOS)"
    )
    sin_redis = ejecutar_manage("shell", "-c", codigo, DEBUG="0", LOCAL="1", REDIS_URL="")  # as `make run`
    assert sin_redis.stdout.strip().splitlines()[-1] == "portal.cache_sqlite.CacheSQLite True 300", sin_redis.stderr
