"""The municipality's identity comes from the database: header, footer and admin show what is recorded."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.models import Municipio, RedSocial

from .factories import imagen_png

pytestmark = pytest.mark.django_db


def test_la_migracion_crea_la_identidad_de_el_tablon_de_gomez():
    municipio = Municipio.objects.get()
    assert municipio.nombre == "El Tablón de Gómez"
    assert municipio.departamento == "Nariño"
    assert municipio.correo_notificaciones_judiciales


def test_otro_municipio_cambia_la_identidad_en_encabezado_y_pie(client):
    Municipio.objects.filter(pk=1).update(
        nombre="San Pablo", departamento="Bolívar", entidad="Alcaldía de San Pablo", direccion="Calle 5 # 4-20"
    )
    html = client.get("/").content.decode()
    assert "Tablón" not in html
    assert "Alcaldía de San Pablo" in html
    assert "Bolívar, Colombia" in html
    assert "Calle 5 # 4-20" in html


def test_ninguna_plantilla_nombra_al_municipio():
    for plantilla in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        texto = plantilla.read_text(encoding="utf-8")
        assert "Tablón" not in texto and "Nariño" not in texto, plantilla


def test_el_pie_tiene_todo_lo_que_pide_el_anexo_2(client):
    municipio = Municipio.objects.actual()
    municipio.nit = "800.000.000-1"
    municipio.codigo_postal = "521001"
    municipio.telefono = "+57 602 123 4567"
    municipio.linea_gratuita = "01 8000 123 456"
    municipio.linea_anticorrupcion = "01 8000 654 321"
    municipio.save()
    RedSocial.objects.create(municipio=municipio, red="facebook", url="https://facebook.com/alcaldia")

    pie = client.get("/").content.decode().split('<footer class="pie">')[1]
    for esperado in [
        municipio.entidad,
        municipio.direccion,
        "Código postal 521001",
        "El Tablón de Gómez, Nariño, Colombia",
        municipio.horario_atencion,
        'href="tel:+576021234567"',
        "Línea gratuita",
        "01 8000 123 456",
        "Línea anticorrupción",
        municipio.correo_institucional,
        "Notificaciones judiciales",
        municipio.correo_notificaciones_judiciales,
        'href="https://facebook.com/alcaldia"',
        reverse("portal:mapa_del_sitio"),
        reverse("portal:politica", args=["terminos-y-condiciones"]),
        reverse("portal:politica", args=["tratamiento-de-datos-personales"]),
        reverse("portal:politica", args=["derechos-de-autor"]),
        reverse("portal:politica", args=["accesibilidad"]),
        "https://www.gov.co/home/",
    ]:
        assert esperado in pie, esperado


def test_el_escudo_subido_reemplaza_al_generico_con_su_texto_alternativo(client):
    municipio = Municipio.objects.actual()
    municipio.escudo = "identidad/escudo.png"
    municipio.escudo_texto_alternativo = "Escudo del municipio"
    municipio.save()
    html = client.get("/").content.decode()
    assert 'src="/media/identidad/escudo.png" alt="Escudo del municipio"' in html


def test_el_escudo_exige_texto_alternativo():
    municipio = Municipio.objects.actual()
    municipio.escudo = SimpleUploadedFile("escudo.png", imagen_png(300, 300), "image/png")
    municipio.escudo_texto_alternativo = " "
    with pytest.raises(Exception) as error:
        municipio.full_clean()
    assert "texto alternativo del escudo" in str(error.value)


@pytest.mark.parametrize("numero", ["6021234567", "+57 123", "+1 202 555 0100"])
def test_los_telefonos_deben_llevar_el_indicativo_57(numero):
    municipio = Municipio.objects.actual()
    municipio.telefono = numero
    with pytest.raises(Exception) as error:
        municipio.full_clean()
    assert "+57" in str(error.value)


def test_la_administracion_lleva_el_nombre_de_la_entidad(admin_client):
    respuesta = admin_client.get(reverse("admin:index"))
    html = respuesta.content.decode()
    assert f'<a href="{reverse("admin:index")}">Alcaldía Municipal de El Tablón de Gómez</a>' in html
    # The start page is «Mi trabajo» (issue #16); the window's title names the municipality's back office.
    assert "<title>Mi trabajo | Administración — El Tablón de Gómez</title>" in html
    assert respuesta.headers["Content-Language"] == "es-co"
