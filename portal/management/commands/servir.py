"""Sirve el portal con el servidor web y trabajadores de la cola de tareas a la vez; Ctrl+C detiene todo.

    python manage.py servir [--trabajadores N] -- gunicorn tablon_portal.wsgi --bind 127.0.0.1:8000 …

Lo usa ``make run``. Arranca la orden dada (el servidor web) y N procesos ``manage.py trabajador``, cada uno en su
propio grupo de procesos, y es el único que les manda señales: al primer Ctrl+C (o SIGTERM) les pide que
terminen lo que están haciendo (gunicorn, las peticiones en curso; el trabajador, su tarea) y espera a que
salgan; un segundo Ctrl+C los detiene sin esperar. Si uno de ellos termina solo (por ejemplo, el puerto está
ocupado), detiene a los demás. En producción, cada cosa tiene su propia unidad de systemd (vea el README).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

_SENALES_DE_FIN = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _senales_atendidas(pid):
    """The signals process ``pid`` has a handler for (Linux's /proc), as a bit mask; None if unknown."""
    try:
        for linea in Path(f"/proc/{pid}/status").read_text().splitlines():
            if linea.startswith("SigCgt:"):
                return int(linea.split()[1], 16)
    except OSError:
        pass
    return None


def _morir_con_el_padre():
    """In the child, before it runs: Linux sends it SIGTERM if this supervisor dies (even by SIGKILL)."""
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


class VigiaDelPadre:
    """Notices that ``make`` was told to stop when it alone got the signal (``kill -INT <make>``).

    Ctrl+C in a terminal reaches make and this process alike. A signal sent to make alone does not: GNU make
    passes SIGINT on to nobody and waits for its recipe forever. But its handler first puts SIGINT (or SIGTERM,
    SIGHUP) back to the default, so the signal leaves the set make catches, which /proc shows. Only when the
    parent is make: another parent (a shell) may change its handlers for reasons of its own.
    """

    def __init__(self):
        self.padre = os.getppid()
        try:
            nombre = Path(f"/proc/{self.padre}/comm").read_text().strip()
        except OSError:
            nombre = ""
        mascara = sum(1 << (s - 1) for s in _SENALES_DE_FIN)
        atendidas = _senales_atendidas(self.padre) if nombre in ("make", "gmake") else None
        self.vigiladas = (atendidas & mascara) if atendidas is not None else 0

    def se_va(self):
        if os.getppid() != self.padre:  # it died: this process was adopted by another
            return True
        if not self.vigiladas:
            return False
        atendidas = _senales_atendidas(self.padre)
        return atendidas is not None and bool(self.vigiladas & ~atendidas)


class Command(BaseCommand):
    help = "Sirve el portal (la orden dada tras --) junto con trabajadores de la cola de tareas; Ctrl+C detiene todo."

    def add_arguments(self, parser):
        parser.add_argument("--trabajadores", type=int, default=1, help="Trabajadores de la cola (por defecto: 1).")
        parser.add_argument("servidor", nargs="...", help="La orden del servidor web, tras --.")

    def handle(self, *args, trabajadores, servidor, verbosity=1, **options):
        servidor = servidor[1:] if servidor[:1] == ["--"] else servidor
        if not servidor:
            raise CommandError("Indique tras -- la orden del servidor web: -- gunicorn tablon_portal.wsgi …")
        if trabajadores < 0:
            raise CommandError("--trabajadores no puede ser negativo.")
        self.pedidos = 0
        vigia = VigiaDelPadre()
        for senal in _SENALES_DE_FIN:
            signal.signal(senal, self._pedir_fin)

        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        ordenes = {"servidor web": servidor}
        for n in range(1, trabajadores + 1):
            ordenes[f"trabajador {n}"] = [*manage, "trabajador", f"--verbosity={verbosity}"]
        self.procesos = {}
        for nombre, orden in ordenes.items():
            self.procesos[nombre] = subprocess.Popen(  # noqa: S603 - our own commands, no shell
                orden,
                stdin=subprocess.DEVNULL,
                # Its own process group: Ctrl+C reaches it only through here, once (a second SIGINT would make
                # the worker abandon its job).
                process_group=0,
                preexec_fn=_morir_con_el_padre if sys.platform.startswith("linux") else None,
            )

        codigo, detenidos = 0, 0
        while any(p.poll() is None for p in self.procesos.values()):
            if not self.pedidos:
                for nombre, proceso in self.procesos.items():
                    if proceso.returncode is not None:
                        self.stderr.write(f"El {nombre} terminó (código {proceso.returncode}); detengo los demás.")
                        codigo = 1
                        self._pedir_fin(signal.SIGTERM, None)
                        break
                else:
                    if vigia.se_va():
                        self._pedir_fin(signal.SIGTERM, None)
            if self.pedidos > detenidos:
                detenidos = self.pedidos
                self._avisar(detenidos)
            time.sleep(0.2)
        if codigo:
            raise CommandError("El portal se detuvo porque uno de sus procesos terminó.", returncode=codigo)
        if verbosity:
            self.stdout.write("Portal y trabajadores detenidos.")

    def _pedir_fin(self, senal, marco):
        self.pedidos += 1

    def _avisar(self, vez):
        """First time: finish what you are doing. Second: stop now (gunicorn's quick exit; the worker abandons
        its job, which is retried). After that: kill."""
        for nombre, proceso in self.procesos.items():
            if proceso.poll() is not None:
                continue
            if vez == 1:
                senal = signal.SIGTERM
            elif vez == 2:
                senal = signal.SIGINT if nombre == "servidor web" else signal.SIGTERM
            else:
                senal = signal.SIGKILL
            proceso.send_signal(senal)
        if vez == 1:
            self.stdout.write("Deteniendo: el servidor termina las peticiones y el trabajador su tarea en curso…")
