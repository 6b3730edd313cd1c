"""Reference data of the ventanilla: the legal terms of Ley 1755 (editable afterwards), the group of the office
that receives PQRSD and every group's rights, and the transparency subsections the ventanilla now covers
(1.10 how to file; 4.10 the report)."""

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos

ATENCION = "Atención al ciudadano"

TERMINOS = [
    ("peticion", 15, "Ley 1755 de 2015, art. 14"),
    ("informacion", 10, "Ley 1755 de 2015, art. 14 num. 1"),
    ("consulta", 30, "Ley 1755 de 2015, art. 14 num. 2"),
    ("queja", 15, "Ley 1755 de 2015, art. 14"),
    ("reclamo", 15, "Ley 1755 de 2015, art. 14"),
    ("sugerencia", 15, "Ley 1755 de 2015, art. 14"),
    ("denuncia", 15, "Ley 1755 de 2015, art. 14"),
    ("felicitacion", 15, "Ley 1755 de 2015, art. 14"),
]

_BANDEJA = ["ventanilla.view_radicado", "ventanilla.add_radicado", "ventanilla.change_radicado"]
_TODOS = ["ventanilla.ver_todos_radicado"]
_SUSPENDIDOS = [f"ventanilla.{a}_diasuspendido" for a in ("view", "add", "change", "delete")]
_TERMINOS = ["ventanilla.view_terminolegal", "ventanilla.change_terminolegal"]

PERMISOS = {
    FUNCIONARIO: _BANDEJA,
    ATENCION: [*_BANDEJA, *_TODOS, *_SUSPENDIDOS, "ventanilla.view_terminolegal"],
    COMITE: [*_BANDEJA, *_TODOS, "ventanilla.view_diasuspendido", "ventanilla.view_terminolegal"],
    ADMINISTRADOR: [*_BANDEJA, *_TODOS, *_SUSPENDIDOS, *_TERMINOS],
}

RUTAS = {"1.10": ("portal:atencion", "ventanilla:inicio"), "4.10": ("", "ventanilla:informe")}


def crear(apps, schema_editor):
    TerminoLegal = apps.get_model("ventanilla", "TerminoLegal")
    for tipo, dias, fundamento in TERMINOS:
        TerminoLegal.objects.get_or_create(tipo=tipo, defaults={"dias": dias, "fundamento": fundamento})
    conceder_permisos(apps, PERMISOS)
    Subseccion = apps.get_model("portal", "SubseccionTransparencia")
    for numero, (antes, despues) in RUTAS.items():
        Subseccion.objects.filter(numero=numero, ruta=antes).update(ruta=despues)


def deshacer(apps, schema_editor):
    Subseccion = apps.get_model("portal", "SubseccionTransparencia")
    for numero, (antes, despues) in RUTAS.items():
        Subseccion.objects.filter(numero=numero, ruta=despues).update(ruta=antes)
    retirar_permisos(apps, PERMISOS)
    apps.get_model("auth", "Group").objects.filter(name=ATENCION).delete()
    apps.get_model("ventanilla", "TerminoLegal").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ventanilla", "0001_initial"), ("portal", "0005_transparencia_institucional_permisos")]

    operations = [migrations.RunPython(crear, deshacer)]
