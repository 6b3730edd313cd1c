"""Whole-page cache for anonymous visitors, shared by every node through the configured cache (Redis).

Correctness first: a page is cached under the current *content version*, a counter in the shared cache that
goes up whenever content is saved, deleted or re-linked (signals on the content models), so an edit made on
one node is visible at once on every node. Scheduled publications and expiries change pages without any
save: a cached page never outlives the next such moment (``proximo_cambio``). Logged-in users (anyone with
a session cookie) never read nor fill the cache; forms with a CSRF token, search (which counts queries) and
the back office are never cached.
"""

import collections
import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control

from . import memoria, registro

CLAVE_VERSION = "portal:version-de-contenido"
# Counters and indexes written while people browse: they change no page, so they must not empty the cache.
SIN_EFECTO_EN_PAGINAS = {
    "portal.visitadiaria",
    "portal.visitantediario",
    "portal.procedenciadiaria",
    "portal.saldiaria",
    "portal.volcadodevisitas",
    "portal.consultabusqueda",
    "portal.cambio",  # the audit log: written with the change that already refreshed the pages
    "portal.entradabusqueda",
    "gelt.instantanea",
    "gelt.visitasdeldia",
    "gelt.recordatorio",
    "participa.enviolimitado",
    "participa.voto",  # online votes only change results, shown once the vote is closed and counted
    # A pending comment shows nowhere; participa/consultas_registro.py refreshes the pages once one is moderated
    # or answered.
    "participa.comentario",
}
APPS_DE_CONTENIDO = ("portal", "tramites", "servicios", "gelt", "participa")
NUNCA = (
    "/pqrsd/",
    "/participa/encuesta/",
    "/buscar/",
    "/c/",
    "/vista-previa/",
    "/salud/",
    "/gelt/",
    "/static/",
    "/media/",
)


@memoria.memorizar  # read once per request (see CacheDePaginas), everywhere else every time
def version():
    actual = cache.get(CLAVE_VERSION)
    if actual is None:
        # A cache emptied (Redis restarted) starts above every version used before, never again at 1: what a
        # process keeps for a version (``por_version``) must never match newer content.
        cache.add(CLAVE_VERSION, time.time_ns(), None)
        actual = cache.get(CLAVE_VERSION)
    return actual


def _subir_version():
    try:
        cache.incr(CLAVE_VERSION)
    except ValueError:  # emptied meanwhile: a new start, above every earlier version
        cache.add(CLAVE_VERSION, time.time_ns(), None)


def invalidar(**kwargs):
    """Every cached page becomes stale at once (on every node sharing the cache).

    Once when the change is made and once more when its transaction commits: a page rendered in between
    (after the first bump, from the data not yet committed) is kept under a version nobody asks for again.
    """
    _subir_version()
    transaction.on_commit(_subir_version)


def conectar_invalidacion():
    for modelo in apps.get_models():
        etiqueta = f"{modelo._meta.app_label}.{modelo._meta.model_name}"
        if modelo._meta.app_label in APPS_DE_CONTENIDO and etiqueta not in SIN_EFECTO_EN_PAGINAS:
            uid = f"cache-paginas-{etiqueta}"
            post_save.connect(invalidar, sender=modelo, dispatch_uid=f"{uid}-guardar", weak=False)
            post_delete.connect(invalidar, sender=modelo, dispatch_uid=f"{uid}-borrar", weak=False)
    m2m_changed.connect(invalidar, dispatch_uid="cache-paginas-m2m", weak=False)


def proximo_cambio(ahora):
    """The next moment a page may change by itself (a scheduled publication, an expiry, an event ending)."""
    momentos = [m for m in (funcion(ahora) for funcion in registro.momentos_de_cambio()) if m is not None]
    return min(momentos) if momentos else None


def _segundos_validos(ahora):
    maximo = settings.CACHE_PAGINAS_SEGUNDOS
    # Computed once per content version (a few queries), then read from the cache with the pages.
    clave = f"pagina:proximo-cambio:{version()}"
    siguiente = cache.get(clave, "?")
    if siguiente == "?" or (siguiente is not None and siguiente <= ahora):
        siguiente = proximo_cambio(ahora)
        cache.set(clave, siguiente, maximo)
    if siguiente is None:
        return maximo
    return max(0, min(maximo, int((siguiente - ahora).total_seconds())))


_FALTA = object()


