"""The annual website survey now lives in participa (its 0001): gelt forgets its models, their tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("gelt", "0014_criterios_de_participacion"),
        ("participa", "0001_encuesta_y_campanas"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="pregunta",
                    name="encuesta",
                ),
                migrations.RemoveField(
                    model_name="respuesta",
                    name="encuesta",
                ),
                migrations.RemoveField(
                    model_name="opcion",
                    name="pregunta",
                ),
                migrations.RemoveField(
                    model_name="respuestapregunta",
                    name="opciones",
                ),
                migrations.RemoveField(
                    model_name="respuestapregunta",
                    name="pregunta",
                ),
                migrations.RemoveField(
                    model_name="respuestapregunta",
                    name="respuesta",
                ),
                migrations.DeleteModel(
                    name="EnvioLimitado",
                ),
                migrations.DeleteModel(
                    name="Encuesta",
                ),
                migrations.DeleteModel(
                    name="Opcion",
                ),
                migrations.DeleteModel(
                    name="Pregunta",
                ),
                migrations.DeleteModel(
                    name="Respuesta",
                ),
                migrations.DeleteModel(
                    name="RespuestaPregunta",
                ),
            ],
            database_operations=[],
        ),
    ]
