"""JSON-LD of news (NewsArticle) and events (Event), as search engines read them."""

import json
import re

import pytest
from django.utils import timezone

from portal.models import Evento, Noticia
from tests.portal.factories import crear_dependencia, crear_publicable

pytestmark = pytest.mark.django_db


def json_ld(html):
    bloques = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(bloques) == 1
    return json.loads(bloques[0])


def test_noticia_como_newsarticle(client):
    noticia = crear_publicable(
        Noticia,
        titulo="Avanza el mejoramiento de vías </script><b>",
        resumen="Obras en tres veredas.",
        dependencia=crear_dependencia(nombre="Secretaría de Planeación"),
    )
    html = client.get(noticia.get_absolute_url()).content.decode()
    assert "</script><b>" not in html  # what an official typed cannot close the block
    datos = json_ld(html)
    assert datos["@type"] == "NewsArticle"
    assert datos["headline"] == "Avanza el mejoramiento de vías </script><b>"
    assert datos["datePublished"] == timezone.localtime(noticia.publicar_desde).replace(microsecond=0).isoformat()
    assert datos["dateModified"] >= datos["datePublished"]
    assert datos["author"] == {"@type": "GovernmentOrganization", "name": "Secretaría de Planeación"}
    assert datos["publisher"]["@type"] == "GovernmentOrganization" and datos["publisher"]["logo"]["url"].startswith(
        "http://testserver/"
    )


def test_evento_como_event(client):
    inicio = timezone.now() + timezone.timedelta(days=5)
    evento = crear_publicable(
        Evento,
        titulo="Mercado campesino",
        inicio=inicio,
        fin=inicio + timezone.timedelta(hours=4),
        lugar="Parque principal",
        descripcion="<p>Productos de las veredas.</p>",
    )
    datos = json_ld(client.get(evento.get_absolute_url()).content.decode())
    assert datos["@type"] == "Event" and datos["name"] == "Mercado campesino"
    assert datos["startDate"] == timezone.localtime(inicio).replace(microsecond=0).isoformat()
    assert datos["endDate"].startswith(timezone.localtime(inicio + timezone.timedelta(hours=4)).date().isoformat())
    assert datos["location"]["name"] == "Parque principal"
    assert datos["location"]["address"]["addressCountry"] == "CO"
    assert datos["description"] == "Productos de las veredas."
