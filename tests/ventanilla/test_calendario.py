"""The legal clock: business days with Colombia's holidays (Emiliani Mondays, Easter-based days, year end) and
the municipality's suspended days; terms counted from the business day after filing."""

from datetime import date

import pytest

from ventanilla.calendario import Calendario, calendario_vigente
from ventanilla.models import DiaSuspendido


@pytest.fixture
def cal():
    return Calendario()


def test_un_festivo_trasladado_al_lunes_no_es_habil(cal):
    # Ley 51 de 1983: San José (19 March 2026, a Thursday) moves to Monday 23 March.
    assert cal.es_habil(date(2026, 3, 19))
    assert not cal.es_habil(date(2026, 3, 23))
    assert "San José" in cal.motivo_no_habil(date(2026, 3, 23))


def test_jueves_y_viernes_santos_dependen_de_la_pascua(cal):
    assert not cal.es_habil(date(2026, 4, 2)) and not cal.es_habil(date(2026, 4, 3))  # Easter 2026: 5 April
    assert not cal.es_habil(date(2027, 3, 25)) and not cal.es_habil(date(2027, 3, 26))  # Easter 2027: 28 March
    assert cal.es_habil(date(2026, 3, 26))


def test_fin_de_semana(cal):
    assert cal.motivo_no_habil(date(2026, 12, 5)) == "sábado"
    assert cal.motivo_no_habil(date(2026, 12, 6)) == "domingo"


def test_quince_dias_habiles_desde_el_dia_siguiente(cal):
    # Filed Monday 7 Dec 2026: day 1 is Wed 9 (8 Dec is a holiday), then 10, 11, 14-18, 21-24, 28, 29, 30:
    # 25 Dec is a holiday.
    assert cal.sumar(date(2026, 12, 7), 15) == date(2026, 12, 30)


def test_radicada_un_sabado_cuenta_desde_el_lunes(cal):
    assert cal.sumar(date(2026, 12, 5), 1) == date(2026, 12, 7)


def test_cruce_de_fin_de_anio(cal):
    # From 28 Dec 2026: 29, 30, 31 Dec; 1 Jan 2027 (Friday) is a holiday; 4 to 8 Jan; Reyes moves to Monday
    # 11 Jan; so the 9th business day is Tuesday 12 Jan.
    assert cal.sumar(date(2026, 12, 28), 8) == date(2027, 1, 8)
    assert cal.sumar(date(2026, 12, 28), 9) == date(2027, 1, 12)


def test_dias_suspendidos_por_decreto_no_cuentan():
    sin = Calendario()
    con = Calendario({date(2026, 12, 9): "Decreto 100 de 2026"})
    assert con.sumar(date(2026, 12, 7), 15) == date(2026, 12, 31)
    assert sin.sumar(date(2026, 12, 7), 15) == date(2026, 12, 30)
    assert con.motivo_no_habil(date(2026, 12, 9)) == "términos suspendidos: Decreto 100 de 2026"


@pytest.mark.django_db
def test_el_calendario_vigente_lee_los_dias_suspendidos_de_la_base():
    DiaSuspendido.objects.create(fecha=date(2026, 12, 9), motivo="Decreto 100 de 2026")
    assert not calendario_vigente().es_habil(date(2026, 12, 9))


def test_dias_habiles_entre_fechas(cal):
    assert cal.habiles_entre(date(2026, 12, 7), date(2026, 12, 30)) == 15
    assert cal.habiles_entre(date(2026, 12, 30), date(2026, 12, 7)) == 0


def test_termino_en_dias_calendario_que_cae_en_festivo_pasa_al_siguiente_habil(cal):
    # 10 calendar days after 29 Nov 2026 is 9 Dec (a business day); after 28 Nov it is 8 Dec, a holiday.
    assert cal.vencimiento(date(2026, 11, 29), 10, calendario=True) == date(2026, 12, 9)
    assert cal.vencimiento(date(2026, 11, 28), 10, calendario=True) == date(2026, 12, 9)
