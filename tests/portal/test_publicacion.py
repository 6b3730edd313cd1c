"""The publication workflow shared by news, documents and events: who drafts, who publishes, what the
public sees, scheduled publication and expiry, and the history of each item."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from portal import services
from portal.models import Documento, Estado, Evento, Noticia

from .factories import crear_publicable

pytestmark = pytest.mark.django_db


def formulario_noticia(dependencia, **extra):
    datos = {
        "titulo": "Arreglo de la vía a Las Mesas",
        "slug": "arreglo-via-las-mesas",
        "resumen": "Empiezan las obras.",
        "cuerpo": "<p>Las obras empiezan el lunes.</p>",
        "dependencia": dependencia.pk,
        "imagen_alt": "",
    }
    datos.update(extra)
    return datos


def test_el_funcionario_redacta_en_su_dependencia_y_envia_a_revision(client, funcionario, gobierno):
    client.force_login(funcionario)
    respuesta = client.post(reverse("admin:portal_noticia_add"), formulario_noticia(gobierno))
    assert respuesta.status_code == 302, respuesta.content.decode()[:2000]
    noticia = Noticia.objects.get()
    assert noticia.estado == Estado.BORRADOR
    assert noticia.creado_por == funcionario and noticia.modificado_por == funcionario
    assert client.get(noticia.get_absolute_url()).status_code == 404  # drafts are not public

    respuesta = client.post(
        reverse("admin:portal_noticia_changelist"),
        {"action": "enviar_a_revision", "_selected_action": [noticia.pk]},
        follow=True,
    )
    assert "1 elemento: enviar a revisión." in respuesta.content.decode()
    noticia.refresh_from_db()
    assert noticia.estado == Estado.EN_REVISION


def test_el_funcionario_no_puede_publicar(client, funcionario, gobierno):
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, estado=Estado.EN_REVISION)
    client.force_login(funcionario)
    lista = client.get(reverse("admin:portal_noticia_changelist")).content.decode()
    assert 'value="enviar_a_revision"' in lista
    assert 'value="publicar"' not in lista
    client.post(reverse("admin:portal_noticia_changelist"), {"action": "publicar", "_selected_action": [noticia.pk]})
    noticia.refresh_from_db()
    assert noticia.estado == Estado.EN_REVISION
    with pytest.raises(PermissionDenied):
        services.publicable_cambiar_estado(objeto=noticia, usuario=funcionario, transicion="publicar")


def test_el_funcionario_no_ve_ni_toca_lo_de_otra_dependencia(client, funcionario, gobierno, hacienda):
    propia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, titulo="Propia")
    ajena = crear_publicable(Noticia, publicado=False, dependencia=hacienda, titulo="Ajena de Hacienda")
    client.force_login(funcionario)
    lista = client.get(reverse("admin:portal_noticia_changelist")).content.decode()
    assert "Propia" in lista and "Ajena de Hacienda" not in lista
    assert client.get(reverse("admin:portal_noticia_change", args=[ajena.pk])).status_code == 302
    assert client.post(reverse("admin:portal_noticia_delete", args=[ajena.pk]), {"post": "yes"}).status_code == 302
    assert Noticia.objects.filter(pk=ajena.pk).exists()
    # The dependencia list offered in the form is only theirs; posting another one is refused.
    formulario = client.get(reverse("admin:portal_noticia_add")).content.decode()
    assert "Secretaría de Hacienda" not in formulario
    respuesta = client.post(reverse("admin:portal_noticia_add"), formulario_noticia(hacienda, slug="otra"))
    assert respuesta.status_code == 200
    assert "Escoja una opción válida" in respuesta.content.decode()
    assert propia.pk and Noticia.objects.count() == 2


def test_lo_publicado_no_cambia_al_guardar_sino_su_revision(client, funcionario, gobierno):
    # Issue 16: the official's save of a published item goes to its revision; the live one stays as it was.
    publicada = crear_publicable(Noticia, dependencia=gobierno)
    client.force_login(funcionario)
    url = reverse("admin:portal_noticia_change", args=[publicada.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, formulario_noticia(gobierno, titulo="Cambiado")).status_code == 302
    publicada.refresh_from_db()
    assert publicada.titulo != "Cambiado" and publicada.estado == Estado.PUBLICADO
    assert publicada.revision_abierta().titulo == "Cambiado"


def test_el_comite_publica_y_queda_en_el_historial(client, comite, gobierno):
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, estado=Estado.EN_REVISION)
    client.force_login(comite)
    respuesta = client.post(
        reverse("admin:portal_noticia_changelist"),
        {"action": "publicar", "_selected_action": [noticia.pk]},
        follow=True,
    )
    assert "1 elemento: publicar" in respuesta.content.decode()
    noticia.refresh_from_db()
    assert noticia.estado == Estado.PUBLICADO and noticia.publicar_desde <= timezone.now()
    assert client.get(noticia.get_absolute_url()).status_code == 200
    entrada = LogEntry.objects.get(object_id=str(noticia.pk))
    assert entrada.user == comite and entrada.change_message == "Publicado."
    historial = client.get(reverse("admin:portal_noticia_history", args=[noticia.pk])).content.decode()
    assert "Publicado." in historial


def test_publicacion_programada_y_vencimiento(comite, gobierno):
    manana = timezone.now() + timezone.timedelta(days=1)
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, publicar_desde=manana)
    services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="publicar")
    assert not Noticia.objects.vigentes().exists()
    assert Noticia.objects.programados().get() == noticia
    assert Noticia.objects.vigentes(ahora=manana + timezone.timedelta(minutes=1)).get() == noticia
    assert "Publicación programada" in LogEntry.objects.get().change_message

    Noticia.objects.filter(pk=noticia.pk).update(publicar_hasta=manana + timezone.timedelta(days=2))
    assert not Noticia.objects.vigentes(ahora=manana + timezone.timedelta(days=3)).exists()


def test_archivar_retira_del_sitio_y_no_se_salta_pasos(client, comite, gobierno):
    noticia = crear_publicable(Noticia, dependencia=gobierno)
    services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="archivar")
    assert client.get(noticia.get_absolute_url()).status_code == 404
    with pytest.raises(Exception, match="no se puede archivar"):
        services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="archivar")


@pytest.mark.parametrize("modelo", [Noticia, Documento, Evento])
def test_el_flujo_es_el_mismo_para_noticias_documentos_y_eventos(modelo, funcionario, comite, gobierno):
    objeto = crear_publicable(modelo, publicado=False, dependencia=gobierno)
    services.publicable_cambiar_estado(objeto=objeto, usuario=funcionario, transicion="enviar_a_revision")
    assert not modelo.objects.vigentes().exists()
    services.publicable_cambiar_estado(objeto=objeto, usuario=comite, transicion="publicar")
    assert modelo.objects.vigentes().get() == objeto


def test_la_fecha_de_fin_debe_ser_posterior(gobierno):
    noticia = Noticia(
        titulo="x",
        slug="x",
        resumen="x",
        cuerpo="<p>x</p>",
        dependencia=gobierno,
        publicar_desde=timezone.now(),
        publicar_hasta=timezone.now() - timezone.timedelta(days=1),
    )
    with pytest.raises(Exception, match="posterior a la fecha de publicación"):
        noticia.full_clean()


def test_el_formulario_propone_la_dependencia_del_funcionario(client, funcionario, gobierno):
    client.force_login(funcionario)
    html = client.get(reverse("admin:portal_noticia_add")).content.decode()
    assert f'<option value="{gobierno.pk}" selected>' in html
