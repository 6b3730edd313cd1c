"""Per-connection limit on comments, the ventanilla's way (``ventanilla.limites``): each comment keeps an
``Intento`` with an HMAC of the address keyed with SECRET_KEY and the day, never the address. Read before the
person starts (the form says so at the top) and checked again on sending, where the filled form comes back."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ventanilla.models import Intento

ACCION = "comentar"
VENTANA = timedelta(hours=24)

MENSAJE_LIMITE = (
    "Desde esta conexión ya se enviaron muchos comentarios hoy, así que no podemos recibir más por el portal "
    "hasta mañana. Si comparte la conexión (un café internet, un colegio), entregue su comentario por escrito "
    "en la ventanilla de la alcaldía: cuenta igual."
)


def maximo():
    return settings.CONSULTAS_COMENTARIOS_POR_CLIENTE


def _huella(direccion, dia):
    clave = f"{settings.SECRET_KEY}:participa:{ACCION}:{dia.isoformat()}".encode()
    return hmac.new(clave, (direccion or "").encode(), hashlib.sha256).hexdigest()


def _huellas(direccion, ahora):
    hoy = timezone.localdate(ahora)
    return [_huella(direccion, hoy), _huella(direccion, hoy - timedelta(days=1))]


def agotado(direccion, ahora=None):
    ahora = ahora or timezone.now()
    usados = Intento.objects.filter(
        accion=ACCION, huella__in=_huellas(direccion, ahora), creado__gte=ahora - VENTANA
    ).count()
    return usados >= maximo()


def contar(direccion, ahora=None):
    ahora = ahora or timezone.now()
    Intento.objects.create(accion=ACCION, huella=_huellas(direccion, ahora)[0], creado=ahora)
