"""The durable background job queue: mail, reminders, deadline sweeps and PDFs run outside the request.

A job is a django-tasks task (the backport of Django 6's ``django.tasks``) enqueued in its database backend:
a row of ``DBTaskResult`` written in the caller's transaction, so it exists only if that transaction commits
(an outbox), and it survives restarts. ``python manage.py trabajador`` runs the jobs (``Trabajador``).
django-tasks-db claims jobs safely but runs each once, gives up at the first error and never looks again at a
job whose worker died; this module adds what the portal needs on top of it:

- Retries with back-off: a job that raises runs again after ``settings.TAREAS_ESPERAS_ENTRE_INTENTOS`` (1 min,
  5 min, 30 min, 2 h); after the last attempt it stays failed. Either way its error and traceback are in the
  admin (``portal/admin_tareas.py``). Raise ``ErrorDefinitivo`` when a new attempt cannot help.
- A lease: a job RUNNING for more than ``settings.TAREAS_PLAZO_DE_EJECUCION`` seconds (30 min) is taken for
  abandoned by a worker that died (killed, machine restarted) and is made ready again by whichever worker
  looks next (``recuperar_abandonadas``, every ``REVISION_CADA`` seconds); it counts as an attempt. So no job
  may take longer than the lease: split longer work into several jobs.
- Exclusive claiming: a worker takes a job inside a transaction that on PostgreSQL locks its row
  (``SELECT … FOR UPDATE SKIP LOCKED``: other workers skip it and take the next) and on SQLite holds the
  database's write lock from its start (``BEGIN EXCLUSIVE``, one writer at a time), and the job only changes
  to RUNNING if it still is READY. Two workers, on one node or many, never run the same job twice.
- Periodic jobs (``registrar_periodica``): django-tasks has no cron; each worker enqueues the periodic jobs that
  are due, once per period across all workers, through one ``TareaPeriodica`` row per job.

Declaring a job in another app (``portal`` is the lowest layer: apps above import this module, never the
reverse)::

    from django_tasks import task  # ``from django.tasks import task`` once on Django 6

    @task
    def radicado_generar_pdf(radicado_id):
        ...

    radicado_generar_pdf.enqueue(radicado.pk)  # inside the transaction that saves the radicado

Arguments must be JSON values: pass ids, not model instances (the row may change before the job runs). A job
runs *at least* once, not exactly once: a worker that dies after the work but before recording it leaves the
job to run again after the lease, and a retried job repeats what its failed attempt did before failing. Write
jobs so that running one twice does no harm (check whether the work is already done, as ``gelt.recordatorios``
does with its ``Recordatorio`` rows; send mail last). Logs name jobs by id and function, never by arguments.
"""

import logging
import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as Hora

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import DatabaseError, OperationalError, close_old_connections, connections, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task
from django_tasks.base import Task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from .models import TareaPeriodica

logger = logging.getLogger(__name__)

Estado = TaskResultStatus
# How often a worker makes abandoned jobs ready again and enqueues the periodic jobs that are due (seconds).
REVISION_CADA = 15
# Failed jobs stay longer than finished ones (TAREAS_DIAS_DE_HISTORIAL): the administrator may need them.
DIAS_DE_HISTORIAL_DE_FALLIDAS = 90


class ErrorDefinitivo(Exception):
    """Raised by a job whose failure a new attempt cannot fix (a record that no longer exists, invalid data):
    the job fails at once, without retries."""


class TareaAbandonada(Exception):
    """Recorded (never raised) as the error of a job whose worker stopped without finishing it."""


# --- Mail ----------------------------------------------------------------------------------------------------


@task
def correo_enviar(*, para, asunto, texto, html=None, responder_a=None):
    """The job behind ``enviar_correo``: an error of the mail server makes it fail, and so retry."""
    mensaje = EmailMultiAlternatives(asunto, texto, to=para, reply_to=[responder_a] if responder_a else None)
    if html:
        mensaje.attach_alternative(html, "text/html")
    mensaje.send()


def enviar_correo(
    *, para: list[str], asunto: str, texto: str, html: str | None = None, responder_a: str | None = None
) -> None:
    """Send an e-mail from a job, enqueued in the current transaction.

    If the surrounding transaction rolls back, nothing is sent; if the mail server is down, the caller's save
    still succeeds and the message goes out on a later attempt. The sender is ``DEFAULT_FROM_EMAIL``.
    """
    if not para or isinstance(para, str):
        raise ValueError("enviar_correo necesita una lista de destinatarios.")
    correo_enviar.enqueue(para=list(para), asunto=asunto, texto=texto, html=html, responder_a=responder_a)


