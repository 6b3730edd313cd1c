"""Defects found in review, pinned so they stay fixed."""

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal import busqueda, roles, services
from portal.models import Dependencia, Funcionario, Noticia
from portal.templatetags.portal_tags import hora

from .factories import crear_dependencia, crear_publicable, crear_usuario

pytestmark = pytest.mark.django_db


def test_el_funcionario_no_renombra_ni_oculta_su_dependencia(client):
    dependencia = crear_dependencia(nombre="Secretaría de Gobierno", slug="gobierno")
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[dependencia]))
    url = reverse("admin:portal_dependencia_change", args=[dependencia.pk])
    datos = {
        "nombre": "Otra cosa",
        "slug": "otra",
        "tipo": "central",
        "activa": "",
        "orden": 9,
        "telefono": "+57 602 111 2233",
        "correo": "gobierno@example.org",
    }
    assert client.post(url, datos).status_code == 302
    dependencia.refresh_from_db()
    assert (dependencia.nombre, dependencia.slug, dependencia.activa) == ("Secretaría de Gobierno", "gobierno", True)
    assert dependencia.telefono == "+57 602 111 2233"  # what officials may change, they change


@pytest.mark.parametrize("url", ["/", "/noticias/", "/tramites/", "/salud/", "/robots.txt", "/datos/tramites.csv"])
def test_head_responde_como_get(client, url):
    assert client.head(url).status_code == 200


def test_no_se_publica_lo_que_ya_vencio():
    comite = crear_usuario(grupo=roles.COMITE)
    noticia = crear_publicable(Noticia, publicado=False, publicar_hasta=timezone.now() - timezone.timedelta(hours=1))
    with pytest.raises(ValidationError, match="su fecha de fin ya pasó"):
        services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="publicar")


def test_un_usuario_desactivado_sale_del_buscador(monkeypatch):
    monkeypatch.setattr("django.db.transaction.on_commit", lambda funcion, *args, **kwargs: funcion())
    usuario = crear_usuario(first_name="Rosalba", last_name="Quiñones")
    Funcionario.objects.create(usuario=usuario, dependencia=crear_dependencia(), cargo="Tesorera")
    assert [e.titulo for e in busqueda.buscar("rosalba").entradas] == ["Rosalba Quiñones"]
    usuario.is_active = False
    usuario.save()
    assert list(busqueda.buscar("rosalba").entradas) == []
    Dependencia.objects.update(activa=True)


def test_un_filtro_invalido_del_catalogo_se_avisa(client):
    html = client.get(reverse("tramites:catalogo"), {"dependencia": "ya-no-existe"}).content.decode()
    assert "Se ignoró un filtro que ya no es válido: dependencia." in html


@pytest.mark.parametrize(
    ("hora_del_dia", "esperado"),
    [((9, 0), "9:00 a. m."), ((12, 0), "12:00 m."), ((14, 30), "2:30 p. m."), ((0, 5), "12:05 a. m.")],
)
def test_horas_como_se_escriben_en_colombia(hora_del_dia, esperado):
    assert hora(timezone.make_aware(datetime(2026, 11, 24, *hora_del_dia))) == esperado
