"""The audit log: every create, change, delete and publication in the admin, and the ficha import, keep who,
when and which values changed; officials and the committee read it; nobody edits it."""

import datetime
import json

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from portal import auditoria, roles, services
from portal.admin_site import PortalAdminSite
from portal.fichas import importacion
from portal.models import Cambio, CambioInmutable, Categoria, Estado, Funcionario, Noticia, Usuario
from tramites.models import Tramite

from .factories import crear_publicable, crear_usuario

pytestmark = pytest.mark.django_db
CLAVE = "Clave-de-prueba-123"


@pytest.fixture
def administrador():
    return crear_usuario(grupo=roles.ADMINISTRADOR)


@pytest.fixture
def superusuario():
    return crear_usuario(is_superuser=True)


def datos_del_formulario(respuesta, **cambios):
    """The POST data of an admin add or change page as it was shown (the form, its inlines and their
    management forms), with ``cambios`` applied."""
    formularios = [respuesta.context["adminform"].form]
    for inline in respuesta.context["inline_admin_formsets"]:
        formularios += [inline.formset.management_form, *inline.formset.forms]
    datos = {}
    for formulario in formularios:
        for campo in formulario:
            widget, valor = campo.field.widget, campo.value()
            if isinstance(widget, forms.ClearableFileInput):
                continue
            if isinstance(widget, forms.CheckboxInput):
                if valor:
                    datos[campo.html_name] = "on"
            elif isinstance(widget, forms.MultiWidget):
                for i, (subwidget, parte) in enumerate(zip(widget.widgets, widget.decompress(valor), strict=True)):
                    datos[f"{campo.html_name}_{i}"] = subwidget.format_value(parte) or ""
            elif isinstance(valor, list | tuple):
                datos[campo.html_name] = [str(v) for v in valor]
            elif valor is None and getattr(getattr(widget, "widget", widget), "allow_multiple_selected", False):
                continue
            else:
                datos[campo.html_name] = "" if valor is None else str(valor)
    datos.update(cambios)
    return datos


def registros(objeto):
    return list(Cambio.objects.de_objeto(objeto).order_by("pk"))


# Creating, changing and deleting in the admin -------------------------------------------------------------


def test_cambiar_una_noticia_en_el_admin_registra_quien_cuando_y_los_valores(client, funcionario, gobierno):
    noticia = crear_publicable(
        Noticia, publicado=False, dependencia=gobierno, titulo="Arreglo de la vía", resumen="Empiezan las obras."
    )
    client.force_login(funcionario)
    url = reverse("admin:portal_noticia_change", args=[noticia.pk])
    datos = datos_del_formulario(
        client.get(url), titulo="Arreglo de la vía a Las Mesas", resumen="Empiezan el lunes.", destacada="on"
    )
    antes = timezone.now()
    respuesta = client.post(url, datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]

    registro = Cambio.objects.get()
    assert registro.usuario == funcionario and registro.usuario_nombre == funcionario.username
    assert antes <= registro.fecha <= timezone.now()
    assert registro.accion == Cambio.Accion.CAMBIO
    assert registro.tipo == ContentType.objects.get_for_model(Noticia) and registro.objeto_id == str(noticia.pk)
    assert registro.objeto_texto == "Arreglo de la vía a Las Mesas" and registro.dependencia == gobierno
    assert registro.cambios == {
        "Título": ["Arreglo de la vía", "Arreglo de la vía a Las Mesas"],
        "Resumen": ["Empiezan las obras.", "Empiezan el lunes."],
        "Destacada en el inicio": ["No", "Sí"],
        "Modificado por": [None, funcionario.username],
    }
    # Django's own history is still written.
    assert LogEntry.objects.get(object_id=str(noticia.pk)).user == funcionario

    historial = client.get(reverse("admin:portal_noticia_history", args=[noticia.pk])).content.decode()
    assert "Empiezan las obras." in historial and "Empiezan el lunes." in historial
    assert funcionario.username in historial


