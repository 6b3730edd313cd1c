"""Consultations of draft norms: the public pages, the comment form and its refusals, moderation, closing on
time, the answers and the matrix in its three forms, and who may do what in the back office."""

import csv
import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from participa import consultas_services as services
from participa.models import Comentario, Consulta
from portal import roles
from tests.portal.factories import crear_dependencia, crear_usuario

from .consultas_fabricas import cerrar, crear_comentario, crear_consulta

pytestmark = pytest.mark.django_db


def datos(consulta, **cambios):
    base = {
        "articulo": str(consulta.articulos.all()[1].pk),
        "texto": "Propongo que el plazo sea de tres años para las tiendas de las veredas.",
        "tipo_autor": "persona",
        "nombre": "Rosa Elena Chávez",
        "correo": "rosa@example.com",
        "organizacion": "",
        "nit": "",
    }
    base.update(cambios)
    return base


def url_comentar(consulta):
    return reverse("participa:consulta_comentar", args=[consulta.slug])


@pytest.fixture
def gobierno():
    return crear_dependencia(nombre="Secretaría de Gobierno", slug="gobierno")


@pytest.fixture
def funcionario(gobierno):
    return crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno])


@pytest.fixture
def otro_funcionario():
    return crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[crear_dependencia()])


@pytest.fixture
def comite():
    return crear_usuario(grupo=roles.COMITE)


# --- Public pages ------------------------------------------------------------------------------------------------


def test_lista_abiertas_primero_y_cerradas_con_sus_respuestas(client):
    cerrada = crear_consulta(abierta=False, titulo="Decreto de horarios")
    abierta = crear_consulta(titulo="Acuerdo de plásticos")
    crear_consulta(titulo="Borrador interno", publicada=False)
    Consulta.objects.filter(pk=cerrada.pk).update(respuestas_publicadas_en=timezone.now())
    html = client.get(reverse("participa:consultas")).content.decode()
    assert html.index(abierta.titulo) < html.index("Cerradas, con sus respuestas") < html.index(cerrada.titulo)
    assert reverse("participa:consulta_matriz", args=[cerrada.slug]) in html
    assert "Borrador interno" not in html


def test_el_texto_tiene_anclas_por_articulo_y_solo_comentarios_publicados(client):
    consulta = crear_consulta()
    articulo = consulta.articulos.all()[0]
    crear_comentario(consulta, articulo=articulo, texto="Publicado sobre el primero")
    crear_comentario(consulta, estado=Comentario.Estado.PENDIENTE, texto="Aún por moderar")
    crear_comentario(consulta, estado=Comentario.Estado.RECHAZADO, texto="Publicidad", motivo_rechazo="Spam")
    html = client.get(consulta.get_absolute_url()).content.decode()
    assert f'id="{articulo.ancla}"' in html and f'href="#{articulo.ancla}"' in html
    assert f"{url_comentar(consulta)}?articulo={articulo.pk}" in html
    assert "Publicado sobre el primero" in html
    assert 'id="buscador-q" name="q" maxlength="200" placeholder="Buscar trámites, noticias…" value=""' in html
    assert "Aún por moderar" not in html and "Publicidad" not in html


def test_un_borrador_no_es_publico(client):
    consulta = crear_consulta(publicada=False)
    assert client.get(consulta.get_absolute_url()).status_code == 404
    assert client.get(url_comentar(consulta)).status_code == 404


# --- Commenting --------------------------------------------------------------------------------------------------


def test_comentar_un_articulo_queda_por_moderar(client):
    consulta = crear_consulta()
    formulario = client.get(url_comentar(consulta) + f"?articulo={consulta.articulos.all()[1].pk}")
    html = formulario.content.decode()
    assert "no-store" in formulario["Cache-Control"] and "private" in formulario["Cache-Control"]
    assert f'value="{consulta.articulos.all()[1].pk}" selected' in html
    assert "Qué hacemos con sus datos" in html and "Ley 1581" in html
    respuesta = client.post(url_comentar(consulta), datos(consulta))
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("participa:consulta_recibido", args=[consulta.slug])
    comentario = Comentario.objects.get()
    assert comentario.estado == Comentario.Estado.PENDIENTE
    assert comentario.articulo == consulta.articulos.all()[1]
    assert comentario.publicar_nombre is False
    assert "tres años" not in client.get(consulta.get_absolute_url()).content.decode()


