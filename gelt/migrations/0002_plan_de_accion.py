"""Reference data: the municipality's Gobierno En Línea action plan, as the seed document states it, and the
permissions of the gelt models for the three groups.

Texts are the plan's own, with only obvious typos fixed ("pagina wed", "Comité GELT", "devisitas"...). Where the
table lists several activities next to one responsables cell without pairing them, each activity carries all
the responsables of the cell. Indicators marked ``del_plan=False`` are follow-up indicators the committee added.
"""

from decimal import Decimal

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos

NOMBRE = "Plan de Acción de Gobierno En Línea"
ANIO_INICIO = 2026
ANIO_FIN = 2030

VISION = (
    "En cinco años, el municipio de El Tablón de Gómez ha implementado la Estrategia de Gobierno En Línea en todas "
    "las instancias de la administración municipal, lo cual ha permitido ofrecer mejores servicios, aumentar la "
    "transparencia de la gestión pública y desarrollar una participación activa en la relación Estado - Ciudadano."
)

OBJETIVO_GENERAL = (
    "Desarrollar acciones que garanticen la implementación de la Estrategia de Gobierno En Línea en el municipio "
    "de El Tablón de Gómez en Nariño."
)

OBJETIVOS_ESPECIFICOS = [
    "Ejecutar acciones que garanticen el desarrollo de la fase de Información de la Estrategia de Gobierno En Línea "
    "en el municipio.",
    "Garantizar la participación de la ciudadanía en la implementación del plan de acción de Gobierno En Línea.",
    "Facilitar la interacción del ciudadano con el Estado a través de los diferentes medios de comunicación y el "
    "uso de los medios electrónicos.",
]

# Keys used only to link each action to its line below.
LINEAS = [
    ("actualizacion", "Procedimientos de actualización del sitio Web"),
    (
        "servicios",
        "Identificación de servicios a ser sujetos de optimización, publicación de información y automatización",
    ),
    (
        "tramites",
        "Identificación de trámites a ser sujetos de racionalización, publicación de información y automatización",
    ),
    (
        "entidades",
        "Acciones para articular esfuerzos con entidades locales, departamentales, nacionales e internacionales "
        "en el marco de Gobierno En Línea",
    ),
    ("fases", "Acciones para avanzar en las 5 fases de GEL"),
    ("empalme", "Estrategias para que el Comité GEL-T empalme con la nueva administración"),
]

FUNCIONARIOS = "Funcionarios públicos"
COMITE_GELT = "Comité GEL-T"
UN_ANIO = "1 año"
CINCO_ANIOS = "5 años"

# Indicator values: Indicador.Unidad, Sentido and Periodicidad.
PORCENTAJE, CANTIDAD, VECES, MESES = "porcentaje", "cantidad", "veces", "meses"
MAYOR, MENOR = "mayor", "menor"
MENSUAL, SEMESTRAL, ANUAL = "mensual", "semestral", "anual"


def _indicador(nombre, meta_texto, meta_valor, unidad, periodicidad, fuente="", sentido=MAYOR, del_plan=True):
    return {
        "nombre": nombre,
        "meta_texto": meta_texto,
        "meta_valor": Decimal(meta_valor),
        "unidad": unidad,
        "sentido": sentido,
        "periodicidad": periodicidad,
        "fuente": fuente,
        "del_plan": del_plan,
    }


def _sin_tilde(texto):
    return texto.replace("á", "a")


