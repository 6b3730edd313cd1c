"""Failures under load: a PostgreSQL restart and a killed gunicorn worker while people browse and the committee
publishes. Run on demand, not part of the test suite.

    .venv/bin/python bench/fallas.py [--segundos 60] [--conexiones 8] [--caida 5] [--tras 15]
        [--redis redis://127.0.0.1:6379/10] [--puerto-pg 5499] [--pg-bin /usr/lib/postgresql/15/bin]
        [--registro solicitudes.csv] [--conservar]

It proves the project's reliability requirement: gunicorn on PostgreSQL serves anonymous pages under load with
zero errors while an official publishes news; when PostgreSQL restarts the portal answers its Spanish 503 page
(no traceback) and recovers by itself (connection health checks, no gunicorn restart); when a worker is killed
with SIGKILL nothing but its in-flight request fails; nothing acknowledged is lost.

Its own PostgreSQL: it never touches the shared server on 5432. It creates a private cluster in a temporary
directory with ``initdb`` and ``pg_ctl`` (PostgreSQL server programs: Debian ``apt-get install postgresql``;
found on PATH, in /usr/lib/postgresql/*/bin or with --pg-bin), listening on 127.0.0.1:--puerto-pg only, with
trust authentication (it lives a few minutes and only local users can reach it). As root the server programs
run as the ``postgres`` user (``runuser``; initdb refuses root); as any other user they run as that user. The
cluster is stopped and deleted at the end, also when the run fails or is interrupted (--conservar keeps the
temporary directory, with gunicorn's and PostgreSQL's logs, to look into).

Then: migrate, the demo content (``cargar_demo --force`` with a random password), collectstatic into the
temporary directory, gunicorn in production mode (DEBUG off, 2 sync workers, Redis db 10 as the shared cache
and page cache; ``--redis ''`` runs without Redis: no page cache) on a free port in 8700-8799, and three phases:

1. --segundos of load (--conexiones threads, a new connection per request, over home, news, a news item,
   procedures, a ficha, transparency and a search) while the demo committee member ``comite`` logs into the
   admin over real HTTP and creates and publishes news one after another, without pause (the add form with
   its CSRF token, then the changelist's "publicar" action; officials may not publish in this portal, the
   Comité GEL-T does). Every publication empties the page cache, so most pages do reach the database.
   Required: zero errors.
2. The same load and publisher; after 5 s the private PostgreSQL is stopped (``pg_ctl stop -m fast``), stays
   down --caida seconds and is started again. Required: every failed answer is the Spanish 503 page without
   traceback, no other status, no broken connection; everything answers 200 again within 5 s of PostgreSQL
   being ready, with the same gunicorn workers; the publisher publishes again.
3. The same load and publisher; after 5 s one gunicorn worker gets SIGKILL. Required: only requests in flight
   at that moment fail (with sync workers at most one), gunicorn starts a new worker, the publisher goes on.

Finally PostgreSQL is stopped as in a crash (``pg_ctl stop -m immediate``: no checkpoint, it replays its WAL
when started) and every news item the server acknowledged (the redirect after saving; the success message
after publishing) must be in the database, and the published ones must show on their public page (through the
same gunicorn, reconnecting by itself once more) and the last one in /noticias/.
Every request is time-stamped (seconds since the script started; --registro writes them all as CSV). It
prints a summary table and exits non-zero if any requirement fails. About 2 to 3 minutes with the defaults.
"""

import argparse
import contextlib
import csv
import http.client
import io
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess  # noqa: S404 - only PostgreSQL's programs and gunicorn, with arguments built here
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
BASE = "portal_fallas"
PUERTOS_GUNICORN = range(8700, 8800)
AGENTE = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126 portal-fallas"
PAGINA_503 = "El portal no está disponible en este momento"
# What an error page must never show: a traceback, source paths, exception or driver names, versions.
TRAZA = re.compile(r'Traceback|File "|OperationalError|InterfaceError|psycopg|django(?:/|-| version | )v?\d', re.I)
CALENTAMIENTO = 5  # seconds of load before the failure of phases 2 and 3
RECUPERACION_MAXIMA = 5  # seconds after PostgreSQL is ready by which every answer must be 200 again
GRACIA_PUBLICADOR = 30  # seconds the publisher may take, after its phase, to finish the news item it started
PAUSA = 0.3  # between the publisher's retries
T0 = time.monotonic()


def reloj():
    """Seconds since the script started: every request and event is stamped with it."""
    return time.monotonic() - T0


# --- HTTP --------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Respuesta:
    estado: int
    cabeceras: list
    texto: str

    def cabecera(self, nombre):
        return next((v for k, v in self.cabeceras if k.lower() == nombre.lower()), "")


@dataclass(slots=True)
class Solicitud:
    """One request as the client saw it: when it started and ended, and how it ended."""

    fase: str
    quien: str  # "carga" (anonymous visitors) or "publicador" (the committee member in the admin)
    metodo: str
    ruta: str
    inicio: float
    fin: float
    estado: int | None  # None: no answer (the exception's name is in ``error``)
    error: str
    correcta: bool  # the answer expected for this step (200 for pages, 302 after a form post)
    pagina_503: bool  # the portal's Spanish 503 page, with Retry-After
    traza: bool  # the body shows a traceback, paths or versions
    desde_cache: bool  # X-Cache: HIT (served from the shared page cache without the database)

    @property
    def ms(self):
        return (self.fin - self.inicio) * 1000

    @property
    def clase(self):
        if self.correcta:
            return "correcta"
        if self.error:
            return f"conexión cortada ({self.error})"
        if self.traza:
            return f"HTTP {self.estado} con traza"
        if self.estado == 503 and self.pagina_503:
            return "503 en español"
        return f"HTTP {self.estado}"


