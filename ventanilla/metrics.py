"""Figures of the ventanilla for the committee's dashboard and the GEL self-check (read by ``gelt``; this app
never imports it). Counts only, never a petitioner's data."""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from . import informes
from .models import Radicado


def resumen(desde: date, hasta: date):
    """The interaction figures of radicados filed between the two dates: received, answered, answered in time,
    the share in time (None with nothing answered), the median business days to answer, open overdue."""
    informe = informes.calcular(informes.Periodo("", "", desde, hasta))
    return {
        "recibidas": informe.recibidas,
        "respondidas": informe.respondidas,
        "a_tiempo": informe.a_tiempo,
        "porcentaje_a_tiempo": informe.porcentaje_a_tiempo,
        "mediana_dias": informe.mediana_dias,
        "vencidas_abiertas": informe.pendientes_vencidas,
    }


def porcentaje_a_tiempo(anio: int):
    """Share (0-100) of the year's answered radicados answered within their term, or None."""
    return resumen(date(anio, 1, 1), date(anio, 12, 31))["porcentaje_a_tiempo"]


def mediana_dias_habiles(anio: int):
    return resumen(date(anio, 1, 1), date(anio, 12, 31))["mediana_dias"]


def funciona_en_linea():
    """For the self-check: PQRSD are filed on the portal and followed by radicado (some filed on the web,
    some answered and their answer opened by the petitioner)."""
    cifras = Radicado.objects.aggregate(
        web=Count("pk", filter=Q(canal="web")),
        respondidas=Count("pk", filter=Q(respondida_en__isnull=False)),
        leidas=Count("pk", filter=Q(notificada_en__isnull=False)),
    )
    return cifras


def vencidas_hoy():
    return Radicado.objects.vencidos(timezone.localdate()).count()


def transacciones():
    """For the self-check of the transaction phase: online trámite requests, certificates issued with their
    verification, electronic notifications that took effect."""
    from .models import Certificado, Tipo

    solicitudes = Radicado.objects.filter(tipo=Tipo.TRAMITE)
    return {
        "solicitudes": solicitudes.count(),
        "resueltas": solicitudes.filter(respondida_en__isnull=False).count(),
        "certificados": Certificado.objects.exclude(sha256="").count(),
        "notificadas": Radicado.objects.filter(notificacion_electronica=True, notificada_en__isnull=False).count(),
    }