def _fichas(objeto, plural):
    """The action on servicios or trámites: both rows of the table say the same, noun aside."""
    return {
        "actividades": [
            (f"Identificación de los {plural} {objeto}", FUNCIONARIOS),
            ("Levantamiento de información siguiendo las fichas establecidas", COMITE_GELT),
            ("Publicación de la información en el sitio Web", COMITE_GELT),
            (f"Revisión semestral de la información de los {plural} publicados", FUNCIONARIOS),
            (f"Iniciar un proceso de automatización de los {plural}", FUNCIONARIOS),
        ],
        "indicadores": [
            _indicador(
                f"Porcentaje de {plural} publicados en el sitio Web en el año",
                "100%",
                "100",
                PORCENTAJE,
                ANUAL,
                f"{_sin_tilde(plural)}_publicados",
            ),
            _indicador(
                f"Porcentaje de {plural} automatizados",
                "100%",
                "100",
                PORCENTAJE,
                ANUAL,
                f"{_sin_tilde(plural)}_automatizados",
            ),
            # Not in the plan: it follows the plan's activity "Revisión semestral de la información ...".
            _indicador(
                f"Porcentaje de {plural} con revisión semestral al día",
                "100%",
                "100",
                PORCENTAJE,
                SEMESTRAL,
                f"{_sin_tilde(plural)}_revisados_a_tiempo",
                del_plan=False,
            ),
        ],
        "recursos": ["Sitio Web", "Información de la administración municipal"],
        "tiempo": CINCO_ANIOS,
    }


FASES = [
    ("información", "100"),
    ("interacción", "100"),
    ("transacción", "100"),
    ("transformación", "50"),
    ("democracia", "50"),
]

