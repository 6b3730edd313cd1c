"""HTTP security headers for every response (Resolución 1519, Anexo 3): a Content-Security-Policy without
'unsafe-inline' scripts (nor inline styles outside the back office), a Permissions-Policy, and no framing.

The site's own pages run no inline JavaScript. The admin's rich-text editor declares an import map inline;
instead of allowing every inline script, the policy lists the SHA-256 hash of each inline script block the
response actually contains (JSON data blocks are not executed and need nothing).
"""

import base64
import hashlib
import re
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

_SCRIPT_EN_LINEA = re.compile(rb"<script(?P<atributos>(?![^>]*\bsrc=)[^>]*)>(?P<codigo>.*?)</script>", re.S | re.I)
_DATOS = re.compile(rb"""type\s*=\s*["']?application/(?:ld\+)?json""", re.I)

POLITICA = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self'{estilos}; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PERMISOS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


def hashes_de_scripts(html):
    """CSP source expressions for the inline, executable script blocks of an HTML document."""
    hashes = []
    for bloque in _SCRIPT_EN_LINEA.finditer(html):
        if _DATOS.search(bloque.group("atributos")):
            continue
        resumen = base64.b64encode(hashlib.sha256(bloque.group("codigo")).digest()).decode()
        hashes.append(f"'sha256-{resumen}'")
    return hashes


class CabecerasDeSeguridad:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respuesta = self.get_response(request)
        hashes = []
        es_html = respuesta.get("Content-Type", "").startswith("text/html")
        if es_html and not respuesta.streaming and b"<script" in respuesta.content:
            hashes = hashes_de_scripts(respuesta.content)
        # Public pages and the dashboard carry no inline style at all; only the back office (Django's admin
        # widgets and the rich-text editor set style attributes) needs them.
        estilos = " 'unsafe-inline'" if request.path.startswith("/" + settings.ADMIN_URL) else ""
        politica = POLITICA.format(hashes="".join(f" {h}" for h in hashes), estilos=estilos)
        respuesta.setdefault("Content-Security-Policy", politica)
        respuesta.setdefault("Permissions-Policy", PERMISOS)
        respuesta.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return respuesta


def _es_caida_de_la_base(error):
    return isinstance(error, OperationalError | InterfaceError)


def _anotar_caida(sender, request=None, **kwargs):
    """Django turns an error raised by a middleware into a 500 response before the middleware above it sees
    the exception (``process_exception`` only receives the view's). It announces every such error with
    ``got_request_exception`` while handling it, so the exception is still in ``sys.exc_info()``."""
    if request is not None and _es_caida_de_la_base(sys.exc_info()[1]):
        request.base_de_datos_no_disponible = True


class BaseDeDatosNoDisponible:
    """While the database is down (a restart, a failover) answer a Spanish 503 page, with Retry-After, instead
    of a generic error; the connection health checks reconnect by themselves once it is back.

    Errors of the view come to ``process_exception``. Those of the middlewares below this one (the page cache
    asks the database when a page it is about to keep may change) arrive as a 500 response already, marked on
    the request by ``_anotar_caida``, and get the same 503 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_anotar_caida, dispatch_uid="portal-base-de-datos-no-disponible")

    def __call__(self, request):
        respuesta = self.get_response(request)
        if respuesta.status_code == 500 and getattr(request, "base_de_datos_no_disponible", False):
            return self.pagina()
        return respuesta

    def process_exception(self, request, exception):
        return self.pagina() if _es_caida_de_la_base(exception) else None

    @staticmethod
    def pagina():
        # Rendered without request context: the context processors would query the database that is down.
        respuesta = HttpResponse(render_to_string("503.html"), status=503)
        respuesta["Retry-After"] = "30"
        respuesta["Cache-Control"] = "no-store"
        return respuesta
