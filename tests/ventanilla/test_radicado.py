"""The radicado's life: numbering, the clock with pauses and extensions, transfers, answers and notification."""

import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from portal.models import Cambio
from tests.portal.factories import crear_dependencia, crear_usuario
from ventanilla import services
from ventanilla.models import Actuacion, Estado, Radicado, Tipo

from .factories import PERSONA, radicar

BOGOTA = ZoneInfo("America/Bogota")
LUNES_7_DIC = datetime(2026, 12, 7, 10, 0, tzinfo=BOGOTA)

pytestmark = pytest.mark.django_db


def test_numeros_consecutivos_por_anio():
    a, _ = radicar(ahora=LUNES_7_DIC)
    b, _ = radicar(ahora=LUNES_7_DIC)
    c, _ = radicar(ahora=datetime(2027, 1, 4, 9, tzinfo=BOGOTA))
    assert [a.numero, b.numero, c.numero] == ["2026-000001", "2026-000002", "2027-000001"]


def test_un_radicado_que_falla_devuelve_su_numero():
    radicar(ahora=LUNES_7_DIC)
    with pytest.raises(ValidationError):
        radicar(ahora=LUNES_7_DIC, asunto="")  # full_clean refuses it inside the transaction
    siguiente, _ = radicar(ahora=LUNES_7_DIC)
    assert siguiente.numero == "2026-000002"


@pytest.mark.django_db(transaction=True)
def test_radicacion_simultanea_sin_huecos_ni_repetidos():
    """Twenty-five threads filing at once (each its own connection): numbers 1..25, no gaps, no repeats."""
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("SQLite en memoria no admite conexiones paralelas")
    from django.contrib.contenttypes.models import ContentType

    # A transactional test flushes the tables: content type ids cached by earlier tests would be stale.
    ContentType.objects.clear_cache()
    errores = []
    barrera = threading.Barrier(25)

    def radicar_en_hilo():
        try:
            barrera.wait()
            radicar(ahora=LUNES_7_DIC)
        except Exception as error:  # noqa: BLE001 (reported below)
            errores.append(error)
        finally:
            connections.close_all()

    hilos = [threading.Thread(target=radicar_en_hilo) for _ in range(25)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    assert errores == []
    assert sorted(Radicado.objects.values_list("consecutivo", flat=True)) == list(range(1, 26))


def test_el_termino_depende_del_tipo_y_cuenta_desde_el_dia_habil_siguiente():
    peticion, _ = radicar(ahora=LUNES_7_DIC)
    informacion, _ = radicar(ahora=LUNES_7_DIC, tipo=Tipo.INFORMACION)
    consulta, _ = radicar(ahora=LUNES_7_DIC, tipo=Tipo.CONSULTA)
    assert peticion.vence == date(2026, 12, 30)
    assert informacion.vence == date(2026, 12, 22)
    assert consulta.vence == date(2027, 1, 22)
    assert "art. 14" in peticion.fundamento_termino


def test_el_codigo_se_guarda_solo_como_huella():
    radicado, codigo = radicar()
    assert len(codigo.replace("-", "")) == 16 and codigo not in radicado.codigo_hash
    assert radicado.codigo_valido(codigo) and radicado.codigo_valido(codigo.lower().replace("-", ""))
    assert not radicado.codigo_valido("0000-0000-0000-0000")


def test_solo_quejas_y_denuncias_pueden_ser_anonimas():
    with pytest.raises(ValidationError):
        radicar(tipo=Tipo.PETICION, anonimo=True)
    radicado, _ = radicar(tipo=Tipo.DENUNCIA, anonimo=True)
    assert radicado.nombre == "" and radicado.correo == ""


def test_pedir_completar_pausa_y_reinicia_el_termino():
    dep = crear_dependencia(nombre="Gobierno", slug="gob")
    radicado, _ = radicar(ahora=LUNES_7_DIC)
    services.radicado_pedir_completar(radicado=radicado, usuario=None, que_falta="La escritura", hoy=date(2026, 12, 9))
    radicado.refresh_from_db()
    assert radicado.estado == Estado.POR_COMPLETAR and radicado.vence is None
    assert radicado.completar_hasta == date(2027, 1, 9)
    assert not radicado.vencido(date(2027, 3, 1))  # paused: never overdue
    services.radicado_completar(radicado=radicado, texto="Adjunto la escritura", hoy=date(2026, 12, 14))
    radicado.refresh_from_db()
    # The whole term again from the next business day: 15 business days after Monday 14 Dec.
    assert radicado.estado == Estado.RADICADA and radicado.vence == date(2027, 1, 6)
    del dep


def test_desistimiento_solo_despues_del_mes():
    radicado, _ = radicar(ahora=LUNES_7_DIC)
    services.radicado_pedir_completar(radicado=radicado, usuario=None, que_falta="Falta", hoy=date(2026, 12, 9))
    with pytest.raises(ValidationError):
        services.radicado_desistir(radicado=radicado, usuario=None, motivo="No respondió", hoy=date(2027, 1, 9))
    services.radicado_desistir(radicado=radicado, usuario=None, motivo="No respondió", hoy=date(2027, 1, 11))
    radicado.refresh_from_db()
    assert radicado.estado == Estado.DESISTIDA


def test_prorroga_antes_del_vencimiento_y_hasta_el_doble():
    radicado, _ = radicar(ahora=LUNES_7_DIC)  # vence 30 Dec 2026
    limite = services.limite_de_prorroga(radicado)
    assert limite == date(2027, 1, 22)  # 30 business days after 7 Dec (as a consulta)
    with pytest.raises(ValidationError):
        services.radicado_prorrogar(
            radicado=radicado, usuario=None, nueva_fecha=date(2027, 1, 25), motivo="Archivo", hoy=date(2026, 12, 20)
        )
    with pytest.raises(ValidationError):  # after expiry: too late
        services.radicado_prorrogar(
            radicado=radicado, usuario=None, nueva_fecha=limite, motivo="Archivo", hoy=date(2026, 12, 31)
        )
    services.radicado_prorrogar(
        radicado=radicado, usuario=None, nueva_fecha=limite, motivo="Archivo", hoy=date(2026, 12, 29)
    )
    radicado.refresh_from_db()
    assert radicado.vence == limite and radicado.vence_original == date(2026, 12, 30)


def test_respuesta_a_tiempo_o_tarde_y_notificacion_al_abrirla(mailoutbox):
    radicado, _ = radicar(ahora=LUNES_7_DIC)
    services.radicado_responder(
        radicado=radicado,
        usuario=None,
        respuesta="<p>Arreglaremos el camino.</p>",
        ahora=datetime(2026, 12, 31, 9, tzinfo=BOGOTA),
    )
    radicado.refresh_from_db()
    assert radicado.estado == Estado.RESPONDIDA and radicado.respondida_a_tiempo is False
    assert services.radicado_registrar_lectura(radicado=radicado) is True
    assert services.radicado_registrar_lectura(radicado=radicado) is False  # only the first opening counts
    assert radicado.actuaciones.filter(clase=Actuacion.Clase.NOTIFICACION).count() == 1


def test_negar_informacion_exige_fundamento():
    radicado, _ = radicar(tipo=Tipo.INFORMACION)
    with pytest.raises(ValidationError):
        services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>No</p>", acceso_negado=True)
    services.radicado_responder(
        radicado=radicado,
        usuario=None,
        respuesta="<p>No</p>",
        acceso_negado=True,
        fundamento_negacion="Ley 1712, art. 18",
    )


def test_traslado_cierra_y_avisa(mailoutbox):
    radicado, _ = radicar()
    services.radicado_trasladar(radicado=radicado, usuario=None, entidad="Colpensiones", motivo="Es su competencia")
    radicado.refresh_from_db()
    assert radicado.estado == Estado.TRASLADADA and radicado.vence is None


def test_un_funcionario_no_actua_sobre_radicados_de_otra_dependencia():
    from portal import roles

    gobierno = crear_dependencia(nombre="Gobierno", slug="gobierno")
    hacienda = crear_dependencia(nombre="Hacienda", slug="hacienda")
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno])
    radicado, _ = radicar(dependencia=hacienda)
    with pytest.raises(PermissionDenied):
        services.radicado_responder(radicado=radicado, usuario=funcionario, respuesta="<p>x</p>")
    with pytest.raises(PermissionDenied):
        services.radicado_anotar(radicado=radicado, usuario=funcionario, texto="x")


