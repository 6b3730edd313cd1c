"""The committee sees the consultations: participation figures on its dashboard and the self-check of DEM-02,
DEM-05 and DEM-07 (criteria linked to their checks by gelt's data migration 0013)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from gelt import autoverificacion
from gelt.models import Criterio, Resultado
from participa import consultas_metrics
from participa.models import Consulta

from .consultas_fabricas import cerrar, crear_comentario, crear_consulta

pytestmark = pytest.mark.django_db


def test_los_criterios_de_democracia_tienen_su_verificacion():
    claves = dict(
        Criterio.objects.filter(codigo__in=["DEM-02", "DEM-05", "DEM-07"]).values_list("codigo", "verificacion")
    )
    assert claves == {"DEM-02": "consultas_en_linea", "DEM-05": "deliberacion", "DEM-07": "aportes_respondidos"}


def test_la_autoverificacion_sigue_la_evidencia():
    for clave in ("consultas_en_linea", "deliberacion", "aportes_respondidos"):
        assert autoverificacion.verificar(clave)[0] == Resultado.NO_CUMPLE
    consulta = crear_consulta()
    assert autoverificacion.verificar("consultas_en_linea")[0] == Resultado.CUMPLE
    assert autoverificacion.verificar("deliberacion")[0] == Resultado.PARCIAL
    crear_comentario(consulta)
    crear_comentario(consulta, estado="pendiente")
    assert autoverificacion.verificar("deliberacion")[0] == Resultado.CUMPLE
    assert autoverificacion.verificar("aportes_respondidos")[0] == Resultado.NO_CUMPLE
    cerrar(consulta)
    Consulta.objects.filter(pk=consulta.pk).update(respuestas_publicadas_en=timezone.now())
    resultado, evidencia = autoverificacion.verificar("aportes_respondidos")
    assert resultado == Resultado.CUMPLE and "1" in evidencia


def test_cifras_del_anio_y_el_tablero(client):
    from portal import roles
    from tests.portal.factories import crear_usuario

    consulta = crear_consulta()
    crear_comentario(consulta)
    crear_comentario(consulta, estado="pendiente")
    crear_comentario(consulta, estado="rechazado", motivo_rechazo="Spam")
    crear_comentario(consulta, sentido="acogido", respuesta="Sí.")
    cifras = consultas_metrics.cifras(timezone.localdate().year)
    assert (cifras["recibidos"], cifras["publicados"], cifras["respondidos"]) == (4, 2, 1)
    assert (cifras["rechazados"], cifras["por_moderar"], cifras["abiertas"]) == (1, 1, 1)
    client.force_login(crear_usuario(grupo=roles.COMITE))
    pagina = client.get(reverse("gelt:tablero"))
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert "Consultas de proyectos de normas" in html and "4</strong> comentarios recibidos" in html
