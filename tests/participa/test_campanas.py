"""The outreach campaigns (moved from portal to participa): short links that count arrivals by campaign code,
their QR codes, the destination rules and their admin. The URLs and their names did not change."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from participa.models import Campana
from portal import metrics, roles
from portal.models import VisitaDiaria
from tests.portal.factories import crear_usuario
from tests.portal.test_visitas import FIREFOX, _contador, ver, volcar_todo  # noqa: F401  (_contador: autouse)

pytestmark = pytest.mark.django_db


def vistas(**filtro):
    return sum(VisitaDiaria.objects.filter(**filtro).values_list("vistas", flat=True))


def campana(**campos):
    datos = {"codigo": "fiesta", "nombre": "Fiestas patronales", "destino": "/tramites/", "medio": "evento"}
    datos.update(campos)
    return Campana.objects.create(**datos)


# --- Campaigns ----------------------------------------------------------------------------------------------------


def test_el_enlace_corto_redirige_y_cuenta_la_llegada(client):
    campana()
    respuesta = ver(client, "/c/fiesta/", HTTP_REFERER="https://www.facebook.com/")
    assert respuesta.status_code == 302 and respuesta["Location"] == "/tramites/"
    assert not respuesta.cookies
    assert "no-cache" in respuesta["Cache-Control"] or "max-age=0" in respuesta["Cache-Control"]
    assert ver(client, "/c/FIESTA/").status_code == 302  # dictated on the radio, typed in capitals
    volcar_todo()
    assert vistas(campana="fiesta", ruta="/c/fiesta/") == 2
    assert vistas(referente="facebook.com") == 1
    assert metrics.campanas(date(2000, 1, 1), timezone.localdate() + timedelta(days=1)) == [
        {"codigo": "fiesta", "nombre": "Fiestas patronales", "medio": "Evento cultural", "llegadas": 2}
    ]
    # Arrivals are not page views.
    assert metrics.visitas(timezone.localdate(), timezone.localdate() + timedelta(days=1))["vistas"] == 0


def test_bots_y_head_siguen_el_enlace_sin_contar(client):
    campana()
    assert ver(client, "/c/fiesta/", ua="WhatsApp/2.23.20.0").status_code == 302
    assert client.head("/c/fiesta/", HTTP_USER_AGENT=FIREFOX).status_code == 302
    volcar_todo()
    assert VisitaDiaria.objects.count() == 0


def test_enlace_desconocido_o_inactivo_da_404(client):
    campana(activa=False)
    assert ver(client, "/c/fiesta/").status_code == 404
    assert ver(client, "/c/otra/").status_code == 404
    volcar_todo()
    assert VisitaDiaria.objects.count() == 0


def test_utm_campaign_solo_cuenta_codigos_de_campanas(client):
    campana()
    ver(client, "/?utm_campaign=fiesta")
    ver(client, "/?utm_campaign=Mi%20correo%20es%20ana%40example.com")
    volcar_todo()
    assert vistas(ruta="/", campana="fiesta") == 1
    assert vistas(ruta="/", campana="") == 1


@pytest.mark.parametrize(
    "destino",
    [
        "//evil.com",
        "//evil.com/tramites/",
        "https://evil.com/",
        "http://evil.com",
        "/\\evil.com",
        "\\\\evil.com",
        "javascript:alert(1)",
        "evil.com",
        "tramites/",
        " /tramites/",
        "/tramites/\n",
        "/c/otra/",
        "",
    ],
)
def test_el_destino_solo_puede_ser_una_ruta_del_sitio(destino):
    with pytest.raises(ValidationError):
        Campana(codigo="x", nombre="X", destino=destino, medio="otro").full_clean()


@pytest.mark.parametrize("destino", ["/", "/tramites/", "/noticias/feria-del-cafe/?pagina=2", "/eventos/#hoy"])
def test_destinos_validos(destino):
    Campana(codigo="x", nombre="X", destino=destino, medio="otro").full_clean()


def test_un_destino_guardado_sin_validar_no_se_convierte_en_redireccion_abierta(client):
    campana(destino="//evil.com")
    respuesta = ver(client, "/c/fiesta/")
    assert respuesta.status_code == 302 and respuesta["Location"] == "/"


def test_el_codigo_es_corto_y_en_minusculas():
    for malo in ["con espacio", "ñandú", "-guion", "a" * 41]:
        with pytest.raises(ValidationError):
            Campana(codigo=malo, nombre="X", destino="/", medio="otro").full_clean()
    assert campana(codigo="Feria-2026").codigo == "feria-2026"


# --- QR codes ------------------------------------------------------------------------------------------------------


def test_qr_para_el_comite(client):
    campana()
    client.force_login(crear_usuario(grupo=roles.COMITE))
    svg = client.get(reverse("campanas:qr_svg", kwargs={"codigo": "fiesta"}))
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content and b"http://testserver/c/fiesta/" in svg.content
    png = client.get(reverse("campanas:qr_png", kwargs={"codigo": "fiesta"}))
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert client.get("/c/otra/qr.svg").status_code == 404
    volcar_todo()
    assert VisitaDiaria.objects.count() == 0


def test_qr_no_es_publico(client):
    campana()
    url = reverse("campanas:qr_png", kwargs={"codigo": "fiesta"})
    respuesta = client.get(url)
    assert respuesta.status_code == 302 and reverse("admin:login") in respuesta["Location"]
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO))
    assert client.get(url).status_code == 403


def test_admin_de_campanas_muestra_enlace_llegadas_y_qr(client):
    c = campana()
    VisitaDiaria.objects.create(dia=timezone.localdate(), ruta="/c/fiesta/", campana="fiesta", vistas=7)
    client.force_login(crear_usuario(grupo=roles.COMITE))
    html = client.get(reverse("admin:participa_campana_changelist")).content.decode()
    assert "http://testserver/c/fiesta/" in html and ">7<" in html and "qr.png" in html
    assert client.get(reverse("admin:participa_campana_change", args=[c.pk])).status_code == 200
    assert client.get(reverse("admin:participa_campana_add")).status_code == 200
    assert client.get(reverse("admin:portal_visitadiaria_changelist")).status_code == 200
    assert client.get(reverse("admin:portal_visitadiaria_add")).status_code == 403
