"""The participation forms fuzzed with Hypothesis: whatever is sent, a normal answer (200, 302, 400, 409, 429),
never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participa.models import Propuesta, Territorio

from .test_planeacion import crear_proceso as crear_presupuesto
from .test_rendicion import crear_proceso

pytestmark = pytest.mark.django_db

texto = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["", " ", "1", "' OR 1=1 --", "<script>alert(1)</script>", "%00", "🌽" * 50, "a" * 5000, "999999999999999999999"]
)
AJUSTES = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CAMPOS_PREGUNTA = ["tema", "pregunta", "nombre", "correo", "notificacion_electronica", "sitio_web"]
CAMPOS_VOTO = ["propuesta", "tipo_documento", "numero_documento", "declaracion", "sitio_web"]
CAMPOS_PROPUESTA = ["territorio", "titulo", "descripcion", "costo", "declaracion", "sitio_web"]


@pytest.fixture
def procesos():
    rendicion = crear_proceso(anio=2025)
    presupuesto = crear_presupuesto(anio=2026)
    territorio = Territorio.objects.create(nombre="Aponte", tipo="corregimiento")
    Propuesta.objects.create(
        proceso=presupuesto, territorio=territorio, titulo="Placa", descripcion="…", costo=1, estado="viable"
    )
    abierto = crear_presupuesto(fase="propuestas", anio=2027)
    return rendicion, presupuesto, abierto


@AJUSTES
@given(
    pregunta=st.dictionaries(st.sampled_from(CAMPOS_PREGUNTA), texto),
    voto=st.dictionaries(st.sampled_from(CAMPOS_VOTO), texto),
    propuesta=st.dictionaries(st.sampled_from(CAMPOS_PROPUESTA), texto),
)
def test_formularios_de_participacion(procesos, pregunta, voto, propuesta):
    rendicion, presupuesto, abierto = procesos
    for url, datos in (
        (f"/participa/rendicion-de-cuentas/{rendicion.anio}/preguntar/", pregunta),
        (f"/participa/presupuesto-participativo/{presupuesto.anio}/votar/", voto),
        (f"/participa/presupuesto-participativo/{abierto.anio}/proponer/", propuesta),
    ):
        respuesta = Client().post(url, datos)
        assert respuesta.status_code in (200, 302, 400, 409, 429), url
        assert b"Traceback" not in respuesta.content
