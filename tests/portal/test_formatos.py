"""Dates as Colombians read them: the fast formatting of lists gives exactly what Django's localized one gives,
for dates and for moments near midnight in Bogotá (UTC−5)."""

import datetime

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils.timezone import template_localtime
from hypothesis import given
from hypothesis import strategies as st

from portal.templatetags.portal_tags import fecha, iso

pytestmark = pytest.mark.django_db

MOMENTOS = st.datetimes(
    min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2100, 1, 1), timezones=st.just(datetime.UTC)
)


def test_como_se_escribe():
    assert fecha(datetime.date(2026, 11, 24)) == "24 de noviembre de 2026"
    # 02:00 UTC on 1 January is still 31 December in Bogotá.
    assert fecha(datetime.datetime(2027, 1, 1, 2, 0, tzinfo=datetime.UTC)) == "31 de diciembre de 2026"
    assert iso(datetime.datetime(2027, 1, 1, 2, 0, tzinfo=datetime.UTC)) == "2026-12-31T21:00:00-05:00"
    assert fecha(None) == "" and iso("") == ""
    assert fecha(datetime.date(2026, 3, 2), "l j \\d\\e F") == "lunes 2 de marzo"  # other formats: Django's


@given(MOMENTOS)
def test_igual_que_el_formato_de_django_en_una_plantilla(momento):
    local = template_localtime(momento)  # what a template hands to Django's own date filter
    assert fecha(momento) == date_filter(local, "DATE_FORMAT").lower()
    assert fecha(momento.date()) == date_filter(momento.date(), "DATE_FORMAT").lower()
    assert iso(momento) == date_filter(local.replace(microsecond=0), "c")  # whole seconds: valid HTML
    assert fecha(momento, "l j \\d\\e F") == date_filter(local, "l j \\d\\e F").lower()


def test_una_noticia_de_la_noche_lleva_la_fecha_de_colombia(client):
    from portal.models import Noticia

    from .factories import crear_publicable

    # 22:00 in Bogotá on 24 November is already 25 November in UTC: the page says the 24th.
    noche = datetime.datetime(2025, 11, 25, 3, 0, tzinfo=datetime.UTC)
    noticia = crear_publicable(Noticia, titulo="Concierto nocturno", publicar_desde=noche)
    html = client.get(noticia.get_absolute_url()).content.decode()
    assert '<time datetime="2025-11-24T22:00:00-05:00">24 de noviembre de 2025</time>' in html
