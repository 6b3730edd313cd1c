"""No commenter's e-mail (nor an organisation's NIT) appears anywhere public: the pages, the PDF, the CSV, the
search, the site map, the feeds, the transparency menu or the logs. The name appears only when the person
agreed; otherwise «Ciudadano/a» (or the organisation's name)."""

import logging
from unittest import mock

import pytest
from django.urls import reverse

from participa import consultas_services as services
from portal import roles
from tests.portal.factories import crear_usuario

from .consultas_fabricas import cerrar, crear_comentario, crear_consulta

pytestmark = pytest.mark.django_db

CORREO = "rosa.secreta@example.com"
NIT = "900777888-5"


@pytest.fixture
def consulta_respondida(client):
    comite = crear_usuario(grupo=roles.COMITE)
    consulta = crear_consulta(titulo="Acuerdo de plásticos")
    # Through the public form, as a person would (so the logs of the request are checked too).
    client.post(
        reverse("participa:consulta_comentar", args=[consulta.slug]),
        {
            "texto": "Aporte de Rosa",
            "tipo_autor": "persona",
            "nombre": "Rosa Reservada",
            "correo": CORREO,
            "articulo": "",
        },
    )
    crear_comentario(
        consulta,
        estado="pendiente",
        tipo_autor="organizacion",
        organizacion="JAC Las Mesas",
        nit=NIT,
        nombre="Luis Representante",
        correo="jac.secreta@example.com",
        texto="Aporte de la junta",
    )
    crear_comentario(
        consulta, estado="pendiente", nombre="Pilar Pública", publicar_nombre=True, correo="pilar@example.com"
    )
    for comentario in consulta.comentarios.all():
        services.comentario_moderar(comentario=comentario, usuario=comite, publicar=True)
    cerrar(consulta)
    for comentario in consulta.comentarios.all():
        services.comentario_responder(comentario=comentario, usuario=comite, sentido="acogido", respuesta="Sí.")
    services.consulta_publicar_respuestas(consulta=consulta, usuario=comite)
    return consulta


def _pdf_textos(client, url):
    from fpdf import FPDF

    textos = []
    original = FPDF.multi_cell

    def anotar(self, w, h, text="", *args, **kwargs):
        textos.append(text)
        return original(self, w, h, text, *args, **kwargs)

    with mock.patch.object(FPDF, "multi_cell", anotar):
        contenido = client.get(url).content
    return "\n".join(textos) + contenido.decode("latin-1")


def test_ningun_correo_ni_nit_en_lo_publico(client, consulta_respondida, caplog):
    consulta = consulta_respondida
    slug = consulta.slug
    caplog.set_level(logging.DEBUG)
    textos = {
        url: client.get(url).content.decode("utf-8-sig")
        for url in (
            reverse("participa:consultas"),
            consulta.get_absolute_url(),
            reverse("participa:consulta_matriz", args=[slug]),
            reverse("participa:consulta_matriz_csv", args=[slug]),
            "/sitemap.xml",
            "/noticias/feed/",
            "/transparencia/",
            "/participa/",
            "/buscar/?q=Rosa",
            "/buscar/?q=secreta",
        )
    }
    textos["pdf"] = _pdf_textos(client, reverse("participa:consulta_matriz_pdf", args=[slug]))
    textos["registros"] = caplog.text
    assert "Aporte de Rosa" in textos[consulta.get_absolute_url()]  # the comments are there…
    assert "Aporte de Rosa" in textos["pdf"]
    assert consulta.get_absolute_url() in textos["/sitemap.xml"]
    for donde, texto in textos.items():
        assert CORREO not in texto, donde  # …their authors' e-mails are not
        assert "jac.secreta@example.com" not in texto, donde
        assert "pilar@example.com" not in texto, donde
        assert NIT not in texto, donde


def test_el_nombre_solo_con_permiso(client, consulta_respondida):
    slug = consulta_respondida.slug
    for texto in (
        client.get(consulta_respondida.get_absolute_url()).content.decode(),
        client.get(reverse("participa:consulta_matriz", args=[slug])).content.decode(),
        client.get(reverse("participa:consulta_matriz_csv", args=[slug])).content.decode("utf-8-sig"),
        _pdf_textos(client, reverse("participa:consulta_matriz_pdf", args=[slug])),
    ):
        assert "Rosa Reservada" not in texto and "Luis Representante" not in texto
        assert "Ciudadano/a" in texto and "JAC Las Mesas" in texto and "Pilar Pública" in texto


def test_el_registro_de_cambios_no_guarda_el_correo(consulta_respondida):
    from portal.models import Cambio

    for cambio in Cambio.objects.all():
        assert CORREO not in str(cambio.cambios) and CORREO not in cambio.mensaje
