"""The self-check now verifies criteria from the consultations of draft norms (participa): DEM-02 online
consultations, DEM-05 deliberation spaces (the published comments on each article), DEM-07 what was done with
the contributions (the answer matrix of each consultation)."""

from django.db import migrations

CLAVES = {
    "DEM-02": "consultas_en_linea",
    "DEM-05": "deliberacion",
    "DEM-07": "aportes_respondidos",
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
    dependencies = [("gelt", "0012_criterios_de_pqrsd")]

    operations = [migrations.RunPython(asignar, quitar)]
