"""The page of a consultation of a draft norm under load while comments arrive, beside a bare Django view.

    .venv/bin/python bench/participa.py [--motores sqlite,postgres] [--segundos 8] [--conexiones 16]
        [--comentadores 4] [--articulos 8] [--comentarios 40]

For each engine: a database of its own (SQLite: a temporary file; PostgreSQL: ``portal_bench_participa`` on
--servidor, dropped at the end) with one open consultation (--articulos articles, --comentarios published
comments), gunicorn in production mode (2 sync workers, page cache on, no Redis: the embedded SQLite cache),
then wrk (``apt-get install wrk``) loads the bare view, the consultation's page alone, and the page again while
another wrk posts comments to its form (--comentadores connections, each comment a different text, the
per-connection limit lifted). A new comment waits for moderation, so it must not empty the page cache: the
page keeps being served from the cache while comments arrive. Afterwards it counts the comments received.
The bare view is measured alone and while comments arrive too, and each ratio is to the bare view under the
same conditions. Targets: the page at least as fast as the bare view, alone and while comments arrive; zero
errors; the page still served from the cache at the end.
Compare ratios, not absolute numbers from different runs or machines (a shared machine moves them a lot).
"""

import argparse
import os
import re
import subprocess  # noqa: S404 - only this script, gunicorn, manage.py and wrk, with fixed arguments
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
BASE = "portal_bench_participa"
SLUG = "proyecto-de-carga"
META_PAGINA = 1.0

PREPARAR = """
from datetime import timedelta
from django.utils import timezone
from participa.models import Articulo, Comentario, Consulta
from portal.models import Dependencia
ahora = timezone.now()
dependencia = Dependencia.objects.create(nombre="Secretaría de Gobierno", slug="gobierno")
consulta = Consulta.objects.create(
    titulo="Proyecto de acuerdo de carga", slug="{slug}", objeto="Medir la página con comentarios. " * 20,
    abre=ahora - timedelta(days=1), cierra=ahora + timedelta(days=14), dependencia=dependencia,
    estado="publicado", publicar_desde=ahora - timedelta(days=1),
)
articulos = [
    Articulo.objects.create(consulta=consulta, orden=n, encabezado=f"Artículo {{n}}. Tema {{n}}", texto="Texto. " * 80)
    for n in range(1, {articulos} + 1)
]
for n in range({comentarios}):
    texto = f"Comentario publicado número {{n}}. " * 6
    Comentario.objects.create(
        consulta=consulta, articulo=articulos[n % len(articulos)], nombre="Persona", correo=f"p{{n}}@example.com",
        texto=texto, huella=Comentario.calcular_huella(f"p{{n}}@example.com", texto), estado="publicado",
    )
"""


def _manage(entorno, *argumentos, entrada=None):
    return subprocess.run(  # noqa: S603
        [str(RAIZ / ".venv/bin/python"), "manage.py", *argumentos],
        cwd=RAIZ,
        env=entorno,
        input=entrada,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def ficha_csrf(base):
    """The CSRF cookie and the form's token, once: Django accepts the same pair on every post."""
    respuesta = urllib.request.urlopen(f"{base}/participa/consultas/{SLUG}/comentar/", timeout=10)  # noqa: S310
    html = respuesta.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    # From the header: the cookie is Secure in production mode and a cookie jar drops it over HTTP.
    cookie = re.search(r"csrftoken=([^;]+)", respuesta.headers.get("Set-Cookie", "")).group(1)
    return cookie, token


def comentadores(url, segundos, conexiones, cookie, token, inicio=0):
    """A wrk posting comments, each with its own text (one thread, so one counter), started in the background."""
    cuerpo = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "tipo_autor": "persona",
            "nombre": "Persona de carga",
            "correo": "carga@example.com",
            "articulo": "",
        }
    )
    guion = Path(tempfile.mkstemp(suffix=".lua")[1])
    guion.write_text(
        f"contador = {inicio}\n"
        "request = function()\n"
        "  contador = contador + 1\n"
        f'  local cuerpo = "{cuerpo}&texto=Comentario+de+carga+numero+" .. contador\n'
        '  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded", '
        f'["Cookie"] = "csrftoken={cookie}"}}, cuerpo)\n'
        "end\n"
    )
    orden = ["wrk", "-t1", f"-c{conexiones}", f"-d{round(segundos)}s", "--latency", "--timeout", "15s", "-s"]
    return subprocess.Popen([*orden, str(guion), url], stdout=subprocess.PIPE, text=True), guion  # noqa: S603


def resultado_de_wrk(salida):
    from bench.carga import _milisegundos

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


