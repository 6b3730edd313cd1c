"""Two nodes, one site: two gunicorn instances on different ports sharing PostgreSQL and Redis.

    .venv/bin/python bench/dos_nodos.py [--servidor postgres://postgres@127.0.0.1:5432] [--redis redis://127.0.0.1:6379/9]

Creates (and drops) its own database ``portal_dos_nodos``, loads the demo content, starts node A and node B,
warms node B's page cache with /noticias/, publishes a news item through node A's admin (a real login and a
real form post), and checks that node B shows it at once. Prints what it did and exits non-zero on failure.
"""

import argparse
import http.cookiejar
import os
import re
import socket
import subprocess  # noqa: S404 - only fixed commands of this script
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
BASE = "portal_dos_nodos"
CLAVE = "Dos-nodos-prueba-2026"


def puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def esperar(url, limite=40):
    fin = time.monotonic() + limite
    while time.monotonic() < fin:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"El nodo {url} no respondió.")


def manage(entorno, *argumentos):
    subprocess.run([sys.executable, "manage.py", *argumentos], cwd=RAIZ, env=entorno, check=True)  # noqa: S603


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--servidor", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()
    entorno = dict(os.environ, DATABASE_URL=f"{args.servidor}/{BASE}", REDIS_URL=args.redis, DEBUG="1")
    sys.path.insert(0, str(RAIZ))
    from bench.datos import borrar_base, preparar_base

    preparar_base(args.servidor, BASE)
    nodos = []
    try:
        manage(entorno, "migrate", "-v0")
        manage(entorno, "cargar_demo", "--password", CLAVE, "-v0")
        subprocess.run(["redis-cli", "-u", args.redis, "FLUSHDB"], check=True, capture_output=True)  # noqa: S603, S607
        puertos = [puerto_libre(), puerto_libre()]
        for puerto in puertos:
            nodos.append(
                subprocess.Popen(  # noqa: S603
                    [str(RAIZ / ".venv/bin/gunicorn"), "tablon_portal.wsgi", "-b", f"127.0.0.1:{puerto}", "-w", "2"],
                    cwd=RAIZ,
                    env=entorno,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        a, b = (f"http://127.0.0.1:{p}" for p in puertos)
        esperar(a + "/salud/")
        esperar(b + "/salud/")
        titulo = f"Noticia publicada en el nodo A {int(time.time())}"
        antes = urllib.request.urlopen(b + "/noticias/").read().decode()  # noqa: S310 - fills B's page cache
        segunda = urllib.request.urlopen(b + "/noticias/")  # noqa: S310
        if segunda.headers.get("X-Cache") != "HIT" or titulo in antes:
            raise SystemExit("FALLA: el nodo B no guardó la página en la caché compartida.")

        # Node A: log in as the committee and publish a news item with the admin's own form.
        galletas = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        formulario = galletas.open(a + "/admin/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulario).group(1)
        datos = {"csrfmiddlewaretoken": token, "username": "comite", "password": CLAVE, "next": "/admin/"}
        galletas.open(
            urllib.request.Request(
                a + "/admin/login/", urllib.parse.urlencode(datos).encode(), headers={"Referer": a + "/admin/login/"}
            )
        )
        formulario = galletas.open(a + "/admin/portal/noticia/add/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulario).group(1)
        dependencia = re.search(r'<option value="(\d+)"', formulario.split('name="dependencia"')[1]).group(1)
        datos = {
            "csrfmiddlewaretoken": token,
            "titulo": titulo,
            "slug": f"dos-nodos-{int(time.time())}",
            "resumen": "Prueba de dos nodos.",
            "cuerpo": "<p>Prueba.</p>",
            "dependencia": dependencia,
            "imagen_alt": "",
            "_save": "Grabar",
        }
        galletas.open(
            urllib.request.Request(
                a + "/admin/portal/noticia/add/",
                urllib.parse.urlencode(datos).encode(),
                headers={"Referer": a + "/admin/portal/noticia/add/"},
            )
        )
        lista = galletas.open(a + "/admin/portal/noticia/?q=" + urllib.parse.quote(titulo)).read().decode()
        pk = re.search(r'name="_selected_action" value="(\d+)"', lista).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', lista).group(1)
        datos = {"csrfmiddlewaretoken": token, "action": "publicar", "_selected_action": pk}
        galletas.open(
            urllib.request.Request(
                a + "/admin/portal/noticia/",
                urllib.parse.urlencode(datos).encode(),
                headers={"Referer": a + "/admin/portal/noticia/"},
            )
        )

        despues = urllib.request.urlopen(b + "/noticias/").read().decode()  # noqa: S310
        if titulo not in despues:
            raise SystemExit("FALLA: el nodo B sigue mostrando la página vieja.")
        print(f"Nodo A {a} publicó «{titulo}»; el nodo B {b} la muestra en /noticias/ de inmediato. OK")
    finally:
        for nodo in nodos:
            nodo.terminate()
            nodo.wait(timeout=10)
        borrar_base(args.servidor, BASE)


if __name__ == "__main__":
    main()
