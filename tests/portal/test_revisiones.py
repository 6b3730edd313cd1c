"""Issue 16: revisions of published items, concurrent edits, the preview and its share links, the workflow
buttons of the edit page (publish, schedule, return with observations) and their e-mails."""

import time

import pytest
from django.core import signing
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal import busqueda, cache_paginas, services, vista_previa
from portal.models import Cambio, Estado, Noticia

from .factories import crear_publicable, crear_usuario

pytestmark = pytest.mark.django_db

AVISO = "Está editando una revisión; la versión publicada sigue visible hasta que el comité la publique"


def formulario(noticia, **extra):
    datos = {
        "titulo": noticia.titulo,
        "slug": noticia.slug,
        "resumen": noticia.resumen,
        "cuerpo": noticia.cuerpo,
        "dependencia": noticia.dependencia_id,
        "imagen_alt": "",
        "version_del_formulario": noticia.version,
    }
    datos.update(extra)
    if not any(clave.startswith("_") for clave in extra):
        datos["_guardar_borrador"] = "Guardar borrador"
    return datos


def url_cambio(objeto):
    return reverse("admin:portal_noticia_change", args=[objeto.pk])


@pytest.fixture
def publicada(gobierno):
    return crear_publicable(
        Noticia, dependencia=gobierno, titulo="Vacunación antigua", slug="vacunacion", cuerpo="<p>Texto viejo.</p>"
    )


@pytest.fixture
def comite_con_correo():
    from portal import roles

    return crear_usuario(grupo=roles.COMITE, email="comite@tablon.gov.co")


def publico():
    return Client()  # no session: what an anonymous visitor (and the page cache) gets


def abrir_revision(client, usuario, noticia, **cambios):
    client.force_login(usuario)
    respuesta = client.post(url_cambio(noticia), formulario(noticia, **cambios))
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    return Noticia.objects.get(revision_de=noticia)


def test_editar_lo_publicado_crea_una_revision_y_el_publico_sigue_viendo_lo_vivo(client, funcionario, publicada):
    client.force_login(funcionario)
    pagina = client.get(url_cambio(publicada)).content.decode()
    assert AVISO in pagina and 'name="_guardar_borrador"' in pagina  # a form, no longer read-only with "Cerrar"

    revision = abrir_revision(client, funcionario, publicada, titulo="Vacunación nueva", cuerpo="<p>Texto nuevo.</p>")
    assert revision.estado == Estado.BORRADOR and revision.creado_por == funcionario
    assert revision.slug != publicada.slug  # unique slug: the revision never takes the address
    publicada.refresh_from_db()
    assert publicada.titulo == "Vacunación antigua" and publicada.estado == Estado.PUBLICADO
    pagina_publica = publico().get("/noticias/vacunacion/").content.decode()
    assert "Texto viejo." in pagina_publica and "Texto nuevo." not in pagina_publica
    # Opening the published item again opens its revision, with the notice.
    respuesta = client.get(url_cambio(publicada))
    assert respuesta.status_code == 302 and respuesta["Location"].startswith(url_cambio(revision))
    assert AVISO in client.get(url_cambio(revision)).content.decode()


def test_una_sola_revision_abierta_por_contenido(funcionario, publicada):
    revision, _mapa = services.publicable_crear_revision(objeto=publicada, usuario=funcionario)
    otra, _mapa = services.publicable_crear_revision(objeto=publicada, usuario=funcionario)
    assert otra.pk == revision.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        Noticia.objects.create(
            titulo="x", slug="x", resumen="x", cuerpo="x", dependencia=publicada.dependencia, revision_de=publicada
        )


