"""The outreach campaigns now live in participa (its 0001): portal forgets the model, its table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0023_revisiones"),
        ("participa", "0001_encuesta_y_campanas"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="Campana",
                ),
            ],
            database_operations=[],
        ),
    ]