def medir_motor(args, motor):
    from bench.carga import medir
    from bench.datos import borrar_base, preparar_base
    from bench.paginas import entorno_de_produccion, servir

    if motor == "postgres":
        preparar_base(args.servidor, BASE)
        database_url = f"{args.servidor}/{BASE}"
    else:
        database_url = f"sqlite:///{Path(tempfile.mkdtemp()) / BASE}.sqlite3"
    entorno = entorno_de_produccion(database_url, "", archivo_cache=str(Path(tempfile.mkdtemp()) / "cache.sqlite3"))
    entorno.pop("REDIS_URL")
    entorno.update(CONSULTAS_COMENTARIOS_POR_CLIENTE=str(10**9))
    try:
        _manage(entorno, "migrate", "--noinput", "-v0")
        _manage(entorno, "collectstatic", "--noinput", "-v0")  # production pages need the static manifest
        codigo = PREPARAR.format(slug=SLUG, articulos=args.articulos, comentarios=args.comentarios)
        _manage(entorno, "shell", "-c", codigo)
        servidor = servir(entorno, 8621, 300)
        try:
            base = "http://127.0.0.1:8621"
            pagina = f"{base}/participa/consultas/{SLUG}/"
            cookie, token = ficha_csrf(base)
            cabeceras = {"User-Agent": "Mozilla/5.0 (X11; Linux) Chrome/126"}
            medir(f"{base}/bench/vacia/", 1, 4, cabeceras)  # warm-up
            medir(pagina, 1, 4, cabeceras)
            vacia = medir(f"{base}/bench/vacia/", args.segundos, args.conexiones, cabeceras)
            sola = medir(pagina, args.segundos, args.conexiones, cabeceras)
            formulario = f"{base}/participa/consultas/{SLUG}/comentar/"

            def mientras_comentan(url, inicio):
                proceso, guion = comentadores(formulario, args.segundos, args.comentadores, cookie, token, inicio)
                medido = medir(url, args.segundos, args.conexiones, cabeceras)
                salida, _ = proceso.communicate(timeout=args.segundos + 30)
                guion.unlink()
                return medido, resultado_de_wrk(salida)

            vacia_con_comentarios, _ = mientras_comentan(f"{base}/bench/vacia/", 1_000_000)
            con_comentarios, comentarios = mientras_comentan(pagina, 2_000_000)
            cache = urllib.request.urlopen(pagina, timeout=10).headers.get("X-Cache", "")  # noqa: S310
        finally:
            servidor.terminate()
            servidor.wait(timeout=10)
        recibidos = _manage(
            entorno,
            "shell",
            "-c",
            "from participa.models import Comentario; print(Comentario.objects.filter(estado='pendiente').count())",
        ).split()[-1]
    finally:
        if motor == "postgres":
            borrar_base(args.servidor, BASE)
    print(
        f"\n## {motor}: gunicorn 2 workers (producción, caché de páginas embebida), {args.conexiones} conexiones "
        f"leyendo, {args.comentadores} comentando, {args.segundos:g} s; {args.articulos} artículos, "
        f"{args.comentarios} comentarios publicados"
    )
    print("Razón: frente a la vista vacía medida en las mismas condiciones (sola o mientras llegan comentarios).")
    print("| qué | pet./s | p50 ms | p99 ms | errores | razón |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    for nombre, r, referencia in (
        ("Django vacío (5 KB)", vacia, vacia),
        ("Página de la consulta", sola, vacia),
        ("Django vacío, mientras llegan comentarios", vacia_con_comentarios, vacia_con_comentarios),
        ("Página de la consulta, mientras llegan comentarios", con_comentarios, vacia_con_comentarios),
        ("Comentarios enviados a la vez (POST → 302)", comentarios, vacia_con_comentarios),
    ):
        print(
            f"| {nombre} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errores']} "
            f"| {r['rps'] / referencia['rps']:.2f} |"
        )
    print(f"Comentarios por moderar en la base: {recibidos}; la página al final: X-Cache {cache or 'MISS'}")
    metas = [
        ("la página, sola, ≥ la vista vacía", sola["rps"] / vacia["rps"] >= META_PAGINA),
        (
            "la página, mientras llegan comentarios, ≥ la vista vacía en las mismas condiciones",
            con_comentarios["rps"] / vacia_con_comentarios["rps"] >= META_PAGINA,
        ),
        ("cero errores", not (sola["errores"] or con_comentarios["errores"] or comentarios["errores"])),
        ("la página sigue en la caché tras los comentarios", cache == "HIT"),
    ]
    for texto, cumplida in metas:
        print(f"- {'cumplida' if cumplida else 'NO cumplida'}: {texto}")
    return all(c for _, c in metas)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--motores", default="sqlite")
    parser.add_argument("--segundos", type=float, default=8)
    parser.add_argument("--conexiones", type=int, default=16)
    parser.add_argument("--comentadores", type=int, default=4)
    parser.add_argument("--articulos", type=int, default=8)
    parser.add_argument("--comentarios", type=int, default=40)
    parser.add_argument("--servidor", default="postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    os.chdir(RAIZ)
    bien = [medir_motor(args, motor) for motor in args.motores.split(",")]
    sys.exit(0 if all(bien) else 1)


if __name__ == "__main__":
    main()
