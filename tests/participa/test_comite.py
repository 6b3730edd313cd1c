"""What the committee reads of participation: the dashboard's figures and the self-check of DEM-01, DEM-03,
DEM-04 and DEM-06, linked to their check keys by gelt's migration 0013."""

import pytest
from django.urls import reverse
from django.utils import timezone

from gelt import autoverificacion
from gelt.models import Criterio, Resultado
from participa.models import Compromiso, PreguntaRendicion, Propuesta, Territorio, VotoActa
from participa.planeacion import votar
from portal import roles
from portal.models import Politica
from portal.views import POLITICA_DE_PARTICIPACION
from tests.portal.factories import crear_usuario

from .test_planeacion import crear_proceso as crear_presupuesto
from .test_rendicion import crear_proceso, preguntar_y_responder

pytestmark = pytest.mark.django_db

CLAVES = {
    "DEM-01": "politica_participacion",
    "DEM-03": "planeacion_participativa",
    "DEM-04": "rendicion_en_linea",
    "DEM-06": "control_social",
}


def test_los_criterios_de_democracia_tienen_su_verificacion():
    for codigo, clave in CLAVES.items():
        assert Criterio.objects.get(codigo=codigo).verificacion == clave
        assert autoverificacion.verificar(clave)[0] == Resultado.NO_CUMPLE


def test_la_autoverificacion_marca_lo_que_se_cumple():
    Politica.objects.create(slug=POLITICA_DE_PARTICIPACION, titulo="Política", contenido="Texto.")
    assert autoverificacion.verificar("politica_participacion")[0] == Resultado.CUMPLE
    proceso = crear_proceso(transmision="https://example.com/en-vivo")
    assert autoverificacion.verificar("rendicion_en_linea")[0] == Resultado.PARCIAL
    preguntar_y_responder(proceso, 2)
    assert autoverificacion.verificar("rendicion_en_linea")[0] == Resultado.CUMPLE
    assert autoverificacion.verificar("control_social")[0] == Resultado.NO_CUMPLE
    Compromiso.objects.create(
        proceso=proceso, descripcion="Obra", dependencia=proceso.dependencia, fecha_limite=timezone.localdate()
    )
    resultado, evidencia = autoverificacion.verificar("control_social")
    assert resultado == Resultado.CUMPLE and "1 compromisos" in evidencia
    presupuesto = crear_presupuesto()
    assert autoverificacion.verificar("planeacion_participativa")[0] == Resultado.PARCIAL
    territorio = Territorio.objects.create(nombre="Pompeya", tipo="corregimiento")
    propuesta = Propuesta.objects.create(
        proceso=presupuesto, territorio=territorio, titulo="Acopio", descripcion="…", costo=1, estado="viable"
    )
    votar(proceso=presupuesto, propuesta=propuesta, tipo_documento="CC", numero_documento="12345678")
    assert autoverificacion.verificar("planeacion_participativa")[0] == Resultado.CUMPLE


def test_el_tablero_muestra_las_cifras_de_participacion(client):
    proceso = crear_proceso()
    preguntar_y_responder(proceso, 3)
    presupuesto = crear_presupuesto()
    territorio = Territorio.objects.create(nombre="La Cueva", tipo="corregimiento")
    propuesta = Propuesta.objects.create(
        proceso=presupuesto, territorio=territorio, titulo="Puente", descripcion="…", costo=1, estado="viable"
    )
    votar(proceso=presupuesto, propuesta=propuesta, tipo_documento="CC", numero_documento="12345678")
    from participa.models import Acta

    acta = Acta.objects.create(proceso=presupuesto, reunion="A", territorio=territorio, fecha=timezone.localdate())
    VotoActa.objects.create(acta=acta, propuesta=propuesta, votos=7)
    assert PreguntaRendicion.objects.count() == 3
    client.force_login(crear_usuario(grupo=roles.COMITE))
    html = client.get(reverse("gelt:tablero")).content.decode()
    seccion = html.split('id="participacion"')[1].split("</section>")[0]
    assert '<strong class="valor">3</strong> preguntas recibidas' in seccion
    assert '<th scope="row">La Cueva</th><td>1</td><td>1</td><td>7</td>' in seccion
