"""What a browser proved to know: the radicados it may open (by radicado and e-mail or code, or by the signed
link of an e-mail) and a new follow-up code to show once on the receipt.

Kept in a signed cookie (HttpOnly, SameSite=Lax, Secure in production), not in a server-side session: a
citizen who files or follows a petition costs no session row and no extra database write, and the follow-up
pages never take secrets in the URL. The signature (SECRET_KEY) keeps the list from being edited.
"""

import json

from django.conf import settings

COOKIE = "ventanilla"
SAL = "ventanilla.llavero"
DURACION = 60 * 60 * 24 * 30  # 30 days
MAXIMO = 20


class Llavero:
    def __init__(self, request):
        self.cambiado = False
        try:
            datos = json.loads(request.get_signed_cookie(COOKIE, default="{}", salt=SAL, max_age=DURACION))
        except (ValueError, TypeError):
            datos = {}
        self.radicados = [pk for pk in datos.get("r", []) if isinstance(pk, int)][:MAXIMO]
        nuevo = datos.get("c")
        self.codigo = nuevo if isinstance(nuevo, list) and len(nuevo) == 2 else None

    def conoce(self, radicado):
        return radicado.pk in self.radicados

    def recordar(self, radicado, codigo=None):
        self.radicados = [radicado.pk, *(pk for pk in self.radicados if pk != radicado.pk)][:MAXIMO]
        if codigo:
            self.codigo = [radicado.pk, codigo]
        self.cambiado = True

    def tomar_codigo(self, radicado):
        """The new follow-up code of ``radicado``, once: it is forgotten as it is read."""
        if not self.codigo or self.codigo[0] != radicado.pk:
            return None
        codigo = self.codigo[1]
        self.codigo = None
        self.cambiado = True
        return codigo

    def guardar(self, respuesta):
        if self.cambiado:
            datos = {"r": self.radicados, **({"c": self.codigo} if self.codigo else {})}
            respuesta.set_signed_cookie(
                COOKIE,
                json.dumps(datos, separators=(",", ":")),
                salt=SAL,
                max_age=DURACION,
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,
                samesite="Lax",
            )
        return respuesta
