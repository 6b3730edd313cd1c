"""The rows of the long public lists, written in Python for speed (``portal/templatetags/filas.py``): they
must say what the templates said, escaped the same way."""

import datetime
from decimal import Decimal

import pytest
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone, translation

from portal.fichas.models import Canal, TipoCosto, TipoTiempo
from portal.models import Documento, Noticia, SubseccionTransparencia
from portal.templatetags.filas import tamano_archivo
from tramites.models import Tramite

from .factories import crear_dependencia, crear_publicable


@pytest.mark.parametrize("octetos", [0, 1, 2, 1023, 1024, 15_360, 900_000, 1_153_433, 52_428_800, 5 * 1024**3])
def test_el_tamano_se_escribe_como_lo_escribe_django_en_espanol(octetos):
    with translation.override("es"):
        assert tamano_archivo(octetos) == str(filesizeformat(octetos)).replace("\xa0", " ")


@pytest.mark.parametrize(
    ("tipo", "cantidad", "texto"),
    [
        (TipoTiempo.INMEDIATO, None, "Respuesta inmediata"),
        (TipoTiempo.HABILES, 1, "1 día hábil"),
        (TipoTiempo.HABILES, 15, "15 días hábiles"),
        (TipoTiempo.CALENDARIO, 1, "1 día calendario"),
        (TipoTiempo.CALENDARIO, 30, "30 días calendario"),
    ],
)
def test_el_tiempo_de_respuesta_en_singular_y_plural(tipo, cantidad, texto):
    assert Tramite(tiempo_tipo=tipo, tiempo_cantidad=cantidad).tiempo_texto == texto


@pytest.mark.django_db
def test_la_fila_de_una_ficha_en_el_catalogo(client):
    dependencia = crear_dependencia(nombre="Secretaría de Hacienda")
    Tramite.objects.create(
        nombre="Impuesto <predial>",
        slug="impuesto-predial",
        dependencia=dependencia,
        estado="publicado",
        publicar_desde=timezone.now() - timezone.timedelta(days=1),
        proposito=" ".join(["palabra"] * 40),
        canal=Canal.PARCIAL,
        url_en_linea="https://pagos.example.gov.co/",
        costo_tipo=TipoCosto.VALOR,
        costo_valor=Decimal("1250000"),
        tiempo_tipo=TipoTiempo.HABILES,
        tiempo_cantidad=1,
    )
    html = client.get(reverse("tramites:catalogo")).content.decode()
    assert '<a href="/tramites/impuesto-predial/">Impuesto &lt;predial&gt;</a>' in html
    assert "<p>" + " ".join(["palabra"] * 30) + " …</p>" in html  # the purpose cut at 30 words
    assert '<li class="ficha-resumen__canal ficha-resumen__canal--si">Parcialmente en línea</li>' in html
    assert "<li>$ 1.250.000</li><li>1 día hábil</li>" in html
    assert '<p class="documento__datos">Secretaría de Hacienda</p>' in html


@pytest.mark.django_db
def test_la_fila_de_un_documento_de_transparencia(client):
    subseccion = SubseccionTransparencia.objects.first()
    documento = crear_publicable(
        Documento,
        titulo='Acta "especial" <b>',
        tipo=Documento.Tipo.ACTA,
        numero="012 de 2026",
        fecha_expedicion=datetime.date(2026, 3, 5),
        publicar_desde=timezone.make_aware(datetime.datetime(2026, 3, 9, 22, 30)),  # 9 de marzo, hora de Bogotá
    )
    documento.subsecciones.add(subseccion)
    html = client.get(subseccion.get_absolute_url()).content.decode()
    assert "Acta &quot;especial&quot; &lt;b&gt;</a>" in html
    assert "Acta 012 de 2026 · PDF, " in html
    assert '· Publicado el <time datetime="2026-03-09T22:30:00-05:00">9 de marzo de 2026</time>' in html
    assert "· Expedido el 5 de marzo de 2026</span>" in html


@pytest.mark.django_db
def test_la_tarjeta_de_una_noticia(client):
    crear_publicable(
        Noticia,
        titulo="Vacunación <casa a casa>",
        resumen="Brigadas & jornadas",
        dependencia=crear_dependencia(nombre="Secretaría de Salud"),
    )
    html = client.get(reverse("portal:noticias")).content.decode()
    assert '<article class="tarjeta-noticia">' in html
    assert "Vacunación &lt;casa a casa&gt;</a></h2><p>Brigadas &amp; jornadas</p>" in html  # h2 right under the h1
    assert "</time> · Secretaría de Salud</p>" in html
