"""Institutional sections enter the publication workflow, step 2 of 3: the rows that already exist were public,
so they stay public (published now) and belong to the mayor's office, or to the first dependencia.

A database without any dependencia (a fresh install: 0005 created the ten sections empty, before anyone could
create a dependencia) keeps no empty section: the dependencia is required, no dependencia is invented for
them, and nothing is lost (they had no text, image or document). The committee adds them from the admin, and
``cargar_demo`` creates them. Only if such a database had a section with content would a «Despacho del
Alcalde» be created to hold it, so that no published text is lost.
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone

SLUG_DEL_DESPACHO = "despacho-del-alcalde"


def _dependencia_del_despacho(Dependencia):
    return (
        Dependencia.objects.filter(slug=SLUG_DEL_DESPACHO).first()
        or Dependencia.objects.filter(nombre__iexact="Despacho del Alcalde").first()
        or Dependencia.objects.filter(Q(slug__startswith="despacho") | Q(nombre__istartswith="despacho")).first()
        or Dependencia.objects.order_by("tipo", "orden", "nombre", "pk").first()
    )


def publicar_existentes(apps, schema_editor):
    Seccion = apps.get_model("portal", "SeccionInstitucional")
    Dependencia = apps.get_model("portal", "Dependencia")
    secciones = Seccion.objects.filter(dependencia__isnull=True)
    if not secciones.exists():
        return
    dependencia = _dependencia_del_despacho(Dependencia)
    if dependencia is None:
        vacias = secciones.filter(contenido="", imagen="", documento="")
        vacias.delete()
        if not secciones.exists():
            return
        dependencia = Dependencia.objects.create(
            nombre="Despacho del Alcalde", slug=SLUG_DEL_DESPACHO, cargo_responsable="Alcalde Municipal"
        )
    secciones.update(dependencia=dependencia, estado="publicado", publicar_desde=timezone.now())


class Migration(migrations.Migration):
    dependencies = [("portal", "0025_seccion_institucional_publicable")]

    # Backwards: 0025's columns are dropped when going further back; nothing to undo here.
    operations = [migrations.RunPython(publicar_existentes, migrations.RunPython.noop)]