def test_guardar_sin_cambiar_nada_no_deja_registro(client, funcionario, gobierno):
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, modificado_por=funcionario)
    client.force_login(funcionario)
    url = reverse("admin:portal_noticia_change", args=[noticia.pk])
    assert client.post(url, datos_del_formulario(client.get(url))).status_code == 302
    assert not Cambio.objects.exists()


def test_crear_en_el_admin_registra_los_valores_iniciales(client, funcionario, gobierno):
    client.force_login(funcionario)
    url = reverse("admin:portal_noticia_add")
    datos = datos_del_formulario(
        client.get(url),
        titulo="Feria del café",
        slug="feria-del-cafe",
        resumen="Sábado en el parque.",
        cuerpo="<p>Todos invitados.</p>",
        dependencia=str(gobierno.pk),
    )
    assert client.post(url, datos).status_code == 302
    noticia = Noticia.objects.get()
    registro = Cambio.objects.get()
    assert registro.accion == Cambio.Accion.CREACION and registro.objeto_id == str(noticia.pk)
    assert registro.usuario == funcionario and registro.dependencia == gobierno
    assert registro.cambios["Título"] == [None, "Feria del café"]
    assert registro.cambios["Estado"] == [None, "Borrador"]
    assert registro.cambios["Dependencia"] == [None, "Secretaría de Gobierno"]
    assert "Fecha de publicación" not in registro.cambios  # empty values are not listed


def test_borrar_en_el_admin_registra_lo_que_se_borro(client, comite, gobierno):
    noticia = crear_publicable(Noticia, dependencia=gobierno, titulo="Noticia vieja")
    pk = noticia.pk
    client.force_login(comite)
    respuesta = client.post(reverse("admin:portal_noticia_delete", args=[pk]), {"post": "yes"})
    assert respuesta.status_code == 302 and not Noticia.objects.exists()
    registro = Cambio.objects.get()
    assert registro.accion == Cambio.Accion.BORRADO and registro.objeto_id == str(pk)
    assert registro.usuario == comite and registro.dependencia == gobierno
    assert registro.cambios["Título"] == ["Noticia vieja", None]
    assert registro.cambios["Estado"] == ["Publicado", None]


def test_la_accion_de_borrar_varios_registra_cada_uno(client, comite, gobierno):
    noticias = [crear_publicable(Noticia, dependencia=gobierno) for _ in range(3)]
    client.force_login(comite)
    respuesta = client.post(
        reverse("admin:portal_noticia_changelist"),
        {"action": "delete_selected", "_selected_action": [n.pk for n in noticias[:2]], "post": "yes"},
    )
    assert respuesta.status_code == 302
    assert list(Noticia.objects.all()) == [noticias[2]]
    borrados = Cambio.objects.filter(accion=Cambio.Accion.BORRADO)
    assert sorted(borrados.values_list("objeto_id", flat=True)) == sorted(str(n.pk) for n in noticias[:2])
    assert all(r.usuario == comite and r.cambios["Título"][1] is None for r in borrados)


def test_un_cambio_de_muchos_a_muchos_registra_los_nombres(client, comite, gobierno):
    obras = Categoria.objects.create(nombre="Obras", slug="obras")
    salud = Categoria.objects.create(nombre="Salud", slug="salud")
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno)
    noticia.categorias.add(obras)
    client.force_login(comite)
    url = reverse("admin:portal_noticia_change", args=[noticia.pk])
    datos = datos_del_formulario(client.get(url), categorias=[str(obras.pk), str(salud.pk)])
    assert client.post(url, datos).status_code == 302
    assert set(noticia.categorias.all()) == {obras, salud}
    assert Cambio.objects.get().cambios["Categorías"] == ["Obras", "Obras; Salud"]


