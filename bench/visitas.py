"""Page throughput with and without the visit counter, through gunicorn as in production.

    .venv/bin/python bench/visitas.py [--segundos 15] [--conexiones 16] [--rondas 1] [--sin-redis]

Builds a scratch SQLite database with the demo content in a temporary folder, then starts gunicorn (2 sync
workers, 127.0.0.1 only) twice per round: without the counter and with it (``bench/settings_visitas.py``,
``CONTADOR_DE_VISITAS``). A load generator of threads and ``http.client`` requests the home page over
``--conexiones`` concurrent connections for ``--segundos`` after a 2-second warm-up, with 200 different
browser user agents (so unique visitors are counted too). When ``redis-server`` is installed the cache is a
scratch Redis, as in production (several workers sharing counts); the script then flushes the counts and
checks that every page served was counted once. Prints requests/s of both runs and their ratio, and the
in-process cost of counting one view (steadier than the ratio on a busy machine). Numbers
depend on the machine (the load generator shares its CPUs): compare runs made on the same one.
"""

# Only fixed commands of this script run as subprocesses (no outside input).
# ruff: noqa: S603

import argparse
import http.client
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
AGENTES = [
    f"Mozilla/5.0 (Linux; Android 14; SM-A{100 + i}M) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/126.0.{i}.0 Mobile Safari/537.36"
    for i in range(200)
]


def parsear():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segundos", type=float, default=15)
    parser.add_argument("--conexiones", type=int, default=16)
    parser.add_argument("--rondas", type=int, default=1)
    parser.add_argument("--sin-redis", action="store_true", help="Caché en memoria local aunque haya Redis.")
    return parser.parse_args()


def puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def esperar(puerto, ruta="/", limite=30):
    fin = time.monotonic() + limite
    while time.monotonic() < fin:
        try:
            conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=2)
            conexion.request("GET", ruta, headers={"User-Agent": "bench-espera"})  # a bot: not counted
            if conexion.getresponse().status in (200, 404):
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"El servidor en el puerto {puerto} no respondió.")


def manage(entorno, *argumentos):
    subprocess.run([PYTHON, "manage.py", *argumentos], cwd=RAIZ, env=entorno, check=True, stdout=subprocess.DEVNULL)


