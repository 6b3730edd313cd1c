"""News feeds: the plain-text summary reaches feed readers as text, never as markup."""

from xml.etree import ElementTree

import pytest

from portal.models import Noticia
from tests.portal.factories import crear_publicable

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RESUMEN = '"><script>alert(1)</script> Tarifas & plazos'


def test_rss_envia_el_resumen_como_texto(client):
    crear_publicable(Noticia, resumen=RESUMEN)
    raiz = ElementTree.fromstring(client.get("/noticias/feed/").content)
    descripcion = raiz.find("channel/item/description").text
    # RSS readers read the description as HTML: once XML-decoded it must show the text, not run it.
    assert "<script" not in descripcion
    assert descripcion == "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; Tarifas &amp; plazos"


def test_atom_declara_el_resumen_como_texto(client):
    crear_publicable(Noticia, resumen=RESUMEN)
    raiz = ElementTree.fromstring(client.get("/noticias/feed/atom/").content)
    resumen = raiz.find(f"{ATOM}entry/{ATOM}summary")
    assert resumen.get("type") == "text" and resumen.text == RESUMEN
