"""Reference data: the default questionnaire about the website, so the first annual survey can start at once
(open from 1 January to 31 December of the year the migration runs; the committee edits it in the admin), and
the permissions of the survey models.
"""

import datetime

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, conceder_permisos, retirar_permisos

TITULO = "Encuesta anual sobre el portal web"
INTRODUCCION = (
    "Queremos saber si el portal web de la alcaldía le sirve y qué debemos mejorar. Son 7 preguntas y "
    "responderlas toma unos dos minutos. La encuesta es anónima: no le pedimos su nombre ni ningún dato personal."
)

SECCIONES = [
    "Noticias",
    "Trámites y servicios",
    "Transparencia y acceso a la información",
    "Eventos",
    "Directorio de funcionarios y dependencias",
    "Participa",
]

# texto, ayuda, tipo, obligatoria, (qué significa 1, qué significa 5), opciones
PREGUNTAS = [
    (
        "¿Qué tan clara es la información del portal?",
        "Piense en si entiende lo que dicen las páginas sin tener que preguntar a nadie.",
        "escala",
        True,
        ("Nada clara", "Muy clara"),
        [],
    ),
    (
        "¿Qué tan fácil fue encontrar el trámite que buscaba?",
        "Si no buscó ningún trámite, piense en la última información que buscó.",
        "escala",
        True,
        ("Muy difícil", "Muy fácil"),
        [],
    ),
    (
        "¿Qué tan al día están las noticias del portal?",
        "",
        "escala",
        True,
        ("Muy desactualizadas", "Muy al día"),
        [],
    ),
    (
        "¿A qué entró hoy al portal?",
        "Elija la razón principal.",
        "unica",
        True,
        ("", ""),
        [
            "Consultar un trámite",
            "Leer noticias",
            "Buscar información de transparencia",
            "Contactar a la alcaldía",
            "Otro",
        ],
    ),
    (
        "¿Qué secciones del portal usa?",
        "Puede elegir varias.",
        "multiple",
        True,
        ("", ""),
        SECCIONES,
    ),
    ("¿Encontró lo que buscaba?", "", "si_no", True, ("", ""), []),
    (
        "¿Qué le falta al portal o qué deberíamos mejorar?",
        "Opcional. No escriba datos personales: esta encuesta es anónima.",
        "texto_largo",
        False,
        ("", ""),
        [],
    ),
]

EDITABLES = ["encuesta", "pregunta", "opcion"]
DE_CONSULTA = ["respuesta", "respuestapregunta"]

PERMISOS = {
    COMITE: [
        *[f"gelt.{accion}_{modelo}" for modelo in EDITABLES for accion in ("add", "change", "view")],
        *[f"gelt.view_{modelo}" for modelo in DE_CONSULTA],
    ],
    ADMINISTRADOR: [
        *[f"gelt.{accion}_{modelo}" for modelo in EDITABLES for accion in ("add", "change", "delete", "view")],
        *[f"gelt.view_{modelo}" for modelo in DE_CONSULTA],
    ],
}


def crear(apps, schema_editor):
    Encuesta = apps.get_model("gelt", "Encuesta")
    Pregunta = apps.get_model("gelt", "Pregunta")
    Opcion = apps.get_model("gelt", "Opcion")
    anio = datetime.date.today().year
    if not Encuesta.objects.filter(titulo=TITULO).exists():
        encuesta = Encuesta.objects.create(
            titulo=TITULO,
            introduccion=INTRODUCCION,
            abre=datetime.date(anio, 1, 1),
            cierra=datetime.date(anio, 12, 31),
        )
        for orden, (texto, ayuda, tipo, obligatoria, (minimo, maximo), opciones) in enumerate(PREGUNTAS, start=1):
            pregunta = Pregunta.objects.create(
                encuesta=encuesta,
                texto=texto,
                ayuda=ayuda,
                tipo=tipo,
                obligatoria=obligatoria,
                escala_minimo=minimo,
                escala_maximo=maximo,
                orden=orden,
            )
            Opcion.objects.bulk_create(
                Opcion(pregunta=pregunta, texto=opcion, orden=n) for n, opcion in enumerate(opciones, start=1)
            )
    conceder_permisos(apps, PERMISOS)


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)
    # Only the untouched default questionnaire goes: a survey that already has answers stays.
    apps.get_model("gelt", "Encuesta").objects.filter(titulo=TITULO, respuestas__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gelt", "0005_encuesta"),
    ]

    operations = [migrations.RunPython(crear, deshacer)]