def test_el_registro_de_cambios_no_guarda_datos_personales():
    radicado, _ = radicar()
    services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>Respuesta con detalle</p>")
    volcado = str(list(Cambio.objects.values_list("cambios", "mensaje", "objeto_texto")))
    for dato in (
        PERSONA["nombre"],
        PERSONA["numero_documento"],
        PERSONA["correo"],
        "Respuesta con detalle",
        "Las Mesas",
    ):
        assert dato not in volcado
    assert "(dato personal" in volcado


def test_suspender_terminos_mueve_los_vencimientos_abiertos():
    from ventanilla.models import DiaSuspendido

    radicado, _ = radicar(ahora=LUNES_7_DIC)
    DiaSuspendido.objects.create(fecha=date(2026, 12, 9), motivo="Decreto")
    assert services.recalcular_vencimientos() == 1
    radicado.refresh_from_db()
    assert radicado.vence == date(2026, 12, 31)


def test_avisos_de_vencimiento_tres_dias_antes_y_al_vencer(mailoutbox):
    dep = crear_dependencia(nombre="Gobierno", slug="gobierno", correo="gobierno@example.gov.co")
    radicado, _ = radicar(ahora=LUNES_7_DIC, dependencia=dep)  # vence miércoles 30 Dec
    mailoutbox.clear()
    assert services.avisar_vencimientos(hoy=date(2026, 12, 24)) == 1  # 3 business days before: 28, 29, 30
    assert services.avisar_vencimientos(hoy=date(2026, 12, 24)) == 0  # once per due date
    assert services.avisar_vencimientos(hoy=date(2026, 12, 31)) == 1  # overdue today
    radicado.refresh_from_db()
    assert radicado.vencido(date(2026, 12, 31))


def test_cargar_la_demo_no_envia_correos(mailoutbox):
    from django.core.management import call_command
    from django.test import override_settings

    from portal.tareas import ejecutar_pendientes

    with override_settings(DEBUG=True):
        call_command("cargar_demo", password="Demo-Tablon-2026", verbosity=0)
    ejecutar_pendientes()
    assert Radicado.objects.count() > 20 and mailoutbox == []
