"""PQRSD filed through the public form under load, beside a bare Django view, on PostgreSQL and SQLite.

    .venv/bin/python bench/pqrsd.py [--motores postgres,sqlite] [--segundos 8] [--conexiones 16]

For each engine: a database of its own (PostgreSQL: ``portal_bench_pqrsd`` on --servidor, dropped at the end;
SQLite: a temporary file), gunicorn in production mode (2 sync workers), then wrk (``apt-get install wrk``)
posts the filled form with 16 connections (one CSRF token for all, the per-connection limit lifted), loads the
receipt page of one radicado and the bare view. Afterwards it checks the radicados in the database: as many as
successful posts, numbered 1..N with no gap and no repeat. Targets (issue 18): filing at least 0.15 of the bare
view's requests/s, the receipt at least 0.5, zero errors.
"""

import argparse
import os
import re
import subprocess  # noqa: S404 - only this script, gunicorn, manage.py and wrk, with fixed arguments
import sys
import tempfile
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
BASE = "portal_bench_pqrsd"
META_RADICAR, META_CONSTANCIA = 0.15, 0.5

FORMULARIO = {
    "tipo": "peticion",
    "asunto": "Arreglo del camino veredal",
    "descripcion": "El camino a la vereda Las Mesas está intransitable desde las lluvias de noviembre. " * 5,
    "tipo_persona": "natural",
    "nombre": "Persona de prueba",
    "tipo_documento": "CC",
    "numero_documento": "1085123456",
    "correo": "prueba@example.com",
    "notificacion_electronica": "on",
}