# The operational table ("Marco operativo"), in its order.
ACCIONES = [
    {
        "linea": "actualizacion",
        "nombre": "Procedimientos de actualización del sitio Web",
        "beneficio": "Entregar información oportuna para la ciudadanía",
        "indicadores": [
            _indicador(
                "Frecuencia de actualización del sitio Web",
                "1 vez en el mes",
                "1",
                VECES,
                MENSUAL,
                "actualizaciones_sitio",
            ),
        ],
        "actividades": [
            ("Definir un responsable para la actualización de cada uno de los canales", FUNCIONARIOS),
            ("Realizar un seguimiento a la actualización continua", COMITE_GELT),
        ],
        "recursos": ["Sitio Web", "Información de las dependencias", "Correos electrónicos institucionales"],
        "tiempo": UN_ANIO,
    },
    {
        "linea": "entidades",
        "nombre": (
            "Acciones para articular esfuerzos con entidades locales, departamentales, nacionales e "
            "internacionales en el marco de Gobierno En Línea"
        ),
        "beneficio": "Ofrecer mayores y mejores servicios para el ciudadano",
        "indicadores": [
            _indicador(f"Cantidad de entidades {ambito} vinculadas", f"{meta} al año", meta, CANTIDAD, ANUAL)
            for ambito, meta in (("locales", "5"), ("departamentales", "2"), ("nacionales", "1"))
        ],
        "actividades": [
            (
                "Definir un listado de entidades locales, departamentales y nacionales que sean de interés para el "
                "municipio",
                COMITE_GELT,
            ),
            (
                "Establecer alianzas con las entidades definiendo el tipo de información que se requiera publicar",
                FUNCIONARIOS,
            ),
            ("Implementar el servicio en el sitio Web soportado por la administración municipal", COMITE_GELT),
        ],
        "recursos": [
            "Sitio Web",
            "Convenios interadministrativos",
            "Información de las dependencias",
            "Correos electrónicos institucionales",
        ],
        "tiempo": CINCO_ANIOS,
    },
    {
        "linea": "fases",
        "nombre": "Acciones para avanzar en las 5 fases de GEL",
        "beneficio": "Mejorar la interacción del ciudadano con el Estado. Prestar mejores servicios a los ciudadanos.",
        "indicadores": [
            _indicador(f"Porcentaje de criterios cumplidos en la fase de {fase}", f"{meta}%", meta, PORCENTAJE, ANUAL)
            for fase, meta in FASES
        ],
        "actividades": [
            ("Conocer la metodología de evaluación definida por la Agenda de Conectividad", COMITE_GELT),
            ("Realizar una primera evaluación para definir el estado inicial", COMITE_GELT),
            ("Definir acciones para avanzar en cada una de las fases de GEL", COMITE_GELT),
            ("Desarrollar evaluaciones anuales para determinar el avance en las fases", COMITE_GELT),
            ("Establecer acciones de mejoramiento", COMITE_GELT),
        ],
        "recursos": ["Metodología de evaluación de las fases de GEL de la Agenda de Conectividad"],
        "tiempo": CINCO_ANIOS,
    },
    {
        "linea": "servicios",
        "nombre": (
            "Identificación de servicios a ser sujetos de optimización, publicación de información y automatización"
        ),
        "beneficio": "Ofrecer mayores y mejores servicios para el ciudadano",
        **_fichas("ofrecidos por la administración municipal", "servicios"),
    },
    {
        "linea": "tramites",
        "nombre": (
            "Identificación de trámites a ser sujetos de racionalización, publicación de información y automatización"
        ),
        "beneficio": "Facilitar la ejecución de trámites del ciudadano con el Estado",
        **_fichas("de la administración municipal", "trámites"),
    },
    {
        "linea": "empalme",
        "nombre": "Estrategias para que el Comité GEL-T empalme con la nueva administración",
        "beneficio": "Garantizar la continuidad del proceso en el municipio",
        "indicadores": [
            _indicador(
                "Porcentaje de funcionarios de la nueva administración vinculados al proceso de Gobierno En Línea",
                "100%",
                "100",
                PORCENTAJE,
                ANUAL,
            ),
        ],
        "actividades": [
            ("Elaboración del documento de empalme", FUNCIONARIOS),
            ("Publicación del documento en el sitio Web municipal", COMITE_GELT),
            ("Realización de actividades de empalme con la nueva administración", FUNCIONARIOS),
            ("Socialización del empalme con la comunidad", COMITE_GELT),
        ],
        "recursos": ["Sitio Web", "Información de la administración municipal"],
        "tiempo": UN_ANIO,
    },
    {
        "linea": None,
        "nombre": (
            "Acciones que garanticen la participación activa de todas las dependencias administrativas y "
            "descentralizadas del municipio"
        ),
        # The seed's cell is cut after this word; nothing else of it survives.
        "beneficio": "Información",
        "indicadores": [
            # Months since the last collection: the goal is to collect at least every 6 months.
            _indicador("Frecuencia de recolección de la información", "6 meses", "6", MESES, SEMESTRAL, sentido=MENOR),
        ],
        "actividades": [
            (descripcion, f"Funcionarios de la administración y {COMITE_GELT}")
            for descripcion in ("Recolección de la información", "Publicación", "Actualización de la información")
        ],
        "recursos": ["La información brindada por la administración", "Sitio Web"],
        "tiempo": CINCO_ANIOS,
    },
    {
        "linea": None,
        "nombre": (
            "Evaluar anualmente la información de la página web realizando encuestas a los habitantes del municipio"
        ),
        "beneficio": "Generar información actual y satisfacer las necesidades de los ciudadanos",
        "indicadores": [
            # The plan's goal reads "1 año": one survey a year.
            _indicador("Porcentaje de encuestas realizadas", "1 al año", "1", CANTIDAD, ANUAL),
        ],
        "actividades": [
            (descripcion, f"{COMITE_GELT} y {FUNCIONARIOS.lower()}")
            for descripcion in ("Publicar el cuestionario", "Aplicar la encuesta", "Evaluarlo")
        ],
        "recursos": ["Sitio Web", "Cuestionarios"],
        "tiempo": CINCO_ANIOS,
    },
    {
        "linea": None,
        "nombre": "Divulgar la página Web del Municipio",
        "beneficio": "Acceso oportuno de la información",
        "indicadores": [
            # The plan's goal reads "6 meses": the variation of visits against the previous semester.
            _indicador("Porcentaje de visitas al sitio Web", "medición cada 6 meses", "0", PORCENTAJE, SEMESTRAL),
        ],
        "actividades": [
            (descripcion, COMITE_GELT)
            for descripcion in (
                "Perifonear el objetivo de la estrategia de Gobierno En Línea",
                "Realizar una cuña en la emisora comunitaria",
                "Utilizar los culturales para promover la estrategia de Gobierno En Línea del municipio",
                "Gestionar con las personas propietarias de los establecimientos que prestan servicios de Internet, "
                "para que programen la página de inicio la del municipio.",
            )
        ],
        "recursos": ["Emisora", "Perifoneo", "Sitio Web"],
        "tiempo": CINCO_ANIOS,
    },
]