def test_las_filas_de_un_inline_quedan_en_el_historial_de_su_pagina(client, administrador, gobierno):
    jefe = Funcionario.objects.create(dependencia=gobierno, nombre="Ana Ruiz", cargo="Secretaria")
    auxiliar = Funcionario.objects.create(dependencia=gobierno, nombre="Luis Paz", cargo="Auxiliar", orden=1)
    client.force_login(administrador)
    url = reverse("admin:portal_dependencia_change", args=[gobierno.pk])
    datos = datos_del_formulario(client.get(url))
    jefe_i, auxiliar_i = (
        next(i for i in range(2) if datos[f"funcionarios-{i}-id"] == str(f.pk)) for f in (jefe, auxiliar)
    )
    datos.update(
        {
            f"funcionarios-{jefe_i}-cargo": "Secretaria de Gobierno",
            f"funcionarios-{auxiliar_i}-DELETE": "on",
            "funcionarios-TOTAL_FORMS": "3",
            "funcionarios-2-nombre": "Rosa Díaz",
            "funcionarios-2-cargo": "Profesional",
            "funcionarios-2-en_directorio": "on",
            "funcionarios-2-orden": "2",
            "funcionarios-2-dependencia": str(gobierno.pk),
        }
    )
    respuesta = client.post(url, datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]

    por_accion = {r.accion: r for r in Cambio.objects.all()}
    assert set(por_accion) == {Cambio.Accion.CAMBIO, Cambio.Accion.BORRADO, Cambio.Accion.CREACION}
    assert por_accion[Cambio.Accion.CAMBIO].cambios == {"Cargo": ["Secretaria", "Secretaria de Gobierno"]}
    assert por_accion[Cambio.Accion.CAMBIO].objeto_id == str(jefe.pk)
    assert por_accion[Cambio.Accion.BORRADO].objeto_id == str(auxiliar.pk)
    assert por_accion[Cambio.Accion.BORRADO].cambios["Nombre completo"] == ["Luis Paz", None]
    assert por_accion[Cambio.Accion.CREACION].cambios["Nombre completo"] == [None, "Rosa Díaz"]
    for registro in por_accion.values():
        assert registro.padre_id == str(gobierno.pk) and registro.padre_texto == "Secretaría de Gobierno"
        assert registro.dependencia == gobierno and registro.usuario == administrador

    historial = client.get(reverse("admin:portal_dependencia_history", args=[gobierno.pk])).content.decode()
    assert "Secretaria de Gobierno" in historial and "Luis Paz" in historial and "Rosa Díaz" in historial


def test_guardar_un_objeto_que_no_cargo_get_object_tambien_registra_los_valores(rf, comite, gobierno):
    """As the change list's editable columns do: save_model, then log_change."""
    noticia = crear_publicable(Noticia, dependencia=gobierno, titulo="Antes", modificado_por=comite)
    modeladmin = admin.site.get_model_admin(Noticia)
    peticion = rf.post("/")
    peticion.user = comite
    noticia = Noticia.objects.get(pk=noticia.pk)
    noticia.titulo = "Después"
    modeladmin.save_model(peticion, noticia, None, True)
    modeladmin.log_change(peticion, noticia, [{"changed": {"fields": ["titulo"]}}])
    assert Cambio.objects.get().cambios == {"Título": ["Antes", "Después"]}


# Publication and the ficha import -------------------------------------------------------------------------


def test_publicar_con_la_accion_del_admin_registra_el_cambio_de_estado(client, comite, gobierno):
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, estado=Estado.EN_REVISION)
    client.force_login(comite)
    client.post(reverse("admin:portal_noticia_changelist"), {"action": "publicar", "_selected_action": [noticia.pk]})
    noticia.refresh_from_db()
    registro = Cambio.objects.get()
    assert registro.accion == Cambio.Accion.ESTADO and registro.usuario == comite
    assert registro.mensaje == "Publicado."
    assert registro.cambios["Estado"] == ["En revisión", "Publicado"]
    fecha = timezone.localtime(noticia.publicar_desde).strftime("%d/%m/%Y %H:%M")
    assert registro.cambios["Fecha de publicación"] == [None, fecha]
    assert LogEntry.objects.get().change_message == "Publicado."  # the admin's history, as before


