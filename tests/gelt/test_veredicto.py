"""The verdict at the top of the dashboard: al día / en riesgo / atrasado, from the goal and the time left."""

from datetime import date

import pytest
from django.urls import reverse

from gelt import indicadores, veredicto
from gelt.models import EntidadAliada, Indicador
from portal import roles
from tests.portal.factories import crear_usuario

pytestmark = pytest.mark.django_db
ANIO = 2026


def evaluar(fuente, hoy):
    return indicadores.evaluar(Indicador.objects.get(fuente=fuente), ANIO, hoy=hoy)


def test_entidades_nacionales_sin_convenio_al_final_del_anio_estan_atrasadas():
    hoy = date(ANIO, 12, 7)
    v = veredicto.de_indicador(evaluar("entidades_nacional", hoy), hoy)
    assert (v.clave, v.etiqueta) == ("atrasado", "Atrasado")
    assert v.razon == "Entidades nacionales: 0 de 1 en 2026; quedan 25 días"


def test_el_ritmo_cuenta_el_tiempo_que_queda():
    EntidadAliada.objects.create(nombre="A", nivel="local", convenio="C", fecha_convenio=date(ANIO, 2, 1))
    EntidadAliada.objects.create(nombre="B", nivel="local", convenio="C", fecha_convenio=date(ANIO, 3, 1))
    # 2 of 5 by mid-April: 40 % of the goal with 29 % of the year gone: on pace.
    abril = date(ANIO, 4, 15)
    assert veredicto.de_indicador(evaluar("entidades_local", abril), abril).clave == "al_dia"
    # The same 2 of 5 in September (68 % of the year gone): more than half the pace, at risk.
    septiembre = date(ANIO, 9, 5)
    v = veredicto.de_indicador(evaluar("entidades_local", septiembre), septiembre)
    assert (v.clave, v.razon) == ("en_riesgo", "Entidades locales: 2 de 5 en 2026; quedan 118 días")
    # A closed year that missed the goal is late.
    v = veredicto.de_indicador(
        indicadores.evaluar(Indicador.objects.get(fuente="entidades_local"), ANIO), date(ANIO + 1, 2, 1)
    )
    assert v.clave == "atrasado" and v.razon.endswith("periodo cerrado")
    EntidadAliada.objects.create(nombre="C", nivel="departamental", convenio="C", fecha_convenio=date(ANIO, 3, 1))
    EntidadAliada.objects.create(nombre="D", nivel="departamental", convenio="C", fecha_convenio=date(ANIO, 3, 2))
    v = veredicto.de_indicador(evaluar("entidades_departamental", septiembre), septiembre)
    assert (v.clave, v.razon) == ("al_dia", "Entidades departamentales: meta cumplida en 2026")


def test_una_accion_toma_su_peor_indicador_y_el_plan_su_peor_accion(client):
    hoy = date(ANIO, 12, 7)
    acciones = [
        ("Entidades", [evaluar("entidades_local", hoy), evaluar("entidades_nacional", hoy)]),
        ("Otra", [evaluar("entidades_nacional", hoy)]),
    ]
    plan = veredicto.del_plan(acciones, hoy)
    assert plan["plan"].clave == "atrasado"
    assert plan["plan"].razon == "2 de 2 acciones atrasadas"
    assert plan["acciones"][0][1].razon.startswith("Entidades locales: 0 de 5 en 2026")

    client.force_login(crear_usuario(grupo=roles.COMITE))
    html = client.get(reverse("gelt:tablero")).content.decode()
    assert "¿Va el plan al día?" in html
    assert html.index("¿Va el plan al día?") < html.index("Procedimientos de actualización del sitio Web</h2>")
    assert reverse("admin:gelt_entidadaliada_changelist") in html  # where to fix what is late
    assert reverse("admin:portal_noticia_changelist") + "?estado__exact=en_revision" in html  # the review queue
    assert "1 indicador cumplido" in html or "indicadores cumplidos" in html