def calcular_compartido(nombre, funcion, *, maximo=None):
    """``funcion()``, computed once and shared by every node until content changes.

    For what can't be a cached page (the search, which counts every query; the committee's dashboard, behind
    a login) but is costly and the same for everyone: kept under the content version like the pages, never
    past the next scheduled change, at most ``maximo`` seconds. With the page cache off, always computed.
    """
    if settings.CACHE_PAGINAS_SEGUNDOS <= 0:
        return funcion()
    clave = f"calculo:{version()}:" + hashlib.sha256(nombre.encode()).hexdigest()
    valor = cache.get(clave, _FALTA)
    if valor is _FALTA:
        valor = funcion()
        segundos = min(_segundos_validos(timezone.now()), maximo or settings.CACHE_PAGINAS_SEGUNDOS)
        if segundos > 0:
            cache.set(clave, valor, segundos)
    return valor


# nombre -> (content version, valid until (monotonic clock), valid until (wall clock) or None, value); the least
# recently used leave first, so keys per item (a ficha, a page of a list) cannot grow a worker's memory
# without bound.
_del_proceso = collections.OrderedDict()
MAXIMO_EN_PROCESO = 256


def _proximo_cambio_de_la_version(ahora):
    """The next scheduled publication or expiry (None: nothing scheduled), computed once per content version
    for every process (kept in the shared cache beside the pages)."""
    clave = f"proceso:proximo-cambio:{version()}"
    siguiente = cache.get(clave, "?")
    if siguiente == "?" or (siguiente is not None and siguiente <= ahora):
        siguiente = proximo_cambio(ahora)
        cache.set(clave, siguiente, 3600)
    return siguiente


def por_version(nombre, funcion, *, maximo=None, exacto=False):
    """``funcion()`` kept by this process for the current content version (at most ``maximo`` seconds).

    For costly, read-only data that many requests show (the identity, the catalogue's filter choices, a
    ficha with its requirements, a page of a list): exact across processes and nodes, since any edit anywhere
    moves the shared version. A scheduled publication or expiry moves nothing: ``exacto=True`` keeps the value
    only until the next such moment (for what the clock changes, like which fichas are published), ``maximo``
    bounds the rest. Callers must not mutate what they get back.
    """
    if not settings.CACHE_COMPARTIDA:
        return funcion()
    actual, ahora = version(), time.monotonic()
    guardado = _del_proceso.get(nombre)
    if (
        guardado is None
        or guardado[0] != actual
        or ahora >= guardado[1]
        or (guardado[2] is not None and timezone.now() >= guardado[2])
    ):
        hasta = _proximo_cambio_de_la_version(timezone.now()) if exacto else None
        guardado = (actual, ahora + (float("inf") if maximo is None else maximo), hasta, funcion())
        _del_proceso[nombre] = guardado
        if len(_del_proceso) > MAXIMO_EN_PROCESO:
            _del_proceso.popitem(last=False)
    else:
        _del_proceso.move_to_end(nombre)
    return guardado[3]


class CacheDePaginas:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        # A page that only reads content reads the content version once, however many parts ask for it.
        with memoria.calculo():
            return self._responder(request)

    def _responder(self, request):
        if not self._se_puede_usar(request):
            return self.get_response(request)
        clave = f"pagina:{version()}:{request.get_host()}:{request.get_full_path()}"
        guardada = cache.get(clave)
        if guardada is not None:
            guardada["X-Cache"] = "HIT"  # for operators and the two-node check (bench/dos_nodos.py)
            return guardada
        respuesta = self.get_response(request)
        if self._se_puede_guardar(respuesta):
            segundos = _segundos_validos(timezone.now())
            if segundos > 0:
                # Proxies and CDNs may keep it a short while; this cache knows exactly when it goes stale.
                patch_cache_control(respuesta, public=True, max_age=min(60, segundos))
                cache.set(clave, respuesta, segundos)
        return respuesta

    @staticmethod
    def _se_puede_usar(request):
        return (
            settings.CACHE_PAGINAS_SEGUNDOS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.path.startswith(("/" + settings.ADMIN_URL, *NUNCA))
        )

    @staticmethod
    def _se_puede_guardar(respuesta):
        control = respuesta.get("Cache-Control", "")
        return (
            respuesta.status_code == 200
            and not respuesta.streaming
            and not respuesta.cookies
            and "private" not in control
            and "no-store" not in control
            and "no-cache" not in control
        )