def test_la_hora_se_registra_en_hora_de_colombia(comite, gobierno):
    # 15:30 UTC is 10:30 in Bogotá.
    desde = datetime.datetime(2030, 1, 15, 15, 30, tzinfo=datetime.UTC)
    noticia = crear_publicable(Noticia, publicado=False, dependencia=gobierno, publicar_desde=desde)
    services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="publicar")
    assert Cambio.objects.get().cambios == {
        "Estado": ["Borrador", "Publicado"],
        "Modificado por": [None, comite.username],
    }
    noticia.refresh_from_db()
    antes = auditoria.valores(noticia)
    noticia.publicar_desde = datetime.datetime(2030, 2, 1, 15, 30, tzinfo=datetime.UTC)
    noticia.save()
    services.registrar_en_historial(usuario=comite, objeto=noticia, mensaje="", antes=antes)
    assert Cambio.objects.first().cambios == {"Fecha de publicación": ["15/01/2030 10:30", "01/02/2030 10:30"]}


def _csv(filas):
    columnas = list(filas[0])
    lineas = [",".join(columnas), *(",".join(f'"{fila[c]}"' for c in columnas) for fila in filas)]
    return "\n".join(lineas).encode()


def _fila_de_tramite(**campos):
    datos = {
        "nombre": "Certificado de residencia",
        "dependencia": "gobierno",
        "proposito": "Demostrar que vive en el municipio.",
        "resultado": "Un certificado.",
        "tiempo_cantidad": "5",
        "requisitos": "solicitud | documento | Copia de la cédula",
        "normas": "Ley 1755 de 2015 | Artículo 14",
    }
    datos.update(campos)
    return datos


def test_la_importacion_de_fichas_registra_lo_creado_y_lo_cambiado(client, comite, gobierno):
    client.force_login(comite)
    archivo = SimpleUploadedFile("fichas.csv", _csv([_fila_de_tramite()]), "text/csv")
    assert client.post(reverse("admin:tramites_tramite_importar"), {"archivo": archivo}).status_code == 302
    tramite = Tramite.objects.get()
    creado = Cambio.objects.get()
    assert creado.accion == Cambio.Accion.CREACION and creado.usuario == comite
    assert creado.mensaje == "Creada desde un archivo importado." and creado.dependencia == gobierno
    assert creado.cambios["Nombre"] == [None, "Certificado de residencia"]
    assert creado.cambios["Requisitos"] == [None, "Copia de la cédula"]

    fila = _fila_de_tramite(
        tiempo_cantidad="10",
        requisitos="solicitud | documento | Copia de la cédula; solicitud | condicion | Vivir en el municipio",
    )
    informe = importacion.importar(_csv([fila]), modelo=Tramite, usuario=comite)
    assert informe.ok and informe.actualizadas == ["Certificado de residencia"]
    cambio = Cambio.objects.exclude(pk=creado.pk).get()
    assert cambio.accion == Cambio.Accion.CAMBIO and cambio.objeto_id == str(tramite.pk)
    assert cambio.cambios["Requisitos"] == ["Copia de la cédula", "Copia de la cédula; Vivir en el municipio"]
    assert cambio.cambios["Cantidad de días"] == ["5", "10"]


def test_la_importacion_sin_usuario_y_la_simulada(gobierno, tmp_path):
    informe = importacion.importar(_csv([_fila_de_tramite()]), modelo=Tramite, usuario=None, simular=True)
    assert informe.ok and not Cambio.objects.exists()  # nothing was kept, the record neither
    archivo = tmp_path / "fichas.csv"
    archivo.write_bytes(_csv([_fila_de_tramite()]))
    call_command("importar_fichas", str(archivo), tipo="tramite", verbosity=0)
    registro = Cambio.objects.get()
    assert registro.usuario is None and registro.usuario_nombre == "" and registro.accion == Cambio.Accion.CREACION