def test_una_organizacion_da_su_nombre_y_nit(client):
    consulta = crear_consulta()
    respuesta = client.post(url_comentar(consulta), datos(consulta, tipo_autor="organizacion"))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200 and "Escriba el nombre de la organización." in html
    assert "Escriba el NIT de la organización." in html
    respuesta = client.post(
        url_comentar(consulta),
        datos(consulta, tipo_autor="organizacion", organizacion="JAC Las Mesas", nit="900.123.456-1"),
    )
    assert respuesta.status_code == 302
    assert Comentario.objects.get().autor_publico == "JAC Las Mesas"


def test_cerrada_se_dice_antes_de_escribir_y_no_hay_formulario(client):
    consulta = crear_consulta(abierta=False)
    html = client.get(url_comentar(consulta)).content.decode()
    assert "Esta consulta no está recibiendo comentarios" in html and "El plazo terminó" in html
    assert "<form" not in html.split("<main", 1)[1].split("</main>")[0].replace('<form role="search"', "")
    detalle = client.get(consulta.get_absolute_url()).content.decode()
    assert "Cerrada" in detalle and url_comentar(consulta) not in detalle


def test_enviado_despues_del_cierre_se_explica_y_conserva_el_texto(client):
    consulta = crear_consulta()
    client.get(url_comentar(consulta))
    cerrar(consulta)  # the period ended while the person was typing
    respuesta = client.post(url_comentar(consulta), datos(consulta))
    html = respuesta.content.decode()
    assert respuesta.status_code == 409
    assert "El plazo para comentar este proyecto terminó" in html
    assert "Propongo que el plazo sea de tres años" in html
    assert not Comentario.objects.exists()


def test_el_mismo_comentario_dos_veces(client):
    consulta = crear_consulta()
    assert client.post(url_comentar(consulta), datos(consulta)).status_code == 302
    texto = "  propongo que el plazo sea de tres  años para las tiendas de las veredas. "
    otra_vez = datos(consulta, texto=texto, correo="ROSA@example.com")
    respuesta = client.post(url_comentar(consulta), otra_vez)
    html = respuesta.content.decode()
    assert respuesta.status_code == 409 and "Ya recibimos este mismo comentario" in html
    assert "propongo que el plazo sea de tres  años" in html
    assert Comentario.objects.count() == 1


def test_vacio_se_explica(client):
    consulta = crear_consulta()
    respuesta = client.post(url_comentar(consulta), datos(consulta, texto="   ", nombre="Rosa"))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200 and "Escriba su comentario." in html
    assert 'value="Rosa"' in html and 'aria-invalid="true"' in html
    assert not Comentario.objects.exists()


def test_con_etiquetas_html_se_explica_y_conserva(client):
    consulta = crear_consulta()
    texto = 'Vean <a href="http://spam.example">esto</a> por favor'
    respuesta = client.post(url_comentar(consulta), datos(consulta, texto=texto))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200 and "sin etiquetas HTML" in html
    assert "Vean &lt;a href=&quot;http://spam.example&quot;&gt;esto&lt;/a&gt; por favor" in html
    assert not Comentario.objects.exists()
    # Signs that are not markup are fine.
    assert client.post(url_comentar(consulta), datos(consulta, texto="Si el costo es < 5 % <3")).status_code == 302


def test_limite_por_conexion_se_avisa_antes_y_conserva_el_texto(client, settings):
    settings.CONSULTAS_COMENTARIOS_POR_CLIENTE = 1
    consulta = crear_consulta()
    assert "Antes de empezar" not in client.get(url_comentar(consulta)).content.decode()
    assert client.post(url_comentar(consulta), datos(consulta)).status_code == 302
    assert "Antes de empezar" in client.get(url_comentar(consulta)).content.decode()
    respuesta = client.post(url_comentar(consulta), datos(consulta, texto="Un segundo comentario distinto"))
    assert respuesta.status_code == 429 and "Un segundo comentario distinto" in respuesta.content.decode()
    assert Comentario.objects.count() == 1