def pedir(puerto, metodo, ruta, cuerpo=None, cabeceras=None):
    """One request on a new connection (as a visitor's browser would open), without following redirects."""
    conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=60)
    try:
        conexion.request(metodo, ruta, body=cuerpo, headers={"User-Agent": AGENTE, **(cabeceras or {})})
        respuesta = conexion.getresponse()
        texto = respuesta.read().decode("utf-8", "replace")
        return Respuesta(respuesta.status, respuesta.getheaders(), texto)
    finally:
        conexion.close()


def medir(fase, quien, puerto, metodo, ruta, cuerpo=None, cabeceras=None, esperado=(200,)):
    inicio = reloj()
    try:
        respuesta = pedir(puerto, metodo, ruta, cuerpo, cabeceras)
    except (OSError, http.client.HTTPException) as error:
        return Solicitud(fase, quien, metodo, ruta, inicio, reloj(), None, type(error).__name__, *[False] * 4), None
    fin = reloj()
    correcta = respuesta.estado in esperado
    return (
        Solicitud(
            fase,
            quien,
            metodo,
            ruta,
            inicio,
            fin,
            respuesta.estado,
            "",
            correcta,
            respuesta.estado == 503 and PAGINA_503 in respuesta.texto and bool(respuesta.cabecera("Retry-After")),
            not correcta and bool(TRAZA.search(respuesta.texto)),
            respuesta.cabecera("X-Cache") == "HIT",
        ),
        respuesta,
    )


class Carga:
    """Anonymous visitors: ``conexiones`` threads requesting the public pages in turn until stopped."""

    def __init__(self, puerto, rutas, conexiones):
        self.puerto, self.rutas, self.conexiones = puerto, rutas, conexiones
        self.solicitudes = []
        self._parar = threading.Event()
        self._hilos = []

    def iniciar(self, fase):
        self.fase, self.solicitudes = fase, []
        self._parar.clear()
        self._hilos = [threading.Thread(target=self._visitar, args=(i,), daemon=True) for i in range(self.conexiones)]
        for hilo in self._hilos:
            hilo.start()

    def detener(self):
        self._parar.set()
        for hilo in self._hilos:
            hilo.join()
        return self.solicitudes

    def _visitar(self, indice):
        while not self._parar.is_set():
            ruta = self.rutas[indice % len(self.rutas)]
            indice += 1
            self.solicitudes.append(medir(self.fase, "carga", self.puerto, "GET", ruta)[0])  # append is atomic


