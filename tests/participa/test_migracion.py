"""The survey (from gelt) and the campaigns (from portal) moved to participa without losing data: a database at
the state before the move, with rows, migrates forward and keeps every row, its permissions and its history."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

ANTES = [("participa", None), ("gelt", "0014_criterios_de_participacion"), ("portal", "0023_revisiones")]


def _migrar(destino):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(destino)
    return executor.loader.project_state([n for n in destino if n[1] is not None]).apps


# serialized_rollback: the database is put back as it was created (content types with their ids included), so
# the transactional tests that run after this one, which restore that same state, find nothing renamed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrar_desde_antes_del_traslado_conserva_las_filas():
    ultimas = MigrationExecutor(connection).loader.graph.leaf_nodes()
    viejas = _migrar(ANTES)
    Encuesta = viejas.get_model("gelt", "Encuesta")
    Pregunta = viejas.get_model("gelt", "Pregunta")
    Respuesta = viejas.get_model("gelt", "Respuesta")
    Campana = viejas.get_model("portal", "Campana")
    encuesta = Encuesta.objects.create(titulo="Encuesta vieja", abre="2025-03-01", cierra="2025-11-30")
    Pregunta.objects.create(encuesta=encuesta, texto="¿Encontró lo que buscaba?", tipo="si_no")
    Respuesta.objects.create(encuesta=encuesta)
    Campana.objects.create(codigo="perifoneo-viejo", nombre="Perifoneo", destino="/", medio="perifoneo")
    tipo_viejo = ContentType.objects.get_or_create(app_label="gelt", model="encuesta")[0]
    permiso = Permission.objects.get_or_create(
        content_type=tipo_viejo, codename="view_encuesta", defaults={"name": "Can view encuesta del sitio web"}
    )[0]
    grupo = Group.objects.create(name="Lectores de la encuesta (prueba)")
    grupo.permissions.add(permiso)

    _migrar(ultimas)

    from participa.models import Campana as CampanaNueva
    from participa.models import Encuesta as EncuestaNueva

    nueva = EncuestaNueva.objects.get(titulo="Encuesta vieja")
    assert nueva.pk == encuesta.pk and nueva.preguntas.get().texto == "¿Encontró lo que buscaba?"
    assert nueva.respuestas.count() == 1
    assert CampanaNueva.objects.get(codigo="perifoneo-viejo").get_absolute_url() == "/c/perifoneo-viejo/"
    # The content type moved with its permissions: the group still may view the survey.
    tipo_viejo.refresh_from_db()
    assert tipo_viejo.app_label == "participa"
    assert grupo.permissions.filter(content_type__app_label="participa", codename="view_encuesta").exists()
    assert not ContentType.objects.filter(app_label="gelt", model="encuesta").exists()
    assert not ContentType.objects.filter(app_label="portal", model="campana").exists()
    assert reverse("encuesta:resultados", args=[nueva.pk]) == f"/gelt/encuestas/{nueva.pk}/"


def test_las_tablas_son_las_de_siempre():
    from participa.models import Campana, Encuesta, RespuestaPregunta

    assert Encuesta._meta.db_table == "gelt_encuesta" and Campana._meta.db_table == "portal_campana"
    assert RespuestaPregunta.opciones.through._meta.db_table == "gelt_respuestapregunta_opciones"


@pytest.mark.parametrize(
    ("nombre", "args", "ruta"),
    [
        ("encuesta:formulario", [], "/participa/encuesta/"),
        ("encuesta:gracias", [], "/participa/encuesta/gracias/"),
        ("encuesta:resultados_publicos", [], "/participa/encuesta/resultados/"),
        ("encuesta:resultados", [3], "/gelt/encuestas/3/"),
        ("encuesta:exportar_csv", [3], "/gelt/encuestas/3/respuestas.csv"),
        ("encuesta:exportar_xlsx", [3], "/gelt/encuestas/3/respuestas.xlsx"),
        ("campanas:ir", ["feria"], "/c/feria/"),
        ("campanas:qr_svg", ["feria"], "/c/feria/qr.svg"),
        ("campanas:qr_png", ["feria"], "/c/feria/qr.png"),
    ],
)
def test_las_urls_no_cambiaron(nombre, args, ruta):
    assert reverse(nombre, args=args) == ruta


def test_participa_no_importa_gelt():
    import participa

    for archivo in Path(participa.__file__).parent.rglob("*.py"):
        for linea in archivo.read_text(encoding="utf-8").splitlines():
            assert not linea.strip().startswith(("from gelt", "import gelt")), (archivo, linea)
