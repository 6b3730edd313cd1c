"""Registries that the apps above ``portal`` fill from their ``AppConfig.ready()``, so ``portal`` shows their
content (on a dependencia's page, on the home page) without importing them."""

_por_dependencia = []
_accesos_inicio = []


def registrar_contenido_de_dependencia(proveedor):
    """``proveedor(dependencia)`` returns ``{"titulo": str, "items": [obj, …]}`` for the dependencia page."""
    _por_dependencia.append(proveedor)


def registrar_acceso_inicio(proveedor):
    """``proveedor()`` returns ``{"titulo": str, "url": str, "items": [obj, …]}`` for the home page."""
    _accesos_inicio.append(proveedor)


def contenido_de_dependencia(dependencia):
    return [bloque for bloque in (p(dependencia) for p in _por_dependencia) if bloque["items"]]


def accesos_inicio():
    return [bloque for bloque in (p() for p in _accesos_inicio) if bloque["items"]]
