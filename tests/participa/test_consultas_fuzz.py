"""The comment form fuzzed with Hypothesis: whatever people type (or a bot sends), the answer is a normal page
(302 received, 200 with the errors, 400 honeypot, 409 duplicate, 429 limit), never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .consultas_fabricas import crear_consulta

pytestmark = pytest.mark.django_db

texto = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400) | st.sampled_from(
    ["", " ", "' OR 1=1 --", "<script>alert(1)</script>", "a < b > c", "%00", "🌽" * 50, "a" * 6000, "99999999"]
)
CAMPOS = ["articulo", "texto", "tipo_autor", "nombre", "correo", "organizacion", "nit", "publicar_nombre", "sitio_web"]


@pytest.fixture
def _consulta(settings):
    settings.CONSULTAS_COMENTARIOS_POR_CLIENTE = 20  # some examples also meet the limit
    return crear_consulta(slug="fuzz")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(datos=st.dictionaries(st.sampled_from(CAMPOS), texto))
def test_formulario_de_comentarios(_consulta, datos):
    respuesta = Client().post("/participa/consultas/fuzz/comentar/", datos)
    assert respuesta.status_code in (200, 302, 400, 409, 429)
    assert b"Traceback" not in respuesta.content