MODELOS = [
    "plan",
    "objetivoespecifico",
    "lineaaccion",
    "accion",
    "actividad",
    "indicador",
    "medicion",
    "instantanea",
    "canal",
    "actualizacioncanal",
    "recordatorio",
]
SOLO_LECTURA_COMITE = ("instantanea", "recordatorio")

PERMISOS = {
    COMITE: [
        *[
            f"gelt.{accion}_{modelo}"
            for modelo in MODELOS
            if modelo not in SOLO_LECTURA_COMITE
            for accion in ("add", "change", "view")
        ],
        *[f"gelt.view_{modelo}" for modelo in SOLO_LECTURA_COMITE],
    ],
    ADMINISTRADOR: [f"gelt.{accion}_{modelo}" for modelo in MODELOS for accion in ("add", "change", "delete", "view")],
    # Officials log the updates of the channels in their charge.
    FUNCIONARIO: ["gelt.add_actualizacioncanal", "gelt.view_actualizacioncanal", "gelt.view_canal"],
}


def crear(apps, schema_editor):
    Plan = apps.get_model("gelt", "Plan")
    plan, creado = Plan.objects.get_or_create(
        nombre=NOMBRE,
        anio_inicio=ANIO_INICIO,
        defaults={"anio_fin": ANIO_FIN, "vision": VISION, "objetivo_general": OBJETIVO_GENERAL, "activo": True},
    )
    if creado:
        _crear_contenido(apps, plan)
    conceder_permisos(apps, PERMISOS)


def _crear_contenido(apps, plan):
    ObjetivoEspecifico = apps.get_model("gelt", "ObjetivoEspecifico")
    LineaAccion = apps.get_model("gelt", "LineaAccion")
    Accion = apps.get_model("gelt", "Accion")
    Actividad = apps.get_model("gelt", "Actividad")
    Indicador = apps.get_model("gelt", "Indicador")

    ObjetivoEspecifico.objects.bulk_create(
        ObjetivoEspecifico(plan=plan, texto=texto, orden=orden)
        for orden, texto in enumerate(OBJETIVOS_ESPECIFICOS, start=1)
    )
    lineas = {
        clave: LineaAccion.objects.create(plan=plan, nombre=nombre, orden=orden)
        for orden, (clave, nombre) in enumerate(LINEAS, start=1)
    }
    for orden, datos in enumerate(ACCIONES, start=1):
        accion = Accion.objects.create(
            plan=plan,
            linea=lineas[datos["linea"]] if datos["linea"] else None,
            nombre=datos["nombre"],
            beneficio=datos["beneficio"],
            recursos="\n".join(datos["recursos"]),
            tiempo=datos["tiempo"],
            orden=orden,
        )
        Actividad.objects.bulk_create(
            Actividad(accion=accion, descripcion=descripcion, responsables=responsables, orden=n)
            for n, (descripcion, responsables) in enumerate(datos["actividades"], start=1)
        )
        Indicador.objects.bulk_create(
            Indicador(accion=accion, orden=n, **indicador) for n, indicador in enumerate(datos["indicadores"], start=1)
        )


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)
    # Cascades to the plan's objectives, lines, actions, activities, indicators and their history.
    apps.get_model("gelt", "Plan").objects.filter(nombre=NOMBRE, anio_inicio=ANIO_INICIO).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gelt", "0001_initial"),
        ("portal", "0009_busqueda_indice_y_sinonimos"),
    ]

    operations = [migrations.RunPython(crear, deshacer)]