class Publicador:
    """The committee member publishing news through the admin over real HTTP, on the same gunicorn.

    Cookies are kept by hand: in production mode they are Secure, and a cookie jar would not send them back
    over the plain HTTP of the loopback. Every news item the server acknowledged is recorded: created (the
    redirect to its change page after saving) and published (the success message of the "publicar" action).
    """

    def __init__(self, puerto, usuario, clave, admin):
        self.puerto, self.usuario, self.clave = puerto, usuario, clave
        self.admin = "/" + admin.strip("/") + "/"
        self.agregar = f"{self.admin}portal/noticia/add/"
        self.lista = f"{self.admin}portal/noticia/"
        self.galletas = {}
        self.sello = time.strftime("%Y%m%d%H%M%S")
        self.intentos = 0
        self.confirmadas = []  # {"titulo", "slug", "pk", "fase", "creada", "publicada"} (times; None: not yet)
        self.sin_confirmar = []  # slugs of saves whose answer never came: they may or may not exist
        self.inesperadas = []  # answers of the admin that the script did not expect (a form error, …)
        self.mensajes_perdidos = 0  # publications whose success message a failed page consumed
        self.solicitudes = []
        self._parar = threading.Event()
        self._hilo = None
        self._fin_de_gracia = None
        self.fase = ""

    def solicitar(self, metodo, ruta, datos=None, esperado=(200,)):
        cabeceras = {}
        if self.galletas:
            cabeceras["Cookie"] = "; ".join(f"{nombre}={valor}" for nombre, valor in self.galletas.items())
        cuerpo = None
        if datos is not None:
            cuerpo = urllib.parse.urlencode(datos)
            cabeceras["Content-Type"] = "application/x-www-form-urlencoded"
        solicitud, respuesta = medir(self.fase, "publicador", self.puerto, metodo, ruta, cuerpo, cabeceras, esperado)
        self.solicitudes.append(solicitud)
        if respuesta is not None:
            self._guardar_galletas(respuesta)
        return respuesta if solicitud.correcta else None

    def _guardar_galletas(self, respuesta):
        from http.cookies import SimpleCookie

        for nombre, valor in respuesta.cabeceras:
            if nombre.lower() != "set-cookie":
                continue
            for galleta in SimpleCookie(valor).values():
                if galleta.value == "" or galleta["max-age"] == "0":
                    self.galletas.pop(galleta.key, None)
                else:
                    self.galletas[galleta.key] = galleta.coded_value

    @staticmethod
    def _token(respuesta):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', respuesta.texto).group(1)

    def entrar(self):
        """Log in once (django-axes counts failures, so no guessing: one attempt with the right password)."""
        self.fase = "ingreso"
        formulario = self.solicitar("GET", f"{self.admin}login/")
        if formulario is None:
            raise SystemExit("FALLA: la página de ingreso a la administración no respondió.")
        datos = {
            "csrfmiddlewaretoken": self._token(formulario),
            "username": self.usuario,
            "password": self.clave,
            "next": self.admin,
        }
        if self.solicitar("POST", f"{self.admin}login/", datos, esperado=(302,)) is None or (
            "sessionid" not in self.galletas
        ):
            raise SystemExit(f"FALLA: el usuario «{self.usuario}» no pudo ingresar a la administración.")

    def iniciar(self, fase):
        self.fase, self.solicitudes = fase, []
        self._parar.clear()
        self._hilo = threading.Thread(target=self._publicar_sin_parar, daemon=True)
        self._hilo.start()

    def detener(self):
        self._parar.set()
        self._hilo.join()
        return self.solicitudes

    def _publicar_sin_parar(self):
        while not self._parar.is_set():
            try:
                self.publicar_una()
            except Exception as error:  # a page the script did not expect: reported, and go on
                self.inesperadas.append(f"{type(error).__name__}: {error}")
                time.sleep(PAUSA)

    def _seguir(self):
        """Retry while the phase lasts; after it, only to finish the news item already started."""
        if not self._parar.is_set():
            return True
        self._fin_de_gracia = self._fin_de_gracia or reloj() + GRACIA_PUBLICADOR
        return reloj() < self._fin_de_gracia

    def publicar_una(self):
        self._fin_de_gracia = None
        self.intentos += 1
        formulario = self.solicitar("GET", self.agregar)
        if formulario is None:
            time.sleep(PAUSA)
            return
        dependencia = re.search(r'<option value="(\d+)"', formulario.texto.split('name="dependencia"')[1]).group(1)
        titulo = f"Prueba de fallas {self.sello}-{self.intentos}: noticia de la fase {self.fase}"
        slug = f"fallas-{self.sello}-{self.intentos}"
        datos = {
            "csrfmiddlewaretoken": self._token(formulario),
            "titulo": titulo,
            "slug": slug,
            "resumen": "Noticia publicada durante la prueba de fallas del portal.",
            "cuerpo": "<p>Publicada mientras el portal atendía visitantes y sufría fallas a propósito.</p>",
            "dependencia": dependencia,
            "imagen_alt": "",
            "_continue": "Grabar y continuar editando",
        }
        guardada = self.solicitar("POST", self.agregar, datos, esperado=(302,))
        if guardada is None:
            # No answer, or an error page: the save was rolled back or its answer lost; never counted as done.
            if self.solicitudes[-1].estado == 200:
                self.inesperadas.append(f"el formulario no se guardó ({slug})")
            self.sin_confirmar.append(slug)
            time.sleep(PAUSA)
            return
        encontrado = re.search(r"/noticia/(\d+)/change/", guardada.cabecera("Location"))
        if encontrado is None:
            self.inesperadas.append(f"después de guardar redirigió a {guardada.cabecera('Location')!r}")
            return
        noticia = {"titulo": titulo, "slug": slug, "pk": int(encontrado.group(1)), "fase": self.fase}
        noticia.update(creada=reloj(), publicada=None)
        self.confirmadas.append(noticia)
        accion = {"csrfmiddlewaretoken": datos["csrfmiddlewaretoken"], "action": "publicar", "index": "0"}
        accion["_selected_action"] = str(noticia["pk"])
        sin_mensaje = 0
        while self._seguir():
            if self.solicitar("POST", self.lista, accion, esperado=(302,)) is None:
                time.sleep(PAUSA)
                continue
            # The action's message waits in the messages cookie until an admin page shows it.
            pagina = None
            while pagina is None and self._seguir():
                pagina = self.solicitar("GET", f"{self.lista}{noticia['pk']}/change/")
                if pagina is None:
                    time.sleep(PAUSA)
            if pagina is None:
                return
            # A retry after a lost answer finds it already published: also acknowledged, by this answer.
            if "elemento: publicar" in pagina.texto or "está en estado publicado" in pagina.texto:
                noticia["publicada"] = reloj()
                return
            # No message: a 503 page that failed after showing it took it along. Publish again: the answer
            # says whether it was done.
            sin_mensaje += 1
            self.mensajes_perdidos += 1
            if sin_mensaje == 3:
                self.inesperadas.append(f"publicar «{slug}» no mostró el mensaje de éxito")
                return


# --- The private PostgreSQL and gunicorn ----------------------------------------------------------------------------


def binarios_de_postgresql(indicados):
    if indicados:
        carpeta = Path(indicados)
    elif shutil.which("initdb"):
        carpeta = Path(shutil.which("initdb")).resolve().parent
    else:
        versiones = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
        carpeta = versiones[-1].parent if versiones else None
    if carpeta is None or not (carpeta / "initdb").exists() or not (carpeta / "pg_ctl").exists():
        raise SystemExit(
            "No se encontraron los programas del servidor PostgreSQL (initdb, pg_ctl). Instálelos (Debian: "
            "apt-get install postgresql) o indique su carpeta con --pg-bin."
        )
    return carpeta


