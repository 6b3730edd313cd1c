"""Issue 16 for the institutional sections of /municipio/ and /alcaldia/: they follow the publication workflow
like every other publishable kind (revisions, preview, workflow buttons), and only their live published version
is ever public. Also the migration that brought the existing rows into the workflow."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from portal import busqueda, cache_paginas, metrics, vista_previa
from portal.models import Estado, SeccionInstitucional

from .factories import crear_publicable

AVISO = "Está editando una revisión; la versión publicada sigue visible hasta que el comité la publique"


def url_cambio(seccion):
    return reverse("admin:portal_seccioninstitucional_change", args=[seccion.pk])


def formulario(seccion, **extra):
    datos = {
        "titulo": seccion.titulo,
        "contenido": seccion.contenido,
        "orden": seccion.orden,
        "imagen_alt": "",
        "dependencia": seccion.dependencia_id,
        "version_del_formulario": seccion.version,
    }
    datos.update(extra)
    if not any(clave.startswith("_") for clave in extra):
        datos["_guardar_borrador"] = "Guardar borrador"
    return datos


def publico():
    return Client()  # no session: what an anonymous visitor (and the page cache) gets


@pytest.fixture
def mision(gobierno):
    return crear_publicable(
        SeccionInstitucional,
        dependencia=gobierno,
        pagina="alcaldia",
        clave="mision",
        titulo="Misión",
        contenido="<p>Misión antigua.</p>",
    )


@pytest.mark.django_db
def test_editar_una_seccion_publicada_crea_una_revision_y_el_comite_la_publica(client, funcionario, comite, mision):
    client.force_login(funcionario)
    assert AVISO in client.get(url_cambio(mision)).content.decode()
    respuesta = client.post(url_cambio(mision), formulario(mision, contenido="<p>Misión nueva.</p>"))
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]

    revision = SeccionInstitucional.objects.get(revision_de=mision)
    # Same page and anchor as its live section: the unique constraint only counts live sections.
    assert (revision.pagina, revision.clave, revision.estado) == ("alcaldia", "mision", Estado.BORRADOR)
    mision.refresh_from_db()
    assert mision.contenido == "<p>Misión antigua.</p>" and mision.estado == Estado.PUBLICADO
    pagina = publico().get("/alcaldia/").content.decode()
    assert "Misión antigua." in pagina and "Misión nueva." not in pagina
    assert pagina.count('id="mision"') == 1

    respuesta = client.post(url_cambio(revision), formulario(revision, _enviar_a_revision="Enviar a revisión"))
    assert respuesta.status_code == 302
    revision.refresh_from_db()
    assert revision.estado == Estado.EN_REVISION
    assert "Misión antigua." in publico().get("/alcaldia/").content.decode()

    client.force_login(comite)
    respuesta = client.post(url_cambio(revision), formulario(revision, _publicar="Publicar"))
    assert respuesta.status_code == 302
    assert not SeccionInstitucional.objects.filter(pk=revision.pk).exists()
    mision.refresh_from_db()
    assert mision.contenido == "<p>Misión nueva.</p>" and mision.clave == "mision"
    pagina = publico().get("/alcaldia/").content.decode()
    assert "Misión nueva." in pagina and "Misión antigua." not in pagina


@pytest.mark.django_db
def test_un_funcionario_de_otra_dependencia_no_edita_la_seccion(client, hacienda, mision):
    from portal import roles

    from .factories import crear_usuario

    otro = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[hacienda])
    client.force_login(otro)
    client.post(url_cambio(mision), formulario(mision, contenido="<p>Intruso.</p>"))
    assert not SeccionInstitucional.objects.filter(revision_de=mision).exists()
    mision.refresh_from_db()
    assert mision.contenido == "<p>Misión antigua.</p>"


@pytest.mark.django_db
def test_un_borrador_ni_una_revision_se_ven_en_el_sitio_ni_cuentan_como_publicados(
    funcionario, gobierno, django_capture_on_commit_callbacks
):
    from portal import services

    with django_capture_on_commit_callbacks(execute=True):
        mision = crear_publicable(
            SeccionInstitucional, dependencia=gobierno, clave="mision", contenido="<p>Misión antigua.</p>"
        )
        crear_publicable(
            SeccionInstitucional,
            publicado=False,
            dependencia=gobierno,
            clave="vision",
            contenido="<p>Visión oculta.</p>",
        )
        revision, _mapa = services.publicable_crear_revision(objeto=mision, usuario=funcionario)
        revision.contenido = "<p>Misión oculta.</p>"
        revision.save()

    pagina = publico().get("/alcaldia/").content.decode()
    assert "Visión oculta." not in pagina and 'id="vision"' not in pagina
    assert "Misión oculta." not in pagina and "Misión antigua." in pagina
    assert metrics.seccion_institucional_publicada("alcaldia", "mision")
    assert not metrics.seccion_institucional_publicada("alcaldia", "vision")
    assert busqueda.buscar("oculta").total == 0
    assert [e.url for e in busqueda.buscar("antigua").entradas] == ["/alcaldia/#mision"]


@pytest.mark.django_db
def test_dos_secciones_vivas_no_comparten_ancla(gobierno, mision):
    with pytest.raises(IntegrityError), transaction.atomic():
        crear_publicable(SeccionInstitucional, dependencia=gobierno, pagina="alcaldia", clave="mision")


@pytest.mark.django_db
def test_vista_previa_de_una_revision_para_el_comite(client, funcionario, comite, gobierno, mision):
    from portal import services

    crear_publicable(
        SeccionInstitucional, dependencia=gobierno, clave="vision", titulo="Visión", contenido="<p>Visión.</p>"
    )
    revision, _mapa = services.publicable_crear_revision(objeto=mision, usuario=funcionario)
    SeccionInstitucional.objects.filter(pk=revision.pk).update(contenido="<p>Misión en revisión.</p>")

    client.force_login(comite)
    formulario_admin = client.get(url_cambio(revision)).content.decode()
    assert vista_previa.url(revision) in formulario_admin
    respuesta = client.get(vista_previa.url(revision))
    assert respuesta.status_code == 200
    assert respuesta["Cache-Control"] == "private, no-store"
    pagina = respuesta.content.decode()
    # The page as it will be: the revised text in place of the live one, the other sections as they are.
    assert "Misión en revisión." in pagina and "Misión antigua." not in pagina
    assert "<p>Visión.</p>" in pagina and pagina.count('id="mision"') == 1
    assert publico().get(vista_previa.url(revision)).status_code == 404
    assert "Misión en revisión." not in publico().get("/alcaldia/").content.decode()


# --- the migration ------------------------------------------------------------------------------------------

ANTES = [("portal", "0024_campana_pasa_a_participa")]


def _migrar(destino):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(destino)
    return executor.loader.project_state(destino).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_la_migracion_deja_publicadas_las_secciones_que_ya_existian():
    ultimas = MigrationExecutor(connection).loader.graph.leaf_nodes()
    viejas = _migrar(ANTES)
    Seccion = viejas.get_model("portal", "SeccionInstitucional")
    Dependencia = viejas.get_model("portal", "Dependencia")

    # A database without any dependencia: its empty placeholders go, a section with text is kept.
    Seccion.objects.create(pagina="alcaldia", clave="vision", titulo="Visión")
    Seccion.objects.create(pagina="alcaldia", clave="mision", titulo="Misión", contenido="<p>Servir.</p>")
    _migrar(ultimas)
    seccion = SeccionInstitucional.objects.get()
    assert seccion.clave == "mision" and seccion.esta_vigente
    assert seccion.dependencia.slug == "despacho-del-alcalde"

    # A database with dependencias: every row stays, published, owned by the mayor's office.
    viejas = _migrar(ANTES)
    Seccion = viejas.get_model("portal", "SeccionInstitucional")
    Dependencia = viejas.get_model("portal", "Dependencia")
    Seccion.objects.all().delete()
    Dependencia.objects.all().delete()
    Dependencia.objects.create(nombre="Secretaría de Gobierno", slug="gobierno", orden=1)
    despacho = Dependencia.objects.create(nombre="Despacho del Alcalde", slug="despacho-del-alcalde", orden=2)
    Seccion.objects.create(pagina="municipio", clave="historia", titulo="Historia", contenido="<p>Fundado.</p>")
    Seccion.objects.create(pagina="alcaldia", clave="organigrama", titulo="Organigrama")
    _migrar(ultimas)
    secciones = list(SeccionInstitucional.objects.order_by("clave"))
    assert [s.clave for s in secciones] == ["historia", "organigrama"]
    assert all(s.esta_vigente and s.dependencia_id == despacho.pk for s in secciones)
    cache_paginas.invalidar()  # the migration wrote without signals
    assert "Fundado." in publico().get("/municipio/").content.decode()
    SeccionInstitucional.objects.all().delete()


@pytest.mark.django_db
def test_el_comite_agrega_una_seccion_y_la_publica_desde_la_administracion(client, comite, gobierno):
    client.force_login(comite)
    assert client.get(reverse("admin:portal_seccioninstitucional_changelist")).status_code == 200
    assert client.get(reverse("admin:portal_seccioninstitucional_add")).status_code == 200
    datos = {
        "pagina": "municipio",
        "clave": "historia",
        "titulo": "Historia",
        "contenido": "<p>Fundado en 1800.</p>",
        "orden": 1,
        "imagen_alt": "",
        "dependencia": gobierno.pk,
        "_publicar": "Publicar",
    }
    respuesta = client.post(reverse("admin:portal_seccioninstitucional_add"), datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    seccion = SeccionInstitucional.objects.get(clave="historia")
    assert seccion.esta_vigente and seccion.get_absolute_url() == "/municipio/#historia"
    assert "Fundado en 1800." in publico().get("/municipio/").content.decode()
    # Page and anchor are the section's address: fixed once it exists.
    assert 'name="clave"' not in client.get(url_cambio(seccion)).content.decode()