def test_los_registros_del_comite_quedan_con_quien_y_cuando(client, comite):
    from gelt.models import Evaluacion

    client.force_login(comite)
    respuesta = client.post(
        reverse("admin:gelt_evaluacion_add"), {"fecha": "24/11/2026", "nombre": "Evaluación 2026", "notas": ""}
    )
    assert respuesta.status_code == 302
    evaluacion = Evaluacion.objects.get()
    client.post(
        reverse("admin:gelt_evaluacion_changelist"), {"action": "reverificar", "_selected_action": [evaluacion.pk]}
    )
    creada, verificada = registros(evaluacion)
    assert creada.accion == Cambio.Accion.CREACION and creada.usuario == comite
    assert creada.cambios["Creada por"] == [None, comite.username]
    assert creada.cambios["Nombre"] == [None, "Evaluación 2026"] and creada.cambios["Fecha"] == [None, "24/11/2026"]
    assert verificada.usuario == comite and verificada.mensaje == "Propuestas del portal verificadas de nuevo."


# Who reads the log ------------------------------------------------------------------------------------------


def test_el_funcionario_solo_ve_los_registros_de_sus_dependencias(client, funcionario, comite, gobierno, hacienda):
    propia = crear_publicable(Noticia, dependencia=gobierno, titulo="Obras en la vía")
    ajena = crear_publicable(Noticia, dependencia=hacienda, titulo="Impuesto predial")
    for noticia in (propia, ajena):
        services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="archivar")
    registro_ajeno = Cambio.objects.get(objeto_id=str(ajena.pk))

    client.force_login(funcionario)
    lista = client.get(reverse("admin:portal_cambio_changelist"))
    assert lista.status_code == 200
    html = lista.content.decode()
    assert "Obras en la vía" in html and "Impuesto predial" not in html
    assert "<h1>Registro de cambios</h1>" in html and "1 cambio registrado" in html
    detalle = client.get(reverse("admin:portal_cambio_change", args=[registro_ajeno.pk]))
    assert detalle.status_code in (302, 403, 404) and "Impuesto predial" not in detalle.content.decode()
    historial = client.get(reverse("admin:portal_noticia_history", args=[ajena.pk]))
    assert historial.status_code in (302, 403, 404) and "Impuesto predial" not in historial.content.decode()
    assert client.get(reverse("admin:portal_noticia_history", args=[propia.pk])).status_code == 200

    client.force_login(comite)
    html = client.get(reverse("admin:portal_cambio_changelist")).content.decode()
    assert "Obras en la vía" in html and "Impuesto predial" in html
    assert client.get(reverse("admin:portal_cambio_change", args=[registro_ajeno.pk])).status_code == 200


def test_sin_permiso_sobre_el_modelo_no_se_ven_sus_registros(client, comite, administrador):
    # The committee does not manage users: the records of a user's changes are not theirs to read.
    usuario = crear_usuario(first_name="Marta")
    auditoria.cambio_registrar(
        usuario=administrador, objeto=usuario, accion=Cambio.Accion.CREACION, despues=auditoria.valores(usuario)
    )
    client.force_login(comite)
    assert str(usuario) not in client.get(reverse("admin:portal_cambio_changelist")).content.decode()
    client.force_login(administrador)
    assert str(usuario) in client.get(reverse("admin:portal_cambio_changelist")).content.decode()


