from .identidad import de_la_peticion


def identidad(request):
    """The municipality's identity and the policy links for the header and footer of every page."""
    return {
        # Canonical address of the page: no query string (filters and pages are views of the same page).
        "url_canonica": request.build_absolute_uri(request.path),
        **de_la_peticion(request),
    }
