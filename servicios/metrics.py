"""Figures of servicios for the Comité GEL-T's indicators (gelt calls these; it never reads the tables)."""

from portal.fichas import metricas as _metricas

from .models import Servicio


def metricas(anio=None):
    return _metricas.metricas(Servicio, anio=anio)


def metricas_por_dependencia():
    return _metricas.metricas_por_dependencia(Servicio)


def published_ratio(anio=None):
    """% of identified servicios that are published (None when none is identified)."""
    return metricas(anio).porcentaje_publicadas


def automated_ratio(anio=None):
    """% of identified servicios that can be done totally online."""
    return metricas(anio).porcentaje_automatizadas


def publicaciones(desde, hasta):
    return _metricas.publicaciones(Servicio, desde, hasta)


def publicaciones_por_mes(desde, hasta):
    return _metricas.publicaciones_por_mes(Servicio, desde, hasta)


def ultima_actualizacion():
    return _metricas.ultima_actualizacion(Servicio)


def no_publicadas():
    return _metricas.no_publicadas(Servicio)


def no_automatizadas():
    return _metricas.no_automatizadas(Servicio)


def revision_pendiente(dias=30):
    return _metricas.revision_pendiente(Servicio, dias=dias)


def solicitables_en_linea():
    return _metricas.solicitables_en_linea(Servicio)
