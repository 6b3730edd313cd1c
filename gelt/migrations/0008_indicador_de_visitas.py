"""The plan's visits indicator is now computed from the portal's cookieless visit counts."""

from django.db import migrations

NOMBRE = "Porcentaje de visitas al sitio Web"


def automatico(apps, schema_editor):
    apps.get_model("gelt", "Indicador").objects.filter(nombre=NOMBRE, fuente="").update(fuente="visitas_semestre")


def manual(apps, schema_editor):
    apps.get_model("gelt", "Indicador").objects.filter(nombre=NOMBRE, fuente="visitas_semestre").update(fuente="")


class Migration(migrations.Migration):
    dependencies = [("gelt", "0007_indicador_de_encuesta"), ("portal", "0012_visitas_permisos_y_politica")]

    operations = [migrations.RunPython(automatico, manual)]
