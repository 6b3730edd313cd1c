"""The self-check verifies the democracy criteria from participa's data: DEM-01 the policy of participation by
electronic means, DEM-03 participatory planning, DEM-04 online accountability, DEM-06 social control (the
commitments of the hearing and their progress, the answers linked to the action plan)."""

from django.db import migrations

CLAVES = {
    "DEM-01": "politica_participacion",
    "DEM-03": "planeacion_participativa",
    "DEM-04": "rendicion_en_linea",
    "DEM-06": "control_social",
}


def asignar(apps, schema_editor):
    Criterio = apps.get_model("gelt", "Criterio")
    for codigo, clave in CLAVES.items():
        Criterio.objects.filter(codigo=codigo, verificacion="").update(verificacion=clave)


def quitar(apps, schema_editor):
    Criterio = apps.get_model("gelt", "Criterio")
    for codigo, clave in CLAVES.items():
        Criterio.objects.filter(codigo=codigo, verificacion=clave).update(verificacion="")


class Migration(migrations.Migration):
    dependencies = [("gelt", "0013_criterios_de_consultas")]

    operations = [migrations.RunPython(asignar, quitar)]