# --- Running jobs -------------------------------------------------------------------------------------------


def _id_de_trabajador(prefijo=""):
    """Unique across the pool (django-tasks asks for that) and readable in the admin: node, process, chance."""
    return f"{prefijo}{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(6)}"[:64]


def _es_definitivo(ruta_de_la_excepcion):
    try:
        clase = import_string(ruta_de_la_excepcion)
    except ImportError:
        return False
    return isinstance(clase, type) and issubclass(clase, ErrorDefinitivo)


def _tras_un_fallo(tarea):
    """Schedule the next attempt of a job that just failed, or leave it failed for good."""
    esperas = settings.TAREAS_ESPERAS_ENTRE_INTENTOS
    intento = len(tarea.worker_ids)
    if intento > len(esperas) or _es_definitivo(tarea.exception_class_path):
        logger.error(
            "La tarea %s (%s) falló definitivamente en el intento %d: %s",
            tarea.task_name,
            tarea.id,
            intento,
            tarea.exception_class_path,
        )
        return
    cuando = timezone.now() + timedelta(seconds=esperas[intento - 1])
    # The error and traceback of this attempt stay on the row: the admin shows them until the job succeeds.
    DBTaskResult.objects.filter(pk=tarea.pk, status=Estado.FAILED).update(status=Estado.READY, run_after=cuando)
    tarea.status, tarea.run_after = Estado.READY, cuando
    logger.warning(
        "La tarea %s (%s) falló en el intento %d de %d (%s); se reintentará a las %s",
        tarea.task_name,
        tarea.id,
        intento,
        len(esperas) + 1,
        tarea.exception_class_path,
        timezone.localtime(cuando).strftime("%H:%M:%S"),
    )


class Trabajador(Worker):
    """django-tasks-db's worker (it runs a job, records its result and sends the task signals) with the
    portal's claiming, retries, lease and periodic jobs, and a stop that always lets the current job finish."""

    def __init__(self, *, intervalo: float = 1.0, id: str | None = None):
        super().__init__(
            queue_names=["*"],
            interval=intervalo,
            batch=False,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=id or _id_de_trabajador(),
            excluded_queue_names=[],
        )
        self.ejecutadas = 0

    # Stopping: the first SIGINT/SIGTERM lets the current job finish; a second one interrupts it (it is then
    # recorded as failed and retried). django-tasks-db's handler calls sys.exit() wherever the worker is, which
    # could leave a job just claimed and not yet started waiting for the lease to run.
    def shutdown(self, signum, frame):
        if not self.running:
            self.reset_signals()
            raise KeyboardInterrupt
        self.running = False
        if self.running_task:
            logger.warning("Señal %s: termino la tarea en curso y me detengo (otra vez para forzar).", signum)

    def reclamar(self) -> DBTaskResult | None:
        """Take the next job that is ready for this worker (RUNNING, one attempt more), or None."""
        listas = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        # A plain read first: an idle worker looks every second, and on SQLite the claiming transaction below
        # takes the database's write lock, which the site's own writes would have to wait for.
        if not listas.exists():
            return None
        try:
            with exclusive_transaction(listas.db):
                tarea = listas.get_locked()
                if tarea is None:
                    return None
                intentos = [*tarea.worker_ids, self.worker_id]
                ahora = timezone.now()
                # Only if nobody changed it meanwhile: exclusive even where the lock above were not.
                tomada = DBTaskResult.objects.filter(pk=tarea.pk, status=Estado.READY).update(
                    status=Estado.RUNNING, started_at=ahora, worker_ids=intentos
                )
                if not tomada:
                    return None
        except OperationalError as error:
            if is_locked_database_exception(error):  # SQLite busy past its timeout: try again on the next turn
                return None
            raise
        tarea.status, tarea.started_at, tarea.worker_ids = Estado.RUNNING, ahora, intentos
        return tarea

    def run_task(self, db_task_result):
        inicio = time.monotonic()
        super().run_task(db_task_result)
        self.ejecutadas += 1
        if db_task_result.status == Estado.FAILED:
            _tras_un_fallo(db_task_result)
        else:
            duracion = time.monotonic() - inicio
            logger.log(
                _nivel_del_registro(db_task_result.task_path),
                "Tarea %s (%s) terminada en %.1f s",
                db_task_result.task_name,
                db_task_result.id,
                duracion,
            )

    def ejecutar_una(self) -> bool:
        tarea = self.reclamar()
        if tarea is None:
            return False
        self.run_task(tarea)
        return True

    def mantener(self):
        """What any worker does now and then for all: abandoned jobs back to the queue, periodic jobs due."""
        if recuperadas := recuperar_abandonadas():
            logger.warning("%d tarea(s) abandonada(s) vuelven a la cola.", recuperadas)
        for nombre in programar_periodicas():
            logger.log(
                _nivel_del_registro(_PERIODICAS[nombre].tarea.module_path), "Tarea periódica %s encolada.", nombre
            )

    def run(self, *, lote: bool = False):
        """Run jobs until stopped (``lote``: until none is ready)."""
        revisar_en = 0.0
        while self.running:
            _renovar_conexiones()
            try:
                if time.monotonic() >= revisar_en:
                    self.mantener()
                    revisar_en = time.monotonic() + REVISION_CADA
                hubo = self.ejecutar_una()
            except DatabaseError as error:
                if lote:
                    raise
                # The database restarting must not end the worker: it waits and tries again.
                logger.error("Base de datos no disponible para el trabajador: %s", error)
                _renovar_conexiones()
                self.esperar(max(self.interval, 5))
                continue
            if not hubo:
                if lote:
                    return
                self.esperar(self.interval)

    def esperar(self, segundos):
        """Sleep, waking at once when asked to stop."""
        fin = time.monotonic() + segundos
        while self.running and (resto := fin - time.monotonic()) > 0:
            time.sleep(min(resto, 0.2))


