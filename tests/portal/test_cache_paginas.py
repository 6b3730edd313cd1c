"""The anonymous page cache: served from the cache, invalidated exactly when content changes (on every node
sharing the cache), never for logged-in users, never past a scheduled publication or expiry."""

import pytest
from django.utils import timezone

from portal import cache_paginas, roles
from portal.models import Noticia

from .factories import crear_dependencia, crear_publicable, crear_usuario

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def con_cache(settings):
    settings.CACHE_PAGINAS_SEGUNDOS = 300


def test_se_sirve_desde_la_cache_con_cabeceras_para_proxies(client, django_assert_num_queries):
    crear_publicable(Noticia, titulo="Feria del café")
    primera = client.get("/noticias/")
    assert "public" in primera["Cache-Control"] and "max-age=60" in primera["Cache-Control"]
    with django_assert_num_queries(0):
        segunda = client.get("/noticias/")
    assert segunda.content == primera.content


def test_publicar_o_editar_invalida_al_instante(client):
    noticia = crear_publicable(Noticia, titulo="Antes")
    assert "Antes" in client.get("/noticias/").content.decode()
    noticia.titulo = "Después"
    noticia.save()
    assert "Después" in client.get("/noticias/").content.decode()
    comite = crear_usuario(grupo=roles.COMITE)
    nueva = crear_publicable(Noticia, titulo="Recién publicada", publicado=False)
    from portal import services

    services.publicable_cambiar_estado(objeto=nueva, usuario=comite, transicion="publicar")
    assert "Recién publicada" in client.get("/noticias/").content.decode()


def test_la_version_es_compartida_entre_nodos(client):
    crear_publicable(Noticia, titulo="Uno")
    client.get("/noticias/")
    antes = cache_paginas.version()
    cache_paginas.invalidar()  # what a save on another node does to the shared cache
    assert cache_paginas.version() == antes + 1


def test_una_publicacion_programada_limita_el_tiempo_en_cache():
    ahora = timezone.now()
    crear_publicable(Noticia, publicar_desde=ahora + timezone.timedelta(seconds=90))
    assert 0 < cache_paginas._segundos_validos(ahora) <= 90
    assert cache_paginas.proximo_cambio(ahora) is not None


def test_los_usuarios_con_sesion_nunca_usan_la_cache(client):
    crear_publicable(Noticia, titulo="Visible")
    client.get("/noticias/")
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[crear_dependencia()]))
    respuesta = client.get("/noticias/")
    assert "public" not in respuesta.get("Cache-Control", "")


def test_la_encuesta_y_la_busqueda_no_se_guardan(client):
    for url in ("/participa/encuesta/", "/buscar/?q=cafe"):
        respuesta = client.get(url)
        assert "public" not in respuesta.get("Cache-Control", ""), url


def test_la_version_sube_otra_vez_al_confirmar_el_cambio(django_capture_on_commit_callbacks):
    antes = cache_paginas.version()
    with django_capture_on_commit_callbacks(execute=True):
        crear_publicable(Noticia, titulo="Confirmada")
        durante = cache_paginas.version()
    # A page rendered between the save and the commit (from the old data) stays under a version left behind.
    assert antes < durante < cache_paginas.version()


def test_una_cache_vaciada_nunca_repite_una_version():
    from django.core.cache import cache

    cache_paginas.invalidar()
    antes = cache_paginas.version()
    cache.clear()  # Redis restarted without persistence
    assert cache_paginas.version() > antes


def test_con_cache_compartida_la_identidad_se_lee_una_vez_por_version(client, settings, django_assert_num_queries):
    from portal.models import Municipio

    settings.CACHE_COMPARTIDA = True
    settings.CACHE_PAGINAS_SEGUNDOS = 0  # every page rendered: what it shows is kept per content version
    crear_publicable(Noticia, titulo="Feria del café")
    client.get("/noticias/")
    with django_assert_num_queries(0):  # the news page: nothing for the identity, the categories nor the list
        client.get("/noticias/")
    municipio = Municipio.objects.actual()
    municipio.entidad = "Alcaldía Municipal de Prueba"
    municipio.save()  # on any node: the shared version moves and every process reads the identity again
    assert "Alcaldía Municipal de Prueba" in client.get("/noticias/").content.decode()


def test_con_cache_compartida_el_inicio_guarda_sus_listas_por_version(client, settings, django_assert_max_num_queries):
    from tramites.models import Tramite

    settings.CACHE_COMPARTIDA = True
    settings.CACHE_PAGINAS_SEGUNDOS = 0
    dependencia = crear_dependencia(nombre="Secretaría de Gobierno")
    crear_publicable(Noticia, titulo="Feria del café", dependencia=dependencia)
    client.get("/")
    with django_assert_max_num_queries(2):  # the news and the events: dependencias, accesos, identity are kept
        assert "Secretaría de Gobierno" in client.get("/").content.decode()
    Tramite.objects.create(
        nombre="Certificado de residencia",
        slug="certificado-de-residencia",
        dependencia=dependencia,
        destacado=True,
        estado="publicado",
        publicar_desde=timezone.now() - timezone.timedelta(minutes=1),
    )
    assert "Certificado de residencia" in client.get("/").content.decode()  # saved: the version moved


