"""Per-connection limits (filing and follow-up lookups), without storing the address: each attempt keeps an
HMAC of the address keyed with SECRET_KEY and the day, and rows older than the window are deleted.

The limit is read before the person starts (the form says so at the top) and checked again on sending, where a
refusal shows the filled form again with the explanation: nothing typed is lost.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Intento

VENTANA = {"radicar": timedelta(hours=24), "consultar": timedelta(hours=1), "verificar": timedelta(hours=1)}


def _huella(accion, direccion, dia):
    clave = f"{settings.SECRET_KEY}:ventanilla:{accion}:{dia.isoformat()}".encode()
    return hmac.new(clave, (direccion or "").encode(), hashlib.sha256).hexdigest()


def _maximo(accion):
    return {
        "radicar": settings.PQRSD_RADICACIONES_POR_CLIENTE,
        "consultar": settings.PQRSD_CONSULTAS_POR_CLIENTE,
        "verificar": settings.VERIFICACIONES_FALLIDAS_POR_CLIENTE,
    }[accion]


def _huellas(accion, direccion, ahora):
    hoy = timezone.localdate(ahora)
    return [_huella(accion, direccion, hoy), _huella(accion, direccion, hoy - timedelta(days=1))]


def usados(accion, direccion, ahora=None):
    ahora = ahora or timezone.now()
    return Intento.objects.filter(
        accion=accion, huella__in=_huellas(accion, direccion, ahora), creado__gte=ahora - VENTANA[accion]
    ).count()


def agotado(accion, direccion, ahora=None):
    return usados(accion, direccion, ahora) >= _maximo(accion)


def contar(accion, direccion, ahora=None):
    ahora = ahora or timezone.now()
    Intento.objects.create(accion=accion, huella=_huellas(accion, direccion, ahora)[0], creado=ahora)


def limpiar(ahora=None):
    """Delete the attempts older than every window (the daily job does it)."""
    ahora = ahora or timezone.now()
    return Intento.objects.filter(creado__lt=ahora - timedelta(days=2)).delete()[0]
