"""Reference data: the transparency menu of Resolución 1519 de 2020 (Anexo 2), the institutional sections,
and the permissions of the content models for the three groups."""

from django.db import migrations
from django.utils.text import slugify

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos

# (section number, title, [(subsection number, title, what is published, portal route or "")])
TRANSPARENCIA = [
    (
        1,
        "Información de la entidad",
        [
            (
                "1.1",
                "Misión, visión, funciones y deberes",
                "Para qué existe la entidad, hacia dónde va y qué le corresponde hacer.",
                "portal:alcaldia",
            ),
            (
                "1.2",
                "Estructura orgánica - organigrama",
                "Cómo está organizada la administración municipal.",
                "portal:alcaldia#organigrama",
            ),
            (
                "1.3",
                "Mapas y cartas descriptivas de los procesos",
                "Los procesos de la entidad y cómo se relacionan.",
                "",
            ),
            (
                "1.4",
                "Directorio institucional",
                "Sedes y dependencias, con su dirección, horario, teléfono y correo.",
                "portal:atencion",
            ),
            (
                "1.5",
                "Directorio de servidores públicos, empleados o contratistas",
                "Nombre, cargo, dependencia, correo y teléfono de quienes trabajan en la entidad.",
                "portal:directorio",
            ),
            (
                "1.6",
                "Directorio de entidades",
                "Entidades del sector con las que se relaciona el municipio.",
                "portal:directorio#entidades",
            ),
            (
                "1.7",
                "Directorio de agremiaciones o asociaciones",
                "Gremios y asociaciones de interés en el municipio.",
                "portal:directorio#agremiaciones",
            ),
            (
                "1.8",
                "Servicio al público, normas, formularios y protocolos de atención",
                "Cómo se atiende a la ciudadanía y con qué reglas.",
                "portal:atencion",
            ),
            (
                "1.9",
                "Procedimientos que se siguen para tomar decisiones en las diferentes áreas",
                "Quién decide qué y cómo.",
                "",
            ),
            (
                "1.10",
                "Mecanismo de presentación directa de solicitudes, quejas y reclamos",
                "Cómo presentar peticiones, quejas, reclamos, sugerencias y denuncias.",
                "portal:atencion",
            ),
            (
                "1.11",
                "Calendario de actividades y eventos",
                "Actividades y eventos de la administración.",
                "portal:eventos",
            ),
            (
                "1.12",
                "Información sobre decisiones que pueden afectar al público",
                "Decisiones con efecto sobre la ciudadanía y sus fundamentos.",
                "",
            ),
            ("1.13", "Entes y autoridades que lo vigilan", "Organismos de control que vigilan a la entidad.", ""),
            (
                "1.14",
                "Publicación de hojas de vida de aspirantes",
                "Hojas de vida de aspirantes a cargos de libre nombramiento, para comentarios.",
                "",
            ),
        ],
    ),
    (
        2,
        "Normativa",
        [
            (
                "2.1",
                "Normativa de la entidad",
                "Acuerdos, decretos, resoluciones y circulares, con su fecha y su documento.",
                "",
            ),
            ("2.2", "Búsqueda de normas", "Enlaces a los sistemas de consulta de normas.", ""),
            (
                "2.3",
                "Proyectos de normas para comentarios",
                "Borradores de normas abiertos a comentarios de la ciudadanía.",
                "",
            ),
        ],
    ),
    (
        3,
        "Contratación",
        [
            ("3.1", "Plan anual de adquisiciones", "Lo que la entidad planea comprar y contratar en el año.", ""),
            (
                "3.2",
                "Publicación de la información contractual",
                "Procesos de contratación publicados en el SECOP.",
                "",
            ),
            ("3.3", "Publicación de la ejecución de los contratos", "Avance y pagos de los contratos.", ""),
            ("3.4", "Manual de contratación, adquisición y/o compras", "Las reglas internas de contratación.", ""),
            ("3.5", "Formatos o modelos de contratos o pliegos tipo", "Modelos que usa la entidad.", ""),
        ],
    ),
    (
        4,
        "Planeación, presupuesto e informes",
        [
            ("4.1", "Presupuesto general de ingresos, gastos e inversión", "El presupuesto aprobado de cada año.", ""),
            ("4.2", "Ejecución presupuestal", "Lo ejecutado frente a lo presupuestado.", ""),
            ("4.3", "Plan de acción", "Los planes de acción de la entidad y su seguimiento.", ""),
            ("4.4", "Proyectos de inversión", "Proyectos del banco de proyectos y su avance.", ""),
            ("4.5", "Informes de empalme", "Informes de empalme entre administraciones.", ""),
            ("4.6", "Información pública y/o relevante", "Otra información de interés público.", ""),
            (
                "4.7",
                "Informes de gestión, evaluación y auditoría",
                "Informes de gestión, rendición de cuentas y auditorías.",
                "",
            ),
            (
                "4.8",
                "Informes de la oficina de control interno",
                "Informes de control interno y planes de mejoramiento.",
                "",
            ),
            (
                "4.9",
                "Informe sobre defensa pública y prevención del daño antijurídico",
                "Procesos judiciales y su estado.",
                "",
            ),
            (
                "4.10",
                "Informes trimestrales sobre acceso a información, quejas y reclamos",
                "Cuántas solicitudes se recibieron y cómo se respondieron.",
                "",
            ),
        ],
    ),
    (
        5,
        "Trámites",
        [
            (
                "5",
                "Trámites",
                "Los trámites que se hacen ante la alcaldía: requisitos, costos, tiempos y dónde hacerlos.",
                "tramites:catalogo",
            ),
        ],
    ),
    (
        6,
        "Participa",
        [
            (
                "6.1",
                "Diagnóstico e identificación de problemas",
                "Espacios para identificar con la ciudadanía los problemas del municipio.",
                "portal:participa",
            ),
            (
                "6.2",
                "Planeación y presupuesto participativo",
                "Participación en la planeación y el presupuesto.",
                "portal:participa",
            ),
            ("6.3", "Consulta ciudadana", "Consultas abiertas a la ciudadanía.", "portal:participa"),
            (
                "6.4",
                "Colaboración e innovación abierta",
                "Retos y soluciones construidas con la ciudadanía.",
                "portal:participa",
            ),
            ("6.5", "Rendición de cuentas", "Informes y espacios de rendición de cuentas.", "portal:participa"),
            ("6.6", "Control social", "Veedurías y control social a la gestión.", "portal:participa"),
        ],
    ),
    (
        7,
        "Datos abiertos",
        [
            (
                "7.1",
                "Instrumentos de gestión de la información",
                "Registro de activos de información, índice de información clasificada y reservada, esquema de publicación y programa de gestión documental.",
                "",
            ),
            (
                "7.2",
                "Sección de datos abiertos",
                "Conjuntos de datos abiertos del municipio y enlace al portal nacional de datos abiertos.",
                "",
            ),
        ],
    ),
    (
        8,
        "Información específica para grupos de interés",
        [
            (
                "8.1",
                "Información para niñas, niños y adolescentes",
                "Información pensada para la niñez y la adolescencia.",
                "",
            ),
            ("8.2", "Información para mujeres", "Programas y rutas de atención para las mujeres.", ""),
            ("8.3", "Otros grupos de interés", "Información para otros grupos de la población.", ""),
        ],
    ),
    (
        9,
        "Obligación de reporte de información específica por parte de la entidad",
        [
            (
                "9",
                "Obligación de reporte de información específica",
                "Información que normas especiales obligan a publicar.",
                "",
            ),
        ],
    ),
    (
        10,
        "Información tributaria en entidades territoriales locales",
        [
            ("10.1", "Procesos de recaudo de rentas locales", "Cómo y dónde pagar los impuestos municipales.", ""),
            (
                "10.2",
                "Tarifas de liquidación del impuesto de industria y comercio (ICA)",
                "Tarifas vigentes del ICA.",
                "",
            ),
        ],
    ),
]

