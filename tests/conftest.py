import pytest


@pytest.fixture(autouse=True)
def _aislamiento(settings, tmp_path):
    from django.core.cache import cache

    cache.clear()  # no page cached by an earlier test, with other data, can answer this one
    # Pages are rendered every time (query budgets measure that); tests/portal/test_cache_paginas.py turns
    # the page cache on to test it.
    settings.CACHE_PAGINAS_SEGUNDOS = 0
    """Uploaded files go to a temporary folder; static URLs need no collectstatic manifest."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
