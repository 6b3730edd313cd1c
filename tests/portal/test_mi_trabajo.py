"""«Mi trabajo», the back office's start page (portal/trabajo.py): what waits for each role, the items returned
with observations (the audit-trail contract with the review workflow) and a query count that does not grow."""

import itertools

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from portal import trabajo
from portal.models import Cambio, Documento, Estado, Evento, Noticia
from tramites.models import Tramite

from .factories import crear_publicable, crear_usuario

pytestmark = pytest.mark.django_db
_n = itertools.count(1)


def _estado(objeto, mensaje, *, hace_dias=0, usuario=None):
    """An ESTADO record in the audit trail, as the publication workflow writes it."""
    return Cambio.objects.create(
        usuario=usuario,
        accion=Cambio.Accion.ESTADO,
        tipo=ContentType.objects.get_for_model(objeto),
        objeto_id=str(objeto.pk),
        objeto_texto=str(objeto),
        dependencia=objeto.dependencia,
        mensaje=mensaje,
        fecha=timezone.now() - timezone.timedelta(days=hace_dias),
    )


def _tramite(dependencia, **campos):
    n = next(_n)
    campos.setdefault("estado", Estado.PUBLICADO)
    campos.setdefault("publicar_desde", timezone.now() - timezone.timedelta(days=1))
    return Tramite.objects.create(dependencia=dependencia, nombre=f"Trámite {n}", slug=f"tramite-{n}", **campos)


# The contract: returned = the newest ESTADO record says "Devuelto con observaciones: <reason>" ----------------


def test_devueltos_lee_el_motivo_del_registro_de_cambios(funcionario, gobierno, hacienda):
    devuelta = crear_publicable(Noticia, publicado=False, dependencia=gobierno, titulo="Feria")
    _estado(devuelta, "Enviado a revisión", hace_dias=3)
    _estado(devuelta, "Devuelto con observaciones: Falta la fecha de la feria.", hace_dias=2)

    reenviada = crear_publicable(Documento, publicado=False, dependencia=gobierno, estado=Estado.EN_REVISION)
    _estado(reenviada, "Devuelto con observaciones: El PDF no abre.", hace_dias=2)
    _estado(reenviada, "Enviado a revisión", hace_dias=1)  # sent again after the fix: no longer returned

    ajena = crear_publicable(Noticia, publicado=False, dependencia=hacienda)
    _estado(ajena, "Devuelto con observaciones: De otra dependencia.")

    resultado = trabajo.devueltos(funcionario)
    assert [(p.objeto, p.motivo, p.dias) for p in resultado] == [(devuelta, "Falta la fecha de la feria.", 2)]
    assert resultado[0].url == f"/admin/portal/noticia/{devuelta.pk}/change/"


def test_un_devuelto_borrado_no_aparece(comite, gobierno):
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno)
    _estado(noticia, "Devuelto con observaciones: Cambie el título.")
    assert len(trabajo.devueltos(comite)) == 1
    noticia.delete()
    assert trabajo.devueltos(comite) == []


# The committee --------------------------------------------------------------------------------------------


def test_el_comite_ve_lo_que_espera_revision_mas_antiguo_primero(client, comite, gobierno, hacienda):
    reciente = crear_publicable(Noticia, publicado=False, dependencia=gobierno, estado=Estado.EN_REVISION)
    _estado(reciente, "Enviado a revisión", hace_dias=1)
    antiguo = crear_publicable(Evento, publicado=False, dependencia=hacienda, estado=Estado.EN_REVISION)
    _estado(antiguo, "Enviado a revisión", hace_dias=6)
    crear_publicable(Noticia, publicado=False, dependencia=gobierno)  # a draft: not the committee's yet
    crear_publicable(Noticia, dependencia=gobierno)  # published this month
    crear_publicable(Documento, dependencia=hacienda)

    client.force_login(comite)
    pagina = client.get("/admin/").content.decode()
    assert "En revisión: esperan su aprobación" in pagina
    assert pagina.index(str(antiguo)) < pagina.index(str(reciente))
    assert "hace 6 días" in pagina and "hace 1 día" in pagina
    assert f'href="/admin/portal/evento/{antiguo.pk}/change/"' in pagina
    publicado = trabajo.publicado_este_mes()
    assert publicado["total"] == 2
    noticias = [str(canal).lower() for canal in publicado["canales"]].index("noticias")
    fila = next(f for f in publicado["filas"] if f[0] == "Secretaría de Gobierno")
    assert fila[1][noticias] == 1 and sum(fila[1]) == 1 and fila[2] == 1
    assert "Publicado este mes" in pagina
    # The sections stay below, with the count of what waits in the menu.
    assert "Noticias (1 en revisión)" in pagina and "Eventos (1 en revisión)" in pagina


