"""The municipality's identity and its published policies, as every public page shows them.

Kept by each process per content version when the cache is shared (``cache_paginas.por_version``), the way
Django's sites framework keeps the current Site, but exact across processes.
"""

from . import cache_paginas
from .models import Municipio, Politica


def _leer():
    return {
        "municipio": Municipio.objects.prefetch_related("redes_sociales").actual(),
        "politicas": list(Politica.objects.publicadas().only("titulo", "slug")),
    }


def datos_de_identidad():
    """``{"municipio": Municipio, "politicas": [Politica]}``; treat them as read-only."""
    return cache_paginas.por_version("identidad", _leer)


def municipio():
    return datos_de_identidad()["municipio"]


def de_la_peticion(request):
    """``datos_de_identidad()`` read once per request: the view (structured data) and the context processor
    both need it, and without a shared cache ``por_version`` keeps nothing."""
    if not hasattr(request, "_identidad"):
        request._identidad = datos_de_identidad()
    return request._identidad
