"""The visits on the committee's dashboard (``gelt.visitas``): the same figures as ``portal.metrics``, read from
what was kept for the days that can no longer change, and live for the others."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import portal.metrics
from gelt import indicadores, visitas
from gelt.models import Indicador, VisitasDelDia
from portal import roles
from portal import visitas as contador
from tests.gelt.factories import crear_visitas
from tests.portal.factories import crear_usuario

pytestmark = pytest.mark.django_db


@pytest.fixture
def hoy():
    """Visits every third day from January of last year to today, and a short link's arrivals (not page views)."""
    hoy = timezone.localdate()
    dia, n = date(hoy.year - 1, 1, 1), 0
    while dia <= hoy:
        n += 1
        crear_visitas(dia, vistas=n % 17 + 1, visitantes=n % 5 + 1)
        dia += timedelta(days=3)
    crear_visitas(hoy, vistas=4, visitantes=2, ruta="/c/radio/")
    crear_visitas(hoy - timedelta(days=1), vistas=6, visitantes=1, ruta="/tramites/")
    return hoy


def test_las_mismas_cifras_que_portal_metrics(hoy):
    for _vez in range(2):  # counted (and the closed days kept) the first time, read from what was kept the second
        for anio in (hoy.year - 1, hoy.year, hoy.year + 1):
            assert visitas.por_mes(anio) == portal.metrics.visitas_por_mes(anio)
        assert visitas.historial_semestral(4, hoy) == portal.metrics.historial_semestral(4, hoy)
        for fecha in (hoy, date(hoy.year, 1, 1), date(hoy.year - 1, 7, 1), date(hoy.year - 1, 1, 1)):
            assert visitas.variacion_semestral(fecha) == portal.metrics.variacion_semestral(fecha)
    assert (
        VisitasDelDia.objects.filter(dia__year=hoy.year - 1).count()
        == (date(hoy.year, 1, 1) - date(hoy.year - 1, 1, 1)).days
    )


def test_solo_se_guardan_los_dias_que_ya_no_cambian(hoy):
    primero_abierto = hoy - timedelta(days=visitas.DIAS_ABIERTOS - 1)
    for anio in (hoy.year - 1, hoy.year):
        visitas.dias_del_anio(anio)
    assert VisitasDelDia.objects.exists()
    assert not VisitasDelDia.objects.filter(dia__gte=primero_abierto).exists()

    # The visits of the days still open keep arriving from the cache, and show at once.
    for dia in (primero_abierto, hoy):
        antes = visitas.dias_del_anio(dia.year)[dia]
        crear_visitas(dia, vistas=5, visitantes=3, ruta="/tarde/")
        assert visitas.dias_del_anio(dia.year)[dia] == (antes[0] + 5, antes[1] + 3)

    # A closed year is one small read of what was kept: no visitor of it is counted again.
    cerrado = primero_abierto.year - 1
    with CaptureQueriesContext(connection) as consultas:
        dias = visitas.dias_del_anio(cerrado)
    assert len(consultas) == 1 and "gelt_visitasdeldia" in consultas[0]["sql"]
    assert (
        sum(v for v, _ in dias.values())
        == portal.metrics.visitas(date(cerrado, 1, 1), date(cerrado + 1, 1, 1))["vistas"]
    )


def test_un_dia_se_guarda_un_dia_despues_de_que_ya_no_pueden_llegar_visitas_suyas():
    # portal.visitas.volcar() takes the blocks from bloque_de(ahora) - 3 - VENTANA_MINUTOS on: the last moment a
    # visit of a day can still be written is when its last block (the minute before midnight) leaves that window.
    zona = timezone.get_current_timezone()
    dia = date(2026, 3, 10)
    ultimo_bloque = contador.bloque_de(timezone.make_aware(datetime(2026, 3, 11), zona)) - 1
    ultimo_volcado = datetime.fromtimestamp((ultimo_bloque + 3 + contador.VENTANA_MINUTOS + 1) * 60 - 1, tz=zona)
    primer_dia_en_que_se_guarda = dia + timedelta(days=visitas.DIAS_ABIERTOS)
    assert ultimo_volcado.date() + timedelta(days=1) < primer_dia_en_que_se_guarda


def test_el_tablero_y_el_indicador_muestran_las_cifras_de_portal_metrics(client, hoy):
    client.force_login(crear_usuario(grupo=roles.COMITE))
    for _vez in range(2):
        html = client.get(reverse("gelt:tablero")).content.decode()
        for mes in portal.metrics.visitas_por_mes(hoy.year):
            assert (
                f'<td data-etiqueta="Visitantes">{mes["visitantes"]}</td>'
                f'<td data-etiqueta="Páginas vistas">{mes["vistas"]}</td>'
            ) in html
        for semestre in portal.metrics.historial_semestral(2, hoy):
            assert f"semestre {semestre['anio']}: {semestre['visitantes']} visitantes" in html
    indicador = Indicador.objects.get(fuente="visitas_semestre")
    esperado = portal.metrics.variacion_semestral(indicadores.periodo(indicador.periodicidad).inicio)
    assert esperado is not None
    assert indicadores.evaluar(indicador).valor == Decimal(str(esperado))
    detalle = client.get(reverse("gelt:indicador", args=[indicador.pk])).content.decode()
    for semestre in portal.metrics.historial_semestral(6, hoy):
        assert f"<td>{semestre['visitantes']}</td><td>{semestre['vistas']}</td>" in detalle
