"""Two indicators of the interaction phase computed from the ventanilla: PQRSD answered in time and the median
business days to answer. Added by the portal (not in the seed): ``del_plan`` off."""

from django.db import migrations

ACCION = "Acciones para avanzar en las 5 fases de GEL"
INDICADORES = [
    ("Porcentaje de PQRSD respondidas dentro del término", "100 %", 100, "porcentaje", "mayor", "pqrsd_a_tiempo"),
    ("Días hábiles para responder una PQRSD (mediana)", "15 días hábiles o menos", 15, "cantidad", "menor", "pqrsd_mediana_dias"),
]


def crear(apps, schema_editor):
    Accion = apps.get_model("gelt", "Accion")
    Indicador = apps.get_model("gelt", "Indicador")
    accion = Accion.objects.filter(nombre__startswith=ACCION).first()
    if accion is None:
        return
    orden = max(accion.indicadores.values_list("orden", flat=True), default=0)
    for i, (nombre, meta_texto, meta, unidad, sentido, fuente) in enumerate(INDICADORES, start=1):
        Indicador.objects.get_or_create(
            accion=accion,
            nombre=nombre,
            defaults={
                "meta_texto": meta_texto,
                "meta_valor": meta,
                "unidad": unidad,
                "sentido": sentido,
                "periodicidad": "anual",
                "fuente": fuente,
                "del_plan": False,
                "orden": orden + i,
            },
        )


def borrar(apps, schema_editor):
    apps.get_model("gelt", "Indicador").objects.filter(fuente__in=[i[5] for i in INDICADORES]).delete()


class Migration(migrations.Migration):
    dependencies = [("gelt", "0010_indicadores_con_su_unidad"), ("ventanilla", "0002_datos_iniciales")]

    operations = [migrations.RunPython(crear, borrar)]
