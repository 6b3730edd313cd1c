"""Registrations of the outreach campaigns with the portal: the visit counter learns the valid codes and the
dashboard the names (portal does not import participa); the demo campaigns and visits."""

from portal import registro

from . import campanas_demo  # noqa: F401  (registers the demo loader)
from .models import Campana


def _codigos():
    return Campana.objects.values_list("codigo", flat=True)[:10_000]


def _descripciones(codigos):
    return {
        c.codigo: {"nombre": c.nombre, "medio": c.get_medio_display()}
        for c in Campana.objects.filter(codigo__in=list(codigos)).only("codigo", "nombre", "medio")
    }


registro.registrar_campanas(codigos=_codigos, descripciones=_descripciones)
