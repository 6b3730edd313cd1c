"""Rights of the three groups on tramites (see portal.roles.permisos_de_ficha)."""

from django.db import migrations

from portal.roles import conceder_permisos, permisos_de_ficha, retirar_permisos

PERMISOS = permisos_de_ficha("tramites", "tramite")


def crear(apps, schema_editor):
    conceder_permisos(apps, PERMISOS)


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)


class Migration(migrations.Migration):
    dependencies = [("tramites", "0001_initial"), ("portal", "0007_datos_situaciones_de_vida")]

    operations = [migrations.RunPython(crear, deshacer)]