def test_los_filtros_y_la_busqueda_del_registro(client, comite, gobierno, hacienda, django_assert_max_num_queries):
    for i in range(20):
        noticia = crear_publicable(Noticia, dependencia=gobierno if i % 2 else hacienda, titulo=f"Noticia {i}")
        services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="archivar")
    client.force_login(comite)
    url = reverse("admin:portal_cambio_changelist")
    with django_assert_max_num_queries(25):
        assert client.get(url).status_code == 200
    tipo = ContentType.objects.get_for_model(Noticia)
    consultas = [
        {"accion": "estado"},
        {"modelo": str(tipo.pk)},
        {"usuario__id__exact": str(comite.pk)},
        {"dependencia__id__exact": str(gobierno.pk)},
        {"fecha__gte": str(timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0))},
        {"q": "Noticia 1"},
    ]
    for consulta in consultas:
        respuesta = client.get(url, consulta)
        assert respuesta.status_code == 200, consulta
        assert respuesta.context["cl"].result_count >= 1, consulta
    assert client.get(url, {"dependencia__id__exact": str(gobierno.pk)}).context["cl"].result_count == 10
    assert client.get(url, {"accion": "borrado"}).context["cl"].result_count == 0


def test_los_tres_grupos_pueden_leer_el_registro_y_nadie_escribirlo():
    for grupo in Group.objects.filter(name__in=roles.GRUPOS):
        assert grupo.permissions.filter(codename="view_cambio").exists(), grupo
    assert set(Permission.objects.filter(content_type__model="cambio").values_list("codename", flat=True)) == {
        "view_cambio"
    }


# Nobody edits the log ---------------------------------------------------------------------------------------


def test_nadie_cambia_ni_borra_un_registro_en_el_admin(client, superusuario, comite, gobierno):
    noticia = crear_publicable(Noticia, dependencia=gobierno)
    services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="archivar")
    registro = Cambio.objects.get()
    for usuario in (superusuario, comite):
        client.force_login(usuario)
        assert client.get(reverse("admin:portal_cambio_add")).status_code == 403
        assert client.post(reverse("admin:portal_cambio_add"), {"mensaje": "falso"}).status_code == 403
        cambio = reverse("admin:portal_cambio_change", args=[registro.pk])
        assert client.get(cambio).status_code == 200  # read only
        assert client.post(cambio, {"mensaje": "falso", "accion": "borrado"}).status_code == 403
        borrar = reverse("admin:portal_cambio_delete", args=[registro.pk])
        assert client.get(borrar).status_code == 403
        assert client.post(borrar, {"post": "yes"}).status_code == 403
        lista = client.get(reverse("admin:portal_cambio_changelist"))
        assert "delete_selected" not in lista.content.decode()
        client.post(
            reverse("admin:portal_cambio_changelist"),
            {"action": "delete_selected", "_selected_action": [registro.pk], "post": "yes"},
        )
    assert Cambio.objects.get() == registro
    registro.refresh_from_db()
    assert registro.mensaje == "Archivado." and registro.accion == Cambio.Accion.ESTADO


def test_nadie_cambia_ni_borra_un_registro_por_el_modelo(comite, gobierno):
    noticia = crear_publicable(Noticia, dependencia=gobierno)
    services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="archivar")
    registro = Cambio.objects.get()
    registro.mensaje = "falso"
    with pytest.raises(CambioInmutable):
        registro.save()
    with pytest.raises(CambioInmutable):
        registro.delete()
    with pytest.raises(CambioInmutable):
        Cambio.objects.filter(pk=registro.pk).update(mensaje="falso")
    with pytest.raises(CambioInmutable):
        Cambio.objects.all().delete()
    # A new record with the id of an existing one does not overwrite it.
    copia = Cambio(pk=registro.pk, accion=Cambio.Accion.BORRADO, tipo=registro.tipo, objeto_id="1", mensaje="falso")
    with pytest.raises(IntegrityError), transaction.atomic():
        copia.save()
    registro.refresh_from_db()
    assert registro.mensaje == "Archivado."


