"""Authorization everywhere (as 18F/tock does): walk the whole URLconf; every URL that is not in the explicit
list of public ones sends anonymous users to log in, and answers 403 to a user without the right group."""

import re

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from portal import roles
from tests.portal.factories import crear_dependencia, crear_usuario

pytestmark = pytest.mark.django_db

# Route names anyone may open. Everything else must be protected.
PUBLICAS = {
    "sitemap",
    "portal:inicio",
    "portal:noticias",
    "portal:noticias_rss",
    "portal:noticias_atom",
    "portal:categoria_rss",
    "portal:noticia",
    "portal:eventos",
    "portal:eventos_ics",
    "portal:evento",
    "portal:evento_ics",
    "portal:documento",
    "portal:transparencia",
    "portal:subseccion_transparencia",
    "portal:municipio",
    "portal:alcaldia",
    "portal:directorio",
    "portal:atencion",
    "portal:participa",
    "portal:dependencia",
    "portal:politica",
    "portal:buscar",
    "portal:mapa_del_sitio",
    "portal:salud",
    "portal:robots_txt",
    "portal:favicon",
    "tramites:catalogo",
    "tramites:detalle",
    "tramites:datos_json",
    "tramites:datos_csv",
    "servicios:catalogo",
    "servicios:detalle",
    "servicios:datos_json",
    "servicios:datos_csv",
    "encuesta:formulario",
    "encuesta:gracias",
    "encuesta:resultados_publicos",
    "campanas:ir",
    # Consultations of draft norms: anyone reads, comments and reads the answers (tests/participa/).
    "participa:consultas",
    "participa:consulta",
    "participa:consulta_comentar",
    "participa:consulta_recibido",
    "participa:consulta_matriz",
    "participa:consulta_matriz_csv",
    "participa:consulta_matriz_pdf",
    # Participation: accountability and the participatory budget (their forms are public by design).
    "participa:rendicion",
    "participa:rendicion_proceso",
    "participa:rendicion_preguntar",
    "participa:planeacion",
    "participa:planeacion_proceso",
    "participa:planeacion_proponer",
    "participa:planeacion_votar",
    "participa:planeacion_gracias",
    # PQRSD: anyone files and reads the report; a radicado's pages open only for whoever proved to know it
    # (radicado plus e-mail or code, or the signed link of an e-mail), tested in tests/ventanilla/.
    "ventanilla:inicio",
    "ventanilla:nueva",
    "ventanilla:constancia",
    "ventanilla:consulta",
    "ventanilla:detalle",
    "ventanilla:adjunto",
    "ventanilla:enlace",
    "ventanilla:informe",
    "ventanilla:informe_csv",
    "ventanilla:informe_xlsx",
    "ventanilla:verificar",
    "ventanilla:verificar_codigo",
    # The preview of a draft or revision: for who may edit or publish it and for a signed share link; 404 for
    # anyone else (tested in tests/portal/test_revisiones.py).
    "portal:vista_previa",
    # Online requests of fichas marked for it (404 for the others).
    "tramites:solicitar",
    "servicios:solicitar",
    # The admin's own door and the pages it needs before a login.
    "admin:login",
    "admin:logout",
    "admin:jsi18n",
    "admin:view_on_site",
}
VALORES = {"int": "1", "slug": "x", "str": "x", "path": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def rutas(patrones=None, prefijo="", espacio=""):
    for patron in patrones if patrones is not None else get_resolver().url_patterns:
        if isinstance(patron, URLResolver):
            nombre = f"{espacio}{patron.namespace}:" if patron.namespace else espacio
            yield from rutas(patron.url_patterns, prefijo + str(patron.pattern), nombre)
        elif isinstance(patron, URLPattern):
            yield (f"{espacio}{patron.name}" if patron.name else None), prefijo + str(patron.pattern)


def ejemplo(ruta):
    """A concrete address for a route pattern (converters replaced by sample values)."""
    ruta = re.sub(r"<(?:(\w+):)?\w+>", lambda m: VALORES.get(m.group(1) or "str", "x"), ruta)
    ruta = ruta.replace("^", "").replace("$", "").replace("\\Z", "")
    ruta = re.sub(r"\(\?P<\w+>[^)]*\)", "1", ruta)
    return "/" + ruta


def protegidas():
    for nombre, ruta in rutas():
        if nombre in PUBLICAS or ruta.lstrip("^").startswith(("static/", "media/")):
            continue
        yield nombre, ejemplo(ruta)


def test_la_lista_de_publicas_existe():
    nombres = {nombre for nombre, _ in rutas()}
    assert nombres >= PUBLICAS, PUBLICAS - nombres


@pytest.mark.parametrize(("nombre", "url"), list(protegidas()), ids=lambda v: str(v))
def test_anonimo_va_a_iniciar_sesion(client, nombre, url):
    respuesta = client.get(url)
    assert respuesta.status_code == 302, f"{nombre} {url} respondió {respuesta.status_code}"
    assert respuesta["Location"].startswith(reverse("admin:login")), respuesta["Location"]


@pytest.mark.parametrize(
    ("nombre", "url"),
    [(n, u) for n, u in protegidas() if n and not n.startswith("admin:")],
    ids=lambda v: str(v),
)
def test_sin_el_grupo_correcto_responde_403(client, nombre, url):
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[crear_dependencia()]))
    assert client.get(url).status_code in (403, 404), f"{nombre} {url}"  # 404: the sample object does not exist


