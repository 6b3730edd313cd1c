"""Issue 16 for fichas: a published ficha is edited in a revision with its own requirements, the public page,
the catalogue and open data keep the live ficha until the committee publishes it onto the live one."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from portal import roles, services, vista_previa
from portal.models import Cambio, Estado
from tests.portal.factories import crear_dependencia, crear_usuario
from tramites.models import RequisitoTramite, Tramite

from .test_fichas import crear_tramite

pytestmark = pytest.mark.django_db


class _Formulario(HTMLParser):
    """The values a browser would send from the admin's edit form (no JavaScript), without its buttons."""

    def __init__(self):
        super().__init__()
        self.datos, self._select, self._textarea = [], None, None

    def handle_starttag(self, etiqueta, atributos):
        a = dict(atributos)
        nombre = a.get("name")
        if etiqueta == "input" and nombre and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.datos.append((nombre, a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif etiqueta == "select" and nombre:
            self._select = nombre
        elif etiqueta == "option" and self._select and "selected" in a:
            self.datos.append((self._select, a.get("value", "")))
        elif etiqueta == "textarea" and nombre:
            self._textarea = [nombre, ""]

    def handle_data(self, texto):
        if self._textarea is not None:
            self._textarea[1] += texto

    def handle_endtag(self, etiqueta):
        if etiqueta == "select":
            self._select = None
        elif etiqueta == "textarea" and self._textarea is not None:
            self.datos.append(tuple(self._textarea))
            self._textarea = None


def formulario_de(client, url, **cambios):
    lector = _Formulario()
    lector.feed(client.get(url, follow=True).content.decode())
    datos = {}
    for nombre, valor in lector.datos:
        if nombre == "csrfmiddlewaretoken" or nombre.startswith("_"):
            continue
        datos.setdefault(nombre, []).append(valor)
    datos.update(cambios)
    return datos


@pytest.fixture
def gobierno():
    return crear_dependencia(nombre="Secretaría de Gobierno", slug="gobierno")


@pytest.fixture
def funcionario(gobierno):
    return crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno])


@pytest.fixture
def comite():
    return crear_usuario(grupo=roles.COMITE)