INSTITUCIONAL = [
    ("municipio", "historia", "Historia"),
    ("municipio", "simbolos", "Símbolos"),
    ("municipio", "geografia", "Geografía"),
    ("municipio", "economia", "Economía"),
    ("municipio", "turismo", "Turismo"),
    ("alcaldia", "mision", "Misión"),
    ("alcaldia", "vision", "Visión"),
    ("alcaldia", "funciones", "Funciones y deberes"),
    ("alcaldia", "organigrama", "Organigrama"),
    ("alcaldia", "plan-de-desarrollo", "Plan de desarrollo"),
]


def _todos(modelo):
    return [f"portal.{accion}_{modelo}" for accion in ("add", "change", "delete", "view")]


PERMISOS = {
    # Officials draft their dependencias' content; the admin keeps them to it and they cannot publish.
    FUNCIONARIO: [
        *[p for m in ("noticia", "documento", "evento") for p in _todos(m)],
        "portal.view_categoria",
        "portal.view_subsecciontransparencia",
    ],
    COMITE: [
        *[p for m in ("noticia", "documento", "evento") for p in _todos(m)],
        "portal.publicar_noticia",
        "portal.publicar_documento",
        "portal.publicar_evento",
        *_todos("categoria"),
        "portal.view_secciontransparencia",
        "portal.view_subsecciontransparencia",
        "portal.change_subsecciontransparencia",
        "portal.view_seccioninstitucional",
        "portal.change_seccioninstitucional",
        "portal.view_entidaddirectorio",
    ],
    ADMINISTRADOR: [
        *[p for m in ("noticia", "documento", "evento", "categoria", "entidaddirectorio") for p in _todos(m)],
        "portal.publicar_noticia",
        "portal.publicar_documento",
        "portal.publicar_evento",
        "portal.view_secciontransparencia",
        "portal.view_subsecciontransparencia",
        "portal.change_subsecciontransparencia",
        "portal.view_seccioninstitucional",
        "portal.change_seccioninstitucional",
    ],
}


def crear(apps, schema_editor):
    Seccion = apps.get_model("portal", "SeccionTransparencia")
    Subseccion = apps.get_model("portal", "SubseccionTransparencia")
    SeccionInstitucional = apps.get_model("portal", "SeccionInstitucional")
    for numero, titulo, subsecciones in TRANSPARENCIA:
        seccion, _ = Seccion.objects.get_or_create(
            numero=numero, defaults={"titulo": titulo, "slug": f"{numero}-{slugify(titulo)}"[:220]}
        )
        for orden, (sub_numero, sub_titulo, descripcion, ruta) in enumerate(subsecciones, start=1):
            Subseccion.objects.get_or_create(
                numero=sub_numero,
                seccion=seccion,
                defaults={
                    "titulo": sub_titulo,
                    "orden": orden,
                    "slug": f"{sub_numero.replace('.', '-')}-{slugify(sub_titulo)}"[:80].rstrip("-"),
                    "descripcion": descripcion,
                    "ruta": ruta,
                },
            )
    for orden, (pagina, clave, titulo) in enumerate(INSTITUCIONAL, start=1):
        SeccionInstitucional.objects.get_or_create(
            pagina=pagina, clave=clave, defaults={"titulo": titulo, "orden": orden}
        )
    conceder_permisos(apps, PERMISOS)


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)
    apps.get_model("portal", "SeccionTransparencia").objects.all().delete()
    apps.get_model("portal", "SeccionInstitucional").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_contenidos")]

    operations = [migrations.RunPython(crear, deshacer)]