def test_trampa_rechaza_y_conserva(client):
    consulta = crear_consulta()
    respuesta = client.post(url_comentar(consulta), {**datos(consulta), "sitio_web": "http://spam"})
    assert respuesta.status_code == 400 and "tres años" in respuesta.content.decode()
    assert not Comentario.objects.exists()


def test_con_la_base_caida_el_formulario_vuelve_lleno(client):
    from django.db import OperationalError

    consulta = crear_consulta()
    client.raise_request_exception = False
    with mock.patch("participa.consultas_limites.agotado", side_effect=OperationalError("server closed")):
        respuesta = client.post(url_comentar(consulta), datos(consulta))
    html = respuesta.content.decode()
    assert respuesta.status_code == 503 and respuesta["Retry-After"] == "30"
    assert "no</strong> quedó guardado" in html and "tres años" in html and 'value="rosa@example.com"' in html
    assert 'name="csrfmiddlewaretoken"' in html and "OperationalError" not in html


def test_con_la_base_caida_desde_la_primera_consulta_tambien_vuelve_lleno(client):
    from django.db import OperationalError

    consulta = crear_consulta()
    datos_enviados = datos(consulta)
    client.raise_request_exception = False
    with mock.patch("participa.consultas_views._consulta_vigente", side_effect=OperationalError("down")):
        respuesta = client.post(url_comentar(consulta), datos_enviados)
    html = respuesta.content.decode()
    assert respuesta.status_code == 503 and "tres años" in html and 'value="rosa@example.com"' in html
    # The chosen article is kept as the one option, selected, so sending again comments the same article.
    assert f'<option value="{datos_enviados["articulo"]}" selected>El artículo que eligió</option>' in html
    assert f'action="{url_comentar(consulta)}"' in html


# --- Moderation, closing, answers -----------------------------------------------------------------------------


def test_moderar_publica_o_rechaza_con_motivo(client, funcionario, gobierno, correos_enviados):
    consulta = crear_consulta(dependencia=gobierno)
    bueno = crear_comentario(consulta, estado=Comentario.Estado.PENDIENTE, texto="Un aporte útil")
    malo = crear_comentario(consulta, estado=Comentario.Estado.PENDIENTE, texto="Compre insumos baratos")
    services.comentario_moderar(comentario=bueno, usuario=funcionario, publicar=True)
    with pytest.raises(ValidationError):
        services.comentario_moderar(comentario=malo, usuario=funcionario, publicar=False, motivo="  ")
    services.comentario_moderar(comentario=malo, usuario=funcionario, publicar=False, motivo="Es publicidad.")
    malo.refresh_from_db()
    assert malo.estado == Comentario.Estado.RECHAZADO and malo.motivo_rechazo == "Es publicidad."
    assert malo.moderado_por == funcionario and malo.moderado_en is not None
    html = client.get(consulta.get_absolute_url()).content.decode()
    assert "Un aporte útil" in html and "Compre insumos" not in html
    correos = correos_enviados()
    assert len(correos) == 1 and correos[0].to == [malo.correo] and "Es publicidad." in correos[0].body


def test_cierra_sola_a_su_hora(client):
    from portal import cache_paginas

    ahora = timezone.now()
    consulta = crear_consulta(cierra=ahora + timedelta(minutes=5))
    assert cache_paginas.proximo_cambio(ahora) == consulta.cierra
    assert url_comentar(consulta) in client.get(consulta.get_absolute_url()).content.decode()
    despues = ahora + timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=despues):
        html = client.get(consulta.get_absolute_url()).content.decode()
        assert "Cerrada" in html and url_comentar(consulta) not in html
        assert "<textarea" not in client.get(url_comentar(consulta)).content.decode()
        with pytest.raises(ValidationError):
            services.comentario_crear(
                consulta=consulta, articulo=None, tipo_autor="persona", nombre="A", correo="a@example.com", texto="x"
            )
    assert Consulta.objects.get(pk=consulta.pk).estado == "publicado"  # nothing was flipped in the database