def test_la_revision_de_una_ficha_lleva_sus_propios_requisitos_y_al_publicar_reemplaza_lo_vivo(
    client, funcionario, comite, gobierno
):
    tramite = crear_tramite(dependencia=gobierno, nombre="Certificado de residencia", slug="residencia")
    url = reverse("admin:tramites_tramite_change", args=[tramite.pk])
    client.force_login(funcionario)
    datos = formulario_de(
        client,
        url,
        proposito="Sirve para demostrar dónde vive.",
        **{"requisitos-0-descripcion": "Recibo de un servicio público", "_guardar_borrador": "Guardar borrador"},
    )
    respuesta = client.post(url, datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    revision = Tramite.objects.get(revision_de=tramite)
    assert [r.descripcion for r in revision.requisitos.all()] == ["Recibo de un servicio público"]
    assert revision.puntos_atencion.count() == 1 and revision.normas.count() == 1
    assert [r.descripcion for r in tramite.requisitos.all()] == ["Cédula de ciudadanía"]  # live rows untouched

    anonimo = Client()
    pagina = anonimo.get("/tramites/residencia/").content.decode()
    assert "Cédula de ciudadanía" in pagina and "Recibo de un servicio público" not in pagina
    datos_abiertos = anonimo.get("/datos/tramites.json").content.decode()
    assert "Recibo de un servicio público" not in datos_abiertos and datos_abiertos.count("residencia") >= 1
    assert "Certificado de residencia" in anonimo.get("/tramites/").content.decode()
    assert anonimo.get("/tramites/").content.decode().count("Certificado de residencia") == 1
    assert "Recibo de un servicio público" in anonimo.get(vista_previa.url(revision, compartir=True)).content.decode()

    services.publicable_cambiar_estado(objeto=revision, usuario=funcionario, transicion="enviar_a_revision")
    services.publicable_cambiar_estado(objeto=revision, usuario=comite, transicion="publicar")
    tramite.refresh_from_db()
    assert tramite.slug == "residencia" and tramite.proposito == "Sirve para demostrar dónde vive."
    assert [r.descripcion for r in tramite.requisitos.all()] == ["Recibo de un servicio público"]
    assert not Tramite.objects.filter(revision_de__isnull=False).exists()
    assert RequisitoTramite.objects.count() == 1  # the old live row went, the revision's rows moved
    pagina = anonimo.get("/tramites/residencia/").content.decode()
    assert "Recibo de un servicio público" in pagina and "Cédula de ciudadanía" not in pagina
    registro = Cambio.objects.de_objeto(tramite).filter(accion=Cambio.Accion.ESTADO).first()
    assert "Requisitos" in registro.cambios


def test_una_revision_incompleta_no_se_publica_y_lo_vivo_sigue_igual(funcionario, comite, gobierno):
    tramite = crear_tramite(dependencia=gobierno)
    revision, _mapa = services.publicable_crear_revision(objeto=tramite, usuario=funcionario)
    revision.requisitos.all().delete()
    with pytest.raises(Exception, match="al menos un requisito"):
        services.publicable_cambiar_estado(objeto=revision, usuario=comite, transicion="publicar")
    assert tramite.requisitos.count() == 1 and Tramite.objects.filter(pk=revision.pk).exists()


def test_el_tablero_solo_cuenta_fichas_vivas(funcionario, gobierno):
    from tramites import metrics

    tramite = crear_tramite(dependencia=gobierno, codigo_suit="12345")
    services.publicable_crear_revision(objeto=tramite, usuario=funcionario)
    cifras = metrics.metricas()
    assert (cifras.identificadas, cifras.publicadas) == (1, 1)
    assert list(metrics.no_publicadas()) == []


def test_el_funcionario_abre_su_ficha_publicada_y_ve_el_formulario_con_el_aviso(client, funcionario, gobierno):
    tramite = crear_tramite(dependencia=gobierno)
    client.force_login(funcionario)
    pagina = client.get(reverse("admin:tramites_tramite_change", args=[tramite.pk])).content.decode()
    assert "la versión publicada sigue visible hasta que el comité la publique" in pagina
    assert 'name="_enviar_a_revision"' in pagina and 'name="_publicar"' not in pagina
    assert Tramite.objects.filter(revision_de=tramite).count() == 0  # created on the first save, not on opening
    assert Tramite.objects.get(pk=tramite.pk).estado == Estado.PUBLICADO


def test_la_revision_de_una_ficha_en_linea_conserva_la_direccion_del_formulario(funcionario, comite, gobierno):
    tramite = crear_tramite(dependencia=gobierno, slug="licencia", solicitud_en_linea=True)
    tramite.clean()
    tramite.save()
    revision, _mapa = services.publicable_crear_revision(objeto=tramite, usuario=funcionario)
    revision.clean()  # what the admin's form does on every save
    assert revision.url_en_linea.endswith("/tramites/licencia/solicitar/")
    revision.save()
    services.publicable_cambiar_estado(objeto=revision, usuario=comite, transicion="publicar")
    tramite.refresh_from_db()
    assert tramite.url_en_linea.endswith("/tramites/licencia/solicitar/")


def test_marcar_como_revisada_una_revision_revisa_su_ficha_viva(funcionario, comite, gobierno):
    from portal.fichas.services import ficha_marcar_revisada

    tramite = crear_tramite(dependencia=gobierno)
    revision, _mapa = services.publicable_crear_revision(objeto=tramite, usuario=funcionario)
    assert ficha_marcar_revisada(fichas=Tramite.objects.filter(pk__in=[tramite.pk, revision.pk]), usuario=comite) == 1
    tramite.refresh_from_db()
    revision.refresh_from_db()
    assert tramite.revisado_por == comite and revision.revisado_por is None