def test_borrar_un_usuario_conserva_sus_registros(comite, gobierno):
    noticia = crear_publicable(Noticia, dependencia=gobierno)
    services.publicable_cambiar_estado(objeto=noticia, usuario=comite, transicion="archivar")
    nombre = comite.username
    comite.delete()
    registro = Cambio.objects.get()
    assert registro.usuario is None and registro.usuario_nombre == nombre


# Secrets, long texts ----------------------------------------------------------------------------------------


def test_las_contrasenas_nunca_llegan_al_registro(client, administrador):
    client.force_login(administrador)
    respuesta = client.post(
        reverse("admin:portal_usuario_add"),
        {
            "username": "nuevo",
            "password1": "Una-clave-muy-secreta-1",
            "password2": "Una-clave-muy-secreta-1",
            "cargos-TOTAL_FORMS": "0",
            "cargos-INITIAL_FORMS": "0",
        },
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    nuevo = Usuario.objects.get(username="nuevo")
    respuesta = client.post(
        reverse("admin:auth_user_password_change", args=[nuevo.pk]),
        {"password1": "Otra-clave-muy-secreta-2", "password2": "Otra-clave-muy-secreta-2"},
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    nuevo.refresh_from_db()

    creado, cambiado = registros(nuevo)
    assert creado.accion == Cambio.Accion.CREACION and creado.cambios["Contraseña"] == [None, "(valor nuevo, oculto)"]
    assert cambiado.cambios == {"Contraseña": ["(valor oculto)", "(valor nuevo, oculto)"]}
    todo = json.dumps(list(Cambio.objects.values()), default=str, ensure_ascii=False)
    for secreto in ("Una-clave-muy-secreta-1", "Otra-clave-muy-secreta-2", nuevo.password, nuevo.password[:12]):
        assert secreto not in todo


def test_los_textos_largos_se_recortan_alrededor_del_cambio():
    antes = "a" * 1000 + " viejo " + "b" * 1000
    despues = "a" * 1000 + " nuevo " + "b" * 1000
    previo, nuevo = auditoria.diferencias(Noticia, {"cuerpo": antes}, {"cuerpo": despues})["Texto de la noticia"]
    assert "viejo" in previo and "nuevo" in nuevo
    assert previo.startswith("…") and previo.endswith("…")
    assert len(previo) <= auditoria.LIMITE_DE_TEXTO + 2


# Every ModelAdmin records ---------------------------------------------------------------------------------


def test_cada_modeladmin_del_proyecto_usa_la_auditoria():
    assert auditoria.modelos_sin_auditoria(admin.site) == []
    for modelo, modeladmin in admin.site._registry.items():
        if modelo._meta.app_label in ("portal", "tramites", "servicios", "gelt", "auth") and modelo is not Cambio:
            assert isinstance(modeladmin, auditoria.AuditadoMixin), modelo
    assert not [e for e in admin.site.check(None) if e.id == "portal.E001"]


def test_la_verificacion_del_sitio_avisa_de_un_admin_sin_auditoria():
    sitio = PortalAdminSite(name="prueba")
    sitio.register(Categoria, admin.ModelAdmin)
    errores = [e for e in sitio.check(None) if e.id == "portal.E001"]
    assert len(errores) == 1 and "portal.Categoria" in errores[0].msg


def test_los_cambios_de_permisos_de_un_grupo_se_registran(client, superusuario):
    grupo = Group.objects.create(name="Prensa")
    permiso = Permission.objects.get(codename="view_noticia")
    client.force_login(superusuario)
    url = reverse("admin:auth_group_change", args=[grupo.pk])
    datos = datos_del_formulario(client.get(url), permissions=[str(permiso.pk)])
    assert client.post(url, datos).status_code == 302
    registro = Cambio.objects.get()
    assert registro.usuario == superusuario and registro.objeto_texto == "Prensa"
    assert registro.cambios["Permisos"] == [None, str(permiso)]
