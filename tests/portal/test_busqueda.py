"""Site-wide search: accents, case and plurals on every database, ranking, synonyms, drafts never shown,
bad input, statistics for the committee, and a constant number of queries."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from portal import busqueda
from portal.models import ConsultaBusqueda, Dependencia, Documento, Estado, Noticia, Sinonimo
from tramites.models import Tramite

from .factories import crear_dependencia, crear_publicable

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def indexar_sin_esperar(monkeypatch):
    """The index is written when the saving transaction commits; tests run inside one that never does."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda funcion, *args, **kwargs: funcion())


def resultados(client, q, **extra):
    html = client.get(reverse("portal:buscar"), {"q": q, **extra}).content.decode()
    return html


def titulos(client, q, **extra):
    html = resultados(client, q, **extra)
    if 'class="resultados"' not in html:
        return []
    lista = html.split('class="resultados"')[1].split("</ol>")[0]
    import re

    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r'class="resultado__titulo" href="[^"]*">(.*?)</a>', lista)]


def tramite(nombre, **campos):
    return Tramite.objects.create(
        nombre=nombre,
        slug=campos.pop("slug", None) or slugify(nombre)[:50],
        dependencia=campos.pop("dependencia", None) or crear_dependencia(),
        estado=campos.pop("estado", Estado.PUBLICADO),
        publicar_desde=campos.pop("publicar_desde", timezone.now() - timezone.timedelta(days=1)),
        **campos,
    )


def test_ignora_tildes_y_mayusculas(client):
    crear_publicable(Noticia, titulo="Programa de jubilación para caficultores", resumen="Ayuda a la vejez.")
    tramite("Certificado de residencia", proposito="Trámite para demostrar dónde vive.")
    assert titulos(client, "jubilacion") == ["Programa de jubilación para caficultores"]
    assert titulos(client, "JUBILACIÓN") == ["Programa de jubilación para caficultores"]
    assert "Certificado de residencia" in titulos(client, "TRAMITE")


def test_plurales_y_formas_de_la_misma_palabra(client):
    tramite("Licencia de construcción")
    assert titulos(client, "licencias construccion") == ["Licencia de construcción"]
    assert titulos(client, "construcciones") == ["Licencia de construcción"]


def test_el_nombre_exacto_va_primero(client):
    tramite("Paz y salvo predial", proposito="Certificado de que no debe impuesto predial.")
    tramite("Impuesto predial unificado", tambien_conocido_como="predial")
    crear_publicable(Noticia, titulo="Descuentos en el impuesto predial unificado por pronto pago")
    assert titulos(client, "impuesto predial unificado")[0] == "Impuesto predial unificado"
    assert titulos(client, "Paz y salvo predial")[0] == "Paz y salvo predial"


def test_sinonimos_editables(client):
    tramite("Impuesto predial unificado")
    assert titulos(client, "predial") == ["Impuesto predial unificado"]
    tramite("Registro de marcas de ganado")
    assert titulos(client, "hierro") == ["Registro de marcas de ganado"]
    Sinonimo.objects.create(termino="vaca", equivalentes="ganado")
    assert titulos(client, "vaca") == ["Registro de marcas de ganado"]


def test_borradores_programados_y_vencidos_nunca_aparecen(client):
    crear_publicable(Noticia, titulo="Feria campesina publicada")
    crear_publicable(Noticia, titulo="Feria campesina en borrador", publicado=False)
    manana = timezone.now() + timezone.timedelta(days=1)
    crear_publicable(Noticia, titulo="Feria campesina programada", publicar_desde=manana)
    crear_publicable(
        Noticia, titulo="Feria campesina vencida", publicar_hasta=timezone.now() - timezone.timedelta(hours=1)
    )
    crear_publicable(Documento, titulo="Acta de la feria campesina", publicado=False)
    assert titulos(client, "feria campesina") == ["Feria campesina publicada"]
    entradas = busqueda.buscar("feria campesina", ahora=manana + timezone.timedelta(minutes=1)).entradas
    assert "Feria campesina programada" in [e.titulo for e in entradas]


