"""When each channel was last updated and whether it is overdue.

Web sections derive it from the portal's own data (the latest publication); external channels (radio,
perifoneo, social networks…) from the updates logged by hand.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max
from django.utils import timezone

import portal.metrics
import servicios.metrics
import tramites.metrics

from .models import Canal

DIAS_DE_AVISO = 7

_ULTIMA_DE_SECCION = {
    Canal.Seccion.NOTICIAS: lambda: portal.metrics.ultima_publicacion("noticias"),
    Canal.Seccion.EVENTOS: lambda: portal.metrics.ultima_publicacion("eventos"),
    Canal.Seccion.TRANSPARENCIA: lambda: portal.metrics.ultima_publicacion("documentos"),
    Canal.Seccion.TRAMITES: tramites.metrics.ultima_actualizacion,
    Canal.Seccion.SERVICIOS: servicios.metrics.ultima_actualizacion,
}


@dataclass
class EstadoCanal:
    canal: Canal
    ultima: date | None
    vence: date | None
    dias_atraso: int

    @property
    def vencido(self):
        return self.ultima is None or self.dias_atraso > 0

    @property
    def por_vencer(self):
        return not self.vencido and self.dias_atraso > -DIAS_DE_AVISO

    @property
    def etiqueta(self):
        if self.ultima is None:
            return "Sin actualizaciones"
        if self.vencido:
            return f"Atrasado {self.dias_atraso} día{'s' if self.dias_atraso != 1 else ''}"
        if self.por_vencer:
            return f"Vence en {-self.dias_atraso} día{'s' if self.dias_atraso != -1 else ''}"
        return "Al día"


def _a_fecha(valor):
    if valor is None:
        return None
    return timezone.localtime(valor).date() if hasattr(valor, "tzinfo") else valor


def estado_de_canales(hoy=None, responsable=None):
    """Every active channel with its last update, soonest due first (constant number of queries)."""
    hoy = hoy or timezone.localdate()
    canales = (
        Canal.objects.filter(activo=True)
        .select_related("responsable")
        .annotate(ultima_manual=Max("actualizaciones__fecha"))
    )
    if responsable is not None:
        canales = canales.filter(responsable=responsable)
    secciones = {}
    estados = []
    for canal in canales:
        if canal.seccion_web:
            if canal.seccion_web not in secciones:
                secciones[canal.seccion_web] = _a_fecha(_ULTIMA_DE_SECCION[canal.seccion_web]())
            ultima = secciones[canal.seccion_web]
        else:
            ultima = canal.ultima_manual
        vence = ultima + timezone.timedelta(days=canal.frecuencia_dias) if ultima else None
        atraso = (hoy - vence).days if vence else 0
        estados.append(EstadoCanal(canal, ultima, vence, atraso))
    return sorted(estados, key=lambda e: (e.ultima is not None, -(e.dias_atraso)))