def test_enviar_a_revision_y_publicar_reemplaza_lo_vivo_en_una_transaccion(
    client, funcionario, publicada, comite_con_correo, correos_enviados
):
    revision = abrir_revision(client, funcionario, publicada, titulo="Vacunación nueva", cuerpo="<p>Texto nuevo.</p>")
    respuesta = client.post(url_cambio(revision), formulario(revision, _enviar_a_revision="Enviar a revisión"))
    assert respuesta.status_code == 302
    revision.refresh_from_db()
    assert revision.estado == Estado.EN_REVISION  # what "Mi trabajo" lists as waiting for review
    assert "Texto viejo." in publico().get("/noticias/vacunacion/").content.decode()

    client.force_login(comite_con_correo)
    cola = client.get(reverse("admin:portal_noticia_changelist") + "?estado__exact=en_revision").content.decode()
    assert url_cambio(revision) in cola
    respuesta = client.post(url_cambio(revision), formulario(revision, _publicar="Publicar"))
    assert respuesta.status_code == 302
    assert not Noticia.objects.filter(pk=revision.pk).exists()
    publicada.refresh_from_db()
    assert publicada.titulo == "Vacunación nueva" and publicada.slug == "vacunacion"
    assert publicada.estado == Estado.PUBLICADO
    assert "Texto nuevo." in publico().get("/noticias/vacunacion/").content.decode()
    registro = Cambio.objects.de_objeto(publicada).filter(accion=Cambio.Accion.ESTADO).first()
    assert registro.usuario == comite_con_correo and "Título" in registro.cambios
    asuntos = [correo.subject for correo in correos_enviados()]
    assert any(a.startswith("Para revisar") for a in asuntos)


def test_publicar_una_revision_es_todo_o_nada(funcionario, publicada, comite, monkeypatch):
    revision, _mapa = services.publicable_crear_revision(objeto=publicada, usuario=funcionario)
    Noticia.objects.filter(pk=revision.pk).update(titulo="A medias")
    revision.refresh_from_db()

    def falla(*args, **kwargs):
        raise RuntimeError("se cayó a mitad")

    monkeypatch.setattr(services, "registrar_en_historial", falla)
    with pytest.raises(RuntimeError):
        services.publicable_cambiar_estado(objeto=revision, usuario=comite, transicion="publicar")
    publicada.refresh_from_db()
    assert publicada.titulo == "Vacunación antigua" and Noticia.objects.filter(pk=revision.pk).exists()


def test_dos_personas_editan_lo_mismo_la_segunda_no_pisa_a_la_primera(client, funcionario, gobierno, publicada):
    from portal import roles

    colega = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno])
    revision = abrir_revision(client, funcionario, publicada, titulo="Versión de la primera")
    revision.refresh_from_db()
    vista_de_la_colega = formulario(revision, titulo="Versión de la colega")  # built on the same version
    client.post(url_cambio(revision), formulario(revision, titulo="Otra vez la primera"))
    otro = Client()
    otro.force_login(colega)
    respuesta = otro.post(url_cambio(revision), vista_de_la_colega)
    assert respuesta.status_code == 200
    texto = respuesta.content.decode()
    assert "mientras usted editaba" in texto
    assert 'value="Versión de la colega"' in texto  # what she typed is still on the page
    revision.refresh_from_db()
    assert revision.titulo == "Otra vez la primera"


def test_dos_personas_abren_lo_publicado_la_segunda_no_crea_otra_revision(client, funcionario, gobierno, publicada):
    from portal import roles

    colega = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno])
    vista_de_la_colega = formulario(publicada, titulo="Lo de la colega")
    abrir_revision(client, funcionario, publicada, titulo="Lo de la primera")
    otro = Client()
    otro.force_login(colega)
    respuesta = otro.post(url_cambio(publicada), vista_de_la_colega)
    assert respuesta.status_code == 200
    assert "Otra persona empezó a editar una revisión" in respuesta.content.decode()
    assert 'value="Lo de la colega"' in respuesta.content.decode()
    assert Noticia.objects.get(revision_de=publicada).titulo == "Lo de la primera"


