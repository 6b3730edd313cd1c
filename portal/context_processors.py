from django.utils.functional import SimpleLazyObject

from .models import Municipio, Politica


def identidad(request):
    """The municipality's identity and the policy links for the header and footer of every page.

    Read lazily: three queries in all, whatever the page.
    """
    return {
        # Canonical address of the page: no query string (filters and pages are views of the same page).
        "url_canonica": request.build_absolute_uri(request.path),
        "municipio": SimpleLazyObject(lambda: Municipio.objects.prefetch_related("redes_sociales").actual()),
        "politicas": SimpleLazyObject(lambda: list(Politica.objects.publicadas().only("titulo", "slug"))),
    }