def test_responder_y_publicar_la_matriz_avisa_a_cada_persona(client, funcionario, gobierno, correos_enviados):
    consulta = crear_consulta(dependencia=gobierno)
    uno = crear_comentario(consulta, correo="uno@example.com", texto="Primer aporte")
    dos = crear_comentario(consulta, correo="dos@example.com", texto="Segundo aporte")
    with pytest.raises(ValidationError, match="cuando la consulta cierra"):
        services.comentario_responder(comentario=uno, usuario=funcionario, sentido="acogido", respuesta="Sí")
    cerrar(consulta)
    services.comentario_responder(comentario=uno, usuario=funcionario, sentido="acogido", respuesta="Se incluyó.")
    with pytest.raises(ValidationError, match="sin respuesta"):
        services.consulta_publicar_respuestas(consulta=consulta, usuario=funcionario)
    assert client.get(reverse("participa:consulta_matriz", args=[consulta.slug])).status_code == 404
    services.comentario_responder(comentario=dos, usuario=funcionario, sentido="no_acogido", respuesta="No cabe.")
    assert correos_enviados() == []  # nobody is told before the matrix is published
    services.consulta_publicar_respuestas(consulta=consulta, usuario=funcionario)
    correos = correos_enviados()
    assert sorted(c.to[0] for c in correos) == ["dos@example.com", "uno@example.com"]
    para_uno = next(c for c in correos if c.to == ["uno@example.com"])
    assert "Acogido" in para_uno.body and "Se incluyó." in para_uno.body
    assert reverse("participa:consulta_matriz", args=[consulta.slug]) in para_uno.body
    uno.refresh_from_db()
    assert uno.notificado_en is not None


def test_un_correo_caido_no_hace_fallar_la_publicacion(funcionario, gobierno, settings):
    from portal.tareas import ejecutar_pendientes

    settings.EMAIL_BACKEND = "tests.participa.test_consultas.CorreoCaido"
    consulta = crear_consulta(dependencia=gobierno)
    comentario = crear_comentario(consulta)
    cerrar(consulta)
    services.comentario_responder(comentario=comentario, usuario=funcionario, sentido="parcial", respuesta="En parte.")
    services.consulta_publicar_respuestas(consulta=consulta, usuario=funcionario)
    ejecutar_pendientes()
    consulta.refresh_from_db()
    assert consulta.respuestas_publicadas_en is not None


class CorreoCaido:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, mensajes):
        raise ConnectionRefusedError("servidor de correo caído")


def _consulta_respondida(gobierno, funcionario):
    consulta = crear_consulta(dependencia=gobierno, resumen_de_cambios="Se amplió el plazo a tres años.")
    crear_comentario(
        consulta, articulo=consulta.articulos.all()[0], nombre="Rosa Chávez", publicar_nombre=True, texto="Tres años"
    )
    crear_comentario(consulta, nombre="Pedro Oculto", texto="Que sea gratis")
    cerrar(consulta)
    for comentario, sentido in zip(consulta.comentarios.all(), ["acogido", "no_acogido"], strict=True):
        services.comentario_responder(
            comentario=comentario, usuario=funcionario, sentido=sentido, respuesta=f"Respuesta {sentido}."
        )
    services.consulta_publicar_respuestas(consulta=consulta, usuario=funcionario)
    return consulta


