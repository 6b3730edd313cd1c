"""No page slower as the data grows: each public page and the dashboard, at a tenth of the bench's data and at
all of it, side by side.

    .venv/bin/python bench/escala.py [--motores postgres,sqlite] [--peticiones 200]

For each engine and each scale (1,000 and 10,000 news; 100 and 1,000 fichas; 10 and 100 documents in each
transparency subsection; 36 and 365 days of visits) it builds its own database with ``bench/datos.py``, then
times every page in the process (Django's test client, production settings, Redis, page cache off: each
page built whole) and counts its SQL queries. It prints milliseconds per page at both scales and their
ratio; the pages must not be slower (beyond noise: at most 25 % more) nor make more queries with ten times
the data. Load and throughput are ``bench/paginas.py``'s job; this script only compares sizes.
"""

import argparse
import json
import os
import statistics
import subprocess  # noqa: S404 - only this script, with fixed arguments
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
BASE = "portal_bench_escala"
ESCALAS = {"décima": 0.1, "completa": 1.0}
TOLERANCIA = 1.25  # timing noise between two databases of one run


def medir_escala(args, motor, factor):
    from bench.datos import borrar_base, preparar_base
    from bench.paginas import entorno_de_produccion, preparar

    if motor == "postgres":
        preparar_base(args.servidor, BASE)
        database_url = f"{args.servidor}/{BASE}"
    else:
        database_url = f"sqlite:///{Path(tempfile.mkdtemp()) / BASE}.sqlite3"
    os.environ.update(entorno_de_produccion(database_url, args.redis), CACHE_PAGINAS_SEGUNDOS="0")
    datos = argparse.Namespace(
        noticias=int(10_000 * factor),
        fichas=int(1_000 * factor),
        documentos=int(100 * factor),
        dias_de_visitas=int(365 * factor),
    )
    try:
        _, paginas, _ = preparar(datos)
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from portal.models import Usuario

        anonimo = Client(SERVER_NAME="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 Chrome/126")
        comite = Client(SERVER_NAME="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 Chrome/126")
        comite.force_login(Usuario.objects.get(username="comite-bench"))
        resultado = {}
        for nombre, ruta in paginas.items():
            cliente = comite if ruta.startswith("/gelt/") else anonimo
            for _ in range(5):  # warm-up
                assert cliente.get(ruta).status_code == 200, ruta
            with CaptureQueriesContext(connection) as capturadas:
                cliente.get(ruta)
            consultas = len(capturadas)  # now: the next request empties the log
            tandas = []
            for _ in range(5):  # the median of five batches: one slow moment does not decide
                inicio = time.perf_counter()
                for _ in range(args.peticiones // 5):
                    cliente.get(ruta)
                tandas.append((time.perf_counter() - inicio) / (args.peticiones // 5) * 1000)
            resultado[nombre] = {"ms": statistics.median(tandas), "consultas": consultas}
        print(json.dumps(resultado))
    finally:
        if motor == "postgres":
            from django.db import connections

            connections.close_all()
            borrar_base(args.servidor, BASE)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--motores", default="postgres,sqlite")
    parser.add_argument("--servidor", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--peticiones", type=int, default=200)
    parser.add_argument("--solo", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.solo:
        motor, factor = args.solo.split(":")
        medir_escala(args, motor, float(factor))
        return
    fallas = []
    for motor in args.motores.split(","):
        medidas = {}
        for escala, factor in ESCALAS.items():
            # One process per database: Django's settings (and so the database) are fixed once per process.
            salida = subprocess.run(  # noqa: S603
                [sys.executable, __file__, f"--servidor={args.servidor}", f"--redis={args.redis}",
                 f"--peticiones={args.peticiones}", f"--solo={motor}:{factor}"],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            medidas[escala] = json.loads(salida.stdout.strip().splitlines()[-1])
        print(f"\n## {motor}: ms por página (en el proceso, sin caché de páginas) y consultas SQL")
        print(f"| {'página':28} | {'1/10 de los datos':>17} | {'todos los datos':>15} | {'razón':>5} | consultas |")
        print(f"| {'-' * 28} | {'-' * 17}:| {'-' * 15}:| {'-' * 5}:| ---------:|")
        for nombre, chica in medidas["décima"].items():
            grande = medidas["completa"][nombre]
            razon = grande["ms"] / chica["ms"]
            consultas = f"{chica['consultas']} → {grande['consultas']}"
            print(f"| {nombre:28} | {chica['ms']:17.2f} | {grande['ms']:15.2f} | {razon:5.2f} | {consultas:>9} |")
            if razon > TOLERANCIA:
                fallas.append(f"{motor}, {nombre}: {razon:.2f} veces más lenta con diez veces los datos")
            if grande["consultas"] > chica["consultas"]:
                fallas.append(f"{motor}, {nombre}: {consultas} consultas")
    print("\nNinguna página es más lenta ni hace más consultas con diez veces los datos." if not fallas else "")
    for falla in fallas:
        print("Más lenta: " + falla)


if __name__ == "__main__":
    main()
