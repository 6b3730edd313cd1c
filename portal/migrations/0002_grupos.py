"""The three roles as Django groups, with the permissions on the portal's own models."""

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos


def _todos(modelo):
    return [f"portal.{accion}_{modelo}" for accion in ("add", "change", "delete", "view")]


PERMISOS = {
    # Officials keep their own dependencia's contact data up to date (the admin limits them to it).
    FUNCIONARIO: ["portal.view_dependencia", "portal.change_dependencia", "portal.view_funcionario"],
    COMITE: [
        "portal.view_municipio",
        "portal.view_dependencia",
        "portal.view_funcionario",
        "portal.view_politica",
    ],
    ADMINISTRADOR: [
        "portal.view_municipio",
        "portal.change_municipio",
        *_todos("redsocial"),
        *_todos("dependencia"),
        *_todos("funcionario"),
        *_todos("politica"),
        *_todos("usuario"),
        "auth.view_group",
    ],
}


def crear(apps, schema_editor):
    conceder_permisos(apps, PERMISOS)


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)
    apps.get_model("auth", "Group").objects.filter(name__in=PERMISOS.keys()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(crear, deshacer)]
