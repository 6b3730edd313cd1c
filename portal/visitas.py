"""The visit counter: page views of public pages, without cookies and without storing personal data.

What is counted, per day: the page (its path, never the query string), the referring site (its domain only),
the campaign (a ``participa.Campana`` code from ``?utm_campaign=`` or from a short link ``/c/<código>/``), the kind of
device (phone, tablet, computer) and, for unique visitors, one anonymous code per visitor and day: the
HMAC-SHA256 of the address and the user agent keyed with a random key of the day (``SalDiaria``) that is
deleted after two days. The IP address and the user agent are read only to compute that code and the kind of
device; they are never stored, cached nor logged.

Cost per request and several workers or nodes (the cache is Redis shared by every node in production):

* a page view touches the cache only (about three round trips, no database): an atomic ``incr`` of a
  counter per one-minute block and dimensions, created with ``add``; the first time a counter appears in a
  block it is written in that block's registry (``visitas:<bloque>:n`` counts the entries, ``incr``, and
  ``visitas:<bloque>:e:<i>`` holds each one). The first view of a visitor in the day (``add`` of a per-day
  key succeeds once across all nodes) adds a visitor entry to the registry too;
* ``volcar()`` moves the blocks that ended two minutes ago or more (nobody writes to them any more) to the
  database: each block is claimed with ``add`` so only one process reads it, and inside one transaction the
  block is marked as moved (``VolcadoDeVisitas``, unique per block and registry: a block is never added
  twice, even if a process dies after the commit) and the counts are added with ``F()`` expressions. The
  cache keys are deleted after the commit. It runs from ``manage.py volcar_visitas`` (cron, every 5
  minutes) and, at most once a minute across all nodes, from the middleware itself.

Counts live in the cache for up to three days (``VENTANA_MINUTOS``): with Redis nothing is lost between
flushes. With the local-memory cache (no ``REDIS_URL``) each worker keeps its own counts and only the
middleware's own flush can move them, so the last two minutes of a worker that restarts are lost.
"""

import contextlib
import hashlib
import hmac
import json
import logging
import re
import secrets
import time
from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models.visitas import PREFIJO_CAMPANAS
from .red import direccion_del_cliente

logger = logging.getLogger(__name__)

VENTANA_MINUTOS = 3 * 24 * 60  # how long unflushed counts wait in the cache
DURACION_EN_CACHE = (VENTANA_MINUTOS + 60) * 60
BLOQUES_POR_TRANSACCION = 60
INTERVALO_VOLCADO_AUTOMATICO = 60  # seconds; the middleware flushes at most this often across all nodes
CLAVE_CAMPANAS = "visitas:campanas"

# User agents of programs rather than people: crawlers, link previews, monitors, HTTP libraries, test tools.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|scrap|fetch|curl|wget|python|requests|httpx|aiohttp|go-http|java/|okhttp|libwww|"
    r"perl|ruby|php|axios|node|undici|headless|phantom|prerender|lighthouse|pagespeed|gtmetrix|preview|"
    r"monitor|uptime|pingdom|statuscake|facebookexternalhit|facebot|whatsapp|telegram|slack|embedly|vkshare|"
    r"validator|archive|feed|google-|googleother|mediapartners|ahrefs|semrush|dataprovider|zgrab|nmap|"
    r"masscan|nikto|sqlmap|httpclient|postman|insomnia",
    re.IGNORECASE,
)
# Every browser announces itself as "Mozilla/5.0 …" (old Opera as "Opera/…"); anything else is a program.
NAVEGADORES = re.compile(r"mozilla/|opera", re.IGNORECASE)
TABLETAS = re.compile(r"ipad|tablet|kindle|silk/|playbook|sm-t\d|lenovo tab|android(?!.*mobi)", re.IGNORECASE)
MOVILES = re.compile(
    r"mobi|iphone|ipod|android|windows phone|blackberry|bb10|opera mini|iemobile|webos", re.IGNORECASE
)
DOMINIO = re.compile(r"[a-z0-9](?:[a-z0-9.-]{0,98}[a-z0-9])?")
IPV4 = re.compile(r"[0-9.]+")


# --- Who and what is counted ---------------------------------------------------------------------------------


def es_bot(agente):
    return not agente or not NAVEGADORES.search(agente) or bool(BOTS.search(agente))