def test_la_matriz_en_pagina_csv_y_pdf(client, funcionario, gobierno):
    consulta = _consulta_respondida(gobierno, funcionario)
    pagina = client.get(reverse("participa:consulta_matriz", args=[consulta.slug])).content.decode()
    assert "Respuesta acogido." in pagina and "Respuesta no_acogido." in pagina
    assert "Se amplió el plazo a tres años." in pagina and "Rosa Chávez" in pagina and "Ciudadano/a" in pagina
    assert (
        reverse("participa:consulta_matriz", args=[consulta.slug])
        in client.get(consulta.get_absolute_url()).content.decode()
    )

    archivo = client.get(reverse("participa:consulta_matriz_csv", args=[consulta.slug]))
    assert archivo["Content-Type"].startswith("text/csv")
    filas = list(csv.reader(io.StringIO(archivo.content.decode("utf-8-sig")), delimiter=";"))
    assert filas[0][0] == "N.º" and len(filas) == 3
    assert filas[1][2:] == ["Rosa Chávez", "Artículo 1. Tema 1", "Tres años", "Acogido", "Respuesta acogido."]
    assert filas[2][2] == "Ciudadano/a" and filas[2][3] == "Texto completo"

    textos = []
    from fpdf import FPDF

    original = FPDF.multi_cell

    def anotar(self, w, h, text="", *args, **kwargs):
        textos.append(text)
        return original(self, w, h, text, *args, **kwargs)

    with mock.patch.object(FPDF, "multi_cell", anotar):
        pdf = client.get(reverse("participa:consulta_matriz_pdf", args=[consulta.slug]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    todo = "\n".join(textos)
    assert "Respuesta acogido." in todo and "Decisión: No acogido" in todo and "Se amplió el plazo" in todo


def test_transparencia_2_3_lista_los_proyectos_y_sus_matrices(funcionario, gobierno):
    from portal import registro

    consulta = _consulta_respondida(gobierno, funcionario)
    items = registro.publicaciones_derivadas("2.3")
    urls = [i["url"] for i in items]
    assert consulta.get_absolute_url() in urls
    assert reverse("participa:consulta_matriz", args=[consulta.slug]) in urls
    assert reverse("participa:consultas") in [i["url"] for i in registro.publicaciones_derivadas("6.3")]


# --- Who may do what ------------------------------------------------------------------------------------------


def test_solo_la_dependencia_o_el_comite_moderan_y_responden(funcionario, otro_funcionario, comite, gobierno):
    consulta = crear_consulta(dependencia=gobierno)
    comentario = crear_comentario(consulta, estado=Comentario.Estado.PENDIENTE)
    with pytest.raises(PermissionDenied):
        services.comentario_moderar(comentario=comentario, usuario=otro_funcionario, publicar=True)
    services.comentario_moderar(comentario=comentario, usuario=comite, publicar=True)
    cerrar(consulta)
    with pytest.raises(PermissionDenied):
        services.comentario_responder(
            comentario=comentario, usuario=otro_funcionario, sentido="acogido", respuesta="x"
        )
    with pytest.raises(PermissionDenied):
        services.consulta_publicar_respuestas(consulta=consulta, usuario=otro_funcionario)


def test_admin_un_funcionario_ve_y_modera_solo_su_dependencia(client, funcionario, gobierno):
    propia = crear_consulta(dependencia=gobierno, titulo="Consulta propia")
    ajena = crear_consulta(titulo="Consulta ajena")
    mio = crear_comentario(propia, estado=Comentario.Estado.PENDIENTE, texto="Comentario de la propia")
    otro = crear_comentario(ajena, estado=Comentario.Estado.PENDIENTE, texto="Comentario de la ajena")
    client.force_login(funcionario)
    lista = client.get(reverse("admin:participa_comentario_changelist")).content.decode()
    assert "Consulta propia" in lista and "Consulta ajena" not in lista
    assert client.get(reverse("admin:participa_comentario_change", args=[otro.pk])).status_code in (302, 404)
    url = reverse("admin:participa_comentario_change", args=[mio.pk])
    sin_motivo = client.post(url, {"estado": "rechazado", "motivo_rechazo": "", "sentido": "", "respuesta": ""})
    assert sin_motivo.status_code == 200 and "Escriba el motivo del rechazo." in sin_motivo.content.decode()
    rechazo = {"estado": "rechazado", "motivo_rechazo": "Fuera de tema.", "sentido": "", "respuesta": ""}
    hecho = client.post(url, rechazo)
    assert hecho.status_code == 302
    mio.refresh_from_db()
    assert mio.estado == "rechazado" and mio.motivo_rechazo == "Fuera de tema." and mio.moderado_por == funcionario
    consultas = client.get(reverse("admin:participa_consulta_changelist")).content.decode()
    assert "Consulta propia" in consultas and "Consulta ajena" not in consultas


def test_admin_un_funcionario_redacta_pero_no_publica(client, funcionario, gobierno, comite):
    from portal import services as portal_services

    consulta = crear_consulta(dependencia=gobierno, publicada=False)
    portal_services.publicable_cambiar_estado(objeto=consulta, usuario=funcionario, transicion="enviar_a_revision")
    with pytest.raises(PermissionDenied):
        portal_services.publicable_cambiar_estado(objeto=consulta, usuario=funcionario, transicion="publicar")
    portal_services.publicable_cambiar_estado(objeto=consulta, usuario=comite, transicion="publicar")
    client.force_login(funcionario)
    # Published and open: the official no longer edits it; once closed, only its final version.
    assert client.get(reverse("admin:participa_consulta_change", args=[consulta.pk])).status_code == 200
    pagina = client.get(reverse("admin:participa_consulta_change", args=[consulta.pk])).content.decode()
    assert 'name="resumen_de_cambios"' not in pagina
    cerrar(consulta)
    pagina = client.get(reverse("admin:participa_consulta_change", args=[consulta.pk])).content.decode()
    assert 'name="resumen_de_cambios"' in pagina and 'name="titulo"' not in pagina


def test_el_plazo_menor_de_15_dias_pide_la_razon(gobierno):
    ahora = timezone.now()
    consulta = Consulta(
        titulo="Corto", slug="corto", objeto="x", dependencia=gobierno, abre=ahora, cierra=ahora + timedelta(days=5)
    )
    with pytest.raises(ValidationError) as error:
        consulta.full_clean()
    assert "razon_plazo_corto" in error.value.message_dict
    por_defecto = Consulta(titulo="Normal", slug="normal", objeto="x", dependencia=gobierno)
    assert por_defecto.cierra - por_defecto.abre >= timedelta(days=15)


def test_el_buscador_encuentra_el_texto_del_proyecto(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        consulta = crear_consulta(titulo="Acuerdo de plásticos", objeto="Reducir las bolsas en las quebradas.")
        borrador = crear_consulta(titulo="Acuerdo reservado de quebradas", publicada=False)
    html = client.get("/buscar/?q=quebradas").content.decode()
    assert consulta.get_absolute_url() in html and borrador.get_absolute_url() not in html


def test_la_demo_trae_una_abierta_y_una_cerrada_con_su_matriz():
    from participa import consultas_demo
    from portal.demo import Resultado

    crear_dependencia(nombre="Secretaría de Gobierno")
    crear_dependencia(nombre="Secretaría de Planeación e Infraestructura")
    consultas_demo.cargar(Resultado())
    consultas_demo.cargar(Resultado())  # idempotent
    abierta, cerrada = Consulta.objects.abiertas().get(), Consulta.objects.cerradas().get()
    assert 5 <= abierta.articulos.count() <= 8 and abierta.tipo == Consulta.Tipo.ACUERDO
    assert abierta.comentarios.filter(estado="publicado").count() >= 2
    assert abierta.comentarios.filter(estado="pendiente").count() == 1
    assert cerrada.respuestas_publicadas_en and cerrada.resumen_de_cambios and cerrada.texto_final
    assert services.faltantes_para_matriz(cerrada) == []


def test_una_consulta_publicada_no_se_edita_en_una_revision(client, comite, gobierno):
    """People comment on the published text: no revision (whose publication would replace the articles their
    comments point to); the committee corrects the consultation itself."""
    from portal import services as portal_services

    consulta = crear_consulta(dependencia=gobierno)
    crear_comentario(consulta, articulo=consulta.articulos.first(), texto="Aporte al artículo")
    with pytest.raises(PermissionDenied):
        portal_services.publicable_crear_revision(objeto=consulta, usuario=comite)
    client.force_login(comite)
    pagina = client.get(reverse("admin:participa_consulta_change", args=[consulta.pk])).content.decode()
    assert "Está editando una revisión" not in pagina
    assert Consulta._base_manager.filter(revision_de=consulta).count() == 0