def _renovar_conexiones():
    """What Django does around each request: drop connections that broke or passed CONN_MAX_AGE. Never inside
    a transaction (a test's, when a test runs the worker): Django would close it."""
    if not any(conexion.in_atomic_block for conexion in connections.all(initialized_only=True)):
        close_old_connections()


def ejecutar_pendientes(limite: int | None = None) -> int:
    """Run here and now, one after another, the jobs that are ready; returns how many ran.

    For tests, ``cargar_demo`` and debugging: the jobs run as a worker would run them (a failure is recorded and
    retried later, never raised here). Jobs scheduled for later, and the retries of those that fail now, wait.
    """
    trabajador = Trabajador(id=_id_de_trabajador("local-"))
    ejecutadas = 0
    while (limite is None or ejecutadas < limite) and trabajador.ejecutar_una():
        ejecutadas += 1
    return ejecutadas


def recuperar_abandonadas() -> int:
    """Make ready again the jobs left RUNNING for longer than the lease (their worker died); returns how many.

    One past its last attempt fails for good instead: a job that kills its worker must not do so forever.
    """
    ahora = timezone.now()
    vencidas = DBTaskResult.objects.running().filter(
        started_at__lt=ahora - timedelta(seconds=settings.TAREAS_PLAZO_DE_EJECUCION)
    )
    recuperadas = 0
    for tarea in vencidas:
        trabajador = tarea.worker_ids[-1] if tarea.worker_ids else "?"
        motivo = (
            f"{TareaAbandonada.__module__}.{TareaAbandonada.__qualname__}: el trabajador {trabajador} no terminó la "
            f"tarea en {settings.TAREAS_PLAZO_DE_EJECUCION // 60} minutos (¿se detuvo o se reinició el servidor?)."
        )
        final = len(tarea.worker_ids) > len(settings.TAREAS_ESPERAS_ENTRE_INTENTOS)
        # Only if it is still the same attempt: another worker may have recovered it meanwhile.
        misma = DBTaskResult.objects.filter(pk=tarea.pk, status=Estado.RUNNING, started_at=tarea.started_at)
        recuperadas += misma.update(
            status=Estado.FAILED if final else Estado.READY,
            run_after=ahora,
            finished_at=ahora,
            exception_class_path=f"{TareaAbandonada.__module__}.{TareaAbandonada.__qualname__}",
            traceback=motivo,
        )
    return recuperadas