def clase_de_dispositivo(agente):
    """``movil``, ``tableta`` or ``escritorio`` from the user agent (which is not kept)."""
    if TABLETAS.search(agente):
        return "tableta"
    if MOVILES.search(agente):
        return "movil"
    return "escritorio"


def es_persona(request):
    """A GET from a browser of someone who is not a back-office user: what the statistics count."""
    if request.method != "GET" or es_bot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    usuario = getattr(request, "user", None)
    return not (usuario is not None and usuario.is_authenticated and usuario.is_staff)


def prefijos_excluidos():
    """Paths that are not public pages: back office, files, health check, dashboard, open data, crawlers."""
    prefijos = {
        "/" + settings.ADMIN_URL.lstrip("/"),
        "/static/",
        "/media/",
        "/salud/",
        "/gelt/",
        "/datos/",
        "/robots.txt",
        "/sitemap.xml",
        PREFIJO_CAMPANAS,  # short links are counted by their view, as campaign arrivals
    }
    prefijos.update(url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url and url.startswith("/"))
    return tuple(prefijos)


def es_pagina_publica(request, response):
    """A public page served whole: a 200 HTML response outside the excluded paths (feeds and files are not)."""
    ruta = request.path_info
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not ruta.startswith(prefijos_excluidos())
        and "/feed/" not in ruta
    )


