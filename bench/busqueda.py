"""Search latency at scale: 10,000 news and 1,000 fichas on PostgreSQL.

    .venv/bin/python bench/busqueda.py [--servidor postgres://postgres@127.0.0.1:5432] [--noticias 10000]
        [--fichas 1000] [--repeticiones 30]

Creates (and at the end drops) its own database ``portal_bench`` on that server, fills it with generated
content, builds the search index and times ``/buscar/?q=…`` in-process (Django test client, no network) for a
set of typical queries. Prints p50 and p99 per query and overall. Numbers depend on the machine: compare runs
made on the same one.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

CONSULTAS = [
    "predial",
    "certificado de residencia",
    "licencia construccion",
    "jubilacion",
    "vacunacion en las veredas",
    "paz y salvo",
    "secretaria de hacienda",
    "cafe",
    "inexistente xyz",
]


def parsear():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servidor", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--noticias", type=int, default=10_000)
    parser.add_argument("--fichas", type=int, default=1_000)
    parser.add_argument("--repeticiones", type=int, default=30)
    return parser.parse_args()


def percentil(valores, p):
    ordenados = sorted(valores)
    return ordenados[min(len(ordenados) - 1, round(p / 100 * (len(ordenados) - 1)))]


def main():
    argumentos = parsear()
    nombre = "portal_bench"
    os.environ["DATABASE_URL"] = f"{argumentos.servidor}/{nombre}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tablon_portal.settings")
    os.environ.setdefault("DEBUG", "1")
    from bench.datos import borrar_base, indexar_busqueda, llenar, preparar_base

    preparar_base(argumentos.servidor, nombre)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    try:
        call_command("migrate", verbosity=0)
        inicio = time.perf_counter()
        llenar(argumentos.noticias, argumentos.fichas)
        indexados = indexar_busqueda()
        print(f"Datos generados e indexados ({indexados} elementos) en {time.perf_counter() - inicio:.1f} s")
        cliente = Client()
        for consulta in CONSULTAS:  # warm-up
            cliente.get("/buscar/", {"q": consulta})
        todos = []
        print(f"{'consulta':32} {'p50 ms':>8} {'p99 ms':>8}")
        for consulta in CONSULTAS:
            tiempos = []
            for _ in range(argumentos.repeticiones):
                t0 = time.perf_counter()
                respuesta = cliente.get("/buscar/", {"q": consulta})
                tiempos.append((time.perf_counter() - t0) * 1000)
                assert respuesta.status_code == 200
            todos += tiempos
            print(f"{consulta:32} {statistics.median(tiempos):8.1f} {percentil(tiempos, 99):8.1f}")
        print(f"{'TODAS':32} {statistics.median(todos):8.1f} {percentil(todos, 99):8.1f}")
    finally:
        borrar_base(argumentos.servidor, nombre)


if __name__ == "__main__":
    main()
