"""Institutional sections enter the publication workflow (issue 16), step 1 of 3: the workflow's columns, with
the dependencia nullable until 0026 fills it for the rows that already exist."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0024_campana_pasa_a_participa"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="seccioninstitucional",
            name="estado",
            field=models.CharField(
                choices=[
                    ("borrador", "Borrador"),
                    ("en_revision", "En revisión"),
                    ("publicado", "Publicado"),
                    ("archivado", "Archivado"),
                ],
                db_index=True,
                default="borrador",
                max_length=20,
                verbose_name="estado",
            ),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="publicar_desde",
            field=models.DateTimeField(
                blank=True,
                db_index=True,
                help_text=(
                    "Vacía: se publica en el momento en que se aprueba. Con una fecha futura, el contenido aprobado "
                    "aparece solo ese día."
                ),
                null=True,
                verbose_name="fecha de publicación",
            ),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="publicar_hasta",
            field=models.DateTimeField(
                blank=True,
                help_text="Opcional: desde esta fecha deja de mostrarse.",
                null=True,
                verbose_name="publicar hasta",
            ),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="dependencia",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="portal.dependencia",
                verbose_name="dependencia",
            ),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="creado_por",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="creado por",
            ),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="creado",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="creado"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="modificado_por",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="modificado por",
            ),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="modificado",
            field=models.DateTimeField(auto_now=True, verbose_name="última modificación"),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="revision_de",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="revisiones",
                to="portal.seccioninstitucional",
                verbose_name="revisión de",
            ),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="versión"),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="generacion_de_enlaces",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="generación de los enlaces de vista previa"
            ),
        ),
        migrations.AddField(
            model_name="seccioninstitucional",
            name="observaciones",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Por qué se devolvió la última vez; se borran al enviarlo de nuevo a revisión.",
                verbose_name="observaciones del comité",
            ),
        ),
    ]