def dominio_de_procedencia(request):
    """The domain of the referring site (``facebook.com``), or "" when direct, unknown or this same site."""
    referente = request.META.get("HTTP_REFERER", "")
    if not referente:
        return ""
    try:
        partes = urlsplit(referente)
        dominio = (partes.hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    if partes.scheme not in ("http", "https", "android-app") or not DOMINIO.fullmatch(dominio):
        return ""
    if IPV4.fullmatch(dominio):  # an address, not a site's name: not kept
        return ""
    dominio = dominio.removeprefix("www.")
    return "" if dominio in _dominios_propios(request) else dominio


def _dominios_propios(request):
    propios = {h.lstrip(".").removeprefix("www.") for h in settings.ALLOWED_HOSTS if h != "*"}
    with contextlib.suppress(DisallowedHost):  # the site's own names above are enough then
        propios.add(request.get_host().rsplit(":", 1)[0].lower().removeprefix("www."))
    return propios


def codigos_de_campana():
    """The codes of every campaign (cached for 5 minutes; saving a campaign forgets the cached list)."""
    codigos = cache.get(CLAVE_CAMPANAS)
    if codigos is None:
        from . import registro

        codigos = registro.codigos_de_campana()
        cache.set(CLAVE_CAMPANAS, codigos, 300)
    return codigos


def olvidar_codigos_de_campana():
    cache.delete(CLAVE_CAMPANAS)


def campana_de(request):
    """The campaign of ``?utm_campaign=``, only when it is the code of a campaign (no free text is stored)."""
    codigo = request.GET.get("utm_campaign", "").strip().lower()[:40]
    return codigo if codigo and codigo in codigos_de_campana() else ""


# --- The anonymous code of a visitor for one day ---------------------------------------------------------------

_sal_en_memoria = {}  # {día: sal} of this process, today's only


def sal_del_dia(dia):
    """The random key of ``dia``: created by the first node that needs it, shared through the database."""
    sal = _sal_en_memoria.get(dia)
    if sal:
        return sal
    from .models import SalDiaria

    sal = SalDiaria.objects.filter(dia=dia).values_list("sal", flat=True).first()
    if sal is None:
        try:
            with transaction.atomic():
                sal = SalDiaria.objects.create(dia=dia, sal=secrets.token_hex(32)).sal
        except IntegrityError:  # another node created it at the same moment
            sal = SalDiaria.objects.get(dia=dia).sal
        borrar_sales_viejas(dia)
    _sal_en_memoria.clear()
    _sal_en_memoria[dia] = sal
    return sal


def borrar_sales_viejas(hoy=None):
    """Delete the keys of days before yesterday: from then on nobody can recompute those days' codes."""
    from .models import SalDiaria

    hoy = hoy or timezone.localdate()
    SalDiaria.objects.filter(dia__lt=hoy - timedelta(days=1)).delete()


def _direccion(request):
    """The client's address, used only inside ``huella`` and never stored."""
    return direccion_del_cliente(request)


def huella_de_direccion(request, dia):
    """HMAC-SHA256(key of the day, address): the same address all day, for the per-address cap; never stored."""
    mensaje = f"direccion\n{_direccion(request)}".encode()
    return hmac.new(bytes.fromhex(sal_del_dia(dia)), mensaje, hashlib.sha256).hexdigest()


def huella(request, dia):
    """HMAC-SHA256(key of the day, address + user agent): the same visitor all day, unlinkable across days."""
    mensaje = f"{_direccion(request)}\n{request.META.get('HTTP_USER_AGENT', '')}".encode()
    return hmac.new(bytes.fromhex(sal_del_dia(dia)), mensaje, hashlib.sha256).hexdigest()


# --- Counting in the cache ---------------------------------------------------------------------------------------


def bloque_de(momento):
    """The one-minute block of a moment (minutes since 1970): the unit the counts are flushed in."""
    return int(momento.timestamp() // 60)


def _clave_registro(bloque):
    return f"visitas:{bloque}:n"


def _clave_entrada(bloque, i):
    return f"visitas:{bloque}:e:{i}"


def _clave_contador(bloque, clave):
    return f"visitas:{bloque}:c:{clave}"


def _clave_tomado(bloque):
    return f"visitas:{bloque}:tomado"


def _clave_generacion(bloque):
    return f"visitas:{bloque}:g"


def registrar(request, *, ruta, campana="", ahora=None):
    """Count one view of ``ruta`` in the cache (no database except, once a day per process, the day's key)."""
    ahora = ahora or timezone.now()
    dia = timezone.localdate(ahora)
    bloque = bloque_de(ahora)
    dimensiones = {
        "dia": dia.isoformat(),
        "ruta": ruta[:300],
        "referente": dominio_de_procedencia(request),
        "campana": campana[:40],
        "dispositivo": clase_de_dispositivo(request.META.get("HTTP_USER_AGENT", "")),
    }
    clave = hashlib.sha1(json.dumps(dimensiones, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
    if not _incrementar(_clave_contador(bloque, clave)):
        _anotar(bloque, {"tipo": "vista", "clave": clave, **dimensiones})
    codigo = huella(request, dia)
    direccion = huella_de_direccion(request, dia)
    # Once per visitor and day across all workers and nodes; the key names the day, so it may outlive it.
    if cache.add(f"visitas:u:{dia.isoformat()}:{codigo}", 1, 26 * 3600) and _cabe_en_la_direccion(dia, direccion):
        _anotar(bloque, {"tipo": "visitante", "dia": dia.isoformat(), "huella": codigo})
    referente = dimensiones["referente"]
    if referente:
        sitio = hashlib.sha1(referente.encode(), usedforsecurity=False).hexdigest()
        # Once per referring site, address and day: from how many places a site sends people, not how often.
        if cache.add(f"visitas:r:{dia.isoformat()}:{sitio}:{direccion}", 1, 26 * 3600):
            _anotar(bloque, {"tipo": "procedencia", "dia": dia.isoformat(), "referente": referente})


def _cabe_en_la_direccion(dia, direccion):
    """Whether one more unique visitor from this address fits under ``VISITAS_VISITANTES_POR_DIRECCION`` today.

    The visitor's code mixes address and user agent, so one machine sending many made-up user agents would look
    like many people: past the cap, more codes from the same address are not counted as visitors (their page
    views still are). People sharing one address (an internet café) beyond the cap are undercounted: said on the
    dashboard and in the privacy policy."""
    clave = f"visitas:d:{dia.isoformat()}:{direccion}"
    cache.add(clave, 0, 26 * 3600)
    try:
        return cache.incr(clave) <= settings.VISITAS_VISITANTES_POR_DIRECCION
    except ValueError:  # expired between add and incr: count this one
        return True


def _incrementar(clave):
    """Add one to a counter: True if it existed, False if this call created it (then it must be registered)."""
    for _intento in range(3):
        try:
            cache.incr(clave)
            return True
        except ValueError:  # not there yet: create it, unless another worker just did
            if cache.add(clave, 1, DURACION_EN_CACHE):
                return False
    raise RuntimeError("No se pudo incrementar un contador de visitas.")


def _anotar(bloque, entrada):
    registro = _clave_registro(bloque)
    if cache.add(registro, 0, DURACION_EN_CACHE):
        # A new registry for this block: its own random name, so that a late view written after the block was
        # flushed (a slow request, a node's clock behind) is flushed again instead of taken for a repetition.
        cache.set(_clave_generacion(bloque), secrets.token_hex(8), DURACION_EN_CACHE)
    cache.set(_clave_entrada(bloque, cache.incr(registro)), entrada, DURACION_EN_CACHE)


def contar_llegada(request, campana):
    """A short link ``/c/<código>/`` was followed: one campaign arrival (never breaks the redirect)."""
    try:
        if es_persona(request):
            registrar(request, ruta=campana.get_absolute_url(), campana=campana.codigo)
    except Exception:
        logger.exception("No se pudo contar la llegada por una campaña.")


# --- Flushing to the database ----------------------------------------------------------------------------------


def _bloques_pendientes(ahora):
    """``{bloque: entradas}`` of the closed blocks still in the cache: ended two minutes ago or more, a margin
    for a slow request and for the clocks of the nodes (kept in time by NTP) not to disagree."""
    ultimo = bloque_de(ahora) - 3
    bloques = range(ultimo - VENTANA_MINUTOS, ultimo + 1)
    pendientes = {}
    for inicio in range(0, len(bloques), 1000):
        trozo = bloques[inicio : inicio + 1000]
        encontrados = cache.get_many([_clave_registro(b) for b in trozo])
        pendientes.update(
            {b: int(encontrados[_clave_registro(b)]) for b in trozo if _clave_registro(b) in encontrados}
        )
    return pendientes


def _leer_bloque(bloque, n, ahora):
    """The entries and counts of a block, or None if an entry is still being written (retry next time)."""
    claves = [_clave_entrada(bloque, i) for i in range(1, n + 1)]
    entradas = cache.get_many(claves)
    if len(entradas) < n and bloque > bloque_de(ahora) - 10:
        return None
    vistas = [e for e in entradas.values() if e.get("tipo") == "vista"]
    contadores = cache.get_many([_clave_contador(bloque, e["clave"]) for e in vistas])
    if len(entradas) < n or len(contadores) < len(vistas):
        logger.warning("Bloque de visitas %s incompleto en la caché: se vuelca lo que hay.", bloque)
    return {
        "generacion": cache.get(_clave_generacion(bloque)) or "",
        "vistas": [(e, int(contadores.get(_clave_contador(bloque, e["clave"]), 0))) for e in vistas],
        "visitantes": [(e["dia"], e["huella"]) for e in entradas.values() if e.get("tipo") == "visitante"],
        "procedencias": [(e["dia"], e["referente"]) for e in entradas.values() if e.get("tipo") == "procedencia"],
        "claves": [_clave_registro(bloque), _clave_generacion(bloque), *claves, *contadores, _clave_tomado(bloque)],
    }


def volcar(*, ahora=None, limite=None):
    """Move the counts of the closed blocks from the cache to the database. Safe to run anywhere, any time.

    ``limite`` caps how many blocks (oldest first) one call moves, so a web request never pays for a backlog.
    Returns ``{"bloques", "vistas", "visitantes"}``: blocks moved, views added and new unique visitors.
    """
    ahora = ahora or timezone.now()
    resumen = Counter(bloques=0, vistas=0, visitantes=0)
    pendientes = sorted(_bloques_pendientes(ahora).items())[:limite]
    for inicio in range(0, len(pendientes), BLOQUES_POR_TRANSACCION):
        resumen.update(_volcar_bloques(dict(pendientes[inicio : inicio + BLOQUES_POR_TRANSACCION]), ahora))
    from .models import VolcadoDeVisitas

    VolcadoDeVisitas.objects.filter(bloque__lt=bloque_de(ahora) - VENTANA_MINUTOS - 120).delete()
    borrar_sales_viejas(timezone.localdate(ahora))
    return dict(resumen)


def _volcar_bloques(pendientes, ahora):
    from .models import VisitanteDiario, VolcadoDeVisitas

    tomados = [b for b in pendientes if cache.add(_clave_tomado(b), 1, 600)]  # one process per block
    try:
        lecturas = {}
        for bloque in tomados:
            lectura = _leer_bloque(bloque, pendientes[bloque], ahora)
            if lectura is None:
                cache.delete(_clave_tomado(bloque))
            else:
                lecturas[bloque] = lectura
        if not lecturas:
            return Counter()
        with transaction.atomic():
            ya_volcados = set(VolcadoDeVisitas.objects.filter(bloque__in=lecturas).values_list("bloque", "generacion"))
            nuevos = [b for b, lectura in lecturas.items() if (b, lectura["generacion"]) not in ya_volcados]
            VolcadoDeVisitas.objects.bulk_create(
                [VolcadoDeVisitas(bloque=b, generacion=lecturas[b]["generacion"]) for b in nuevos]
            )
            vistas = Counter()
            visitantes = set()
            for bloque in nuevos:
                for entrada, cantidad in lecturas[bloque]["vistas"]:
                    vistas[tuple(entrada[c] for c in ("dia", "ruta", "referente", "campana", "dispositivo"))] += (
                        cantidad
                    )
                visitantes.update(lecturas[bloque]["visitantes"])
            for dimensiones, cantidad in vistas.items():
                if cantidad:
                    _sumar_vistas(dimensiones, cantidad)
            procedencias = Counter(p for bloque in nuevos for p in lecturas[bloque].get("procedencias", []))
            for (dia, referente), cantidad in procedencias.items():
                _sumar_procedencia(dia, referente, cantidad)
            antes = VisitanteDiario.objects.filter(dia__in={d for d, _h in visitantes}).count() if visitantes else 0
            VisitanteDiario.objects.bulk_create(
                [VisitanteDiario(dia=d, huella=h) for d, h in sorted(visitantes)],
                ignore_conflicts=True,
                batch_size=500,
            )
            despues = VisitanteDiario.objects.filter(dia__in={d for d, _h in visitantes}).count() if visitantes else 0
            claves = [clave for lectura in lecturas.values() for clave in lectura["claves"]]
            transaction.on_commit(lambda: cache.delete_many(claves))
    except Exception:
        cache.delete_many([_clave_tomado(b) for b in tomados])
        raise
    return Counter(bloques=len(nuevos), vistas=sum(vistas.values()), visitantes=despues - antes)


def _sumar_vistas(dimensiones, cantidad):
    from .models import VisitaDiaria

    filtro = dict(zip(("dia", "ruta", "referente", "campana", "dispositivo"), dimensiones, strict=True))
    if VisitaDiaria.objects.filter(**filtro).update(vistas=F("vistas") + cantidad):
        return
    try:
        with transaction.atomic():
            VisitaDiaria.objects.create(**filtro, vistas=cantidad)
    except IntegrityError:  # another process created the row meanwhile
        VisitaDiaria.objects.filter(**filtro).update(vistas=F("vistas") + cantidad)


def _sumar_procedencia(dia, referente, cantidad):
    from .models import ProcedenciaDiaria

    filtro = {"dia": dia, "referente": referente}
    if ProcedenciaDiaria.objects.filter(**filtro).update(direcciones=F("direcciones") + cantidad):
        return
    try:
        with transaction.atomic():
            ProcedenciaDiaria.objects.create(**filtro, direcciones=cantidad)
    except IntegrityError:  # another process created the row meanwhile
        ProcedenciaDiaria.objects.filter(**filtro).update(direcciones=F("direcciones") + cantidad)


_proximo_volcado = 0.0


def volcar_si_toca():
    """Flush from a web worker at most once a minute across all workers and nodes (the cron does the rest)."""
    global _proximo_volcado
    ahora = time.monotonic()
    if ahora < _proximo_volcado:
        return
    _proximo_volcado = ahora + INTERVALO_VOLCADO_AUTOMATICO
    if cache.add("visitas:volcado-automatico", 1, INTERVALO_VOLCADO_AUTOMATICO):
        volcar(limite=BLOQUES_POR_TRANSACCION)


# --- The middleware ----------------------------------------------------------------------------------------------


class ContadorDeVisitas:
    """Counts the views of public pages (install right after WhiteNoise, so static files never reach it).

    Runs after the view: only a GET answered 200 with an HTML page counts, and never for bots, back-office
    users or the excluded paths. A failure of the counter is logged (without any data of the request) and
    never affects the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if es_pagina_publica(request, response) and es_persona(request):
                registrar(request, ruta=request.path, campana=campana_de(request))
            volcar_si_toca()
        except Exception:
            logger.exception("No se pudo contar la visita.")
        return response