def test_invalidar_con_la_cache_vaciada_tampoco_repite_una_version():
    from django.core.cache import cache

    antes = cache_paginas.version()
    cache.clear()
    cache_paginas.invalidar()  # a save right after Redis lost its data
    assert cache_paginas.version() > antes


def test_con_cache_compartida_el_pie_se_arma_una_vez_por_version_y_sigue_al_dia(client, settings):
    from portal.models import Municipio

    settings.CACHE_COMPARTIDA = True
    settings.CACHE_PAGINAS_SEGUNDOS = 0
    client.get("/")
    municipio = Municipio.objects.actual()
    municipio.direccion = "Carrera 3 # 4-56, Parque principal"  # shown only in the footer
    municipio.save()
    assert "Carrera 3 # 4-56, Parque principal" in client.get("/noticias/").content.decode()
    # What depends on the request is never kept: the search box shows what this visitor searched.
    assert 'value="feria"' in client.get("/buscar/", {"q": "feria"}).content.decode()
    assert 'value="cafe"' in client.get("/buscar/", {"q": "cafe"}).content.decode()


@pytest.fixture
def memoria_por_version(settings):
    """Pages rendered every time (no page cache), with each process keeping data per content version, as a
    logged-in official or a page with a query string sees the portal in production."""
    settings.CACHE_COMPARTIDA = True
    settings.CACHE_PAGINAS_SEGUNDOS = 0


@pytest.mark.parametrize("pagina", ["ficha", "noticia", "documentos", "catalogo"])
def test_las_paginas_guardan_sus_datos_por_version_y_siguen_al_dia(
    client, memoria_por_version, django_assert_num_queries, pagina
):
    from portal.models import Documento, SubseccionTransparencia
    from tramites.models import Tramite

    dependencia = crear_dependencia()
    if pagina == "ficha":
        objeto = crear_publicable(
            Tramite, nombre="Licencia de funcionamiento", slug="licencia", dependencia=dependencia
        )
        url, campo = objeto.get_absolute_url(), "nombre"
    elif pagina == "catalogo":
        objeto = crear_publicable(
            Tramite, nombre="Licencia de funcionamiento", slug="licencia", dependencia=dependencia
        )
        url, campo = "/tramites/", "nombre"
    elif pagina == "noticia":
        objeto = crear_publicable(Noticia, titulo="Feria del café", dependencia=dependencia)
        url, campo = objeto.get_absolute_url(), "titulo"
    else:
        subseccion = SubseccionTransparencia.objects.first()
        objeto = crear_publicable(Documento, titulo="Presupuesto 2027", dependencia=dependencia)
        objeto.subsecciones.add(subseccion)
        url, campo = subseccion.get_absolute_url(), "titulo"
    client.get(url)
    with django_assert_num_queries(0):  # the second view reads nothing: not the item, nor its list
        segunda = client.get(url)
    assert segunda.status_code == 200
    setattr(objeto, campo, "Texto corregido por la dependencia")
    objeto.save()  # on any node: the shared version moves, every process reads the item again
    assert "Texto corregido por la dependencia" in client.get(url).content.decode()


def test_una_publicacion_programada_aparece_a_su_hora_aunque_nada_se_guarde(client, memoria_por_version, monkeypatch):
    ahora = timezone.now()
    noticia = crear_publicable(
        Noticia, titulo="Jornada de vacunación", publicar_desde=ahora + timezone.timedelta(hours=1)
    )
    assert "Jornada de vacunación" not in client.get("/noticias/").content.decode()
    assert client.get(noticia.get_absolute_url()).status_code == 404
    despues = ahora + timezone.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: despues)
    assert "Jornada de vacunación" in client.get("/noticias/").content.decode()
    assert client.get(noticia.get_absolute_url()).status_code == 200


def test_la_memoria_del_proceso_tiene_un_tope(memoria_por_version, monkeypatch):
    monkeypatch.setattr(cache_paginas, "MAXIMO_EN_PROCESO", 3)
    monkeypatch.setattr(cache_paginas, "_del_proceso", cache_paginas.collections.OrderedDict())
    for numero in range(10):
        cache_paginas.por_version(f"pagina:{numero}", lambda: "x" * 1000)
    assert list(cache_paginas._del_proceso) == ["pagina:7", "pagina:8", "pagina:9"]