def test_en_la_administracion_cada_modelo_exige_su_permiso(client):
    """A staff user with no group at all gets 403 on every model of the admin."""
    client.force_login(crear_usuario())
    for modelo in admin.site._registry:
        opts = modelo._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert client.get(url).status_code == 403, url


def _borrador(modelo, dependencia, nombre):
    from tests.portal.factories import crear_publicable

    if modelo._meta.model_name in ("tramite", "servicio"):
        slug = nombre.lower().replace(" ", "-")
        return modelo.objects.create(nombre=nombre, slug=slug, dependencia=dependencia)
    return crear_publicable(modelo, publicado=False, dependencia=dependencia, titulo=nombre)


def _modelos_por_dependencia():
    from portal.models import Documento, Evento, Noticia
    from servicios.models import Servicio
    from tramites.models import Tramite

    return [Noticia, Documento, Evento, Tramite, Servicio]


@pytest.mark.parametrize("modelo", _modelos_por_dependencia(), ids=lambda m: m._meta.model_name)
def test_el_funcionario_solo_toca_lo_de_sus_dependencias_en_cada_modelo(client, modelo):
    propia, ajena = crear_dependencia(nombre="Secretaría de Gobierno"), crear_dependencia(nombre="Tesorería Ajena")
    mio = _borrador(modelo, propia, "Borrador propio")
    otro = _borrador(modelo, ajena, "Borrador ajeno")
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[propia]))
    opts = modelo._meta
    lista = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert lista.status_code == 200
    html = lista.content.decode()
    assert "Borrador propio" in html and "Borrador ajeno" not in html
    assert 'value="publicar"' not in html  # the publish action is not offered to officials
    cambio = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[otro.pk])
    assert client.get(cambio).status_code == 302  # as if it did not exist
    borrar = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[otro.pk])
    client.post(borrar, {"post": "yes"})
    assert modelo.objects.filter(pk=otro.pk).exists()
    client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        {"action": "delete_selected", "_selected_action": [otro.pk], "post": "yes"},
    )
    assert modelo.objects.filter(pk=otro.pk).exists()
    alta = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).content.decode()
    lista_de_dependencias = alta.split('name="dependencia"')[1].split("</select>")[0]
    opciones = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", lista_de_dependencias)
    assert opciones == ["Secretaría de Gobierno"]  # the foreign key offers only their dependencias
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[mio.pk])).status_code == 200