# --- Periodic jobs ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Periodica:
    nombre: str
    tarea: Task
    cada: timedelta | None = None
    a_las: Hora | None = None

    def primera(self, ahora: datetime) -> datetime:
        return ahora if self.cada else self.siguiente(ahora, ahora)

    def siguiente(self, prevista: datetime, ahora: datetime) -> datetime:
        """The first moment of the rule after ``ahora``: periods missed while no worker ran are not made up."""
        if self.cada:
            return prevista + self.cada * ((ahora - prevista) // self.cada + 1)
        dia = timezone.localtime(ahora).date()
        while (momento := timezone.make_aware(datetime.combine(dia, self.a_las))) <= ahora:
            dia += timedelta(days=1)
        return momento


_PERIODICAS: dict[str, Periodica] = {}


def registrar_periodica(nombre: str, tarea: Task, *, cada: timedelta | None = None, a_las: Hora | None = None):
    """Have the workers enqueue ``tarea`` (a ``@task`` without arguments) every ``cada``, or every day at the
    local time ``a_las``; at most once per period, however many workers run. Call it from ``AppConfig.ready``.

    ``nombre`` keys its row in ``TareaPeriodica``: renaming it starts a new schedule. A worker that was stopped
    runs a missed job once when it starts again, not once per missed period.
    """
    if (cada is None) == (a_las is None):
        raise ValueError("registrar_periodica necesita cada= o a_las=, solo uno de los dos.")
    if cada is not None and cada <= timedelta(0):
        raise ValueError("cada= debe ser un intervalo positivo.")
    if not isinstance(tarea, Task):
        raise TypeError("registrar_periodica recibe una tarea declarada con @task.")
    periodica = Periodica(nombre, tarea, cada, a_las)
    if _PERIODICAS.setdefault(nombre, periodica) != periodica:
        raise ValueError(f"Ya hay otra tarea periódica llamada {nombre!r}.")


# A job that runs every few minutes would fill the console of `make run` with two lines a minute: its routine
# runs are logged at DEBUG (failures and retries stay at WARNING and above).
FRECUENTE = timedelta(hours=1)


def _nivel_del_registro(ruta_de_la_tarea):
    frecuentes = {p.tarea.module_path for p in _PERIODICAS.values() if p.cada is not None and p.cada < FRECUENTE}
    return logging.DEBUG if ruta_de_la_tarea in frecuentes else logging.INFO


def programar_periodicas(ahora: datetime | None = None) -> list[str]:
    """Enqueue the periodic jobs that are due; returns their names. Every worker calls it now and then."""
    ahora = ahora or timezone.now()
    encoladas = []
    for periodica in list(_PERIODICAS.values()):
        fila, _creada = TareaPeriodica.objects.get_or_create(
            nombre=periodica.nombre, defaults={"proxima": periodica.primera(ahora)}
        )
        if fila.proxima <= ahora and lanzar_si_toca(periodica, fila, ahora):
            encoladas.append(periodica.nombre)
    return encoladas


def lanzar_si_toca(periodica: Periodica, fila: TareaPeriodica, ahora: datetime) -> bool:
    """Enqueue the job if this caller is the one that moves ``fila.proxima`` (as it read it) forward.

    The update only matches while ``proxima`` is unchanged: of several workers that read the same due row, the
    first update wins and the others match nothing (on PostgreSQL they wait for its row lock, then see the new
    value; SQLite runs one writer at a time). The job is enqueued in the same transaction as the update.
    """
    with transaction.atomic():
        ganada = TareaPeriodica.objects.filter(pk=fila.pk, proxima=fila.proxima).update(
            proxima=periodica.siguiente(fila.proxima, ahora), ultima=ahora
        )
        if ganada:
            periodica.tarea.enqueue()
    return bool(ganada)


@task
def tareas_limpiar():
    """Delete finished jobs past their time in the admin (registered daily by ``PortalConfig.ready``)."""
    ahora = timezone.now()
    terminadas = DBTaskResult.objects.successful().filter(
        finished_at__lt=ahora - timedelta(days=settings.TAREAS_DIAS_DE_HISTORIAL)
    )
    fallidas = DBTaskResult.objects.failed().filter(
        finished_at__lt=ahora - timedelta(days=DIAS_DE_HISTORIAL_DE_FALLIDAS)
    )
    return terminadas.delete()[0] + fallidas.delete()[0]
