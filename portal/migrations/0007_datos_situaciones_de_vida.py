"""Reference data: life situations through which citizens find trámites and servicios (editable)."""

from django.db import migrations
from django.utils.text import slugify

from portal.roles import ADMINISTRADOR, COMITE, conceder_permisos, retirar_permisos

SITUACIONES = [
    "Tengo o quiero abrir un negocio",
    "Construir, comprar o mejorar mi vivienda",
    "Pagar mis impuestos",
    "Trabajo en el campo",
    "Certificados y constancias",
    "Familia, niñez y protección",
    "Personas mayores y programas sociales",
    "Eventos y uso del espacio público",
    "Fallecimiento de un ser querido",
    "Cultura, deporte y biblioteca",
]

PERMISOS = {
    ADMINISTRADOR: [f"portal.{a}_situaciondevida" for a in ("add", "change", "delete", "view")],
    COMITE: [f"portal.{a}_situaciondevida" for a in ("add", "change", "view")],
}


def crear(apps, schema_editor):
    SituacionDeVida = apps.get_model("portal", "SituacionDeVida")
    for orden, nombre in enumerate(SITUACIONES, start=1):
        SituacionDeVida.objects.get_or_create(slug=slugify(nombre), defaults={"nombre": nombre, "orden": orden})
    conceder_permisos(apps, PERMISOS)


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)
    apps.get_model("portal", "SituacionDeVida").objects.filter(slug__in=[slugify(n) for n in SITUACIONES]).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0006_situaciones_de_vida")]

    operations = [migrations.RunPython(crear, deshacer)]
