"""The /participa/ hub links every part (survey, accountability, participatory budget, the consultations by
path when their route exists) and the policy of participation by electronic means (DEM-01); the processes are
in the sitemaps and in Transparencia 6.2, 6.5 and 6.6."""

import pytest
from django.urls import reverse

from portal.models import Politica
from portal.views import POLITICA_DE_PARTICIPACION

from .test_planeacion import crear_proceso as crear_presupuesto
from .test_rendicion import crear_proceso

pytestmark = pytest.mark.django_db


def test_el_centro_enlaza_cada_parte_y_la_politica(client):
    html = client.get(reverse("portal:participa")).content.decode()
    assert "aún no está publicada" in html
    rendicion, presupuesto = crear_proceso(), crear_presupuesto()
    Politica.objects.create(slug=POLITICA_DE_PARTICIPACION, titulo="Política", contenido="Texto.")
    html = client.get(reverse("portal:participa")).content.decode()
    assert reverse("participa:rendicion") in html and reverse("participa:planeacion") in html
    assert reverse("portal:politica", args=[POLITICA_DE_PARTICIPACION]) in html
    assert reverse("participa:rendicion_preguntar", args=[rendicion.anio]) not in html  # one link per part
    assert presupuesto.titulo not in html
    # The consultations of draft norms: one card, the one their part registers.
    assert html.count('href="/participa/consultas/"') == 1


def test_los_procesos_estan_en_el_mapa_del_sitio_y_en_transparencia(client):
    rendicion, presupuesto = crear_proceso(), crear_presupuesto()
    xml = client.get("/sitemap.xml").content.decode()
    assert rendicion.get_absolute_url() in xml and presupuesto.get_absolute_url() in xml
    mapa = client.get(reverse("portal:mapa_del_sitio")).content.decode()
    assert reverse("participa:rendicion") in mapa and reverse("participa:planeacion") in mapa
    from portal import registro

    assert registro.publicaciones_derivadas("6.5")[0]["url"] == rendicion.get_absolute_url()
    assert registro.publicaciones_derivadas("6.2")[0]["url"] == presupuesto.get_absolute_url()
