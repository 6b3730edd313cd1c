"""``reverse`` remembered for the process: public pages reverse the same names (and the same slugs) on every
request, a few dozen times each (menu, cards, links), and Django recomputes every one.

The result depends only on the URLconf, the script prefix and the arguments, which are the cache's key.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=20_000)
def _url(urlconf, prefijo, nombre, argumentos):
    return reverse(nombre, urlconf=urlconf, kwargs=dict(argumentos))


def url(nombre, **kwargs):
    return _url(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), nombre, tuple(sorted(kwargs.items())))
