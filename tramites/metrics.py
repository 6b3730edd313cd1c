"""Figures of tramites for the Comité GEL-T's indicators (gelt calls these; it never reads the tables)."""

from portal.fichas import metricas as _metricas

from .models import Tramite


def metricas(anio=None):
    return _metricas.metricas(Tramite, anio=anio)


def metricas_por_dependencia():
    return _metricas.metricas_por_dependencia(Tramite)


def published_ratio(anio=None):
    """% of identified tramites that are published (None when none is identified)."""
    return metricas(anio).porcentaje_publicadas


def automated_ratio(anio=None):
    """% of identified tramites that can be done totally online."""
    return metricas(anio).porcentaje_automatizadas


def publicaciones(desde, hasta):
    return _metricas.publicaciones(Tramite, desde, hasta)


def publicaciones_por_mes(desde, hasta):
    return _metricas.publicaciones_por_mes(Tramite, desde, hasta)


def ultima_actualizacion():
    return _metricas.ultima_actualizacion(Tramite)


def no_publicadas():
    return _metricas.no_publicadas(Tramite)


def no_automatizadas():
    return _metricas.no_automatizadas(Tramite)


def revision_pendiente(dias=30):
    return _metricas.revision_pendiente(Tramite, dias=dias)


def solicitables_en_linea():
    return _metricas.solicitables_en_linea(Tramite)