def test_revision_programada_reemplaza_lo_vivo_en_su_momento(client, funcionario, publicada, comite):
    revision = abrir_revision(client, funcionario, publicada, titulo="Vacunación programada")
    revision.refresh_from_db()
    cuando = timezone.now() + timezone.timedelta(hours=3)
    client.force_login(comite)
    datos = formulario(
        revision,
        _programar="Programar",
        publicar_desde_0=timezone.localtime(cuando).strftime("%Y-%m-%d"),
        publicar_desde_1=timezone.localtime(cuando).strftime("%H:%M:%S"),
    )
    assert client.post(url_cambio(revision), datos).status_code == 302
    revision.refresh_from_db()
    assert revision.estado == Estado.PUBLICADO and revision.revision_de_id == publicada.pk
    # Not public by itself, not even once its date comes: it replaces the live item.
    assert list(Noticia.objects.vigentes(ahora=cuando + timezone.timedelta(minutes=1))) == [publicada]
    assert "Vacunación antigua" in publico().get("/noticias/vacunacion/").content.decode()
    # The page cache expires at that moment.
    momento = cache_paginas.proximo_cambio(timezone.now())
    assert abs((momento - revision.publicar_desde).total_seconds()) < 1

    assert services.revisiones_programadas_aplicar(ahora=timezone.now()) == 0
    assert services.revisiones_programadas_aplicar(ahora=cuando + timezone.timedelta(seconds=30)) == 1
    publicada.refresh_from_db()
    assert publicada.titulo == "Vacunación programada"
    assert publicada.publicar_desde < timezone.now()  # keeps its first publication date
    assert not Noticia.objects.filter(revision_de=publicada).exists()


def test_cache_busqueda_y_mapa_siguen_la_version_publicada(
    client, settings, funcionario, publicada, comite, django_capture_on_commit_callbacks
):
    settings.CACHE_PAGINAS_SEGUNDOS = 300
    anonimo = publico()
    assert "Vacunación antigua" in anonimo.get("/noticias/vacunacion/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        revision = abrir_revision(client, funcionario, publicada, titulo="Jornada de zanahorias")
    assert "Vacunación antigua" in anonimo.get("/noticias/vacunacion/").content.decode()
    assert busqueda.buscar("zanahorias").total == 0
    assert "revision-" not in anonimo.get("/sitemap.xml").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.publicable_cambiar_estado(objeto=revision, usuario=comite, transicion="publicar")
    assert "Jornada de zanahorias" in anonimo.get("/noticias/vacunacion/").content.decode()
    assert busqueda.buscar("zanahorias").total == 1
    assert [e.url for e in busqueda.buscar("zanahorias").entradas] == ["/noticias/vacunacion/"]


def test_devolver_exige_observaciones_las_muestra_y_las_envia_por_correo(
    client, gobierno, publicada, comite, correos_enviados
):
    from portal import roles

    autora = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno], email="autora@tablon.gov.co")
    revision = abrir_revision(client, autora, publicada, titulo="Con errores")
    services.publicable_cambiar_estado(objeto=revision, usuario=autora, transicion="enviar_a_revision")
    revision.refresh_from_db()
    client.force_login(comite)
    pagina = client.get(url_cambio(revision)).content.decode()
    assert 'name="motivo_devolucion"' in pagina and 'name="_devolver"' in pagina
    sin_motivo = client.post(url_cambio(revision), formulario(revision, _devolver="Devolver", motivo_devolucion=" "))
    assert sin_motivo.status_code == 200 and "Escriba las observaciones" in sin_motivo.content.decode()
    revision.refresh_from_db()
    assert revision.estado == Estado.EN_REVISION

    motivo = "Falta la fecha de la jornada."
    respuesta = client.post(url_cambio(revision), formulario(revision, _devolver="Devolver", motivo_devolucion=motivo))
    assert respuesta.status_code == 302
    revision.refresh_from_db()
    assert revision.estado == Estado.BORRADOR and revision.observaciones == motivo
    # The contract with "Mi trabajo": on the LIVE item, with this exact prefix.
    registro = Cambio.objects.de_objeto(publicada).filter(mensaje__startswith="Devuelto con observaciones: ").get()
    assert registro.mensaje == f"Devuelto con observaciones: {motivo}" and registro.accion == Cambio.Accion.ESTADO
    client.force_login(autora)
    assert motivo in client.get(url_cambio(revision)).content.decode()
    correos = [c for c in correos_enviados() if c.to == ["autora@tablon.gov.co"]]
    assert len(correos) == 1 and motivo in correos[0].body


