"""The self-check now verifies the PQRSD criteria from the ventanilla's data (INT-04 radicado and follow-up,
INT-13 alerts; INT-12 already named its check)."""

from django.db import migrations

CLAVES = {"INT-04": "pqrsd_radicado", "INT-13": "alertas"}


def asignar(apps, schema_editor):
    Criterio = apps.get_model("gelt", "Criterio")
    for codigo, clave in CLAVES.items():
        Criterio.objects.filter(codigo=codigo, verificacion="").update(verificacion=clave)


def quitar(apps, schema_editor):
    Criterio = apps.get_model("gelt", "Criterio")
    for codigo, clave in CLAVES.items():
        Criterio.objects.filter(codigo=codigo, verificacion=clave).update(verificacion="")


class Migration(migrations.Migration):
    dependencies = [("gelt", "0011_indicadores_de_pqrsd")]

    operations = [migrations.RunPython(asignar, quitar)]
