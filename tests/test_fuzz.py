"""Every public form fuzzed with Hypothesis: whatever people type (or a bot sends), the answer is a normal
page (200, 302 after a valid survey, 400/403/404 for nonsense), never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

texto = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400) | st.sampled_from(
    ["", " ", "' OR 1=1 --", "<script>alert(1)</script>", "%00", "🌽" * 50, "a" * 5000]
)
AJUSTES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@AJUSTES
@given(q=texto, tipo=texto, pagina=texto)
def test_buscador(q, tipo, pagina):
    respuesta = Client().get("/buscar/", {"q": q, "tipo": tipo, "pagina": pagina})
    assert respuesta.status_code == 200


@AJUSTES
@given(q=texto, dependencia=texto, situacion=texto, audiencia=texto, en_linea=texto, costo=texto, pagina=texto)
def test_filtros_del_catalogo(q, dependencia, situacion, audiencia, en_linea, costo, pagina):
    datos = {"q": q, "dependencia": dependencia, "situacion": situacion, "audiencia": audiencia}
    datos.update({"en_linea": en_linea, "costo": costo, "pagina": pagina})
    for url in ("/tramites/", "/servicios/"):
        assert Client().get(url, datos).status_code == 200


@AJUSTES
@given(categoria=texto, pagina=texto)
def test_lista_de_noticias(categoria, pagina):
    assert Client().get("/noticias/", {"categoria": categoria, "pagina": pagina}).status_code == 200


@AJUSTES
@given(respuestas=st.dictionaries(st.sampled_from([f"p{i}" for i in range(1, 30)] + ["sitio_web"]), texto))
def test_encuesta(respuestas):
    # Field names are p<question id>: the default questionnaire's ids fall in this range.
    respuesta = Client().post("/participa/encuesta/", respuestas)
    assert respuesta.status_code in (200, 302, 403)
    assert b"Traceback" not in respuesta.content
