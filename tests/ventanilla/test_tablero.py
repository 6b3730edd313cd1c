"""What the committee reads of the ventanilla: the two interaction indicators and the self-check criteria."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from gelt import autoverificacion
from gelt.indicadores import evaluar
from gelt.models import Indicador, Resultado
from ventanilla import services

from .factories import radicar

pytestmark = pytest.mark.django_db
BOGOTA = ZoneInfo("America/Bogota")


def _respondida(dias_despues_de_vencer):
    radicado, _ = radicar(ahora=datetime(2026, 3, 2, 9, tzinfo=BOGOTA))  # vence 24 Mar (23 Mar is a holiday)
    respuesta = datetime(2026, 3, 24, 10, tzinfo=BOGOTA).replace(day=24 + dias_despues_de_vencer)
    services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>Respuesta</p>", ahora=respuesta)
    return radicado


def test_pqrsd_a_tiempo_y_mediana_con_su_lectura():
    _respondida(0)
    _respondida(0)
    _respondida(2)  # 26 March: late
    a_tiempo = evaluar(Indicador.objects.get(fuente="pqrsd_a_tiempo"), anio=2026)
    mediana = evaluar(Indicador.objects.get(fuente="pqrsd_mediana_dias"), anio=2026)
    assert a_tiempo.valor_texto == "66,7 % a tiempo"
    assert "2 de 3 PQRSD respondidas en 2026 lo fueron dentro del término" in a_tiempo.texto
    # 2 March to 24 March: 15 business days (23 March, San José, is a holiday).
    assert mediana.valor_texto == "15 días hábiles" and mediana.estado == "cumplido"


def test_sin_respuestas_no_hay_dato():
    radicar()
    assert evaluar(Indicador.objects.get(fuente="pqrsd_a_tiempo")).valor_texto == "Sin datos"


def test_la_autoverificacion_ve_las_pqrsd_del_portal():
    assert autoverificacion.VERIFICACIONES["pqrsd_radicado"].funcion()[0] == Resultado.NO_CUMPLE
    radicar()
    resultado, evidencia = autoverificacion.VERIFICACIONES["pqrsd_radicado"].funcion()
    assert resultado == Resultado.CUMPLE and "/pqrsd/consulta/" in evidencia
    assert autoverificacion.VERIFICACIONES["alertas"].funcion()[0] == Resultado.PARCIAL


def test_la_autoverificacion_de_la_fase_de_transaccion_mira_los_datos():
    from tests.fichas.test_fichas import crear_tramite
    from ventanilla import certificados
    from ventanilla.models import PlantillaCertificado, Tipo

    claves = [
        "tramites_en_linea",
        "certificados_verificables",
        "notificacion_electronica",
        "seguimiento_transacciones",
    ]
    assert {autoverificacion.VERIFICACIONES[c].funcion()[0] for c in claves} == {Resultado.NO_CUMPLE}
    crear_tramite(canal="total", url_en_linea="https://otro.example/tramite")  # says online, done elsewhere
    assert autoverificacion.VERIFICACIONES["tramites_en_linea"].funcion()[0] == Resultado.PARCIAL
    crear_tramite(solicitud_en_linea=True)
    assert autoverificacion.VERIFICACIONES["tramites_en_linea"].funcion()[0] == Resultado.CUMPLE
    radicado, _ = radicar(tipo=Tipo.TRAMITE)
    services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>Sí</p>", decision="aprobada")
    plantilla = PlantillaCertificado.objects.create(nombre="R", titulo="Certificado", texto="{nombre}")
    certificado = certificados.certificado_expedir(radicado=radicado, plantilla=plantilla)
    certificados.certificado_generar.call(certificado.pk)
    services.radicado_registrar_lectura(radicado=radicado)
    assert {autoverificacion.VERIFICACIONES[c].funcion()[0] for c in claves} == {Resultado.CUMPLE}
