"""Registrations of each part of the app with the portal (demo loaders, transparency, sitemap, cache)."""

from . import consultas_registro, rendicion_registro  # noqa: F401
