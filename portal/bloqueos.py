"""Lockout of repeated failed logins to the back office (django-axes), without letting anyone lock out an
account they do not hold.

Counting failures per user name alone let anybody lock out a known official (five wrong passwords for
``comite`` from any address refused the right password from every address). So the pair (user name, address)
is what locks after ``AXES_FAILURE_LIMIT`` failures: the official at another address can still log in. An
address trying many user names (guessing accounts) is locked on its own after the higher
``AXES_LIMITE_POR_DIRECCION``, counted over every user name it tried.

django-axes counts one number for every parameter set and compares it with one limit, so this handler reports
the address alone as "at the limit" only once it reaches its own, higher limit.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum


def _fallos(intentos):
    return intentos.aggregate(n=Sum("failures_since_start"))["n"] or 0


class BloqueoPorParYDireccion(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        parametros = get_lockout_parameters(request, credentials)
        limite = get_failure_limit(request, credentials)
        limite_direccion = settings.AXES_LIMITE_POR_DIRECCION
        fallos = 0
        for parametro, intentos in zip(parametros, self.get_user_attempts(request, credentials), strict=True):
            cuenta = _fallos(intentos)
            if parametro == "ip_address":
                # Scaled so that reaching the address's own limit reads as reaching AXES_FAILURE_LIMIT.
                cuenta = limite if cuenta >= limite_direccion else min(cuenta, limite - 1)
            fallos = max(fallos, cuenta)
        return fallos

    def reset_user_attempts(self, request, credentials=None):
        # A successful login clears the failures of that user name at that address only: clearing the address's
        # failures for every user name would let someone holding one account guess others' passwords forever,
        # logging in with their own between tries.
        parametros = get_lockout_parameters(request, credentials)
        borrados = 0
        for parametro, intentos in zip(parametros, self.filter_user_attempts(request, credentials), strict=True):
            if parametro != "ip_address":
                borrados += intentos.delete()[0]
        return borrados
