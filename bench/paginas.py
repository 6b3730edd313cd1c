"""Public pages and the committee's dashboard under load at data scale, beside a bare Django view.

    .venv/bin/python bench/paginas.py [--motores postgres,sqlite] [--caches redis,sqlite] [--segundos 8]
        [--conexiones 16] [--noticias 10000] [--fichas 1000] [--documentos 100] [--dias-de-visitas 365]

For each database engine it builds its own database (PostgreSQL: ``portal_bench_paginas`` on --servidor,
dropped at the end; SQLite: a temporary file) with generated content (10,000 news, 1,000 fichas, 100
documents in each transparency subsection, a year of visits), starts gunicorn in production mode (2 sync
workers) with each cache of --caches (``redis``: REDIS_URL set; ``sqlite``: the embedded default, no Redis,
portal/cache_sqlite.py) once with the page cache off and once with it on, and loads each page with wrk
(``apt-get install wrk``; Python threads otherwise). It prints requests/s, p50 and p99 latency and the ratio
to the bare view measured in the same run, then the issue's targets and whether they are met. Compare
ratios, not absolute numbers from different runs or machines.
"""

import argparse
import os
import secrets
import subprocess  # noqa: S404 - only this script and gunicorn, with fixed arguments
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
BASE = "portal_bench_paginas"
VACIA = "Django vacío (5 KB)"
TABLERO = "Tablero del comité"
BUSQUEDA = "Buscar «predial»"
# The targets (ratios to the bare view in the same run; latencies under the same load).
# Issue 21: cached pages at least as fast as the bare view, uncached at least 0.35 of it, with or without Redis.
META_CON_CACHE, META_SIN_CACHE, META_BUSQUEDA_P99, META_TABLERO_P99 = 1.0, 0.35, 150, 300


def entorno_de_produccion(database_url, redis_url, archivo_cache=""):
    return dict(
        os.environ,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_ARCHIVO=archivo_cache,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="bench.settings_paginas",
    )


