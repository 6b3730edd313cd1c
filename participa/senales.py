"""Registrations of each part of the app with the portal (demo loaders, transparency, sitemap, cache)."""

from . import (  # noqa: F401
    campanas_registro,
    consultas_registro,
    encuesta_registro,
    planeacion_registro,
    rendicion_registro,
)
