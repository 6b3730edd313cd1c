"""Business days (días hábiles) for the legal terms of Ley 1755 de 2015.

A term in business days counts Monday to Friday except Colombia's national holidays and the days the
municipality suspended terms by decree. Holidays come from the ``holidays`` package, which follows Ley 51 de
1983 (Emiliani: most holidays move to the next Monday), the Easter-based days and later laws; suspended days
are ``DiaSuspendido`` rows the municipality edits in the admin. Counting starts on the business day after the
event that starts the term (Ley 4 de 1913 art. 62 and Ley 1755 art. 14: "dentro de los quince días siguientes
a su recepción"), so a petition filed on a Saturday has the Monday as its first day.
"""

from datetime import timedelta

import holidays

SABADO = 5

# Far enough for any term the law allows (30 days, doubled by an extension, plus a month to complete).
_MAXIMO_DE_DIAS = 3660


class Calendario:
    """Business days with a given set of suspended days; holidays are read from ``holidays`` per year."""

    def __init__(self, suspendidos=()):
        self.suspendidos = dict.fromkeys(suspendidos, "") if not isinstance(suspendidos, dict) else suspendidos
        self._festivos = holidays.country_holidays("CO", language="es")

    def festivo(self, dia):
        """The holiday's name, or ``None``."""
        return self._festivos.get(dia)

    def es_habil(self, dia):
        return dia.weekday() < SABADO and dia not in self._festivos and dia not in self.suspendidos

    def motivo_no_habil(self, dia):
        """Why ``dia`` is not a business day, in Spanish (empty when it is one)."""
        if dia.weekday() == SABADO:
            return "sábado"
        if dia.weekday() > SABADO:
            return "domingo"
        if nombre := self.festivo(dia):
            return f"festivo: {nombre}"
        if dia in self.suspendidos:
            motivo = self.suspendidos[dia]
            return f"términos suspendidos{': ' + motivo if motivo else ''}"
        return ""

    def siguiente_habil(self, dia):
        """The first business day strictly after ``dia``."""
        return self.sumar(dia, 1)

    def sumar(self, desde, dias):
        """The ``dias``-th business day after ``desde`` (``desde`` itself never counts)."""
        if dias < 0:
            raise ValueError("Un término no puede ser negativo.")
        dia = desde
        contados = 0
        for _ in range(_MAXIMO_DE_DIAS):
            if contados == dias:
                return dia
            dia += timedelta(days=1)
            if self.es_habil(dia):
                contados += 1
        raise ValueError("Término demasiado largo.")

    def habiles_entre(self, inicio, fin):
        """Business days after ``inicio`` up to and including ``fin`` (0 when ``fin`` is not after ``inicio``)."""
        contados = 0
        dia = inicio
        while dia < fin:
            dia += timedelta(days=1)
            if self.es_habil(dia):
                contados += 1
        return contados

    def vencimiento(self, desde, dias, *, calendario=False):
        """The due date of a term of ``dias`` starting after ``desde``: business days, or calendar days (some
        fichas state their response time in calendar days; a due date on a non-business day then moves to the
        next business day, as Ley 4 de 1913 art. 62 says)."""
        if not calendario:
            return self.sumar(desde, dias)
        vence = desde + timedelta(days=dias)
        return vence if self.es_habil(vence) else self.siguiente_habil(vence)


def calendario_vigente():
    """The calendar with the suspended days recorded in the admin (one query)."""
    from .models import DiaSuspendido

    return Calendario(dict(DiaSuspendido.objects.values_list("fecha", "motivo")))
