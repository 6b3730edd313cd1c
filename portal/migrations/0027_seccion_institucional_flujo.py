"""Institutional sections enter the publication workflow, step 3 of 3: the dependencia becomes required, the
anchor is unique among live sections only (a revision carries its section's page and anchor), and the roles get
the rights they have on documents: officials draft, the committee and the administrators also publish."""

import django.db.models.deletion
from django.db import migrations, models

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos

PERMISOS = {
    FUNCIONARIO: [f"portal.{accion}_seccioninstitucional" for accion in ("add", "change", "view")],
    COMITE: [
        *[f"portal.{accion}_seccioninstitucional" for accion in ("add", "change", "delete", "view")],
        "portal.publicar_seccioninstitucional",
    ],
    ADMINISTRADOR: [
        *[f"portal.{accion}_seccioninstitucional" for accion in ("add", "change", "delete", "view")],
        "portal.publicar_seccioninstitucional",
    ],
}
# What 0005 gave before this migration: kept when going back.
ANTES = {
    COMITE: ["portal.view_seccioninstitucional", "portal.change_seccioninstitucional"],
    ADMINISTRADOR: ["portal.view_seccioninstitucional", "portal.change_seccioninstitucional"],
}


def conceder(apps, schema_editor):
    conceder_permisos(apps, PERMISOS)


def retirar(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)
    conceder_permisos(apps, ANTES)


class Migration(migrations.Migration):
    dependencies = [("portal", "0026_secciones_institucionales_publicadas")]

    operations = [
        migrations.AlterField(
            model_name="seccioninstitucional",
            name="dependencia",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="portal.dependencia",
                verbose_name="dependencia",
            ),
        ),
        migrations.AlterModelOptions(
            name="seccioninstitucional",
            options={
                "ordering": ["pagina", "orden"],
                "permissions": [
                    ("publicar_seccioninstitucional", "Puede publicar, archivar y devolver secciones institucionales")
                ],
                "verbose_name": "sección institucional",
                "verbose_name_plural": "secciones institucionales",
            },
        ),
        migrations.RemoveConstraint(model_name="seccioninstitucional", name="seccion_institucional_unica"),
        migrations.AddIndex(
            model_name="seccioninstitucional",
            index=models.Index(fields=["estado", "-publicar_desde"], name="portal_seccion_inst_vigente"),
        ),
        migrations.AddConstraint(
            model_name="seccioninstitucional",
            constraint=models.UniqueConstraint(
                fields=("revision_de",), name="portal_seccioninstitucional_una_revision"
            ),
        ),
        migrations.AddConstraint(
            model_name="seccioninstitucional",
            constraint=models.UniqueConstraint(
                condition=models.Q(revision_de__isnull=True),
                fields=("pagina", "clave"),
                name="seccion_institucional_unica",
            ),
        ),
        migrations.RunPython(conceder, retirar),
    ]