class ClusterPrivado:
    """A PostgreSQL cluster of this run only: its own directory, port and socket; deleted at the end."""

    def __init__(self, binarios, puerto):
        self.binarios, self.puerto = binarios, puerto
        self.directorio = None
        self.usuario = None
        if os.geteuid() == 0:
            try:
                self.usuario = pwd.getpwnam("postgres")
            except KeyError:
                raise SystemExit(
                    "Se ejecuta como root y no existe el usuario «postgres» (initdb no acepta root). Instale "
                    "PostgreSQL (Debian: apt-get install postgresql) o ejecute el script con un usuario sin "
                    "privilegios."
                ) from None
            if not shutil.which("runuser"):
                raise SystemExit("Se ejecuta como root y falta runuser (paquete util-linux) para usar «postgres».")
        if puerto == 5432:
            raise SystemExit("5432 es el puerto del PostgreSQL compartido: use otro con --puerto-pg.")
        with socket.socket() as prueba:
            if prueba.connect_ex(("127.0.0.1", puerto)) == 0:
                raise SystemExit(
                    f"El puerto {puerto} ya está en uso (¿un clúster de una corrida anterior?). Use --puerto-pg."
                )

    @property
    def datos(self):
        return self.directorio / "datos"

    def _ejecutar(self, programa, *argumentos, check=True):
        orden = [str(self.binarios / programa), *argumentos]
        if self.usuario:
            orden = ["runuser", "-u", "postgres", "--", *orden]
        resultado = subprocess.run(orden, cwd=self.directorio, capture_output=True, text=True, check=False)
        if check and resultado.returncode:
            raise SystemExit(f"FALLA: {programa} {' '.join(argumentos)}:\n{resultado.stdout}{resultado.stderr}")
        return resultado

    def crear(self):
        self.directorio = Path(tempfile.mkdtemp(prefix="portal-fallas-"))
        if self.usuario:
            os.chown(self.directorio, self.usuario.pw_uid, self.usuario.pw_gid)
        self._ejecutar("initdb", "-D", str(self.datos), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale")
        with open(self.datos / "postgresql.conf", "a", encoding="utf-8") as configuracion:
            configuracion.write(
                f"\n# bench/fallas.py\nport = {self.puerto}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.directorio}'\n"
            )
        self.arrancar()

    def arrancar(self):
        self._ejecutar("pg_ctl", "-D", str(self.datos), "-l", str(self.directorio / "postgresql.log"), "-w", "start")

    def detener(self, modo="fast"):
        self._ejecutar("pg_ctl", "-D", str(self.datos), "-m", modo, "-w", "stop")

    def borrar(self, conservar=False):
        if self.directorio is None:
            return
        if self.datos.exists():
            self._ejecutar("pg_ctl", "-D", str(self.datos), "-m", "immediate", "-w", "stop", check=False)
        if conservar:
            print(f"Se conserva {self.directorio} (datos y registros de PostgreSQL y de gunicorn).")
        else:
            shutil.rmtree(self.directorio, ignore_errors=True)


def puerto_para_gunicorn():
    for puerto in PUERTOS_GUNICORN:
        with socket.socket() as prueba:
            if prueba.connect_ex(("127.0.0.1", puerto)) != 0:
                return puerto
    raise SystemExit(f"No hay un puerto libre entre {PUERTOS_GUNICORN.start} y {PUERTOS_GUNICORN.stop - 1}.")


def arrancar_gunicorn(entorno, puerto, registro):
    # --timeout: a worker silent 30 s is killed (none should be: PostgreSQL down answers at once);
    # --graceful-timeout: at the end, 10 s to finish the requests in flight.
    servidor = subprocess.Popen(
        [
            str(RAIZ / ".venv/bin/gunicorn"),
            "tablon_portal.wsgi",
            "-b",
            f"127.0.0.1:{puerto}",
            "-w",
            "2",
            "--timeout",
            "30",
            "--graceful-timeout",
            "10",
        ],
        cwd=RAIZ,
        env=entorno,
        stdout=registro,
        stderr=subprocess.STDOUT,
    )
    for _ in range(150):
        try:
            if pedir(puerto, "GET", "/salud/").estado == 200:
                return servidor
        except OSError:
            pass
        if servidor.poll() is not None:
            break
        time.sleep(0.2)
    servidor.terminate()
    raise SystemExit(f"FALLA: gunicorn no arrancó (vea {registro.name}).")


def workers(maestro):
    """The gunicorn workers: the children of the master process, read from /proc."""
    hijos = []
    for estado in Path("/proc").glob("[0-9]*/stat"):
        try:
            campos = estado.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(campos[1]) == maestro:
            hijos.append(int(estado.parent.name))
    return sorted(hijos)


# --- Data ----------------------------------------------------------------------------------------------------------


def preparar(entorno, clave):
    """Migrate, load the demo, index, collect static files; return the public pages the visitors request."""
    os.environ.update(entorno)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connections

    from portal.models import Noticia
    from tramites.models import Tramite

    call_command("migrate", verbosity=0)
    call_command("cargar_demo", password=clave, force=True, verbosity=0, stdout=io.StringIO())  # prints the password
    call_command("reindexar_busqueda", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    cache.clear()  # only this run's Redis database: no page of an earlier run may answer
    rutas = [
        "/",
        "/noticias/",
        Noticia.objects.vigentes().first().get_absolute_url(),
        "/tramites/",
        Tramite.objects.vigentes().first().get_absolute_url(),
        "/transparencia/",
        "/buscar/?q=predial",
    ]
    connections.close_all()
    return rutas


def verificar_lo_publicado(publicador, puerto):
    """Every acknowledged news item is in the database; the published ones show on their page and in the list."""
    from django.db import connections

    from portal.models import Estado, Noticia

    connections.close_all()  # this process's connection did not survive the restart of phase 2
    en_bd = {n.slug: n for n in Noticia.objects.filter(slug__startswith=f"fallas-{publicador.sello}-")}
    fallas = []
    publicadas = [n for n in publicador.confirmadas if n["publicada"] is not None]
    for noticia in publicador.confirmadas:
        guardada = en_bd.get(noticia["slug"])
        if guardada is None or guardada.pk != noticia["pk"] or guardada.titulo != noticia["titulo"]:
            fallas.append(f"la noticia confirmada «{noticia['slug']}» no está en la base de datos")
        elif noticia["publicada"] is not None and guardada.estado != Estado.PUBLICADO:
            fallas.append(f"la noticia «{noticia['slug']}» se confirmó publicada y está en «{guardada.estado}»")
    visibles = 0
    for noticia in publicadas:
        respuesta = pedir(puerto, "GET", f"/noticias/{noticia['slug']}/")
        if respuesta.estado == 200 and noticia["titulo"] in respuesta.texto:
            visibles += 1
        else:
            fallas.append(f"/noticias/{noticia['slug']}/ respondió {respuesta.estado} sin su título")
    if publicadas:
        ultima = max(publicadas, key=lambda n: n["publicada"])
        if ultima["titulo"] not in pedir(puerto, "GET", "/noticias/").texto:
            fallas.append(f"/noticias/ no muestra la última noticia publicada («{ultima['slug']}»)")
    else:
        fallas.append("no se publicó ninguna noticia")
    sin_confirmar_en_bd = sum(slug in en_bd for slug in publicador.sin_confirmar)
    sin_publicar = Counter(
        en_bd[n["slug"]].estado for n in publicador.confirmadas if n["publicada"] is None and n["slug"] in en_bd
    )
    perdidas = sum("base de datos" in falla for falla in fallas)
    detalle = [
        f"guardadas con confirmación (redirección tras grabar): {len(publicador.confirmadas)}, "
        f"en la base de datos tras el corte en seco: {len(publicador.confirmadas) - perdidas}",
        f"publicadas con confirmación (mensaje de la acción): {len(publicadas)}, visibles en su página pública: "
        f"{visibles}",
        f"grabaciones sin confirmación (un 503 o la conexión cortada; se siguió con otra noticia): "
        f"{len(publicador.sin_confirmar)}, de ellas en la base: {sin_confirmar_en_bd}",
        f"mensajes de publicación que se llevó una página fallida (se volvió a publicar para confirmar): "
        f"{publicador.mensajes_perdidos}",
        *(f"guardadas sin confirmar su publicación, en estado «{e}»: {n}" for e, n in sin_publicar.items()),
    ]
    connections.close_all()
    return detalle, fallas


# --- Phases --------------------------------------------------------------------------------------------------------


def correr_fase(fase, carga, publicador, segundos_antes, accion=None, segundos_despues=0):
    """Load and publisher for ``segundos_antes``, then ``accion()`` (the failure), then ``segundos_despues``."""
    inicio = reloj()
    carga.iniciar(fase)
    publicador.iniciar(fase)
    time.sleep(segundos_antes)
    eventos = accion() if accion else {}
    time.sleep(segundos_despues)
    fin_de_carga = reloj()
    solicitudes = carga.detener()
    solicitudes += publicador.detener()
    return {"fase": fase, "inicio": inicio, "fin": fin_de_carga, "solicitudes": solicitudes, **eventos}


def reiniciar_postgresql(cluster, caida):
    def accion():
        eventos = {"parada": reloj()}
        print(f"  {eventos['parada']:7.2f} s  pg_ctl stop -m fast")
        cluster.detener()
        eventos["detenido"] = reloj()
        print(f"  {eventos['detenido']:7.2f} s  PostgreSQL detenido; sigue abajo {caida:g} s")
        time.sleep(caida)
        eventos["arranque"] = reloj()
        print(f"  {eventos['arranque']:7.2f} s  pg_ctl start")
        cluster.arrancar()
        eventos["listo"] = reloj()
        print(f"  {eventos['listo']:7.2f} s  PostgreSQL acepta conexiones")
        return eventos

    return accion


def matar_un_worker(maestro):
    def accion():
        antes = workers(maestro)
        victima = antes[0]
        eventos = {"workers_antes": antes, "victima": victima, "matado": reloj()}
        os.kill(victima, signal.SIGKILL)
        print(f"  {eventos['matado']:7.2f} s  SIGKILL al worker {victima} (workers: {antes})")
        while reloj() < eventos["matado"] + 30:
            ahora = workers(maestro)
            if len(ahora) == len(antes) and set(ahora) - set(antes):
                eventos.update(nuevo=sorted(set(ahora) - set(antes))[0], reemplazado=reloj())
                print(f"  {eventos['reemplazado']:7.2f} s  gunicorn arrancó el worker {eventos['nuevo']}")
                break
            time.sleep(0.02)
        return eventos

    return accion


def percentil(ordenados, fraccion):
    return ordenados[min(len(ordenados) - 1, round(fraccion * (len(ordenados) - 1)))] if ordenados else 0


def cifras(resultado):
    carga = [s for s in resultado["solicitudes"] if s.quien == "carga"]
    tiempos = sorted(s.ms for s in carga)
    duracion = resultado["fin"] - resultado["inicio"]
    return {
        "solicitudes": len(carga),
        "rps": len(carga) / duracion,
        "p50": statistics.median(tiempos) if tiempos else 0,
        "p99": percentil(tiempos, 0.99),
        "errores": Counter(s.clase for s in resultado["solicitudes"] if not s.correcta),
    }


def publicadas_en(publicador, fase, desde=0):
    return sum(1 for n in publicador.confirmadas if n["fase"] == fase and (n["publicada"] or 0) > desde)


def juzgar_fase_1(resultado, publicador):
    fallas = [f"{n} × {clase}" for clase, n in cifras(resultado)["errores"].items()]
    if not publicadas_en(publicador, resultado["fase"]):
        fallas.append("el publicador no publicó ninguna noticia")
    return [], fallas


def juzgar_fase_2(resultado, publicador, maestro_vivo, workers_antes, workers_despues):
    malas = [s for s in resultado["solicitudes"] if not s.correcta]
    parada, listo = resultado["parada"], resultado["listo"]
    cortes = [s for s in malas if s.error]
    otras = [s for s in malas if not s.error and s.clase != "503 en español"]
    fuera = [
        s for s in malas if s.clase == "503 en español" and (s.fin < parada or s.inicio > listo + RECUPERACION_MAXIMA)
    ]
    de_503 = [s for s in malas if s.clase == "503 en español"]
    recuperado = max((s.fin for s in malas), default=listo)
    recuperacion = max(0.0, recuperado - listo)
    en_caida = [s for s in resultado["solicitudes"] if s.quien == "carga" and s.fin >= parada and s.inicio <= listo]
    # The search is never cached: its first good answer after the restart is the database answering again.
    busquedas = [s for s in resultado["solicitudes"] if s.ruta.startswith("/buscar/") and s.correcta]
    primera = min((s.fin for s in busquedas if s.inicio >= listo), default=None)
    con_base = [s for s in busquedas if s.inicio > recuperado]
    detalle = [
        f"PostgreSQL caído {listo - parada:.2f} s (de pg_ctl stop a aceptar conexiones de nuevo, "
        f"{resultado['arranque'] - resultado['detenido']:.2f} s detenido del todo)",
        f"durante la caída: {len(en_caida)} solicitudes de visitantes, "
        f"{sum(s.clase == '503 en español' for s in en_caida)} con la página 503 en español, "
        f"{sum(s.correcta and s.desde_cache for s in en_caida)} servidas por la caché de páginas, "
        f"{sum(s.correcta and not s.desde_cache for s in en_caida)} respuestas 200 sin caché "
        "(antes de cortarse la base)",
        f"503 en español en total: {len(de_503)} (visitantes {sum(s.quien == 'carga' for s in de_503)}, "
        f"publicador {sum(s.quien == 'publicador' for s in de_503)}); la primera empezó a los "
        f"{min((s.inicio for s in de_503), default=0):.2f} s, la última terminó a los "
        f"{max((s.fin for s in de_503), default=0):.2f} s",
        f"recuperación: la primera búsqueda (siempre consulta la base) empezada después de que PostgreSQL volvió "
        f"respondió 200 a los +{(primera or listo) - listo:.2f} s; la última respuesta no 200 terminó a los "
        f"+{recuperacion:.2f} s; {len(con_base)} búsquedas correctas después",
        f"workers antes {workers_antes}, después {workers_despues} (sin reiniciar gunicorn)",
    ]
    fallas = []
    if cortes:
        fallas.append(f"{len(cortes)} conexiones cortadas: " + ", ".join(sorted({s.error for s in cortes})))
    if otras:
        fallas.append("respuestas que no son la página 503 en español: " + ", ".join(sorted({s.clase for s in otras})))
    if fuera:
        fallas.append(f"{len(fuera)} respuestas 503 fuera de la caída de PostgreSQL")
    if not de_503:
        fallas.append("ninguna respuesta 503: la prueba no alcanzó la base de datos durante la caída")
    if recuperacion > RECUPERACION_MAXIMA:
        fallas.append(f"tardó {recuperacion:.1f} s en recuperarse (máximo {RECUPERACION_MAXIMA} s)")
    if not con_base:
        fallas.append("ninguna búsqueda correcta después de la caída")
    if not maestro_vivo or workers_antes != workers_despues:
        fallas.append("gunicorn o sus workers se reiniciaron")
    if not publicadas_en(publicador, resultado["fase"], desde=listo):
        fallas.append("el publicador no volvió a publicar después de la caída")
    return detalle, fallas


def juzgar_fase_3(resultado, publicador, maestro_vivo):
    malas = [s for s in resultado["solicitudes"] if not s.correcta]
    matado = resultado["matado"]
    # In flight: sent before the kill (stamped just before os.kill) and still unanswered when it came.
    en_vuelo = [s for s in malas if s.error and s.inicio <= matado + 0.05 and s.fin >= matado]
    otras = [s for s in malas if s not in en_vuelo]
    detalle = [
        f"worker {resultado['victima']} matado a los {matado:.2f} s; "
        + (
            f"gunicorn arrancó el worker {resultado['nuevo']} {resultado['reemplazado'] - matado:.2f} s después"
            if "nuevo" in resultado
            else "gunicorn no lo reemplazó"
        ),
        f"solicitudes fallidas: {len(malas)}"
        + "".join(f"; {s.quien} {s.metodo} {s.ruta} de {s.inicio:.2f} a {s.fin:.2f} s: {s.clase}" for s in malas[:10]),
    ]
    fallas = []
    if otras:
        fallas.append(f"{len(otras)} fallas que no estaban en vuelo en el worker matado")
    if len(en_vuelo) > 1:
        fallas.append(f"{len(en_vuelo)} solicitudes en vuelo fallaron; un worker sync atiende una sola")
    if "nuevo" not in resultado or not maestro_vivo:
        fallas.append("gunicorn no reemplazó al worker")
    if not publicadas_en(publicador, resultado["fase"], desde=matado):
        fallas.append("el publicador no volvió a publicar después de matar al worker")
    return detalle, fallas


def imprimir(filas, publicador):
    print()
    encabezado = (
        f"| {'fase':32} | {'solicitudes':>11} | {'sol/s':>6} | {'p50 ms':>7} | {'p99 ms':>7} | "
        f"{'respuestas no esperadas':50} | {'noticias':>8} | veredicto |"
    )
    print(encabezado)
    print("|" + "|".join("-" * (len(c) + 2) for c in encabezado.strip("| ").split(" | ")) + "|")
    for nombre, resultado, fallas in filas:
        if resultado is None:
            print(f"| {nombre:32} | {'':>11} | {'':>6} | {'':>7} | {'':>7} | {'':50} | {'':>8} | {'':9} |")
            continue
        c = cifras(resultado)
        errores = ", ".join(f"{n} {clase}" for clase, n in sorted(c["errores"].items())) or "ninguna"
        noticias = publicadas_en(publicador, resultado["fase"])
        print(
            f"| {nombre:32} | {c['solicitudes']:11d} | {c['rps']:6.1f} | {c['p50']:7.1f} | {c['p99']:7.1f} | "
            f"{errores:50} | {noticias:8d} | {'CUMPLE' if not fallas else 'NO CUMPLE':9} |"
        )


# --- Main ----------------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segundos", type=float, default=60, help="duración de la fase 1 (carga y publicación)")
    parser.add_argument("--conexiones", type=int, default=8, help="visitantes simultáneos (hilos)")
    parser.add_argument("--caida", type=float, default=5, help="segundos que PostgreSQL queda detenido")
    parser.add_argument("--tras", type=float, default=15, help="segundos de carga después de cada falla")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/10", help="caché compartida ('' sin Redis)")
    parser.add_argument("--puerto-pg", type=int, default=5499)
    parser.add_argument("--pg-bin", help="carpeta de initdb y pg_ctl")
    parser.add_argument("--registro", help="archivo CSV con cada solicitud")
    parser.add_argument("--conservar", action="store_true", help="no borra la carpeta temporal (datos y registros)")
    args = parser.parse_args()
    sys.path.insert(0, str(RAIZ))
    from bench.paginas import entorno_de_produccion

    # SIGTERM (a CI timeout, kill) unwinds like Ctrl-C, so the private cluster is always removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cluster = ClusterPrivado(binarios_de_postgresql(args.pg_bin), args.puerto_pg)
    gunicorn = None
    fallas_totales = []
    try:
        print(f"PostgreSQL privado en 127.0.0.1:{args.puerto_pg} ({cluster.binarios}); el de 5432 no se toca.")
        cluster.crear()
        import psycopg2

        conexion = psycopg2.connect(f"postgres://postgres@127.0.0.1:{args.puerto_pg}/postgres")
        conexion.autocommit = True
        with conexion.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{BASE}"')
        conexion.close()
        clave = secrets.token_urlsafe(18)
        entorno = entorno_de_produccion(f"postgres://postgres@127.0.0.1:{args.puerto_pg}/{BASE}", args.redis)
        entorno.update(
            DJANGO_SETTINGS_MODULE="tablon_portal.settings",
            PORTAL_ENV_FILE=os.devnull,  # the developer's .env (DEBUG=1, …) must not leak into production mode
            STATIC_ROOT=str(cluster.directorio / "estaticos"),
            MEDIA_ROOT=str(cluster.directorio / "media"),
        )
        print("Migrando y cargando el contenido de demostración…")
        rutas = preparar(entorno, clave)
        puerto = puerto_para_gunicorn()
        registro_gunicorn = open(cluster.directorio / "gunicorn.log", "w", encoding="utf-8")  # noqa: SIM115
        gunicorn = arrancar_gunicorn(entorno, puerto, registro_gunicorn)
        maestro = gunicorn.pid
        from django.conf import settings

        publicador = Publicador(puerto, "comite", clave, settings.ADMIN_URL)
        publicador.entrar()
        carga = Carga(puerto, rutas, args.conexiones)
        print(
            f"gunicorn {puerto} (producción, 2 workers sync {workers(maestro)}, "
            f"{'Redis ' + args.redis if args.redis else 'sin Redis'}), {args.conexiones} visitantes sobre "
            + ", ".join(rutas)
            + "; el comité publica noticias por la administración."
        )

        print(f"\nFase 1: {args.segundos:g} s de carga y publicación…")
        fase_1 = correr_fase("1", carga, publicador, args.segundos)
        detalle_1, fallas_1 = juzgar_fase_1(fase_1, publicador)

        print(
            f"\nFase 2: reinicio de PostgreSQL con carga ({CALENTAMIENTO} s, caída de {args.caida:g} s, "
            f"{args.tras:g} s)…"
        )
        antes = workers(maestro)
        fase_2 = correr_fase(
            "2", carga, publicador, CALENTAMIENTO, reiniciar_postgresql(cluster, args.caida), args.tras
        )
        detalle_2, fallas_2 = juzgar_fase_2(fase_2, publicador, gunicorn.poll() is None, antes, workers(maestro))

        print(f"\nFase 3: SIGKILL a un worker de gunicorn con carga ({CALENTAMIENTO} s, luego {args.tras:g} s)…")
        fase_3 = correr_fase("3", carga, publicador, CALENTAMIENTO, matar_un_worker(maestro), args.tras)
        detalle_3, fallas_3 = juzgar_fase_3(fase_3, publicador, gunicorn.poll() is None)

        # A crash, not a clean stop: no checkpoint, PostgreSQL replays its WAL; every commit must be there.
        print("\nVerificación final: PostgreSQL se corta en seco (pg_ctl stop -m immediate, como un corte de luz)")
        cluster.detener(modo="immediate")
        cluster.arrancar()
        print(f"  {reloj():7.2f} s  PostgreSQL se recuperó de su WAL; ¿sigue ahí todo lo confirmado?")
        detalle_4, fallas_4 = verificar_lo_publicado(publicador, puerto)
        fallas_4 += [f"respuesta inesperada de la administración: {texto}" for texto in publicador.inesperadas]

        filas = [
            (f"1. Carga y publicación ({args.segundos:g} s)", fase_1, fallas_1),
            ("2. Reinicio de PostgreSQL", fase_2, fallas_2),
            ("3. SIGKILL a un worker", fase_3, fallas_3),
        ]
        imprimir(filas, publicador)
        print("\n(latencias de los visitantes; «noticias»: publicadas con confirmación en la fase)")
        for titulo, detalle, fallas in (
            ("Fase 1", detalle_1, fallas_1),
            ("Fase 2", detalle_2, fallas_2),
            ("Fase 3", detalle_3, fallas_3),
            ("Verificación final", detalle_4, fallas_4),
        ):
            print(f"\n{titulo}: {'CUMPLE' if not fallas else 'NO CUMPLE'}")
            for linea in detalle:
                print(f"  - {linea}")
            for falla in fallas:
                print(f"  ✗ {falla}")
            fallas_totales += fallas
        registro = (cluster.directorio / "gunicorn.log").read_text(encoding="utf-8", errors="replace")
        print(
            f"\nRegistro de gunicorn: {registro.count('Traceback')} trazas, "
            f"{registro.count('Internal Server Error')} errores internos (quedan en el servidor, nunca en las "
            f"páginas: con la base caída se responde la página 503), {registro.count('was sent SIGKILL')} aviso(s) "
            "de worker matado."
            + ("" if args.conservar or not fallas_totales else " Para verlo, repita con --conservar.")
        )
        if args.registro:
            with open(args.registro, "w", newline="", encoding="utf-8") as archivo:
                escritor = csv.writer(archivo)
                escritor.writerow(["fase", "quien", "metodo", "ruta", "inicio_s", "fin_s", "estado", "error", "clase"])
                for resultado in (fase_1, fase_2, fase_3):
                    for s in sorted(resultado["solicitudes"], key=lambda s: s.inicio):
                        escritor.writerow(
                            [
                                s.fase,
                                s.quien,
                                s.metodo,
                                s.ruta,
                                f"{s.inicio:.4f}",
                                f"{s.fin:.4f}",
                                s.estado,
                                s.error,
                                s.clase,
                            ]
                        )
            print(f"Cada solicitud quedó en {args.registro}.")
        print(
            "\nTodos los requisitos se cumplen."
            if not fallas_totales
            else f"\nNO se cumplen {len(fallas_totales)} requisito(s)."
        )
    finally:
        try:
            if gunicorn is not None:
                gunicorn.terminate()
                try:
                    gunicorn.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    gunicorn.kill()
            if "django.apps" in sys.modules and sys.modules["django.apps"].apps.ready:
                from django.core.cache import cache
                from django.db import connections

                connections.close_all()
                if args.redis:
                    with contextlib.suppress(Exception):
                        cache.clear()  # leave Redis db 10 empty
        finally:
            cluster.borrar(conservar=args.conservar)
    return 1 if fallas_totales else 0


if __name__ == "__main__":
    sys.exit(main())
