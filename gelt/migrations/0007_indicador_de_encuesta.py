"""The plan's survey indicator is now computed from the survey's answers (source "encuesta_anual")."""

from django.db import migrations

NOMBRE = "Porcentaje de encuestas realizadas"


def automatico(apps, schema_editor):
    apps.get_model("gelt", "Indicador").objects.filter(nombre=NOMBRE, fuente="").update(fuente="encuesta_anual")


def manual(apps, schema_editor):
    apps.get_model("gelt", "Indicador").objects.filter(nombre=NOMBRE, fuente="encuesta_anual").update(fuente="")


class Migration(migrations.Migration):
    dependencies = [("gelt", "0006_encuesta_por_defecto")]

    operations = [migrations.RunPython(automatico, manual)]
