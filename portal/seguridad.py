"""HTTP security headers for every response (Resolución 1519, Anexo 3): a Content-Security-Policy without
'unsafe-inline' scripts, a Permissions-Policy, and no framing.

The site's own pages run no inline JavaScript. The admin's rich-text editor declares an import map inline;
instead of allowing every inline script, the policy lists the SHA-256 hash of each inline script block the
response actually contains (JSON data blocks are not executed and need nothing).
"""

import base64
import hashlib
import re

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

_SCRIPT_EN_LINEA = re.compile(rb"<script(?P<atributos>(?![^>]*\bsrc=)[^>]*)>(?P<codigo>.*?)</script>", re.S | re.I)
_DATOS = re.compile(rb"""type\s*=\s*["']?application/(?:ld\+)?json""", re.I)

POLITICA = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
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
        respuesta.setdefault("Content-Security-Policy", POLITICA.format(hashes="".join(f" {h}" for h in hashes)))
        respuesta.setdefault("Permissions-Policy", PERMISOS)
        respuesta.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return respuesta


class BaseDeDatosNoDisponible:
    """While the database is down (a restart, a failover) answer a Spanish 503 page, with Retry-After, instead
    of a generic error; the connection health checks reconnect by themselves once it is back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # Rendered without request context: the context processors would query the database that is down.
        respuesta = HttpResponse(render_to_string("503.html"), status=503)
        respuesta["Retry-After"] = "30"
        respuesta["Cache-Control"] = "no-store"
        return respuesta
