"""Rich text written by officials: the sanitiser keeps what the editor offers and nothing that acts."""

from portal.models import Noticia
from portal.models.texto import sanear


def test_los_enlaces_salen_con_noopener_noreferrer():
    html = sanear('<p><a href="https://evil.example/" rel="opener" target="_blank">mire</a></p>')
    assert html == '<p><a href="https://evil.example/" rel="noopener noreferrer">mire</a></p>'


def test_el_campo_de_la_noticia_usa_ese_saneamiento():
    campo = Noticia._meta.get_field("cuerpo")
    limpio = campo.clean('<p><a href="https://x.example/" rel="opener">x</a><script>alert(1)</script></p>', None)
    assert 'rel="noopener noreferrer"' in limpio and 'opener"' not in limpio and "<script" not in limpio
