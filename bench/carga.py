"""Load generators shared by the bench scripts: wrk when installed (``apt-get install wrk``), else Python threads.

wrk is preferred: written in C, it leaves the two cores to the server, so the ratios between pages are the
server's, not the client's. Both return the same figures: requests/s of good answers, p50 and p99 latency in
milliseconds, and how many answers were errors (anything but 200, or a broken connection).
"""

import http.client
import re
import shutil
import statistics
import subprocess  # noqa: S404 - only wrk, with arguments built here
import threading
import time
from urllib.parse import urlsplit

UNIDADES = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def medir(url, segundos, conexiones, cabeceras=None):
    if shutil.which("wrk"):
        return con_wrk(url, segundos, conexiones, cabeceras or {})
    return con_hilos(url, segundos, conexiones, cabeceras or {})


def _milisegundos(texto):
    numero, unidad = re.fullmatch(r"([\d.]+)(us|ms|s)", texto).groups()
    return float(numero) * UNIDADES[unidad]


def con_wrk(url, segundos, conexiones, cabeceras):
    orden = ["wrk", "-t2", f"-c{conexiones}", f"-d{max(1, round(segundos))}s", "--latency", "--timeout", "15s"]
    for nombre, valor in cabeceras.items():
        orden += ["-H", f"{nombre}: {valor}"]
    salida = subprocess.run([*orden, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    distribucion = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s))\s*$", salida, re.MULTILINE))
    total = int(re.search(r"(\d+) requests in", salida).group(1))
    no_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", salida)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", salida)
    errores = (int(no_2xx.group(1)) if no_2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    duracion = float(re.search(r"requests in ([\d.]+)s", salida).group(1))
    return {
        "rps": (total - (int(no_2xx.group(1)) if no_2xx else 0)) / duracion,
        "p50": _milisegundos(distribucion["50"]),
        "p99": _milisegundos(distribucion["99"]),
        "errores": errores,
    }


def con_hilos(url, segundos, conexiones, cabeceras):
    """The same measure from Python threads (the client then competes with the server for the CPU)."""
    partes = urlsplit(url)
    ruta = partes.path + (f"?{partes.query}" if partes.query else "")
    fin = time.monotonic() + segundos
    resultados, candado = [], threading.Lock()

    def trabajador():
        buenas, errores, tiempos = 0, 0, []
        conexion = http.client.HTTPConnection(partes.hostname, partes.port, timeout=15)
        while time.monotonic() < fin:
            inicio = time.perf_counter()
            try:
                conexion.request("GET", ruta, headers=cabeceras)
                respuesta = conexion.getresponse()
                respuesta.read()
                buenas, errores = (buenas + 1, errores) if respuesta.status == 200 else (buenas, errores + 1)
            except (OSError, http.client.HTTPException):
                errores += 1
                conexion = http.client.HTTPConnection(partes.hostname, partes.port, timeout=15)
            tiempos.append((time.perf_counter() - inicio) * 1000)
        with candado:
            resultados.append((buenas, errores, tiempos))

    hilos = [threading.Thread(target=trabajador) for _ in range(conexiones)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    tiempos = sorted(t for r in resultados for t in r[2])
    return {
        "rps": sum(r[0] for r in resultados) / segundos,
        "p50": statistics.median(tiempos) if tiempos else 0,
        "p99": tiempos[min(len(tiempos) - 1, round(0.99 * (len(tiempos) - 1)))] if tiempos else 0,
        "errores": sum(r[1] for r in resultados),
    }
