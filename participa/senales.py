"""Registrations of each part of the app with the portal (demo loaders, transparency, sitemap, cache)."""

from . import campanas_registro, consultas_registro, encuesta_registro, rendicion_registro  # noqa: F401