def test_despublicar_o_borrar_saca_del_indice(client):
    noticia = crear_publicable(Noticia, titulo="Convocatoria de empleo")
    assert titulos(client, "convocatoria") == ["Convocatoria de empleo"]
    Noticia.objects.get(pk=noticia.pk)
    noticia.estado = Estado.ARCHIVADO
    noticia.save()
    assert titulos(client, "convocatoria") == []
    dependencia = crear_dependencia(nombre="Oficina de la Juventud")
    assert titulos(client, "juventud") == ["Oficina de la Juventud"]
    dependencia.delete()
    assert titulos(client, "juventud") == []


def test_resalta_las_palabras_y_filtra_por_tipo(client):
    crear_publicable(Noticia, titulo="Vacunación en las veredas", resumen="Jornada de vacunación casa a casa.")
    tramite("Certificado de vacunación animal")
    html = resultados(client, "vacunacion")
    assert "<mark>Vacunación</mark> en las veredas" in html
    assert "Noticias (1)" in html and "Trámites (1)" in html
    assert titulos(client, "vacunacion", tipo="tramites") == ["Certificado de vacunación animal"]


def test_sin_resultados_sugiere_los_catalogos_y_cuenta_la_busqueda(client):
    tramite("Certificado de residencia", destacado=True)
    html = resultados(client, "pasaporte")
    assert "No encontramos resultados para «pasaporte»" in html
    assert reverse("tramites:catalogo") in html
    assert "Certificado de residencia" in html  # the most used trámites
    resultados(client, "Pasaporte")
    consulta = ConsultaBusqueda.objects.get(termino="pasaporte")
    assert (consulta.veces, consulta.sin_resultados) == (2, 2)
    resultados(client, "residencia")
    assert ConsultaBusqueda.objects.get(termino="residencia").sin_resultados == 0


@pytest.mark.parametrize(
    "consulta",
    [
        '"; DROP TABLE portal_noticia; --',
        "' OR 1=1 --",
        "<script>alert('x')</script>",
        "🌽🌽 maíz",
        "a\x00b\x07c\x1b",
        "certificado " * 1000,
        "x" * 10_000,
        "%_\\",
    ],
)
def test_cualquier_consulta_da_una_pagina_normal(client, consulta):
    tramite("Certificado de residencia")
    respuesta = client.get(reverse("portal:buscar"), {"q": consulta})
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "<script>alert" not in html
    assert "\x00" not in html
    campo = html.split('id="buscar-q"')[1].split(">")[0]
    assert len(campo) < 400  # the query shown back is cut to 200 characters


def test_la_busqueda_hace_un_numero_fijo_de_consultas(client, django_assert_max_num_queries):
    dependencia = crear_dependencia()
    for i in range(60):
        crear_publicable(Noticia, titulo=f"Obra número {i} en la vereda", dependencia=dependencia)
    for params in [{"q": "vereda"}, {"q": "vereda", "pagina": "3"}, {"q": "vereda", "tipo": "noticias"}]:
        # identity (3), synonyms, counts per type, the page, and counting the search (up to 5 the first time
        # of the day: the old counts are pruned then)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("portal:buscar"), params).status_code == 200


def test_reindexar_reconstruye_todo(client):
    crear_publicable(Noticia, titulo="Mercado campesino")
    Dependencia.objects.create(nombre="Tesorería", slug="tesoreria")
    from portal.models import EntradaBusqueda

    EntradaBusqueda.objects.all().delete()
    assert titulos(client, "mercado") == []
    assert busqueda.reindexar() >= 2
    assert titulos(client, "mercado") == ["Mercado campesino"]
    assert titulos(client, "tesoreria") == ["Tesorería"]