def carga(puerto, segundos, conexiones):
    """Requests of the home page for ``segundos`` from ``conexiones`` threads: (answers 200, errors, latencies)."""
    fin = time.monotonic() + segundos
    resultados = []
    candado = threading.Lock()

    def trabajador(n):
        buenas, errores, tiempos = 0, 0, []
        i = n
        while time.monotonic() < fin:
            inicio = time.perf_counter()
            try:
                conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=10)
                conexion.request("GET", "/", headers={"User-Agent": AGENTES[i % len(AGENTES)], "Accept": "text/html"})
                respuesta = conexion.getresponse()
                respuesta.read()
                conexion.close()
                if respuesta.status == 200:
                    buenas += 1
                else:
                    errores += 1
            except OSError:
                errores += 1
            tiempos.append(time.perf_counter() - inicio)
            i += conexiones
        with candado:
            resultados.append((buenas, errores, tiempos))

    hilos = [threading.Thread(target=trabajador, args=(n,)) for n in range(conexiones)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    return (
        sum(r[0] for r in resultados),
        sum(r[1] for r in resultados),
        [t for r in resultados for t in r[2]],
    )


def correr(entorno, contador, segundos, conexiones):
    puerto = puerto_libre()
    servidor = subprocess.Popen(
        [str(RAIZ / ".venv/bin/gunicorn"), "tablon_portal.wsgi", "--bind", f"127.0.0.1:{puerto}", "--workers", "2"],
        cwd=RAIZ,
        env={**entorno, "CONTADOR_DE_VISITAS": "1" if contador else "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        esperar(puerto)
        calentamiento, _e, _t = carga(puerto, 2, conexiones)
        buenas, errores, tiempos = carga(puerto, segundos, conexiones)
    finally:
        servidor.send_signal(signal.SIGTERM)
        servidor.wait(timeout=30)
    return {
        "rps": buenas / segundos,
        "errores": errores,
        "p50": statistics.median(tiempos) * 1000 if tiempos else 0,
        "servidas": calentamiento + buenas,
    }


def contadas(entorno):
    """Flush everything still in the cache and return the page views in the database."""
    codigo = (
        "from datetime import timedelta; from django.utils import timezone; from portal import visitas; "
        "from portal.models import VisitaDiaria; from django.db.models import Sum; "
        "visitas.volcar(ahora=timezone.now() + timedelta(minutes=5)); "
        "print(VisitaDiaria.objects.aggregate(t=Sum('vistas'))['t'] or 0)"
    )
    salida = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", codigo], cwd=RAIZ, env=entorno, check=True, capture_output=True, text=True
    )
    return int(salida.stdout.strip().splitlines()[-1])


def costo_por_vista(entorno, veces=2000):
    """Microseconds of ``registrar()`` for one view, in-process against the same cache (no HTTP, no page)."""
    codigo = (
        "import time; from django.test import RequestFactory; from portal import visitas; "
        "f = RequestFactory(); "
        f"s = [f.get('/', HTTP_USER_AGENT='Mozilla/5.0 (X11; Linux) Firefox/128.0 n' + str(i % 300), "
        f"REMOTE_ADDR='127.0.0.1') for i in range({veces})]; "
        "visitas.registrar(s[0], ruta='/'); t = time.perf_counter(); "
        "[visitas.registrar(x, ruta='/') for x in s]; "
        f"print((time.perf_counter() - t) / {veces} * 1e6)"
    )
    salida = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", codigo], cwd=RAIZ, env=entorno, check=True, capture_output=True, text=True
    )
    return float(salida.stdout.strip().splitlines()[-1])


def main():
    argumentos = parsear()
    carpeta = Path(tempfile.mkdtemp(prefix="bench-visitas-"))
    entorno = {
        **os.environ,
        "PORTAL_ENV_FILE": str(carpeta / "sin.env"),  # not the developer's .env
        "DJANGO_SETTINGS_MODULE": "bench.settings_visitas",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{carpeta / 'db.sqlite3'}",
        "STATIC_ROOT": str(carpeta / "static"),
        "MEDIA_ROOT": str(carpeta / "media"),
        "LOG_LEVEL": "WARNING",
    }
    entorno.pop("REDIS_URL", None)
    redis = None
    servidor_redis = shutil.which("redis-server")
    if not argumentos.sin_redis and servidor_redis:
        puerto_redis = puerto_libre()
        redis = subprocess.Popen(
            [servidor_redis, "--port", str(puerto_redis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        entorno["REDIS_URL"] = f"redis://127.0.0.1:{puerto_redis}/0"
        time.sleep(0.5)
    try:
        manage(entorno, "migrate", "--noinput")
        manage(entorno, "cargar_demo", "--force")
        manage(entorno, "collectstatic", "--noinput")
        cache = "Redis" if redis else "memoria local por proceso"
        print(
            f"gunicorn 2 workers sync, {argumentos.conexiones} conexiones, {argumentos.segundos:g} s, caché: {cache}"
        )
        medidas = {False: [], True: []}
        servidas_con_contador = 0
        for _ronda in range(argumentos.rondas):
            for contador in (False, True):
                medida = correr(entorno, contador, argumentos.segundos, argumentos.conexiones)
                medidas[contador].append(medida)
                servidas_con_contador += medida["servidas"] if contador else 0
                etiqueta = "con contador" if contador else "sin contador"
                print(
                    f"  {etiqueta}: {medida['rps']:7.1f} peticiones/s  p50 {medida['p50']:6.1f} ms  "
                    f"errores {medida['errores']}"
                )
        sin = statistics.mean(m["rps"] for m in medidas[False])
        con = statistics.mean(m["rps"] for m in medidas[True])
        print(f"Sin contador: {sin:.1f} peticiones/s · con contador: {con:.1f} peticiones/s · razón {con / sin:.3f}")
        if redis:
            total = contadas(entorno)
            estado = "ninguna perdida" if total == servidas_con_contador else "¡DIFERENCIA!"
            print(f"Vistas contadas {total} de {servidas_con_contador} páginas servidas con el contador: {estado}")
        print(f"Costo del contador por vista, en el proceso: {costo_por_vista(entorno):.0f} µs")
    finally:
        if redis:
            redis.terminate()
            redis.wait(timeout=10)
        shutil.rmtree(carpeta, ignore_errors=True)


if __name__ == "__main__":
    main()
