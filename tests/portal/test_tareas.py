"""The job queue (portal/tareas.py): the outbox, retries with back-off, the lease, exclusive claiming, periodic
jobs, the admin and the worker command. Runs on SQLite and, with DATABASE_URL, on PostgreSQL."""

import os
import signal
import smtplib
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from datetime import time as Hora
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from portal import roles, tareas
from portal.models import Dependencia, TareaPeriodica
from portal.tareas import Estado, Trabajador, ejecutar_pendientes, enviar_correo

from .factories import crear_dependencia, crear_usuario

pytestmark = pytest.mark.django_db

EJECUCIONES = []


@task
def anotar(texto):
    EJECUCIONES.append(texto)
    return texto


@task
def fallar():
    raise RuntimeError("falla de prueba")


@task
def fallar_sin_remedio():
    raise tareas.ErrorDefinitivo("el registro ya no existe")


@task
def dormir_y_marcar(ruta, segundos):
    Path(ruta + ".empezo").touch()
    time.sleep(segundos)
    Path(ruta).write_text("terminada")


class CorreoCaido(BaseEmailBackend):
    """The mail server does not answer."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def _limpio(settings, monkeypatch):
    EJECUCIONES.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TAREAS_ESPERAS_ENTRE_INTENTOS = [60, 300, 1800, 7200]
    settings.TAREAS_PLAZO_DE_EJECUCION = 30 * 60
    # Only the periodic jobs a test registers (the portal's own nightly clean-up would get in the way).
    monkeypatch.setattr(tareas, "_PERIODICAS", {})


def _listas_ya():
    """Bring the next attempt of every waiting job to now, as if the back-off had passed."""
    DBTaskResult.objects.filter(status=Estado.READY).update(run_after=timezone.now() - timedelta(seconds=1))


# --- The outbox ---------------------------------------------------------------------------------------------


def test_el_correo_sale_del_trabajador_no_de_la_peticion(correos_enviados):
    enviar_correo(
        para=["ciudadana@example.org"],
        asunto="Su solicitud fue radicada",
        texto="Radicado 2026-0001",
        html="<p>Radicado <b>2026-0001</b></p>",
        responder_a="ventanilla@example.org",
    )
    assert mail.outbox == []  # only enqueued
    (trabajo,) = DBTaskResult.objects.all()
    assert trabajo.status == Estado.READY and trabajo.task_path == "portal.tareas.correo_enviar"

    (correo,) = correos_enviados()
    assert correo.to == ["ciudadana@example.org"] and correo.subject == "Su solicitud fue radicada"
    assert correo.body == "Radicado 2026-0001" and correo.reply_to == ["ventanilla@example.org"]
    assert correo.alternatives[0][0] == "<p>Radicado <b>2026-0001</b></p>"
    assert correo.from_email == django_settings.DEFAULT_FROM_EMAIL
    trabajo.refresh_from_db()
    assert trabajo.status == Estado.SUCCESSFUL
    assert ejecutar_pendientes() == 0  # nothing runs twice


def test_si_la_transaccion_se_deshace_no_hay_correo(correos_enviados):
    with pytest.raises(ValueError), transaction.atomic():
        crear_dependencia(nombre="Secretaría de Gobierno")
        enviar_correo(para=["a@example.org"], asunto="Creada", texto="…")
        raise ValueError("algo falló después")
    assert not DBTaskResult.objects.exists()
    assert correos_enviados() == []


def test_enviar_correo_pide_una_lista():
    with pytest.raises(ValueError):
        enviar_correo(para="a@example.org", asunto="x", texto="x")
    with pytest.raises(ValueError):
        enviar_correo(para=[], asunto="x", texto="x")


# --- Retries ------------------------------------------------------------------------------------------------


def test_con_el_servidor_de_correo_caido_se_guarda_y_se_reintenta(settings, caplog):
    settings.EMAIL_BACKEND = "tests.portal.test_tareas.CorreoCaido"
    with transaction.atomic():
        Dependencia.objects.create(nombre="Hacienda", slug="hacienda")
        enviar_correo(para=["a@example.org"], asunto="Aviso", texto="Cuerpo con datos personales")
    assert Dependencia.objects.filter(slug="hacienda").exists()  # the save did not wait for the mail server

    for intento, espera in enumerate([60, 300, 1800], start=1):
        antes = timezone.now()
        assert ejecutar_pendientes() == 1
        trabajo = DBTaskResult.objects.get()
        assert trabajo.status == Estado.READY and len(trabajo.worker_ids) == intento
        assert trabajo.exception_class_path == "smtplib.SMTPServerDisconnected"
        assert "Connection unexpectedly closed" in trabajo.traceback
        assert antes + timedelta(seconds=espera) <= trabajo.run_after <= timezone.now() + timedelta(seconds=espera)
        assert ejecutar_pendientes() == 0  # not before its time
        _listas_ya()
    assert mail.outbox == []
    assert "Cuerpo con datos personales" not in caplog.text and "a@example.org" not in caplog.text

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    assert ejecutar_pendientes() == 1
    assert [c.subject for c in mail.outbox] == ["Aviso"]
    trabajo = DBTaskResult.objects.get()
    assert trabajo.status == Estado.SUCCESSFUL and trabajo.traceback == "" and len(trabajo.worker_ids) == 4


def test_tras_el_ultimo_intento_queda_fallida(settings):
    settings.TAREAS_ESPERAS_ENTRE_INTENTOS = [60, 300]
    fallar.enqueue()
    for _intento in range(3):
        assert ejecutar_pendientes() == 1
        _listas_ya()
    trabajo = DBTaskResult.objects.get()
    assert trabajo.status == Estado.FAILED and len(trabajo.worker_ids) == 3
    assert "RuntimeError: falla de prueba" in trabajo.traceback
    assert ejecutar_pendientes() == 0


def test_error_definitivo_no_se_reintenta():
    fallar_sin_remedio.enqueue()
    assert ejecutar_pendientes() == 1
    trabajo = DBTaskResult.objects.get()
    assert trabajo.status == Estado.FAILED and trabajo.exception_class_path == "portal.tareas.ErrorDefinitivo"


# --- The admin ----------------------------------------------------------------------------------------------


@pytest.fixture
def fallida(settings):
    settings.TAREAS_ESPERAS_ENTRE_INTENTOS = []
    settings.EMAIL_BACKEND = "tests.portal.test_tareas.CorreoCaido"
    enviar_correo(para=["reservado@example.org"], asunto="Asunto reservado", texto="Cuerpo reservado")
    ejecutar_pendientes()
    return DBTaskResult.objects.get(status=Estado.FAILED)


def test_el_administrador_ve_la_tarea_fallida_y_su_traza(client, fallida):
    client.force_login(crear_usuario(grupo=roles.ADMINISTRADOR))
    lista = client.get(reverse("admin:portal_tareaencola_changelist"), {"estado": "fallida"})
    assert lista.status_code == 200
    html = lista.content.decode()
    assert "correo_enviar" in html and "Falló definitivamente" in html

    detalle = client.get(reverse("admin:portal_tareaencola_change", args=[fallida.pk]))
    assert detalle.status_code == 200
    html = detalle.content.decode()
    assert "SMTPServerDisconnected" in html and "Connection unexpectedly closed" in html
    assert "Traza del error" in html
    # Read-only, and the message itself is not shown.
    assert "Cuerpo reservado" not in html and "reservado@example.org" not in html
    assert 'name="_save"' not in html
    assert client.post(reverse("admin:portal_tareaencola_delete", args=[fallida.pk])).status_code == 403


def test_el_funcionario_no_ve_las_tareas(client, fallida, funcionario, comite):
    for usuario in (funcionario, comite):
        client.force_login(usuario)
        assert client.get(reverse("admin:portal_tareaencola_changelist")).status_code == 403
        assert client.get(reverse("admin:portal_tareaencola_change", args=[fallida.pk])).status_code == 403


def test_el_filtro_distingue_la_que_se_reintentara(client, admin_user):
    fallar.enqueue()
    ejecutar_pendientes()
    client.force_login(admin_user)
    html = client.get(reverse("admin:portal_tareaencola_changelist"), {"estado": "reintento"}).content.decode()
    assert "Falló; se reintentará" in html
    html = client.get(reverse("admin:portal_tareaencola_changelist"), {"estado": "fallida"}).content.decode()
    assert "0 tareas en segundo plano" in html


# --- A worker killed mid-job --------------------------------------------------------------------------------


def _abandonada(hace, intentos=1):
    """A job a dead worker left RUNNING ``hace`` ago."""
    resultado = anotar.enqueue("recuperada")
    DBTaskResult.objects.filter(pk=resultado.id).update(
        status=Estado.RUNNING, started_at=timezone.now() - hace, worker_ids=["muerto"] * intentos
    )
    return DBTaskResult.objects.get(pk=resultado.id)


def test_la_tarea_de_un_trabajador_muerto_vuelve_a_la_cola_pasado_el_plazo():
    trabajo = _abandonada(timedelta(minutes=31))
    assert ejecutar_pendientes() == 0  # RUNNING: nobody else touches it during the lease

    call_command("trabajador", "--lote", verbosity=0)  # a worker looks: recovers it, then runs it

    trabajo.refresh_from_db()
    assert trabajo.status == Estado.SUCCESSFUL and EJECUCIONES == ["recuperada"]
    assert len(trabajo.worker_ids) == 2 and trabajo.worker_ids[0] == "muerto"


def test_durante_el_plazo_no_se_recupera():
    trabajo = _abandonada(timedelta(minutes=29))
    assert tareas.recuperar_abandonadas() == 0
    trabajo.refresh_from_db()
    assert trabajo.status == Estado.RUNNING


def test_la_abandonada_en_su_ultimo_intento_queda_fallida(settings):
    settings.TAREAS_ESPERAS_ENTRE_INTENTOS = [60]
    trabajo = _abandonada(timedelta(hours=1), intentos=2)
    assert tareas.recuperar_abandonadas() == 1
    trabajo.refresh_from_db()
    assert trabajo.status == Estado.FAILED and trabajo.exception_class_path == "portal.tareas.TareaAbandonada"
    assert "muerto" in trabajo.traceback and ejecutar_pendientes() == 0


# --- Exclusive claiming -------------------------------------------------------------------------------------


def test_dos_trabajadores_nunca_toman_la_misma_tarea():
    for n in range(2):
        anotar.enqueue(n)
    uno, otro = Trabajador(id="uno"), Trabajador(id="otro")
    primera, segunda = uno.reclamar(), otro.reclamar()
    assert primera.pk != segunda.pk
    assert uno.reclamar() is None and otro.reclamar() is None
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {Estado.RUNNING}
    assert DBTaskResult.objects.get(pk=primera.pk).worker_ids == ["uno"]


def test_una_lectura_vieja_no_reclama_lo_ya_tomado(monkeypatch):
    """Even if two workers read the same READY row (no lock), only the first update takes it."""
    anotar.enqueue("una")
    vieja = DBTaskResult.objects.get()
    assert Trabajador(id="primero").reclamar().pk == vieja.pk
    monkeypatch.setattr(type(DBTaskResult.objects.all()), "get_locked", lambda self: vieja)
    assert Trabajador(id="segundo").reclamar() is None
    assert DBTaskResult.objects.get().worker_ids == ["primero"]


# --- Periodic jobs ------------------------------------------------------------------------------------------


def test_la_periodica_corre_una_vez_por_periodo():
    tareas.registrar_periodica("pruebas.anotar", anotar.using(), cada=timedelta(hours=1))
    with pytest.raises(ValueError):
        tareas.registrar_periodica("pruebas.anotar", fallar, cada=timedelta(hours=1))
    with pytest.raises(ValueError):
        tareas.registrar_periodica("pruebas.otra", anotar, cada=timedelta(hours=1), a_las=Hora(6))
    t0 = timezone.now()

    assert tareas.programar_periodicas(t0) == ["pruebas.anotar"]
    assert tareas.programar_periodicas(t0 + timedelta(minutes=59)) == []
    assert tareas.programar_periodicas(t0 + timedelta(minutes=60)) == ["pruebas.anotar"]
    # Stopped for five hours: runs once, and the schedule keeps its rhythm.
    assert tareas.programar_periodicas(t0 + timedelta(hours=6, minutes=10)) == ["pruebas.anotar"]
    assert TareaPeriodica.objects.get().proxima == t0 + timedelta(hours=7)
    assert DBTaskResult.objects.count() == 3


def test_dos_trabajadores_que_leen_la_misma_fila_la_encolan_una_vez():
    tareas.registrar_periodica("pruebas.anotar", anotar, cada=timedelta(days=1))
    t0 = timezone.now()
    tareas.programar_periodicas(t0)
    DBTaskResult.objects.all().delete()
    manana = t0 + timedelta(days=1)
    periodica = tareas._PERIODICAS["pruebas.anotar"]
    leida_por_uno, leida_por_otro = TareaPeriodica.objects.get(), TareaPeriodica.objects.get()
    assert tareas.lanzar_si_toca(periodica, leida_por_uno, manana) is True
    assert tareas.lanzar_si_toca(periodica, leida_por_otro, manana) is False
    assert DBTaskResult.objects.count() == 1


def test_periodica_a_una_hora_local():
    periodica = tareas.Periodica("pruebas.diaria", anotar, a_las=Hora(6, 0))
    madrugada = timezone.make_aware(datetime(2026, 3, 10, 5, 0))  # Bogotá
    assert periodica.primera(madrugada) == timezone.make_aware(datetime(2026, 3, 10, 6, 0))
    media_manana = timezone.make_aware(datetime(2026, 3, 10, 9, 30))
    siguiente = periodica.siguiente(timezone.make_aware(datetime(2026, 3, 10, 6, 0)), media_manana)
    assert siguiente == timezone.make_aware(datetime(2026, 3, 11, 6, 0))
    assert timezone.localtime(siguiente).hour == 6


def test_la_limpieza_nocturna_borra_lo_terminado_viejo(settings):
    settings.TAREAS_DIAS_DE_HISTORIAL = 14
    for texto in ("vieja", "nueva"):
        anotar.enqueue(texto)
    fallar_sin_remedio.enqueue()
    ejecutar_pendientes()
    DBTaskResult.objects.filter(args_kwargs__args=["vieja"]).update(finished_at=timezone.now() - timedelta(days=15))
    tareas.tareas_limpiar.call()
    assert sorted(t.args_kwargs["args"] for t in DBTaskResult.objects.all()) == [[], ["nueva"]]


def test_el_portal_registra_su_limpieza_nocturna(monkeypatch):
    monkeypatch.undo()  # the real registry, as PortalConfig.ready left it
    assert tareas._PERIODICAS["portal.tareas_limpiar"].a_las == Hora(3, 0)


# --- Concurrency, with real connections (threads) -----------------------------------------------------------


def _en_hilos(cuantos, funcion):
    """Run ``funcion(n)`` in ``cuantos`` threads at once; each uses (and closes) its own connection."""
    barrera, resultados, errores = threading.Barrier(cuantos), [None] * cuantos, []

    def hilo(n):
        try:
            barrera.wait()
            resultados[n] = funcion(n)
        except Exception as error:  # reported below, in the test's thread
            errores.append(error)
        finally:
            connections.close_all()

    hilos = [threading.Thread(target=hilo, args=(n,)) for n in range(cuantos)]
    for h in hilos:
        h.start()
    for h in hilos:
        h.join(60)
    assert not errores, errores
    return resultados


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_trabajadores_simultaneos_reparten_sin_repetir():
    for n in range(24):
        anotar.enqueue(n)

    def reclamar_todo(n):
        trabajador, tomadas = Trabajador(id=f"hilo-{n}"), []
        while (tarea := trabajador.reclamar()) is not None:
            tomadas.append(str(tarea.pk))
        return tomadas

    tomadas = [pk for lote in _en_hilos(4, reclamar_todo) for pk in lote]
    assert len(tomadas) == len(set(tomadas)) == 24
    assert DBTaskResult.objects.filter(status=Estado.RUNNING).count() == 24


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dos_trabajadores_a_la_vez_encolan_la_periodica_una_vez(monkeypatch):
    monkeypatch.setattr(tareas, "_PERIODICAS", {})
    tareas.registrar_periodica("pruebas.anotar", anotar, cada=timedelta(hours=1))
    t0 = timezone.now()
    tareas.programar_periodicas(t0)
    resultados = _en_hilos(3, lambda n: tareas.programar_periodicas(t0 + timedelta(hours=1)))
    assert sorted(map(len, resultados)) == [0, 0, 1]
    assert DBTaskResult.objects.count() == 2


# --- The worker process -------------------------------------------------------------------------------------


def _url_de_la_base_de_pruebas():
    datos = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{datos['NAME']}"
    return f"postgres://{datos['USER']}:{datos['PASSWORD']}@{datos['HOST']}:{datos['PORT']}/{datos['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sigterm_termina_la_tarea_en_curso_y_se_detiene(tmp_path):
    marca = str(tmp_path / "marca")
    dormir_y_marcar.enqueue(marca, 1.5)
    entorno = {**os.environ, "DATABASE_URL": _url_de_la_base_de_pruebas(), "DEBUG": "1", "DB_CONN_MAX_AGE": "0"}
    proceso = subprocess.Popen(
        [sys.executable, "manage.py", "trabajador", "--intervalo", "0.2"],
        cwd=django_settings.BASE_DIR,
        env=entorno,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        limite = time.monotonic() + 30
        while not Path(marca + ".empezo").exists():
            assert proceso.poll() is None and time.monotonic() < limite, proceso.stdout.read()
            time.sleep(0.05)
        proceso.terminate()  # SIGTERM mid-job
        salida, _ = proceso.communicate(timeout=30)
    finally:
        if proceso.poll() is None:
            proceso.kill()
    assert proceso.returncode == 0, salida
    assert Path(marca).read_text() == "terminada"
    # The worker also enqueues the portal's periodic jobs when it starts (scheduled revisions, every minute).
    assert DBTaskResult.objects.get(task_path__endswith="dormir_y_marcar").status == Estado.SUCCESSFUL
    assert "detenido: 1 tarea(s) ejecutada(s)" in salida


def _hijos(pid):
    """The processes whose parent is ``pid`` (Linux's /proc), as {pid: command line}."""
    hijos = {}
    for entrada in Path("/proc").iterdir():
        try:
            if entrada.name.isdigit() and int((entrada / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                hijos[int(entrada.name)] = (entrada / "cmdline").read_text().replace("\0", " ")
        except (OSError, IndexError):
            continue
    return hijos


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="lee los procesos en /proc (Linux)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("senal", [signal.SIGINT, signal.SIGTERM])
def test_servir_detiene_el_servidor_y_el_trabajador(senal):
    """What `make run` uses: one signal to the supervisor stops the web server and the worker, none left behind."""
    entorno = {**os.environ, "DATABASE_URL": _url_de_la_base_de_pruebas(), "DEBUG": "1", "DB_CONN_MAX_AGE": "0"}
    servidor = [sys.executable, "-c", "import time; time.sleep(120)"]  # stands in for gunicorn
    proceso = subprocess.Popen(
        [sys.executable, "manage.py", "servir", "--", *servidor],
        cwd=django_settings.BASE_DIR,
        env=entorno,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        limite = time.monotonic() + 30
        while len(hijos := _hijos(proceso.pid)) < 2 or not any("trabajador" in c for c in hijos.values()):
            assert proceso.poll() is None and time.monotonic() < limite, proceso.stdout.read()
            time.sleep(0.1)
        time.sleep(1)  # the worker installs its signal handlers once Django is loaded
        proceso.send_signal(senal)
        salida, _ = proceso.communicate(timeout=30)
    finally:
        if proceso.poll() is None:
            proceso.kill()
    assert proceso.returncode == 0, salida
    for pid in hijos:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2], salida
    assert "Portal y trabajadores detenidos." in salida


def test_una_tarea_periodica_de_cada_minuto_no_llena_la_consola():
    """`make run` shows the worker's log: the routine runs of a job due every minute go to DEBUG, a daily job
    and every other job stay visible."""
    import logging

    from portal import services as servicios_del_portal
    from ventanilla import certificados

    cada_minuto = servicios_del_portal.revisiones_programadas_tarea
    tareas.registrar_periodica("pruebas.cada-minuto", cada_minuto, cada=timedelta(minutes=1))
    assert tareas._nivel_del_registro(cada_minuto.module_path) == logging.DEBUG
    assert tareas._nivel_del_registro(certificados.certificado_generar.module_path) == logging.INFO