def test_el_indice_se_actualiza_al_confirmar_la_transaccion(django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        crear_publicable(Noticia, titulo="Cabalgata de las fiestas")
        entradas = busqueda.buscar("cabalgata").entradas
        assert not entradas.exists()  # not before the commit
    assert len(callbacks) >= 1
    entradas = busqueda.buscar("cabalgata").entradas
    assert [e.titulo for e in entradas] == ["Cabalgata de las fiestas"]


def test_con_cache_compartida_la_busqueda_se_ordena_una_vez_y_sigue_contando(
    client, settings, django_assert_max_num_queries
):
    settings.CACHE_PAGINAS_SEGUNDOS = 300
    tramite("Impuesto predial unificado")
    assert titulos(client, "predial") == ["Impuesto predial unificado"]
    with django_assert_max_num_queries(4):  # count the search, identity, policies: no ranking
        assert titulos(client, "Predial") == ["Impuesto predial unificado"]
    assert ConsultaBusqueda.objects.get(termino="predial").veces == 2
    crear_publicable(Noticia, titulo="Descuento en el predial por pronto pago")
    assert "Descuento en el predial por pronto pago" in titulos(client, "predial")  # new content: ranked again


def test_una_palabra_que_esta_en_todo_no_se_cuenta_ni_ordena_entera(client, monkeypatch):
    """Past TOPE matches the page says «más de», ranks only the most recent ones, and still puts an exact
    title first however old it is; adding a word brings back the exact count."""
    monkeypatch.setattr(busqueda, "TOPE", 3)
    ahora = timezone.now()
    dependencia = crear_dependencia()
    for dias in range(5, 0, -1):  # "Mercado campesino 5" is the oldest
        crear_publicable(
            Noticia,
            titulo=f"Mercado campesino {dias}",
            publicar_desde=ahora - timezone.timedelta(days=dias),
            dependencia=dependencia,
        )
    tramite("Mercado", publicar_desde=ahora - timezone.timedelta(days=400))
    html = resultados(client, "mercado")
    assert "Más de 3 resultados para «mercado»" in html
    assert "Todo (más de 3)" in html
    assert ">Trámites</a>" in html and ">Noticias</a>" in html  # too many to count by type: no counts
    # The exact title first, though a year older than everything else; then the newest, up to TOPE.
    assert titulos(client, "mercado") == ["Mercado", "Mercado campesino 1", "Mercado campesino 2"]
    html = resultados(client, "mercado", tipo="tramites")
    assert "1 resultado para «mercado» en trámites" in html
    assert "Trámites (1)" in html and "Todo (más de 3)" in html
    html = resultados(client, "mercado campesino 5")
    assert "1 resultado para «mercado campesino 5»" in html  # narrowed: counted again


def test_la_busqueda_lee_lo_mismo_con_diez_o_con_mil_coincidencias(client, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(busqueda, "TOPE", 20)
    dependencia = crear_dependencia()
    for i in range(30):
        crear_publicable(Noticia, titulo=f"Vereda número {i}", dependencia=dependencia)
    for params in [{"q": "vereda"}, {"q": "vereda", "tipo": "noticias"}, {"q": "vereda", "pagina": "2"}]:
        with django_assert_max_num_queries(13):  # one more the first time of the day: pruning old counts
            respuesta = client.get(reverse("portal:buscar"), params)
        assert "Más de 20 resultados" in respuesta.content.decode()


def test_sin_fts5_sqlite_encuentra_lo_mismo_leyendo_la_tabla(client, monkeypatch):
    """A Python whose SQLite lacks FTS5 (migration 0017 then creates nothing) still searches, only slower."""
    monkeypatch.setattr(busqueda, "_hay_fts5", lambda: False)
    tramite("Licencia de construcción")
    crear_publicable(Noticia, titulo="Programa de jubilación para caficultores")
    assert titulos(client, "construcciones") == ["Licencia de construcción"]
    assert titulos(client, "JUBILACION caficultor") == ["Programa de jubilación para caficultores"]


def test_una_conexion_agrega_pocas_filas_de_estadistica(client, settings):
    settings.BUSQUEDA_TERMINOS_NUEVOS_POR_CLIENTE = 5
    for i in range(40):
        client.get(reverse("portal:buscar"), {"q": f"consulta{i}"}, REMOTE_ADDR="203.0.113.9")
    assert ConsultaBusqueda.objects.count() == 5
    # Terms already counted today still count; another connection still adds its own.
    client.get(reverse("portal:buscar"), {"q": "consulta0"}, REMOTE_ADDR="203.0.113.9")
    assert ConsultaBusqueda.objects.get(termino="consulta0").veces == 2
    client.get(reverse("portal:buscar"), {"q": "alcaldia"}, REMOTE_ADDR="198.51.100.4")
    assert ConsultaBusqueda.objects.filter(termino="alcaldia").exists()


def test_las_estadisticas_viejas_se_podan(client, settings):
    settings.BUSQUEDA_CONSERVAR_DIAS = 30
    hoy = timezone.localdate()
    ConsultaBusqueda.objects.create(termino="antigua", dia=hoy - timezone.timedelta(days=31), veces=3)
    ConsultaBusqueda.objects.create(termino="reciente", dia=hoy - timezone.timedelta(days=29), veces=3)
    client.get(reverse("portal:buscar"), {"q": "nueva"})
    assert set(ConsultaBusqueda.objects.values_list("termino", flat=True)) == {"reciente", "nueva"}


def test_resaltado_solo_de_palabras_enteras_y_sin_palabras_vacias():
    html = busqueda.resaltar(
        "Usted pide la Orden de pago del certificado. Licencias de construcción.", "orden de licencias"
    )
    assert "<mark>Orden</mark>" in html and "<mark>Licencias</mark>" in html
    assert "<mark>de</mark>" not in html and "pi<mark>" not in html and "Or<mark>" not in html


def test_el_fragmento_de_una_ficha_empieza_por_su_proposito(client):
    tramite(
        "Certificado de residencia",
        tambien_conocido_como="constancia de residencia, certificado de vecindad",
        proposito="Certifica que usted vive en el municipio.",
    )
    html = resultados(client, "vecindad residencia")
    fragmento = html.split('class="resultado__titulo"')[1].split("<p>", 1)[1].split("</p>")[0]
    assert fragmento.startswith("Certifica que usted vive")


@pytest.mark.parametrize(
    "escrito", ["residensia", "residenca", "esidencia", "recidencia", "residenciaa", "rseidencia"]
)
def test_tolera_un_error_en_palabras_largas(client, escrito):
    tramite("Certificado de residencia")
    assert titulos(client, f"certificado {escrito}") == ["Certificado de residencia"]
    html = resultados(client, escrito)
    assert "No encontramos «" in html and "<mark>residencia</mark>" in html.lower()


def test_no_corrige_palabras_cortas_ni_dos_errores(client):
    tramite("Certificado de residencia")
    tramite("Paz y salvo")
    assert titulos(client, "pez") == []
    assert titulos(client, "resydensia") == []


def test_la_correccion_no_cuesta_nada_cuando_hay_resultados(client, monkeypatch):
    tramite("Certificado de residencia")
    monkeypatch.setattr(busqueda, "corregir", lambda consulta: pytest.fail("no debía corregir"))
    assert titulos(client, "residencia") == ["Certificado de residencia"]


def test_reindexar_llena_el_vocabulario():
    from portal.models import PalabraBusqueda

    tramite("Licencia de construcción")
    PalabraBusqueda.objects.all().delete()
    busqueda.reindexar()
    assert {"licencia", "construccion"} <= set(PalabraBusqueda.objects.values_list("palabra", flat=True))
    assert busqueda.corregir("licensia de construcsion") == "licencia de construccion"
