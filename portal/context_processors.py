from django.utils.functional import SimpleLazyObject

from .models import Municipio, Politica


def identidad(request):
    """The municipality's identity and the policy links for the header and footer of every page.

    Read lazily: three queries in all, whatever the page.
    """
    return {
        "municipio": SimpleLazyObject(lambda: Municipio.objects.prefetch_related("redes_sociales").actual()),
        "politicas": SimpleLazyObject(lambda: list(Politica.objects.publicadas().only("titulo", "slug"))),
    }
