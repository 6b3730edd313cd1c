"""Per-connection limits (filing, follow-up lookups, and what other apps register: comments on draft norms,
budget votes), without storing the address: each attempt keeps an HMAC of the address keyed with SECRET_KEY
and the day, and rows older than two days are deleted.

The limit is read before the person starts (the form says so at the top) and checked again on sending, where a
refusal shows the filled form again with the explanation: nothing typed is lost.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Intento

# acción -> (window, name of the setting with the maximum in that window)
_LIMITES = {}


def registrar(accion, *, ventana, ajuste):
    """A per-connection limit on ``accion``: at most ``settings.<ajuste>`` attempts in ``ventana`` (two days at
    most: older attempts are deleted daily). Apps call it when imported (participa registers its own)."""
    if ventana > timedelta(days=1):
        raise ValueError("Un límite por conexión cubre a lo sumo un día.")
    _LIMITES[accion] = (ventana, ajuste)


registrar("radicar", ventana=timedelta(hours=24), ajuste="PQRSD_RADICACIONES_POR_CLIENTE")
registrar("consultar", ventana=timedelta(hours=1), ajuste="PQRSD_CONSULTAS_POR_CLIENTE")
registrar("verificar", ventana=timedelta(hours=1), ajuste="VERIFICACIONES_FALLIDAS_POR_CLIENTE")


def _huella(accion, direccion, dia):
    clave = f"{settings.SECRET_KEY}:ventanilla:{accion}:{dia.isoformat()}".encode()
    return hmac.new(clave, (direccion or "").encode(), hashlib.sha256).hexdigest()


def _maximo(accion):
    return getattr(settings, _LIMITES[accion][1])


def _huellas(accion, direccion, ahora):
    hoy = timezone.localdate(ahora)
    return [_huella(accion, direccion, hoy), _huella(accion, direccion, hoy - timedelta(days=1))]


def usados(accion, direccion, ahora=None):
    ahora = ahora or timezone.now()
    return Intento.objects.filter(
        accion=accion, huella__in=_huellas(accion, direccion, ahora), creado__gte=ahora - _LIMITES[accion][0]
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
