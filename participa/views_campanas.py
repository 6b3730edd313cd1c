"""Campaign short links ``/c/<código>/`` for the outreach activities, and their printable QR codes.

The redirect goes only to a path of this site (``Campana.destino`` is validated on saving and again here), so
a short link can never send people to another site. Following a link counts one campaign arrival and sets
nothing in the browser: no cookie, no parameter added to the destination.
"""

import io
import logging

import segno
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal import visitas
from portal.models.visitas import destino_valido
from portal.roles import es_del_comite

from .models import Campana

logger = logging.getLogger(__name__)

FORMATOS_QR = {"svg": "image/svg+xml", "png": "image/png"}


@never_cache
@require_safe
def ir(request, codigo):
    campana = get_object_or_404(Campana, codigo=codigo.lower(), activa=True)
    destino = campana.destino
    if not destino_valido(destino):  # saved around the form's validation: never leave the site
        logger.warning("La campaña «%s» tiene un destino no válido; se envía al inicio.", campana.codigo)
        destino = "/"
    visitas.contar_llegada(request, campana)
    return HttpResponseRedirect(destino)


@never_cache
@require_safe
def qr(request, codigo, formato):
    """The QR code of the short link, for posters: SVG (any size) or PNG. Committee and administrators only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not es_del_comite(request.user):
        raise PermissionDenied
    campana = get_object_or_404(Campana, codigo=codigo.lower())
    return HttpResponse(
        imagen_qr(request.build_absolute_uri(campana.get_absolute_url()), formato),
        content_type=FORMATOS_QR[formato],
        headers={"Content-Disposition": f'inline; filename="qr-{campana.codigo}.{formato}"'},
    )


def imagen_qr(url, formato):
    """A regular QR code (never Micro QR, which many phones cannot read) with error correction Q (25 %), so a
    poster still scans when it gets a little dirty or torn."""
    codigo = segno.make_qr(url, error="q", boost_error=False)
    salida = io.BytesIO()
    if formato == "svg":
        codigo.save(salida, kind="svg", scale=10, border=4, title=url, dark="#000", light="#fff")
    else:
        codigo.save(salida, kind="png", scale=20, border=4, dark="#000", light="#fff")
    return salida.getvalue()