# An official ----------------------------------------------------------------------------------------------


def test_el_funcionario_ve_sus_borradores_devueltos_fichas_y_entrega(client, funcionario, gobierno, hacienda):
    borrador = crear_publicable(Noticia, publicado=False, dependencia=gobierno, titulo="Borrador de Gobierno")
    crear_publicable(Noticia, publicado=False, dependencia=hacienda, titulo="Borrador de Hacienda")
    devuelto = crear_publicable(Evento, publicado=False, dependencia=gobierno, titulo="Jornada de vacunación")
    _estado(devuelto, "Devuelto con observaciones: Indique el lugar exacto.")
    hoy = timezone.localdate()
    vencida = _tramite(gobierno, revision_vence=hoy - timezone.timedelta(days=3))
    proxima = _tramite(gobierno, revision_vence=hoy + timezone.timedelta(days=10))
    lejana = _tramite(gobierno, revision_vence=hoy + timezone.timedelta(days=120))
    _tramite(hacienda, revision_vence=hoy - timezone.timedelta(days=3))

    client.force_login(funcionario)
    pagina = client.get("/admin/").content.decode()
    assert "Sus borradores" in pagina and "Borrador de Gobierno" in pagina
    assert f'href="/admin/portal/noticia/{borrador.pk}/change/"' in pagina
    assert "Borrador de Hacienda" not in pagina
    assert "Volvieron con observaciones" in pagina and "Indique el lugar exacto." in pagina
    assert pagina.count("Jornada de vacunación") == 1  # returned, not also among the drafts
    assert str(vencida) in pagina and str(proxima) in pagina and str(lejana) not in pagina
    assert f"vencida desde el {vencida.revision_vence:%d/%m/%Y}" in pagina
    # gelt's semiannual delivery, through the registry (portal never imports gelt).
    assert "Secretaría de Gobierno: Entrega de información del semestre" in pagina
    assert "En revisión: esperan su aprobación" not in pagina


def test_la_entrega_hecha_ya_no_aparece(client, funcionario, gobierno):
    from gelt.models import EntregaDependencia

    EntregaDependencia.objects.create(dependencia=gobierno, fecha=timezone.localdate(), descripcion="Informe")
    client.force_login(funcionario)
    assert "no tiene entregas pendientes este semestre" in client.get("/admin/").content.decode()


# Queries ----------------------------------------------------------------------------------------------------


def _llenar(gobierno, cantidad):
    for _ in range(cantidad):
        for modelo in (Noticia, Evento):
            revision = crear_publicable(modelo, publicado=False, dependencia=gobierno, estado=Estado.EN_REVISION)
            _estado(revision, "Enviado a revisión")
            crear_publicable(modelo, publicado=False, dependencia=gobierno)
            devuelto = crear_publicable(modelo, publicado=False, dependencia=gobierno)
            _estado(devuelto, "Devuelto con observaciones: Revise la ortografía.")
            crear_publicable(modelo, dependencia=gobierno)
        _tramite(gobierno, revision_vence=timezone.localdate())


@pytest.mark.parametrize("usuario", ["comite", "funcionario"])
def test_mi_trabajo_hace_las_mismas_consultas_con_pocos_y_muchos_datos(
    client, usuario, request, gobierno, django_assert_max_num_queries
):
    persona = request.getfixturevalue(usuario)
    client.force_login(persona)
    _llenar(gobierno, 1)
    client.get("/admin/")  # content types and permissions cached, as in a running server
    with django_assert_max_num_queries(30) as pocos:
        assert client.get("/admin/").status_code == 200
    _llenar(gobierno, 12)
    with django_assert_max_num_queries(len(pocos.captured_queries)):
        assert client.get("/admin/").status_code == 200


def test_sin_permiso_sobre_un_modelo_no_se_lista(client, gobierno):
    """A back-office user of the dependencia without rights on news does not get links that answer 403."""
    solo_documentos = crear_usuario(dependencias=[gobierno])
    solo_documentos.user_permissions.add(Permission.objects.get(codename="change_documento"))
    crear_publicable(Noticia, publicado=False, dependencia=gobierno, titulo="Noticia ajena al permiso")
    crear_publicable(Documento, publicado=False, dependencia=gobierno, titulo="Acta del consejo")
    client.force_login(solo_documentos)
    pagina = client.get("/admin/").content.decode()
    assert "Acta del consejo" in pagina and "Noticia ajena al permiso" not in pagina
