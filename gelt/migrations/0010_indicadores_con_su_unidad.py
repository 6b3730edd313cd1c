"""Figures that mean what their names say (issue 17): the update frequency is the share of months with an update
(goal: every month, 100 %), the survey indicator a percentage of the one survey a year; measurements can
override an automatic value with a reason."""

from decimal import Decimal

from django.db import migrations, models

# fuente -> (unidad, meta_valor, periodicidad) now, and before.
CAMBIOS = {
    "actualizaciones_sitio": (("porcentaje", Decimal("100"), "anual"), ("veces", Decimal("1"), "mensual")),
    "encuesta_anual": (("porcentaje", Decimal("100"), "anual"), ("cantidad", Decimal("1"), "anual")),
}


def _aplicar(apps, indice):
    Indicador = apps.get_model("gelt", "Indicador")
    for fuente, valores in CAMBIOS.items():
        unidad, meta, periodicidad = valores[indice]
        Indicador.objects.filter(fuente=fuente).update(unidad=unidad, meta_valor=meta, periodicidad=periodicidad)


def adelante(apps, schema_editor):
    _aplicar(apps, 0)


def atras(apps, schema_editor):
    _aplicar(apps, 1)


class Migration(migrations.Migration):
    dependencies = [("gelt", "0009_visitas_del_dia")]

    operations = [
        migrations.AddField(
            model_name="medicion",
            name="motivo",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Solo para un indicador que calcula el portal: por qué el comité registra otro valor. El tablero "
                    "lo muestra como sustituido, con este motivo."
                ),
                verbose_name="motivo de la sustitución",
            ),
        ),
        migrations.RunPython(adelante, atras),
    ]
