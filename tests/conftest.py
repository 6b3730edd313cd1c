from pathlib import Path

import pytest


def pytest_unconfigure(config):
    """SQLite in WAL mode keeps a -wal and a -shm file beside the test database; Django removes only the
    database (``make test`` would leave 5 MB in the project on every run)."""
    from django.conf import settings

    nombre = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and nombre:
        for sufijo in ("-wal", "-shm"):
            Path(f"{nombre}{sufijo}").unlink(missing_ok=True)


@pytest.fixture(autouse=True, scope="session")
def _cache_de_las_pruebas():
    """Each test process keeps its own memory cache, as before the embedded SQLite cache: tests pin query
    counts with the per-version memory off (CACHE_COMPARTIDA), turn it on where they test it, and never share a
    cache file with `make run` or another test run. tests/portal/test_cache_sqlite.py tests that backend."""
    from django.test.utils import override_settings

    cambio = override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "OPTIONS": {"MAX_ENTRIES": 20_000},
            }
        },
        CACHE_COMPARTIDA=False,
    )
    cambio.enable()
    yield
    cambio.disable()


@pytest.fixture(autouse=True)
def _aislamiento(settings, tmp_path, monkeypatch):
    from django.core.cache import cache

    from portal import visitas

    cache.clear()  # no page cached by an earlier test, with other data, can answer this one
    # The visit counter flushes from a request at most once a minute: which request of a test that is depends
    # on the clock, and its queries would land in a query budget at random. Tests of the flush turn it on.
    monkeypatch.setattr(visitas, "_proximo_volcado", float("inf"))
    # Pages are rendered every time (query budgets measure that); tests/portal/test_cache_paginas.py turns
    # the page cache on to test it.
    settings.CACHE_PAGINAS_SEGUNDOS = 0
    """Uploaded files go to a temporary folder; static URLs need no collectstatic manifest."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVADO_ROOT = tmp_path / "privado"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def correos_enviados(db):
    """Call it after the code under test: runs the queued jobs, as a worker would, and returns ``mail.outbox``.

    Mail leaves through the job queue (``portal.tareas.enviar_correo``): nothing is in the outbox until then.
    """
    from django.core import mail

    from portal.tareas import ejecutar_pendientes

    def enviar():
        ejecutar_pendientes()
        return mail.outbox

    return enviar
