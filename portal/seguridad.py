"""HTTP security headers for every response (Resolución 1519, Anexo 3): a Content-Security-Policy without
'unsafe-inline' scripts (nor inline styles outside the back office), a Permissions-Policy, and no framing.

The site's own pages run no inline JavaScript: their policy is ``script-src 'self'``. The one inline script
the portal ships is the import map of the admin's rich-text editor (django-prose-editor); the back office's
policy allows exactly its SHA-256 hash, computed once per process from the import map itself (its content
depends only on the static files' names). Hashing whatever inline script a response happened to contain
would allow injected markup too. JSON data blocks (``application/ld+json``) are not executed and need nothing.

Hand-written rather than django-csp: Django 5.2 ships no CSP (Django 6.0 does), and neither could give the
editor's import map a nonce, since Django's form ``Media`` renders it without one; a fixed hash is what both
would need. Move to ``django.middleware.csp`` with the upgrade to Django 6.
"""

import base64
import functools
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
# Uploaded files are data, never a page: an SVG or HTML that slipped through runs nothing and loads nothing.
POLITICA_ARCHIVOS = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'"
PERMISOS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


def hashes_de_scripts(html):
    """CSP source expressions for the inline, executable script blocks of an HTML fragment."""
    hashes = []
    for bloque in _SCRIPT_EN_LINEA.finditer(html):
        if _DATOS.search(bloque.group("atributos")):
            continue
        resumen = base64.b64encode(hashlib.sha256(bloque.group("codigo")).digest()).decode()
        hashes.append(f"'sha256-{resumen}'")
    return hashes


def scripts_del_portal():
    """The inline scripts the portal ships, as the back office renders them."""
    from django_prose_editor.widgets import importmap

    return [str(importmap)]


@functools.lru_cache(maxsize=4)
def _hashes_fijos(url_estaticos, almacen):
    # Keyed by what the import map's paths depend on (tests switch the static storage).
    return "".join(f" {h}" for s in scripts_del_portal() for h in hashes_de_scripts(s.encode()))


def hashes_permitidos():
    return _hashes_fijos(settings.STATIC_URL, settings.STORAGES["staticfiles"]["BACKEND"])


class CabecerasDeSeguridad:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respuesta = self.get_response(request)
        # Only the back office (Django's admin widgets and the rich-text editor set style attributes) needs
        # inline styles and the editor's import map; public pages and the dashboard carry neither.
        es_administracion = request.path.startswith("/" + settings.ADMIN_URL)
        if request.path.startswith(settings.MEDIA_URL):
            politica = POLITICA_ARCHIVOS
        else:
            politica = POLITICA.format(
                hashes=hashes_permitidos() if es_administracion else "",
                estilos=" 'unsafe-inline'" if es_administracion else "",
            )
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
