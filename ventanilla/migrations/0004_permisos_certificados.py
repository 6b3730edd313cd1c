"""Who issues and revokes certificates: whoever handles the radicado (its dependencia, the office that receives
PQRSD, the committee, administrators); the templates' text is the administrator's."""

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos

ATENCION = "Atención al ciudadano"
_CERTIFICADOS = ["ventanilla.view_certificado", "ventanilla.change_certificado", "ventanilla.view_plantillacertificado"]
PERMISOS = {
    FUNCIONARIO: _CERTIFICADOS,
    ATENCION: _CERTIFICADOS,
    COMITE: _CERTIFICADOS,
    ADMINISTRADOR: [
        *_CERTIFICADOS,
        "ventanilla.add_plantillacertificado",
        "ventanilla.change_plantillacertificado",
        "ventanilla.delete_plantillacertificado",
    ],
}


def crear(apps, schema_editor):
    conceder_permisos(apps, PERMISOS)


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)


class Migration(migrations.Migration):
    dependencies = [("ventanilla", "0003_certificados")]

    operations = [migrations.RunPython(crear, deshacer)]