def test_un_correo_que_no_sale_nunca_hace_fallar_el_guardado(client, gobierno, comite, settings):
    from portal import roles

    settings.EMAIL_BACKEND = "servidor.que.no.existe.Backend"
    autora = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno], email="autora@tablon.gov.co")
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, creado_por=autora)
    noticia.estado = Estado.EN_REVISION
    noticia.save()
    antes = DBTaskResult.objects.count()
    client.force_login(comite)
    respuesta = client.post(url_cambio(noticia), formulario(noticia, _publicar="Publicar"))
    assert respuesta.status_code == 302
    noticia.refresh_from_db()
    assert noticia.estado == Estado.PUBLICADO
    assert DBTaskResult.objects.count() == antes + 1  # queued; the worker retries it later


def test_devolver_un_borrador_nunca_publicado_queda_en_el_mismo_contenido(comite, gobierno):
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, estado=Estado.EN_REVISION)
    services.publicable_devolver(objeto=noticia, usuario=comite, motivo="Cambie el título.")
    assert Cambio.objects.de_objeto(noticia).filter(mensaje="Devuelto con observaciones: Cambie el título.").exists()


# --- preview ---------------------------------------------------------------------------------------------------


@pytest.fixture
def borrador(gobierno, funcionario):
    return crear_publicable(
        Noticia,
        publicado=False,
        dependencia=gobierno,
        creado_por=funcionario,
        titulo="Borrador del festival",
        slug="festival",
        cuerpo="<p>Texto del borrador.</p>",
    )


def test_vista_previa_para_autor_y_comite_nunca_en_cache_ni_indexada(client, funcionario, comite, borrador, hacienda):
    from portal import roles

    url = vista_previa.url(borrador)
    client.force_login(funcionario)
    respuesta = client.get(url)
    assert respuesta.status_code == 200 and "Texto del borrador." in respuesta.content.decode()
    assert respuesta["Cache-Control"] == "private, no-store"
    assert "noindex" in respuesta["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in respuesta.content.decode()
    client.force_login(comite)
    assert client.get(url).status_code == 200
    de_otra_dependencia = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[hacienda])
    client.force_login(de_otra_dependencia)
    assert client.get(url).status_code == 404
    assert publico().get(url).status_code == 404
    assert publico().get("/vista-previa/portal.noticia/999999/").status_code == 404
    assert publico().get("/vista-previa/portal.usuario/1/").status_code == 404


def test_ver_en_el_sitio_de_un_borrador_lleva_a_la_vista_previa(client, funcionario, borrador):
    client.force_login(funcionario)
    pagina = client.get(url_cambio(borrador)).content.decode()
    assert vista_previa.url(borrador) in pagina
    assert f'href="{borrador.get_absolute_url()}"' not in pagina


def test_enlace_para_compartir_valido_vencido_y_revocado(client, funcionario, borrador, monkeypatch, settings):
    settings.CACHE_PAGINAS_SEGUNDOS = 300  # an anonymous visitor's pages are cached: never this one
    anonimo = publico()
    enlace = vista_previa.url(borrador, compartir=True)
    for _vez in range(2):
        respuesta = anonimo.get(enlace)
        assert respuesta.status_code == 200 and "X-Cache" not in respuesta
        assert respuesta["Cache-Control"] == "private, no-store" and "noindex" in respuesta["X-Robots-Tag"]
    assert anonimo.get(enlace[:-3] + "xyz").status_code == 404  # altered
    # Seven days and a bit later it no longer opens.
    ahora = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: ahora + 7 * 24 * 3600 + 60)
    assert anonimo.get(enlace).status_code == 404
    monkeypatch.setattr(signing.time, "time", lambda: ahora)
    # Revoked from the edit page: the old link stops working, a new one does.
    client.force_login(funcionario)
    pagina = client.get(url_cambio(borrador)).content.decode()
    assert "Enlace para compartir" in pagina
    respuesta = client.post(reverse("admin:portal_noticia_revocar_enlaces", args=[borrador.pk]))
    assert respuesta.status_code == 302
    assert anonimo.get(enlace).status_code == 404
    borrador.refresh_from_db()
    assert anonimo.get(vista_previa.url(borrador, compartir=True)).status_code == 200


