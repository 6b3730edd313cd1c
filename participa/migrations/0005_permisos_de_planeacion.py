"""Who does what in the presupuesto participativo: the committee and the administrators set up territories and
processes and see every proposal and acta; an official reviews the proposals and enters the actas of the
processes their dependencia coordinates (the admin limits them). Nobody gets the online votes in the admin."""

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos

TODO = ("add", "change", "delete", "view")
DE_LA_DEPENDENCIA = [
    "participa.view_procesoplaneacion",
    "participa.view_territorio",
    *[f"participa.{a}_{m}" for m in ("propuesta", "acta", "votoacta") for a in ("add", "change", "view")],
]
COMPLETO = [
    *[f"participa.{a}_{m}" for m in ("territorio", "procesoplaneacion", "propuesta", "acta", "votoacta") for a in TODO],
    "participa.ver_todas_propuesta",
]
PERMISOS = {FUNCIONARIO: DE_LA_DEPENDENCIA, COMITE: COMPLETO, ADMINISTRADOR: COMPLETO}


def conceder(apps, schema_editor):
    conceder_permisos(apps, PERMISOS)


def retirar(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)


class Migration(migrations.Migration):
    dependencies = [("participa", "0004_presupuesto_participativo"), ("participa", "0003_permisos_de_rendicion")]

    operations = [migrations.RunPython(conceder, retirar)]
