"""Settings for ``bench/paginas.py``: the project's own plus a bare Django view to compare against."""

from tablon_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls_paginas"
