"""Ejecuta las tareas en segundo plano del portal: correos, recordatorios, vencimientos, PDF.

    python manage.py trabajador [--intervalo SEGUNDOS] [--lote] [--id NOMBRE] [-v 0|1|2]

Toma las tareas de la cola que está en la base de datos (``portal/tareas.py``): las que fallan se reintentan
más tarde (1 min, 5 min, 30 min, 2 h), las que dejó a medias un trabajador que murió vuelven a la cola pasado el
plazo (TAREAS_PLAZO_DE_EJECUCION) y las periódicas se encolan a su hora. Pueden correr varios trabajadores, en
uno o en varios servidores, contra la misma base de datos: nunca ejecutan dos veces la misma tarea a la vez.

Ctrl+C (SIGINT) o SIGTERM: termina la tarea en curso y se detiene. Una segunda señal la interrumpe (queda como
fallida y se reintenta). ``--lote`` ejecuta lo que esté listo y termina (para cron o para depurar).
Verbosidad: 0 solo errores; 1 inicio, fin y cada tarea; 2 además los mensajes de django-tasks.
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from portal.tareas import Trabajador

_NIVELES = {0: logging.WARNING, 1: logging.INFO}


class Command(BaseCommand):
    help = "Ejecuta las tareas en segundo plano (correos, recordatorios, vencimientos) hasta recibir Ctrl+C."

    def add_arguments(self, parser):
        parser.add_argument(
            "--intervalo",
            type=float,
            default=1.0,
            help="Segundos de espera cuando no hay tareas antes de volver a mirar la cola (por defecto: 1).",
        )
        parser.add_argument("--lote", action="store_true", help="Ejecuta las tareas listas y termina.")
        parser.add_argument(
            "--id", help="Nombre del trabajador, único entre todos (por defecto: servidor, proceso y azar)."
        )

    def handle(self, *args, intervalo, lote, id, verbosity=1, **options):
        if intervalo < 0:
            raise CommandError("--intervalo no puede ser negativo.")
        if id is not None and not 0 < len(id) <= 64:
            raise CommandError("--id debe tener entre 1 y 64 caracteres.")
        # Our lines at the verbosity asked for; django-tasks' own (English, one per job start and end) only at 2.
        registros = {
            logging.getLogger("portal.tareas"): _NIVELES.get(verbosity, logging.DEBUG),
            logging.getLogger("django_tasks"): logging.DEBUG if verbosity >= 2 else logging.WARNING,
            logging.getLogger("django_tasks_db"): logging.DEBUG if verbosity >= 2 else logging.WARNING,
        }
        anteriores = {registro: registro.level for registro in registros}
        for registro, nivel in registros.items():
            registro.setLevel(nivel)

        trabajador = Trabajador(intervalo=intervalo, id=id)
        if verbosity:
            self.stdout.write(f"Trabajador {trabajador.worker_id}: esperando tareas (Ctrl+C para detenerlo).")
        trabajador.configure_signals()
        try:
            trabajador.run(lote=lote)
        except KeyboardInterrupt:
            raise CommandError("Trabajador detenido a la fuerza.", returncode=130) from None
        finally:
            trabajador.reset_signals()
            for registro, nivel in anteriores.items():
                registro.setLevel(nivel)
        if verbosity:
            ejecutadas = trabajador.ejecutadas
            self.stdout.write(f"Trabajador {trabajador.worker_id} detenido: {ejecutadas} tarea(s) ejecutada(s).")
