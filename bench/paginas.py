"""Public pages under load at data scale, cold (no page cache) and cached, beside a bare Django view.

    .venv/bin/python bench/paginas.py [--servidor postgres://postgres@127.0.0.1:5432] [--noticias 10000]
        [--fichas 1000] [--segundos 8] [--conexiones 16]

Builds its own PostgreSQL database (dropped at the end) with generated content, starts gunicorn (2 sync
workers) with Redis as the cache, and for each page prints requests/s, p50 and p99 latency and the ratio to
the bare view measured in the same run. Compare ratios, not absolute numbers from different runs.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
BASE = "portal_bench_paginas"


def carga(puerto, ruta, segundos, conexiones):
    fin = time.monotonic() + segundos
    resultados, candado = [], threading.Lock()

    def trabajador():
        buenas, errores, tiempos = 0, 0, []
        conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=15)
        while time.monotonic() < fin:
            inicio = time.perf_counter()
            try:
                conexion.request("GET", ruta, headers={"User-Agent": "Mozilla/5.0 (X11; Linux) Chrome/126"})
                respuesta = conexion.getresponse()
                respuesta.read()
                buenas, errores = (buenas + 1, errores) if respuesta.status == 200 else (buenas, errores + 1)
            except (OSError, http.client.HTTPException):
                errores += 1
                conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=15)
            tiempos.append((time.perf_counter() - inicio) * 1000)
        with candado:
            resultados.append((buenas, errores, tiempos))

    hilos = [threading.Thread(target=trabajador) for _ in range(conexiones)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    tiempos = sorted(t for r in resultados for t in r[2])
    buenas = sum(r[0] for r in resultados)
    return {
        "rps": buenas / segundos,
        "errores": sum(r[1] for r in resultados),
        "p50": statistics.median(tiempos) if tiempos else 0,
        "p99": tiempos[min(len(tiempos) - 1, round(0.99 * (len(tiempos) - 1)))] if tiempos else 0,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--servidor", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--noticias", type=int, default=10_000)
    parser.add_argument("--fichas", type=int, default=1_000)
    parser.add_argument("--segundos", type=float, default=8)
    parser.add_argument("--conexiones", type=int, default=16)
    args = parser.parse_args()
    import psycopg2

    conexion = psycopg2.connect(f"{args.servidor}/postgres")
    conexion.autocommit = True
    with conexion.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BASE}"')
        cursor.execute(f'CREATE DATABASE "{BASE}"')
    entorno = dict(
        os.environ,
        DATABASE_URL=f"{args.servidor}/{BASE}",
        REDIS_URL=args.redis,
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="bench.settings_paginas",
    )
    os.environ.update(entorno)
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from bench.busqueda import llenar
        from portal import busqueda
        from portal.models import Noticia
        from tramites.models import Tramite

        call_command("migrate", verbosity=0)
        llenar(args.noticias, args.fichas)
        busqueda.reindexar()
        call_command("collectstatic", "--noinput", verbosity=0)
        paginas = {
            "Django vacío (5 KB)": "/bench/vacia/",
            "Inicio": "/",
            "Noticias": "/noticias/",
            "Una noticia": Noticia.objects.vigentes().first().get_absolute_url(),
            "Trámites": "/tramites/",
            "Una ficha": Tramite.objects.vigentes().first().get_absolute_url(),
            "Buscar «predial»": "/buscar/?q=predial",
        }
        print(f"{args.noticias} noticias, {args.fichas} fichas; gunicorn 2 workers; {args.conexiones} conexiones")
        for modo, segundos_cache in (("sin caché", "0"), ("con caché", "300")):
            puerto = 8600 + int(segundos_cache != "0")
            servidor = subprocess.Popen(
                [str(RAIZ / ".venv/bin/gunicorn"), "tablon_portal.wsgi", "-b", f"127.0.0.1:{puerto}", "-w", "2"],
                cwd=RAIZ,
                env=dict(entorno, CACHE_PAGINAS_SEGUNDOS=segundos_cache),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                time.sleep(3)
                print(f"\n{modo}:\n{'página':24} {'sol/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'razón':>7} {'errores':>8}")
                base = None
                for nombre, ruta in paginas.items():
                    carga(puerto, ruta, 1, 4)  # warm-up (and, with the cache on, fill it)
                    r = carga(puerto, ruta, args.segundos, args.conexiones)
                    base = base or r["rps"]
                    cifras = f"{r['rps']:8.0f} {r['p50']:8.1f} {r['p99']:8.1f} {r['rps'] / base:7.2f}"
                    print(f"{nombre:24} {cifras} {r['errores']:8d}")
            finally:
                servidor.terminate()
                servidor.wait(timeout=10)
    finally:
        from django.db import connections

        connections.close_all()
        with conexion.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{BASE}"')
        conexion.close()


if __name__ == "__main__":
    main()