def _abridor():
    tarro = CookieJar()

    class SinRedirecciones(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    return tarro, urllib.request.build_opener(urllib.request.HTTPCookieProcessor(tarro), SinRedirecciones)


def ficha_csrf(base):
    """The CSRF cookie and the form's token, once: Django accepts the same pair on every post."""
    respuesta = urllib.request.urlopen(f"{base}/pqrsd/nueva/", timeout=10)  # noqa: S310 - loopback
    html = respuesta.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    # Read from the header: the cookie is marked Secure in production mode and a cookie jar drops it over HTTP.
    cookie = re.search(r"csrftoken=([^;]+)", respuesta.headers.get("Set-Cookie", "")).group(1)
    return cookie, token


def radicar_una(base, cookie, token):
    """File one PQRSD as a browser would and return the receipt's path and the cookie that opens it."""
    _tarro, abridor = _abridor()
    datos = urllib.parse.urlencode({**FORMULARIO, "csrfmiddlewaretoken": token}).encode()
    peticion = urllib.request.Request(f"{base}/pqrsd/nueva/", data=datos, headers={"Cookie": f"csrftoken={cookie}"})
    try:
        abridor.open(peticion, timeout=10)
    except urllib.error.HTTPError as respuesta:  # the 302 to the receipt, not followed
        ubicacion = respuesta.headers["Location"]
        # The signed cookie that lets this browser open its radicado (ventanilla.llavero).
        llavero = re.search(r"(ventanilla=[^;]+)", respuesta.headers.get("Set-Cookie", "")).group(1)
        return urllib.parse.urlsplit(ubicacion).path, llavero
    raise SystemExit("La radicación de prueba no redirigió a la constancia.")


def con_wrk_post(url, segundos, conexiones, cookie, cuerpo):
    from bench.carga import _milisegundos

    guion = Path(tempfile.mkstemp(suffix=".lua")[1])
    guion.write_text(
        f'wrk.method = "POST"\nwrk.body = {cuerpo!r}\n'.replace("'", '"')
        + 'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        + f'wrk.headers["Cookie"] = "csrftoken={cookie}"\n'
    )
    orden = [
        "wrk",
        "-t2",
        f"-c{conexiones}",
        f"-d{round(segundos)}s",
        "--latency",
        "--timeout",
        "15s",
        "-s",
        str(guion),
    ]
    salida = subprocess.run([*orden, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    guion.unlink()
    total = int(re.search(r"(\d+) requests in", salida).group(1))
    duracion = float(re.search(r"requests in ([\d.]+)s", salida).group(1))
    no_3xx = re.search(r"Non-2xx or 3xx responses: (\d+)", salida)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", salida)
    errores = (int(no_3xx.group(1)) if no_3xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    distribucion = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s))\s*$", salida, re.MULTILINE))
    return {
        "rps": total / duracion,
        "total": total,
        "errores": errores,
        "p50": _milisegundos(distribucion["50"]),
        "p99": _milisegundos(distribucion["99"]),
    }


def comprobar_numeracion(entorno):
    """(count, consecutive numbers are 1..count) read from the database the server wrote."""
    codigo = (
        "from ventanilla.models import Radicado\n"
        "n = sorted(Radicado.objects.values_list('consecutivo', flat=True))\n"
        "print(len(n), n == list(range(1, len(n) + 1)))\n"
    )
    salida = subprocess.run(  # noqa: S603
        [str(RAIZ / ".venv/bin/python"), "manage.py", "shell", "-c", codigo],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(salida[-2]), salida[-1] == "True"


def medir_motor(args, motor):
    from bench.carga import medir
    from bench.datos import borrar_base, preparar_base
    from bench.paginas import entorno_de_produccion, servir

    if motor == "postgres":
        preparar_base(args.servidor, BASE)
        database_url = f"{args.servidor}/{BASE}"
    else:
        database_url = f"sqlite:///{Path(tempfile.mkdtemp()) / BASE}.sqlite3"
    entorno = entorno_de_produccion(database_url, "")
    entorno.pop("REDIS_URL")
    entorno.update(PQRSD_RADICACIONES_POR_CLIENTE=str(10**9), PRIVADO_ROOT=tempfile.mkdtemp())
    try:
        subprocess.run(  # noqa: S603
            [str(RAIZ / ".venv/bin/python"), "manage.py", "migrate", "--noinput", "-v0"],
            cwd=RAIZ,
            env=entorno,
            check=True,
        )
        subprocess.run(  # noqa: S603 - production pages need the hashed static files' manifest
            [str(RAIZ / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=RAIZ,
            env=entorno,
            check=True,
        )
        servidor = servir(entorno, 8620, 0)
        try:
            base = "http://127.0.0.1:8620"
            cookie, token = ficha_csrf(base)
            constancia, llavero = radicar_una(base, cookie, token)
            cuerpo = urllib.parse.urlencode({**FORMULARIO, "csrfmiddlewaretoken": token})
            cabeceras = {"User-Agent": "Mozilla/5.0 (X11; Linux) Chrome/126"}
            medir(f"{base}/bench/vacia/", 1, 4, cabeceras)
            vacia = medir(f"{base}/bench/vacia/", args.segundos, args.conexiones, cabeceras)
            radicar = con_wrk_post(f"{base}/pqrsd/nueva/", args.segundos, args.conexiones, cookie, cuerpo)
            recibo = medir(f"{base}{constancia}", args.segundos, args.conexiones, {**cabeceras, "Cookie": llavero})
        finally:
            servidor.terminate()
            servidor.wait(timeout=10)
        cuantos, sin_huecos = comprobar_numeracion(entorno)
    finally:
        if motor == "postgres":
            borrar_base(args.servidor, BASE)
    esperados = radicar["total"] - radicar["errores"] + 1  # the posts that were answered, plus the first one
    print(f"\n## {motor}: gunicorn 2 workers (producción), {args.conexiones} conexiones, {args.segundos:g} s")
    print("| página | pet./s | p50 ms | p99 ms | errores | razón |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    for nombre, r in (("Django vacío (5 KB)", vacia), ("Radicar PQRSD (POST)", radicar), ("Constancia", recibo)):
        print(
            f"| {nombre} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errores']} "
            f"| {r['rps'] / vacia['rps']:.2f} |"
        )
    sin = "sí" if sin_huecos else "NO"
    print(f"Radicados en la base: {cuantos} (POST respondidos a wrk + el primero: {esperados}); sin huecos: {sin}")
    metas = [
        ("radicar ≥ 0,15 de la vista vacía", radicar["rps"] / vacia["rps"] >= META_RADICAR),
        ("constancia ≥ 0,5 de la vista vacía", recibo["rps"] / vacia["rps"] >= META_CONSTANCIA),
        ("cero errores", radicar["errores"] == 0 and recibo["errores"] == 0),
        # wrk stops counting with posts still in flight: the database may hold a few more than it answered.
        ("numeración consecutiva sin huecos", sin_huecos and cuantos >= esperados),
    ]
    for texto, cumplida in metas:
        print(f"- {'cumplida' if cumplida else 'NO cumplida'}: {texto}")
    return all(c for _, c in metas)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--motores", default="postgres,sqlite")
    parser.add_argument("--segundos", type=float, default=8)
    parser.add_argument("--conexiones", type=int, default=16)
    parser.add_argument("--servidor", default="postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    os.chdir(RAIZ)
    bien = [medir_motor(args, motor) for motor in args.motores.split(",")]
    sys.exit(0 if all(bien) else 1)


if __name__ == "__main__":
    main()
