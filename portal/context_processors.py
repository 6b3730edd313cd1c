from django.conf import settings

from . import cache_paginas
from .models import Municipio, Politica

# (content version, identity) kept by this process: the way Django's sites framework keeps the current Site,
# but exact across processes, since any edit on any node bumps the shared content version.
_en_memoria = (None, None)


def _leer():
    return {
        "municipio": Municipio.objects.prefetch_related("redes_sociales").actual(),
        "politicas": list(Politica.objects.publicadas().only("titulo", "slug")),
    }


def datos_de_identidad():
    """The identity and the policies: read once per content version when the cache is shared by every process
    (Redis); with a per-process cache, which cannot tell what another process changed, read every time."""
    global _en_memoria
    if not settings.CACHE_COMPARTIDA:
        return _leer()
    version = cache_paginas.version()
    guardada, datos = _en_memoria
    if guardada != version:
        datos = _leer()
        _en_memoria = (version, datos)
    return datos


def identidad(request):
    """The municipality's identity and the policy links for the header and footer of every page."""
    return {
        # Canonical address of the page: no query string (filters and pages are views of the same page).
        "url_canonica": request.build_absolute_uri(request.path),
        **datos_de_identidad(),
    }