def test_vista_previa_de_una_revision_muestra_lo_nuevo_con_la_direccion_publica(client, funcionario, publicada):
    revision = abrir_revision(client, funcionario, publicada, cuerpo="<p>Texto corregido.</p>")
    respuesta = publico().get(vista_previa.url(revision, compartir=True))
    texto = respuesta.content.decode()
    assert "Texto corregido." in texto and "/noticias/vacunacion/" in texto
    assert "revision-" not in texto


def test_la_accion_de_lista_no_devuelve_sin_observaciones_lo_que_esta_en_revision(client, comite, gobierno):
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, estado=Estado.EN_REVISION)
    client.force_login(comite)
    respuesta = client.post(
        reverse("admin:portal_noticia_changelist"),
        {"action": "devolver_a_borrador", "_selected_action": [noticia.pk]},
        follow=True,
    )
    assert "Devolver con observaciones" in respuesta.content.decode()
    noticia.refresh_from_db()
    assert noticia.estado == Estado.EN_REVISION


def test_la_revision_usa_la_imagen_publicada_y_descartarla_no_la_borra(client, funcionario, gobierno, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import imagen_png

    noticia = crear_publicable(Noticia, dependencia=gobierno, imagen_alt="Una plaza", slug="plaza")
    noticia.imagen = SimpleUploadedFile("plaza.png", imagen_png(), "image/png")
    services.imagen_guardar(objeto=noticia)
    noticia.save()
    revision = abrir_revision(client, funcionario, noticia, titulo="Otra plaza", imagen_alt="Una plaza")
    assert revision.imagen.name == noticia.imagen.name and revision.imagen_datos == noticia.imagen_datos
    respuesta = client.post(reverse("admin:portal_noticia_delete", args=[revision.pk]), {"post": "yes"})
    assert respuesta.status_code == 302 and not Noticia.objects.filter(pk=revision.pk).exists()
    noticia.refresh_from_db()
    assert noticia.imagen.storage.exists(noticia.imagen.name)
    nombre = noticia.imagen.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    assert nombre in publico().get("/noticias/plaza/").content.decode()  # its renditions are served


def test_vista_previa_de_un_documento_en_borrador(client, funcionario, gobierno):
    from portal.models import Documento

    documento = crear_publicable(Documento, publicado=False, dependencia=gobierno)
    assert publico().get(documento.get_absolute_url()).status_code == 404
    client.force_login(funcionario)
    respuesta = client.get(vista_previa.url(documento))
    assert respuesta.status_code == 200 and respuesta["Cache-Control"] == "private, no-store"
    assert b"".join(respuesta.streaming_content).startswith(b"%PDF")


def test_el_comite_corrige_y_publica_lo_publicado_en_un_solo_paso(client, comite, publicada):
    client.force_login(comite)
    respuesta = client.post(url_cambio(publicada), formulario(publicada, titulo="Corregido", _publicar="Publicar"))
    assert respuesta.status_code == 302
    publicada.refresh_from_db()
    assert publicada.titulo == "Corregido" and publicada.slug == "vacunacion"
    assert not Noticia.objects.filter(revision_de__isnull=False).exists()
    assert "Corregido" in publico().get("/noticias/vacunacion/").content.decode()


def test_lo_editado_en_la_revision_queda_en_el_historial_de_lo_publicado(client, funcionario, publicada, comite):
    revision = abrir_revision(client, funcionario, publicada, titulo="Primera corrección")
    revision.refresh_from_db()
    client.post(url_cambio(revision), formulario(revision, titulo="Segunda corrección"))
    services.publicable_cambiar_estado(objeto=revision, usuario=comite, transicion="publicar")
    cambios = [r.cambios.get("Título") for r in Cambio.objects.de_objeto(publicada) if "Título" in r.cambios]
    assert ["Primera corrección", "Segunda corrección"] in cambios
    pagina = client.get(reverse("admin:portal_noticia_history", args=[publicada.pk])).content.decode()
    assert "Segunda corrección" in pagina