def preparar(args):
    """Fill the database, then return the pages to load and the committee member's session cookie."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from bench.datos import indexar_busqueda, llenar
    from portal.models import Noticia, SubseccionTransparencia, Usuario
    from portal.roles import COMITE
    from tramites.models import Tramite

    call_command("migrate", verbosity=0)
    creado = llenar(args.noticias, args.fichas, args.documentos, args.dias_de_visitas)
    indexar_busqueda()
    call_command("collectstatic", "--noinput", verbosity=0)
    cache.clear()
    miembro = Usuario.objects.create_user("comite-bench", password=secrets.token_urlsafe(16))
    miembro.groups.add(Group.objects.get(name=COMITE))
    cliente = Client()
    cliente.force_login(miembro)
    sesion = f"{settings.SESSION_COOKIE_NAME}={cliente.cookies[settings.SESSION_COOKIE_NAME].value}"
    paginas = {
        VACIA: "/bench/vacia/",
        "Inicio": "/",
        "Noticias": "/noticias/",
        "Una noticia": Noticia.objects.vigentes().first().get_absolute_url(),
        "Trámites": "/tramites/",
        "Una ficha": Tramite.objects.vigentes().first().get_absolute_url(),
        "Documentos de transparencia": SubseccionTransparencia.objects.first().get_absolute_url(),
        BUSQUEDA: "/buscar/?q=predial",
        TABLERO: "/gelt/",
    }
    from django.db import connections

    connections.close_all()
    return creado, paginas, sesion


def servir(entorno, puerto, segundos_cache):
    servidor = subprocess.Popen(  # noqa: S603
        [str(RAIZ / ".venv/bin/gunicorn"), "tablon_portal.wsgi", "-b", f"127.0.0.1:{puerto}", "-w", "2"],
        cwd=RAIZ,
        env=dict(entorno, CACHE_PAGINAS_SEGUNDOS=str(segundos_cache)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{puerto}/salud/", timeout=2)  # noqa: S310 - loopback
            return servidor
        except OSError:
            time.sleep(0.2)
    servidor.terminate()
    raise SystemExit("gunicorn no arrancó")


def medir_motor(args, motor):
    from bench.carga import medir
    from bench.datos import borrar_base, preparar_base

    if motor == "postgres":
        preparar_base(args.servidor, BASE)
        database_url = f"{args.servidor}/{BASE}"
    else:
        archivo = Path(tempfile.mkdtemp()) / f"{BASE}.sqlite3"
        database_url = f"sqlite:///{archivo}"
    archivo_cache = str(Path(tempfile.mkdtemp()) / "cache.sqlite3")
    resultados = {}
    try:
        os.environ.update(entorno_de_produccion(database_url, args.redis))
        creado, paginas, sesion = preparar(args)
        print(f"\n## {motor}: " + ", ".join(f"{v:,} {k}".replace(",", ".") for k, v in creado.items()))
        print(f"gunicorn 2 workers (producción), {args.conexiones} conexiones, {args.segundos:g} s por página")
        for cache in args.caches.split(","):
            redis = args.redis if cache == "redis" else ""
            entorno = entorno_de_produccion(database_url, redis, "" if redis else archivo_cache)
            por_cache = {}
            sin, con = (int(p) for p in args.puertos.split(","))
            for modo, segundos_cache, puerto in (("sin caché", 0, sin), ("con caché", 300, con)):
                servidor = servir(entorno, puerto, segundos_cache)
                try:
                    for nombre, ruta in paginas.items():
                        url = f"http://127.0.0.1:{puerto}{ruta}"
                        cabeceras = {"User-Agent": "Mozilla/5.0 (X11; Linux) Chrome/126"}
                        if nombre == TABLERO:
                            cabeceras["Cookie"] = sesion
                        medir(url, 1, 4, cabeceras)  # warm-up (and, with the cache on, fill it)
                        por_cache[(modo, nombre)] = medir(url, args.segundos, args.conexiones, cabeceras)
                finally:
                    servidor.terminate()
                    servidor.wait(timeout=10)
            print(f"\n### caché: {'Redis' if redis else 'SQLite embebida (sin Redis)'}")
            imprimir(por_cache, paginas)
            resultados[cache] = por_cache
    finally:
        if motor == "postgres":
            borrar_base(args.servidor, BASE)
    return resultados


def imprimir(resultados, paginas):
    columnas = f"{'sol/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'razón':>6}"
    print(f"\n| {'página':28} | sin caché: {columnas} | con caché: {columnas} | errores |")
    fallas = []
    for nombre in paginas:
        celdas = []
        for modo in ("sin caché", "con caché"):
            r = resultados[(modo, nombre)]
            r["razon"] = r["rps"] / resultados[(modo, VACIA)]["rps"]
            celdas.append(f"{r['rps']:7.0f} {r['p50']:7.1f} {r['p99']:7.1f} {r['razon']:6.2f}")
        errores = sum(resultados[(m, nombre)]["errores"] for m in ("sin caché", "con caché"))
        print(
            f"| {nombre:28} | {celdas[0]:>{len(columnas) + 11}} | {celdas[1]:>{len(columnas) + 11}} | {errores:7d} |"
        )
        if errores:
            fallas.append(f"{nombre}: {errores} errores")
        if nombre in (VACIA, BUSQUEDA, TABLERO):
            continue
        if resultados[("sin caché", nombre)]["razon"] < META_SIN_CACHE:
            fallas.append(f"{nombre} sin caché: razón {resultados[('sin caché', nombre)]['razon']:.2f}")
        if resultados[("con caché", nombre)]["razon"] < META_CON_CACHE:
            fallas.append(f"{nombre} con caché: razón {resultados[('con caché', nombre)]['razon']:.2f}")
    # Search and dashboard: latency under the same load, with and without the shared cache.
    for nombre, meta in ((BUSQUEDA, META_BUSQUEDA_P99), (TABLERO, META_TABLERO_P99)):
        for modo in ("sin caché", "con caché"):
            p99 = resultados[(modo, nombre)]["p99"]
            if p99 > meta:
                fallas.append(f"{nombre} {modo}: p99 {p99:.0f} ms (meta {meta} ms)")
    print(
        f"\nMetas: con caché ≥ {META_CON_CACHE}, sin caché ≥ {META_SIN_CACHE} de Django vacío; con y sin caché, "
        f"búsqueda p99 < {META_BUSQUEDA_P99} ms y tablero p99 < {META_TABLERO_P99} ms."
    )
    print("Todas cumplidas." if not fallas else "No cumplidas: " + "; ".join(fallas))
    return fallas


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--motores", default="postgres,sqlite")
    parser.add_argument("--servidor", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--caches", default="redis,sqlite", help="redis: con REDIS_URL; sqlite: la embebida")
    parser.add_argument("--puertos", default="8600,8601", help="gunicorn sin caché de páginas y con ella")
    parser.add_argument("--noticias", type=int, default=10_000)
    parser.add_argument("--fichas", type=int, default=1_000)
    parser.add_argument("--documentos", type=int, default=100, help="por subsección de transparencia")
    parser.add_argument("--dias-de-visitas", type=int, default=365)
    parser.add_argument("--segundos", type=float, default=8)
    parser.add_argument("--conexiones", type=int, default=16)
    parser.add_argument("--solo", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.solo:
        medir_motor(args, args.solo)
        return
    # One process per engine: Django's settings (and so the database) are fixed once per process.
    comunes = [
        f"--{nombre.replace('_', '-')}={valor}"
        for nombre, valor in vars(args).items()
        if nombre not in ("motores", "solo")
    ]
    for motor in args.motores.split(","):
        subprocess.run([sys.executable, __file__, *comunes, f"--solo={motor}"], check=True)  # noqa: S603


if __name__ == "__main__":
    main()
