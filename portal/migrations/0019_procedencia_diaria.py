"""From how many places each referring site sends people (issue 17), and what the privacy policy says the visit
counter cannot tell apart. As in ``0012``, the policy is changed only while it still has that migration's text."""

from django.db import migrations, models

SLUG_POLITICA = "tratamiento-de-datos-personales"
PARRAFO = (
    "de cada página que se consulta se cuenta solamente la dirección de la página, el sitio desde el que "
)
ULTIMA_FRASE = "No se guardan direcciones IP ni datos del navegador."
LIMITES = (
    " Lo que el contador no puede distinguir: dos personas que comparten conexión y navegador cuentan como una; "
    "una persona que vuelve otro día o usa otro navegador cuenta otra vez; de una misma conexión se cuentan a lo "
    "sumo 20 visitantes al día (un café internet o un colegio con más personas queda por debajo de la realidad); "
    "un programa que se hace pasar por un navegador cuenta como una persona. Los programas que se anuncian como "
    "tales (buscadores, vistas previas) no se cuentan, y un sitio de procedencia solo se muestra cuando han "
    "llegado desde él personas de varias conexiones distintas."
)


def _reemplazar(apps, antes, despues):
    Politica = apps.get_model("portal", "Politica")
    for politica in Politica.objects.filter(slug=SLUG_POLITICA):
        if PARRAFO in politica.contenido and antes in politica.contenido and (despues not in politica.contenido):
            politica.contenido = politica.contenido.replace(antes, despues)
            politica.save(update_fields=["contenido", "actualizada"])


def aplicar(apps, schema_editor):
    _reemplazar(apps, ULTIMA_FRASE, ULTIMA_FRASE + LIMITES)


def deshacer(apps, schema_editor):
    Politica = apps.get_model("portal", "Politica")
    for politica in Politica.objects.filter(slug=SLUG_POLITICA, contenido__contains=LIMITES):
        politica.contenido = politica.contenido.replace(LIMITES, "")
        politica.save(update_fields=["contenido", "actualizada"])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0018_tareas"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProcedenciaDiaria",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("dia", models.DateField(verbose_name="día")),
                ("referente", models.CharField(max_length=100, verbose_name="sitio de procedencia")),
                ("direcciones", models.PositiveIntegerField(default=0, verbose_name="direcciones distintas")),
            ],
            options={
                "verbose_name": "procedencia del día",
                "verbose_name_plural": "procedencias por día",
                "constraints": [models.UniqueConstraint(fields=("dia", "referente"), name="procedencia_diaria_unica")],
            },
        ),
        migrations.RunPython(aplicar, deshacer),
    ]
