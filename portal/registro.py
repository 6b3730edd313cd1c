"""Registries that the apps above ``portal`` fill from their ``AppConfig.ready()``, so ``portal`` shows their
content (on a dependencia's page, on the home page) without importing them."""

_por_dependencia = []
_accesos_inicio = []
_mapa = []
_modelos_de_ficha = {}
_participacion = []
_momentos_de_cambio = []
_publicaciones_derivadas = {}


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


def registrar_en_mapa(*, clave, sitemap=None, etiqueta="", ruta="", orden=100):
    """A ``Sitemap`` for /sitemap.xml under ``clave`` and, with ``etiqueta`` and ``ruta`` (a route name), an
    entry in the human site map."""
    _mapa.append({"clave": clave, "etiqueta": etiqueta, "ruta": ruta, "sitemap": sitemap, "orden": orden})
    _mapa.sort(key=lambda entrada: entrada["orden"])


def secciones_del_mapa():
    return [{"etiqueta": e["etiqueta"], "ruta": e["ruta"]} for e in _mapa if e["ruta"]]


def sitemaps():
    from .sitemaps import RutasSitemap

    mapas = {e["clave"]: e["sitemap"] for e in _mapa if e["sitemap"] is not None}
    mapas["secciones"] = RutasSitemap([e["ruta"] for e in _mapa if e["ruta"]])
    return mapas


def registrar_modelo_de_ficha(modelo):
    """A concrete ficha model (Tramite, Servicio), by its model name, for commands that take ``--tipo``."""
    _modelos_de_ficha[modelo._meta.model_name] = modelo


def modelos_de_ficha():
    return dict(_modelos_de_ficha)


def registrar_participacion(proveedor):
    """``proveedor()`` returns ``{"titulo", "texto", "url", "enlace"}`` (or None) for the Participa page."""
    _participacion.append(proveedor)


def bloques_de_participacion():
    return [bloque for bloque in (p() for p in _participacion) if bloque]


def registrar_momento_de_cambio(funcion):
    """``funcion(ahora)`` returns the next datetime at which public pages change without a save (a scheduled
    publication, an expiry, an event that ends, a survey that opens), or None."""
    _momentos_de_cambio.append(funcion)


def momentos_de_cambio():
    return list(_momentos_de_cambio)


def registrar_publicacion_derivada(numero, proveedor):
    """What the portal itself publishes for a transparency subsection (Resolución 1519), so the menu never says
    "Sin publicar" beside it: ``proveedor()`` returns ``[{"titulo": str, "url": str}, …]`` (empty when there is
    nothing yet). Open data (7.2) comes from the ficha catalogues, the survey results from ``gelt``, and the
    PQRSD report (4.10) from ``ventanilla`` when it registers. Each provider costs at most one small query."""
    _publicaciones_derivadas.setdefault(numero, []).append(proveedor)


def publicaciones_derivadas(numero=None):
    """``{numero: [{"titulo", "url"}, …]}`` of the subsections with something derived (or the list of one)."""
    if numero is not None:
        return [item for proveedor in _publicaciones_derivadas.get(numero, []) for item in proveedor()]
    resultado = {}
    for clave in _publicaciones_derivadas:
        items = publicaciones_derivadas(clave)
        if items:
            resultado[clave] = items
    return resultado


_campanas = {}


def registrar_campanas(*, codigos, descripciones):
    """The outreach campaigns (``participa``): ``codigos()`` returns every campaign code (a visit counts a campaign
    only when its code is one of them) and ``descripciones(codigos)`` returns ``{código: {"nombre", "medio"}}``
    for the dashboard. Without a registration no code is valid and a campaign is shown by its code."""
    _campanas.update(codigos=codigos, descripciones=descripciones)


def codigos_de_campana():
    return frozenset(_campanas["codigos"]()) if _campanas else frozenset()


def descripciones_de_campanas(codigos):
    return _campanas["descripciones"](codigos) if _campanas and codigos else {}


_metas = []


def registrar_metas(resolver):
    """The action plan's goals as the public pages name them (``gelt``): ``resolver(codigos)`` returns
    ``{código: {"etiqueta": str, "url": str}}`` for codes such as ``A8`` (action 8 of the active plan) or ``I12``
    (indicator 12); an unknown code is left out. At most two small queries."""
    _metas[:] = [resolver]


def metas(codigos):
    codigos = [c for c in codigos if c]
    return _metas[0](codigos) if _metas and codigos else {}


_entregas_pendientes = []


def registrar_entrega_pendiente(proveedor):
    """``proveedor(dependencias, hoy)`` returns ``[{"dependencia", "texto", "plazo", "atrasada", "url"}, …]``: what
    those dependencias still have to deliver (gelt's semiannual information delivery), for «Mi trabajo». It
    costs a fixed number of queries, however many dependencias it gets."""
    _entregas_pendientes.append(proveedor)


def entregas_pendientes(dependencias, hoy):
    if not dependencias:
        return []
    return [item for proveedor in _entregas_pendientes for item in proveedor(dependencias, hoy)]
