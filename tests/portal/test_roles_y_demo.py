"""The three groups after migrate, the demo loader, and what each role may do in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from portal import roles
from portal.models import Dependencia, Funcionario, Municipio, Usuario

from .factories import crear_dependencia, crear_usuario

pytestmark = pytest.mark.django_db


def test_los_grupos_existen_tras_migrar_con_sus_permisos():
    from ventanilla.permisos import ATENCION_AL_CIUDADANO

    permisos = {grupo.name: set(grupo.permissions.values_list("codename", flat=True)) for grupo in Group.objects.all()}
    # The three roles of the portal, and the office that receives PQRSD (ventanilla).
    assert set(permisos) == {roles.FUNCIONARIO, roles.COMITE, roles.ADMINISTRADOR, ATENCION_AL_CIUDADANO}
    assert "ver_todos_radicado" in permisos[ATENCION_AL_CIUDADANO] - permisos[roles.FUNCIONARIO]
    assert {"view_dependencia", "change_dependencia"} <= permisos[roles.FUNCIONARIO]
    assert "add_dependencia" not in permisos[roles.FUNCIONARIO]
    assert "change_municipio" not in permisos[roles.FUNCIONARIO] | permisos[roles.COMITE]
    assert {"change_municipio", "add_usuario", "change_politica", "add_dependencia"} <= permisos[roles.ADMINISTRADOR]


def cargar(**opciones):
    call_command("cargar_demo", force=True, verbosity=0, **opciones)


def test_cargar_demo_dos_veces_deja_lo_mismo():
    cargar(password="Demo-Tablon-2026")
    antes = (Dependencia.objects.count(), Usuario.objects.count(), Funcionario.objects.count())
    cargar()
    assert (Dependencia.objects.count(), Usuario.objects.count(), Funcionario.objects.count()) == antes
    assert antes[0] == 11
    assert Dependencia.objects.filter(es_demo=False).count() == 0
    assert Municipio.objects.actual().aviso_demostracion
    # Without --password, existing users keep theirs.
    assert Usuario.objects.get(username="funcionario").check_password("Demo-Tablon-2026")


def test_cargar_demo_crea_los_usuarios_con_su_rol_y_pueden_ingresar(client):
    cargar(password="Demo-Tablon-2026")
    admin = Usuario.objects.get(username="admin")
    assert admin.is_superuser and admin.groups.filter(name=roles.ADMINISTRADOR).exists()
    funcionario = Usuario.objects.get(username="funcionario")
    assert list(Dependencia.objects.de_usuario(funcionario).values_list("nombre", flat=True)) == [
        "Secretaría de Gobierno"
    ]
    assert Usuario.objects.get(username="comite").groups.filter(name=roles.COMITE).exists()
    for usuario in ["admin", "funcionario", "comite"]:
        respuesta = client.post(
            reverse("admin:login"), {"username": usuario, "password": "Demo-Tablon-2026", "next": "/admin/"}
        )
        assert respuesta.status_code == 302, usuario
        assert client.get(reverse("admin:index")).status_code == 200
        client.logout()


def test_cargar_demo_genera_e_imprime_una_contrasena(capsys):
    call_command("cargar_demo", force=True)
    salida = capsys.readouterr().out
    contrasena = salida.split("contraseña: ")[1].split()[0]
    assert len(contrasena) >= 12
    assert Usuario.objects.get(username="admin").check_password(contrasena)


def test_cargar_demo_se_niega_en_produccion(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("cargar_demo")
    assert not Usuario.objects.exists()


def test_cargar_demo_rechaza_una_contrasena_debil():
    with pytest.raises(CommandError, match="no es segura"):
        cargar(password="123")


def test_cargar_demo_en_simulacion_no_guarda_nada():
    cargar(dry_run=True)
    assert not Usuario.objects.exists()
    assert not Dependencia.objects.exists()


def test_cargar_demo_no_pisa_los_datos_que_el_administrador_ya_escribio():
    Municipio.objects.filter(pk=1).update(telefono="+57 602 765 4321")
    cargar()
    assert Municipio.objects.actual().telefono == "+57 602 765 4321"


# --- the admin by role -----------------------------------------------------------------------------------


def test_funcionario_solo_ve_y_edita_su_dependencia(client):
    propia = crear_dependencia(nombre="Secretaría de Gobierno")
    ajena = crear_dependencia(nombre="Secretaría de Hacienda")
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[propia]))

    lista = client.get(reverse("admin:portal_dependencia_changelist")).content.decode()
    assert "Secretaría de Gobierno" in lista
    assert "Secretaría de Hacienda" not in lista
    assert client.get(reverse("admin:portal_dependencia_change", args=[ajena.pk])).status_code == 302
    assert client.get(reverse("admin:portal_dependencia_change", args=[propia.pk])).status_code == 200
    assert client.get(reverse("admin:portal_dependencia_add")).status_code == 403
    assert client.get(reverse("admin:portal_municipio_change", args=[1])).status_code == 403
    assert client.get(reverse("admin:portal_usuario_changelist")).status_code == 403


def test_la_identidad_es_un_solo_registro_que_no_se_borra(client):
    client.force_login(crear_usuario(grupo=roles.ADMINISTRADOR))
    lista = client.get(reverse("admin:portal_municipio_changelist"))
    assert lista.status_code == 302
    assert lista["Location"] == reverse("admin:portal_municipio_change", args=[1])
    assert client.get(reverse("admin:portal_municipio_add")).status_code == 403
    assert client.get(reverse("admin:portal_municipio_delete", args=[1])).status_code == 403


def test_el_administrador_cambia_la_identidad_y_un_error_se_explica_en_espanol(client):
    client.force_login(crear_usuario(grupo=roles.ADMINISTRADOR))
    url = reverse("admin:portal_municipio_change", args=[1])
    formulario = {
        "nombre": "El Tablón de Gómez",
        "departamento": "Nariño",
        "entidad": "Alcaldía Municipal de El Tablón de Gómez",
        "direccion": "Carrera 2 # 3-10",
        "horario_atencion": "Lunes a viernes",
        "telefono": "602 123",
        "redes_sociales-TOTAL_FORMS": "0",
        "redes_sociales-INITIAL_FORMS": "0",
    }
    respuesta = client.post(url, formulario)
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Escriba el número con el indicativo +57" in html
    assert 'value="Carrera 2 # 3-10"' in html  # what the person typed is kept

    formulario["telefono"] = "+57 602 123 4567"
    assert client.post(url, formulario).status_code == 302
    assert Municipio.objects.actual().direccion == "Carrera 2 # 3-10"
