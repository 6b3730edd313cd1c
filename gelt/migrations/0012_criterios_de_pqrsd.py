"""The self-check now verifies criteria from the ventanilla's data: INT-04 PQRSD with radicado and follow-up,
INT-13 alerts (INT-12 already named its check), TRN-03 verifiable certificates, TRN-05 electronic
notification, TRN-06 tracking of online requests."""

from django.db import migrations

CLAVES = {
    "INT-04": "pqrsd_radicado",
    "INT-13": "alertas",
    "TRN-03": "certificados_verificables",
    "TRN-05": "notificacion_electronica",
    "TRN-06": "seguimiento_transacciones",
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
    dependencies = [("gelt", "0011_indicadores_de_pqrsd")]

    operations = [migrations.RunPython(asignar, quitar)]
