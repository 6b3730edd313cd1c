"""Who does what in rendición de cuentas: the committee and the administrators create the yearly processes and
see every question; an official answers and publishes the questions of their dependencias and reports the
progress of their commitments (the admin limits them to their dependencias)."""

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos

TODO = ("add", "change", "delete", "view")
PERMISOS = {
    FUNCIONARIO: [
        "participa.view_procesorendicion",
        "participa.view_preguntarendicion",
        "participa.change_preguntarendicion",
        "participa.view_compromiso",
        "participa.change_compromiso",
    ],
    COMITE: [
        *[f"participa.{a}_{m}" for m in ("procesorendicion", "temarendicion", "compromiso") for a in TODO],
        "participa.view_preguntarendicion",
        "participa.change_preguntarendicion",
        "participa.ver_todas_preguntarendicion",
    ],
    ADMINISTRADOR: [
        *[f"participa.{a}_{m}" for m in ("procesorendicion", "temarendicion", "compromiso") for a in TODO],
        "participa.view_preguntarendicion",
        "participa.change_preguntarendicion",
        "participa.ver_todas_preguntarendicion",
    ],
}


def conceder(apps, schema_editor):
    conceder_permisos(apps, PERMISOS)


def retirar(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)


class Migration(migrations.Migration):
    dependencies = [("participa", "0002_rendicion_de_cuentas"), ("portal", "0024_campana_pasa_a_participa")]

    operations = [migrations.RunPython(conceder, retirar)]
