"""Feeds, site maps and sharing metadata: how the portal's content travels beyond the portal."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from portal.models import Categoria, Noticia
from tramites.models import Tramite

from .factories import crear_publicable

pytestmark = pytest.mark.django_db


def test_rss_y_atom_de_noticias_sin_borradores(client):
    salud = Categoria.objects.create(nombre="Salud", slug="salud")
    publicada = crear_publicable(Noticia, titulo="Jornada de salud oral")
    publicada.categorias.add(salud)
    crear_publicable(Noticia, titulo="Obras en la vía")
    crear_publicable(Noticia, titulo="Borrador secreto", publicado=False)

    rss = ET.fromstring(client.get(reverse("portal:noticias_rss")).content)
    titulos = [item.findtext("title") for item in rss.iter("item")]
    assert set(titulos) == {"Jornada de salud oral", "Obras en la vía"}
    assert rss.find("channel/language").text == "es-co"

    atom = client.get(reverse("portal:noticias_atom"))
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b"Borrador secreto" not in atom.content

    categoria = ET.fromstring(client.get(reverse("portal:categoria_rss", args=["salud"])).content)
    assert [item.findtext("title") for item in categoria.iter("item")] == ["Jornada de salud oral"]
    assert client.get(reverse("portal:categoria_rss", args=["no-existe"])).status_code == 404


def test_metadatos_para_compartir_y_url_canonica(client):
    noticia = crear_publicable(Noticia, titulo="Festival del café", resumen="Tres días de música y café.")
    html = client.get(noticia.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Festival del café">' in html
    assert '<meta property="og:description" content="Tres días de música y café.">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<link rel="canonical" href="http://testserver{noticia.get_absolute_url()}">' in html
    lista = client.get(reverse("portal:noticias"), {"pagina": "1"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/noticias/">' in lista
    assert '<meta name="description"' in lista and 'property="og:site_name"' in lista


def test_el_mapa_del_sitio_reune_lo_que_registra_cada_app(client):
    tramite = Tramite.objects.create(
        nombre="Certificado de residencia",
        slug="certificado-de-residencia",
        dependencia=crear_publicable(Noticia).dependencia,
        estado="publicado",
        publicar_desde=crear_publicable(Noticia).publicar_desde,
    )
    borrador = Tramite.objects.create(nombre="Oculto", slug="oculto", dependencia=tramite.dependencia)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{tramite.get_absolute_url()}" in xml
    assert borrador.get_absolute_url() not in xml
    assert "http://testserver/tramites/" in xml and "http://testserver/servicios/" in xml
    humano = client.get(reverse("portal:mapa_del_sitio")).content.decode()
    assert f'href="{reverse("tramites:catalogo")}"' in humano
    assert f'href="{reverse("servicios:catalogo")}"' in humano
