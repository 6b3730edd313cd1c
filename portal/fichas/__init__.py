"""The standardized ficha (SUIT, Función Pública) shared by trámites and servicios.

Everything the two catalogues have in common lives here once: abstract models, admin, views, templates
(``templates/fichas/``), open data, import and metrics. The apps ``tramites`` and ``servicios`` declare the
concrete models and differ only where the standard makes them differ.
"""
