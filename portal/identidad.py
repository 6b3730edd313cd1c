"""The municipality's identity and its published policies, as every public page shows them.

Kept by each process per content version when the cache is shared by every process (Redis), the way Django's
sites framework keeps the current Site, but exact across processes: any edit on any node bumps the shared
content version (``portal.cache_paginas``). With a per-process cache, which cannot tell what another process
changed, they are read on every call.
"""

from django.conf import settings

from . import cache_paginas
from .models import Municipio, Politica

_en_memoria = (None, None)  # (content version, identity)


def _leer():
    return {
        "municipio": Municipio.objects.prefetch_related("redes_sociales").actual(),
        "politicas": list(Politica.objects.publicadas().only("titulo", "slug")),
    }


def datos_de_identidad():
    """``{"municipio": Municipio, "politicas": [Politica]}``; treat them as read-only."""
    global _en_memoria
    if not settings.CACHE_COMPARTIDA:
        return _leer()
    version = cache_paginas.version()
    guardada, datos = _en_memoria
    if guardada != version:
        datos = _leer()
        _en_memoria = (version, datos)
    return datos


def municipio():
    return datos_de_identidad()["municipio"]
