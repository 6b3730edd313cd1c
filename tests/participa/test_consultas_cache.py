"""Speed of the consultations' public pages: served from the page cache to anonymous visitors, a new comment
does not empty the cache (only moderation and answers do), the page changes at the closing moment, and the
number of queries does not grow with the articles and comments."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from participa import consultas_services as services
from participa.models import Comentario
from portal import cache_paginas, roles
from tests.portal.factories import crear_usuario

from .consultas_fabricas import cerrar, crear_comentario, crear_consulta

pytestmark = pytest.mark.django_db


@pytest.fixture
def con_cache(settings):
    settings.CACHE_PAGINAS_SEGUNDOS = 300


def _comentar(client, consulta, texto):
    return client.post(
        reverse("participa:consulta_comentar", args=[consulta.slug]),
        {"texto": texto, "tipo_autor": "persona", "nombre": "Ana", "correo": "ana@example.com", "articulo": ""},
    )


def test_el_texto_y_la_lista_salen_de_la_cache(client, con_cache, django_assert_num_queries):
    consulta = crear_consulta()
    for url in (consulta.get_absolute_url(), reverse("participa:consultas")):
        primera = client.get(url)
        assert "public" in primera["Cache-Control"]
        with django_assert_num_queries(0):
            segunda = client.get(url)
        assert segunda.content == primera.content and segunda["X-Cache"] == "HIT"


def test_un_comentario_nuevo_no_invalida_la_cache_pero_moderarlo_si(client, con_cache, django_assert_num_queries):
    consulta = crear_consulta()
    comite = crear_usuario(grupo=roles.COMITE)
    client.get(consulta.get_absolute_url())
    version = cache_paginas.version()
    anonimo = client.__class__()
    assert _comentar(anonimo, consulta, "Un aporte que espera moderación").status_code == 302
    assert cache_paginas.version() == version
    with django_assert_num_queries(0):
        assert "Un aporte que espera" not in client.get(consulta.get_absolute_url()).content.decode()
    services.comentario_moderar(comentario=Comentario.objects.get(), usuario=comite, publicar=True)
    assert cache_paginas.version() > version
    assert "Un aporte que espera moderación" in client.get(consulta.get_absolute_url()).content.decode()


def test_responder_invalida_la_cache(client, con_cache):
    consulta = crear_consulta()
    comite = crear_usuario(grupo=roles.COMITE)
    comentario = crear_comentario(consulta)
    cerrar(consulta)
    version = cache_paginas.version()
    services.comentario_responder(comentario=comentario, usuario=comite, sentido="acogido", respuesta="Sí.")
    assert cache_paginas.version() > version


def test_la_pagina_en_cache_no_pasa_del_cierre(con_cache):
    ahora = timezone.now()
    crear_consulta(cierra=ahora + timedelta(seconds=90))
    assert 0 < cache_paginas._segundos_validos(ahora) <= 90


def test_el_formulario_nunca_se_guarda_en_cache(client, con_cache):
    consulta = crear_consulta()
    url = reverse("participa:consulta_comentar", args=[consulta.slug])
    client.get(url)
    assert "X-Cache" not in client.get(url)


def _consultas_por_pagina(client, cuantos):
    """Queries of each public page with ``cuantos`` articles, comments and other consultations."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    consulta = crear_consulta(articulos=cuantos)
    for n in range(cuantos):
        crear_comentario(consulta, articulo=consulta.articulos.all()[n % cuantos], texto=f"Aporte {n}")
        crear_consulta(abierta=n % 2 == 0)
    cerrar(consulta)
    for comentario in consulta.comentarios.all():
        comentario.sentido, comentario.respuesta = "acogido", "Sí."
        comentario.save()
    consulta.respuestas_publicadas_en = timezone.now()
    consulta.save()
    client.get("/")  # the identity and the menus, created once
    cuentas = {}
    for nombre, url in (
        ("lista", reverse("participa:consultas")),
        ("texto", consulta.get_absolute_url()),
        ("matriz", reverse("participa:consulta_matriz", args=[consulta.slug])),
        ("csv", reverse("participa:consulta_matriz_csv", args=[consulta.slug])),
        ("pdf", reverse("participa:consulta_matriz_pdf", args=[consulta.slug])),
    ):
        with CaptureQueriesContext(connection) as consultas:
            assert client.get(url).status_code == 200
        cuentas[nombre] = len(consultas)
    return cuentas


def test_consultas_constantes_en_las_paginas_publicas(client):
    pocas = _consultas_por_pagina(client, 1)
    muchas = _consultas_por_pagina(client, 15)
    assert pocas == muchas, (pocas, muchas)
    assert max(muchas.values()) <= 6, muchas
