"""GEL phase evaluations with the portal's self-check, allied entities, the dependencias' deliveries and the
empalme: each plugged into the indicator engine and shown on the dashboard."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from gelt import autoverificacion, indicadores, recordatorios, services
from gelt.models import (
    Criterio,
    Empalme,
    EntidadAliada,
    EntregaDependencia,
    Evaluacion,
    Fase,
    FuncionarioEmpalme,
    Indicador,
    Resultado,
    ResultadoCriterio,
)
from portal import roles
from portal.models import Dependencia, Municipio, SeccionInstitucional
from tests.portal.factories import crear_dependencia, crear_publicable, crear_usuario

pytestmark = pytest.mark.django_db


@pytest.fixture
def comite():
    return crear_usuario(grupo=roles.COMITE, email="comite@example.org")


def test_fases_y_criterios_como_datos():
    metas = dict(Fase.objects.values_list("clave", "meta"))
    assert metas == {
        "transversal": None,
        "informacion": 100,
        "interaccion": 100,
        "transaccion": 100,
        "transformacion": 50,
        "democracia": 50,
    }
    for clave in metas:
        assert Criterio.objects.filter(fase__clave=clave).count() >= 5, clave
    claves = set(Criterio.objects.exclude(verificacion="").values_list("verificacion", flat=True))
    assert {"organigrama", "correo_notificaciones", "rss", "busqueda"} <= claves


# --- the self-check proposes what the evidence shows --------------------------------------------------------


def test_autoverificacion_con_y_sin_evidencia():
    assert autoverificacion.verificar("organigrama")[0] == Resultado.NO_CUMPLE
    organigrama = crear_publicable(SeccionInstitucional, clave="organigrama", publicado=False, contenido="<p>Hoy.</p>")
    assert autoverificacion.verificar("organigrama")[0] == Resultado.NO_CUMPLE  # a draft is not evidence
    organigrama.delete()
    crear_publicable(SeccionInstitucional, clave="organigrama", contenido="<p>Despacho y secretarías.</p>")
    resultado, evidencia = autoverificacion.verificar("organigrama")
    assert resultado == Resultado.CUMPLE and "/alcaldia/" in evidencia

    assert autoverificacion.verificar("correo_notificaciones")[0] == Resultado.CUMPLE  # default identity has it
    Municipio.objects.filter(pk=1).update(correo_notificaciones_judiciales="")
    assert autoverificacion.verificar("correo_notificaciones") == (
        Resultado.NO_CUMPLE,
        "Falta el correo de notificaciones judiciales.",
    )
    assert autoverificacion.verificar("politica_datos")[0] == Resultado.CUMPLE
    assert autoverificacion.verificar("transparencia")[0] in (Resultado.PARCIAL, Resultado.NO_CUMPLE)
    assert autoverificacion.verificar("clave-desconocida") is None


def test_crear_una_evaluacion_propone_y_el_comite_decide(client, comite):
    client.force_login(comite)
    respuesta = client.post(
        reverse("admin:gelt_evaluacion_add"), {"fecha": "24/11/2026", "nombre": "Evaluación 2026", "notas": ""}
    )
    evaluacion = Evaluacion.objects.get(nombre="Evaluación 2026")
    assert respuesta["Location"] == reverse("admin:gelt_evaluacion_change", args=[evaluacion.pk])
    assert evaluacion.resultados.count() == Criterio.objects.count()
    politica = evaluacion.resultados.get(criterio__verificacion="politica_datos")
    assert politica.propuesta == Resultado.CUMPLE and politica.resultado == Resultado.CUMPLE
    assert "datos" in politica.evidencia_automatica
    pagina = client.get(respuesta["Location"]).content.decode()
    assert "verificado automáticamente" in pagina.lower()


def test_porcentaje_por_fase_con_parciales_y_no_aplica():
    evaluacion = Evaluacion.objects.create(fecha=date(2026, 1, 10), nombre="Prueba")
    criterios = list(Criterio.objects.filter(fase__clave="transformacion")[:4])
    for criterio, resultado in zip(
        criterios, [Resultado.CUMPLE, Resultado.PARCIAL, Resultado.NO_CUMPLE, Resultado.NO_APLICA], strict=True
    ):
        ResultadoCriterio.objects.create(evaluacion=evaluacion, criterio=criterio, resultado=resultado)
    # (1 + 0.5) ÷ (4 − 1) × 100
    assert services.porcentajes_por_fase(evaluacion)["transformacion"] == Decimal("50.0")


def test_el_tablero_compara_con_la_meta_y_la_evaluacion_anterior(client, comite):
    criterio = Criterio.objects.filter(fase__clave="democracia").first()
    total = Criterio.objects.filter(fase__clave="democracia").count()
    anterior = Evaluacion.objects.create(fecha=date(2025, 11, 1), nombre="Estado inicial")
    actual = Evaluacion.objects.create(fecha=date(2026, 11, 1), nombre="Evaluación 2026")
    for c in Criterio.objects.filter(fase__clave="democracia"):
        ResultadoCriterio.objects.create(evaluacion=anterior, criterio=c, resultado=Resultado.NO_CUMPLE)
        ResultadoCriterio.objects.create(
            evaluacion=actual, criterio=c, resultado=Resultado.CUMPLE if c == criterio else Resultado.NO_CUMPLE
        )
    esperado = round(Decimal(100) / total, 1)
    democracia = Indicador.objects.get(fuente="fase_democracia")
    assert indicadores.evaluar(democracia, anio=2026).valor == esperado
    client.force_login(comite)
    html = client.get(reverse("gelt:tablero"), {"anio": 2026}).content.decode()
    fila = html.split('<th scope="row">Democracia</th>')[1].split("</tr>")[0]
    assert "50 %" in fila and f"{esperado:g} %".replace(".", ",") in fila.replace(".", ",") and "0 %" in fila


# --- allied entities, deliveries, empalme --------------------------------------------------------------------


def test_entidades_vinculadas_por_nivel_contra_5_2_y_1(client, comite):
    hoy = timezone.localdate()
    for i in range(3):
        EntidadAliada.objects.create(nombre=f"Junta {i}", nivel="local", fecha_convenio=hoy)
    EntidadAliada.objects.create(
        nombre="Gobernación", nivel="departamental", fecha_convenio=hoy.replace(year=hoy.year - 1)
    )
    EntidadAliada.objects.create(nombre="Universidad extranjera", nivel="internacional")
    locales = indicadores.evaluar(Indicador.objects.get(fuente="entidades_local"))
    assert (locales.valor, locales.estado) == (3, indicadores.EN_CURSO)
    assert indicadores.evaluar(Indicador.objects.get(fuente="entidades_departamental")).valor == 0
    client.force_login(comite)
    html = client.get(reverse("gelt:tablero")).content.decode()
    assert "De interés, aún sin vincular" in html and "Universidad extranjera" in html


def test_entregas_de_las_dependencias_y_recordatorio_de_las_atrasadas(comite):
    Dependencia.objects.all().delete()
    entrego = crear_dependencia(nombre="Secretaría de Hacienda")
    atrasada = crear_dependencia(nombre="UMATA")
    crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[atrasada], email="umata@example.org")
    hoy = timezone.localdate()
    EntregaDependencia.objects.create(dependencia=entrego, fecha=hoy, descripcion="Actualización de trámites")
    assert indicadores.evaluar(Indicador.objects.get(fuente="entregas_dependencias")).valor == Decimal("50.0")
    assert indicadores.evaluar(Indicador.objects.get(fuente="meses_desde_recoleccion")).valor == 0

    # Before the deadline (the semester's fifth month) a missing delivery is pending; after it, late.
    inicio, _ = services.semestre(hoy)
    antes = inicio.replace(month=inicio.month + 2)
    despues = inicio.replace(month=inicio.month + 4, day=15)
    EntregaDependencia.objects.filter(dependencia=entrego).update(fecha=inicio)
    assert not services.entregas_del_semestre(antes)["atrasadas"]
    tardias = services.entregas_del_semestre(despues)
    assert tardias["atrasadas"] and [d.nombre for d in tardias["faltan"]] == ["UMATA"]
    assert not any(m.destinatario == "umata@example.org" for m in recordatorios.preparar(hoy=antes))
    mensaje = next(m for m in recordatorios.preparar(hoy=despues) if m.destinatario == "umata@example.org")
    assert "«UMATA»: no ha entregado su información del semestre" in mensaje.cuerpo


def test_empalme_porcentaje_de_vinculados():
    empalme = Empalme.objects.create(nombre="Empalme 2028", fecha_inicio=timezone.localdate())
    for nombre, vinculo in [("Ana", "capacitado"), ("Luis", "canal"), ("Eva", ""), ("Sol", "ficha")]:
        FuncionarioEmpalme.objects.create(empalme=empalme, nombre=nombre, cargo="Secretaria", vinculo=vinculo)
    evaluacion = indicadores.evaluar(Indicador.objects.get(fuente="empalme_vinculados"))
    assert evaluacion.valor == Decimal("75.0")
    assert evaluacion.estado == indicadores.EN_CURSO


def test_la_pagina_de_autoverificacion_es_del_comite(client, comite):
    url = reverse("gelt:autoverificacion")
    assert client.get(url).status_code == 302
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO))
    assert client.get(url).status_code == 403
    client.force_login(comite)
    html = client.get(url).content.decode()
    assert "Qué mira el portal" in html
    assert "La política de tratamiento de datos personales publicada." in html
