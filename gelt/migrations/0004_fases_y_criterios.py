"""Reference data: the five Gobierno En Línea phases plus the transversal criteria, the criteria of each phase,
the plan's indicators that the portal now computes by itself, and the permissions of the phase models.

The criteria are *reconstructed* from the GEL manuals (2010, 3.0, 3.1): the official tables could not be read
in full, so they are data the committee corrects in the admin. ``verificacion`` names the portal's self-check
(``gelt.autoverificacion``) that proposes the result of a criterion; blank when the portal cannot check it.
Codes: TRA transversal, INF información, INT interacción, TRN transacción, TRF transformación, DEM democracia.
"""

from decimal import Decimal

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, FUNCIONARIO, conceder_permisos, retirar_permisos

# Fase: clave, nombre, meta of the plan (%), orden, descripción.
FASES = [
    (
        "transversal",
        "Criterios transversales",
        None,
        0,
        "Condiciones que debe cumplir todo el sitio web, en cualquier fase: dominio, identidad, enlace a GOV.CO, "
        "usabilidad, accesibilidad y un comité con su plan de acción.",
    ),
    (
        "informacion",
        "Información",
        100,
        1,
        "La entidad publica en línea su información y la mantiene actualizada.",
    ),
    (
        "interaccion",
        "Interacción",
        100,
        2,
        "El ciudadano y la entidad se comunican en doble vía: búsqueda, formularios de contacto, PQRSD con número "
        "de radicado, formularios para descargar, suscripciones y encuestas.",
    ),
    (
        "transaccion",
        "Transacción",
        100,
        3,
        "Los trámites se hacen completamente en línea, con pagos en línea y certificados verificables.",
    ),
    (
        "transformacion",
        "Transformación",
        50,
        4,
        "La entidad cambia por dentro alrededor del ciudadano: intercambio de información con otras entidades, "
        "ventanillas únicas y procesos sin papel.",
    ),
    (
        "democracia",
        "Democracia",
        50,
        5,
        "Los ciudadanos participan en línea en las decisiones: consultas, planeación participativa, rendición de "
        "cuentas y control social.",
    ),
]

# Criterio per phase: código, nombre, descripción, contenidos mínimos, verificación automática.
CRITERIOS = {
    "transversal": [
        (
            "TRA-01",
            "Dominio .gov.co",
            "El sitio web se publica bajo un dominio .gov.co de la entidad.",
            "",
            "",
        ),
        (
            "TRA-02",
            "Identidad institucional",
            "Todas las páginas muestran el nombre, el escudo y los colores del municipio de forma uniforme.",
            "nombre de la entidad, escudo, colores institucionales",
            "",
        ),
        (
            "TRA-03",
            "Enlace al Portal del Estado colombiano (GOV.CO)",
            "Todas las páginas llevan la barra superior de GOV.CO con enlace a www.gov.co.",
            "barra GOV.CO, enlace a https://www.gov.co/home/",
            "gov_co",
        ),
        (
            "TRA-04",
            "Datos de la entidad en el pie de página",
            "El pie de página de todas las páginas identifica a la entidad y dice cómo contactarla.",
            "nombre de la entidad, dirección, horario de atención, teléfono, correo institucional, "
            "correo de notificaciones judiciales",
            "identidad_pie",
        ),
        (
            "TRA-05",
            "Fecha de la última actualización",
            "Las páginas y documentos publicados muestran la fecha de publicación o de su última actualización.",
            "",
            "",
        ),
        (
            "TRA-06",
            "Estadísticas de visitas",
            "La entidad mide las visitas al sitio web y las usa para mejorarlo.",
            "visitas por periodo, páginas más consultadas",
            "",
        ),
        (
            "TRA-07",
            "Política editorial y de actualización",
            "Hay una política que dice quién produce, aprueba y actualiza cada contenido del sitio y con qué "
            "frecuencia.",
            "responsables por sección, frecuencia de actualización, aprobación de contenidos",
            "",
        ),
        (
            "TRA-08",
            "Usabilidad",
            "El sitio es fácil de usar: menú claro y coherente, lenguaje sencillo y páginas que se ven bien en el "
            "celular.",
            "menú de navegación uniforme, lenguaje claro, diseño adaptable a celulares",
            "",
        ),
        (
            "TRA-09",
            "Accesibilidad (NTC 5854)",
            "El sitio cumple la norma de accesibilidad NTC 5854 (WCAG 2.1 AA) y publica su política de accesibilidad.",
            "textos alternativos, contraste suficiente, navegación con teclado, política de accesibilidad",
            "accesibilidad",
        ),
        (
            "TRA-10",
            "Comité GEL con líder y plan de acción",
            "La entidad tiene un comité de Gobierno En Línea con un líder designado y un plan de acción vigente.",
            "acto de creación del comité, líder designado, plan de acción vigente",
            "comite_y_plan",
        ),
    ],
    "informacion": [
        (
            "INF-01",
            "Misión y visión",
            "Se publican la misión y la visión de la entidad.",
            "misión, visión",
            "mision_vision",
        ),
        (
            "INF-02",
            "Objetivos y funciones",
            "Se publican los objetivos de la entidad y las funciones de cada dependencia.",
            "objetivos institucionales, funciones y deberes",
            "",
        ),
        (
            "INF-03",
            "Organigrama",
            "Se publica la estructura orgánica de la entidad en un organigrama.",
            "organigrama, descripción de las dependencias",
            "organigrama",
        ),
        (
            "INF-04",
            "Localización física",
            "Se publica la dirección de la sede principal y de las demás sedes, con su ubicación.",
            "dirección, municipio y departamento, código postal, mapa de ubicación",
            "",
        ),
        (
            "INF-05",
            "Teléfonos de atención",
            "Se publican los teléfonos de la entidad con el indicativo de Colombia.",
            "conmutador con +57, línea gratuita, línea anticorrupción",
            "contacto",
        ),
        (
            "INF-06",
            "Correo electrónico de contacto",
            "Se publica el correo electrónico institucional para que la ciudadanía se comunique con la entidad.",
            "correo institucional",
            "contacto",
        ),
        (
            "INF-07",
            "Correo para notificaciones judiciales",
            "Se publica el correo electrónico exclusivo para notificaciones judiciales.",
            "correo de notificaciones judiciales",
            "correo_notificaciones",
        ),
        (
            "INF-08",
            "Horario de atención",
            "Se publican los días y horas de atención al público de la entidad y de sus sedes.",
            "días, horario, sedes",
            "",
        ),
        (
            "INF-09",
            "Directorio de funcionarios",
            "Se publica el directorio de servidores públicos y contratistas.",
            "nombre, cargo, dependencia, correo, teléfono",
            "directorio_funcionarios",
        ),
        (
            "INF-10",
            "Directorio de entidades",
            "Se publica el listado de entidades del sector con sus datos de contacto y enlaces.",
            "nombre de la entidad, enlace a su sitio web",
            "directorio_entidades",
        ),
        (
            "INF-11",
            "Directorio de agremiaciones y asociaciones",
            "Se publica el listado de agremiaciones, asociaciones y organizaciones sociales del municipio.",
            "nombre, contacto, enlace",
            "directorio_agremiaciones",
        ),
        (
            "INF-12",
            "Normatividad",
            "Se publican las normas que expide la entidad, cada una con su fecha y su documento.",
            "acuerdos, decretos, resoluciones, fecha de expedición, documento",
            "normatividad",
        ),
        (
            "INF-13",
            "Presupuesto y su ejecución",
            "Se publican el presupuesto aprobado y los informes de su ejecución.",
            "presupuesto aprobado, ejecución presupuestal",
            "presupuesto",
        ),
        (
            "INF-14",
            "Planes, programas y proyectos",
            "Se publican el plan de desarrollo, los planes de acción y los proyectos de inversión.",
            "plan de desarrollo, plan de acción, proyectos de inversión",
            "",
        ),
        (
            "INF-15",
            "Metas e indicadores de gestión",
            "Se publican las metas de la entidad y los indicadores con los que se mide su cumplimiento.",
            "metas, indicadores, avance",
            "",
        ),
        (
            "INF-16",
            "Informes de gestión y rendición de cuentas",
            "Se publican los informes de gestión y los de rendición de cuentas a la ciudadanía.",
            "informe de gestión, informe de rendición de cuentas",
            "",
        ),
        (
            "INF-17",
            "Entes de control y planes de mejoramiento",
            "Se publican los entes que vigilan a la entidad y los planes de mejoramiento que ellos solicitaron.",
            "entes de control, planes de mejoramiento, informes de control interno",
            "",
        ),
        (
            "INF-18",
            "Contratación",
            "Se publican el plan anual de adquisiciones y el enlace a los procesos de contratación en el SECOP.",
            "plan anual de adquisiciones, enlace al SECOP",
            "",
        ),
        (
            "INF-19",
            "Trámites",
            "Se publican todos los trámites de la entidad con su ficha completa.",
            "requisitos, costo, tiempo de respuesta, dónde se hace, norma",
            "tramites_publicados",
        ),
        (
            "INF-20",
            "Servicios",
            "Se publican todos los servicios (otros procedimientos administrativos) con su ficha completa.",
            "requisitos, costo, tiempo de respuesta, dónde se hace",
            "servicios_publicados",
        ),
        (
            "INF-21",
            "Información para niños, niñas y adolescentes",
            "Hay una sección con información de la entidad en lenguaje adecuado para niños, niñas y adolescentes.",
            "",
            "",
        ),
        (
            "INF-22",
            "Calendario de eventos",
            "Se publica el calendario de actividades y eventos de la entidad.",
            "fecha, hora, lugar, descripción",
            "calendario_eventos",
        ),
        (
            "INF-23",
            "Noticias",
            "Se publican noticias de la gestión de la entidad y se actualizan al menos una vez al mes.",
            "título, fecha, texto",
            "noticias_del_mes",
        ),
        (
            "INF-24",
            "Boletines y publicaciones",
            "Se publican los boletines, revistas y otras publicaciones de la entidad.",
            "",
            "",
        ),
        (
            "INF-25",
            "Preguntas frecuentes",
            "Se publican las preguntas frecuentes de la ciudadanía con sus respuestas.",
            "",
            "",
        ),
        (
            "INF-26",
            "Glosario",
            "Se publica un glosario con los términos técnicos que usa la entidad.",
            "",
            "",
        ),
        (
            "INF-27",
            "Ofertas de empleo",
            "Se publican las convocatorias y ofertas de empleo de la entidad.",
            "",
            "",
        ),
        (
            "INF-28",
            "Mapa del sitio",
            "Se publica el mapa del sitio, enlazado desde el pie de página.",
            "",
            "mapa_del_sitio",
        ),
        (
            "INF-29",
            "Política de privacidad y tratamiento de datos personales",
            "Se publica la política de tratamiento de datos personales según la Ley 1581 de 2012.",
            "finalidad, derechos del titular, responsable del tratamiento",
            "politica_datos",
        ),
        (
            "INF-30",
            "Términos y condiciones de uso",
            "Se publican las condiciones de uso del sitio web.",
            "",
            "terminos",
        ),
        (
            "INF-31",
            "Información general del municipio",
            "Se publica la información general del municipio.",
            "historia, símbolos, geografía, economía, turismo",
            "",
        ),
        (
            "INF-32",
            "Datos abiertos",
            "Se publican conjuntos de datos en formatos abiertos y reutilizables.",
            "conjuntos de datos en CSV o JSON, metadatos, enlace a datos.gov.co",
            "datos_abiertos",
        ),
        (
            "INF-33",
            "Informes de empalme",
            "Se publican los informes de empalme entre administraciones.",
            "",
            "empalme_documento",
        ),
        (
            "INF-34",
            "Plan anticorrupción y de atención al ciudadano",
            "Se publican el plan anticorrupción y de atención al ciudadano y sus seguimientos.",
            "plan del año, seguimientos",
            "",
        ),
        (
            "INF-35",
            "Transparencia y acceso a la información pública",
            "El menú de transparencia publica la información que exige la Ley 1712 de 2014, ordenada como la "
            "numera la norma.",
            "información de la entidad, normativa, contratación, planeación, trámites, participa, datos abiertos",
            "transparencia",
        ),
    ],
    "interaccion": [
        (
            "INT-01",
            "Buscador interno",
            "El sitio tiene un motor de búsqueda que encuentra sus contenidos.",
            "",
            "busqueda",
        ),
        (
            "INT-02",
            "Ayuda en línea",
            "El sitio ofrece ayuda para usarlo y para hacer los trámites en línea.",
            "",
            "",
        ),
        (
            "INT-03",
            "Formulario de contacto",
            "Hay un formulario en línea para escribir a la entidad.",
            "",
            "",
        ),
        (
            "INT-04",
            "PQRSD con número de radicado y consulta de su estado",
            "Las peticiones, quejas, reclamos, sugerencias y denuncias se reciben en línea con un número de "
            "radicado con el que se consulta su estado.",
            "formulario de PQRSD, número de radicado, consulta del estado",
            "",
        ),
        (
            "INT-05",
            "Acuse de recibo automático",
            "Quien envía una solicitud en línea recibe de inmediato una confirmación de recibo.",
            "",
            "",
        ),
        (
            "INT-06",
            "Suscripción a boletines y RSS",
            "La ciudadanía puede suscribirse a los boletines o a las noticias por RSS.",
            "boletín por correo, canal RSS de noticias",
            "rss",
        ),
        (
            "INT-07",
            "Encuestas de opinión",
            "Se aplican encuestas de opinión en línea y se publican sus resultados.",
            "",
            "encuesta",
        ),
        (
            "INT-08",
            "Foros",
            "Hay foros en línea sobre temas de interés del municipio.",
            "",
            "",
        ),
        (
            "INT-09",
            "Chat",
            "Hay un chat en línea con la entidad en horarios definidos.",
            "",
            "",
        ),
        (
            "INT-10",
            "Consultas a bases de datos",
            "La ciudadanía puede consultar en línea información de las bases de datos de la entidad.",
            "",
            "",
        ),
        (
            "INT-11",
            "Formularios para descargar o diligenciar en línea",
            "Los formularios de los trámites se pueden descargar o diligenciar en línea.",
            "",
            "formularios_descarga",
        ),
        (
            "INT-12",
            "Consulta del estado de los trámites",
            "Se puede consultar en línea el estado de un trámite en curso.",
            "",
            "estado_tramite_en_linea",
        ),
        (
            "INT-13",
            "Alertas",
            "La entidad envía alertas o avisos a quienes se inscriben (por correo o mensaje de texto).",
            "",
            "",
        ),
        (
            "INT-14",
            "Redes sociales",
            "La entidad tiene redes sociales oficiales, enlazadas desde el sitio y actualizadas.",
            "",
            "",
        ),
    ],
    "transaccion": [
        (
            "TRN-01",
            "Trámites totalmente en línea",
            "Hay trámites que se hacen de principio a fin en línea, sin ir a la entidad.",
            "",
            "tramites_en_linea",
        ),
        (
            "TRN-02",
            "Pagos en línea",
            "Los impuestos, tasas y derechos se pueden pagar en línea.",
            "impuesto predial, industria y comercio, otros pagos",
            "",
        ),
        (
            "TRN-03",
            "Certificados en línea con verificación de autenticidad",
            "Los certificados se expiden en línea y cualquiera puede verificar su autenticidad.",
            "código de verificación",
            "",
        ),
        (
            "TRN-04",
            "Firma electrónica",
            "Los documentos que se expiden en línea llevan firma electrónica o digital.",
            "",
            "",
        ),
        (
            "TRN-05",
            "Notificación electrónica",
            "La entidad notifica sus decisiones por medios electrónicos a quien lo autoriza.",
            "",
            "",
        ),
        (
            "TRN-06",
            "Seguimiento en línea de las transacciones",
            "Quien hace un trámite o un pago en línea puede seguirlo hasta su resultado.",
            "",
            "",
        ),
        (
            "TRN-07",
            "Canal seguro (HTTPS)",
            "Todo el sitio, y en especial los trámites y pagos, funciona solo por HTTPS.",
            "",
            "",
        ),
        (
            "TRN-08",
            "Citas en línea",
            "Se pueden pedir en línea citas para la atención presencial.",
            "",
            "",
        ),
    ],
    "transformacion": [
        (
            "TRF-01",
            "Intercambio de información con otras entidades",
            "La entidad intercambia información con otras entidades para no pedirle al ciudadano lo que el "
            "Estado ya tiene.",
            "",
            "",
        ),
        (
            "TRF-02",
            "Ventanillas únicas y cadenas de trámites",
            "Los trámites que involucran a varias dependencias o entidades se hacen en una sola ventanilla.",
            "",
            "",
        ),
        (
            "TRF-03",
            "Gestión documental electrónica y cero papel",
            "Los documentos se gestionan de forma electrónica y los procesos internos reducen el uso de papel.",
            "",
            "",
        ),
        (
            "TRF-04",
            "Sistemas de información integrados",
            "Los sistemas de información de las dependencias comparten datos entre sí.",
            "",
            "",
        ),
        (
            "TRF-05",
            "Correo electrónico institucional",
            "Todos los servidores públicos usan un correo electrónico institucional del dominio de la entidad.",
            "",
            "",
        ),
    ],
    "democracia": [
        (
            "DEM-01",
            "Política de participación por medios electrónicos",
            "Se publica la política o estrategia de participación ciudadana por medios electrónicos.",
            "",
            "",
        ),
        (
            "DEM-02",
            "Consultas en línea",
            "Los proyectos de normas, planes y presupuesto se publican en línea para recibir comentarios.",
            "proyectos de normas, planes, presupuesto",
            "",
        ),
        (
            "DEM-03",
            "Planeación participativa",
            "La ciudadanía participa en línea en la formulación de planes y del presupuesto.",
            "",
            "",
        ),
        (
            "DEM-04",
            "Rendición de cuentas en línea",
            "La rendición de cuentas se convoca, se transmite y recibe preguntas por medios electrónicos.",
            "convocatoria, transmisión, preguntas de la ciudadanía, informe",
            "",
        ),
        (
            "DEM-05",
            "Espacios de deliberación",
            "Hay espacios en línea para que la ciudadanía delibere sobre temas públicos.",
            "",
            "",
        ),
        (
            "DEM-06",
            "Control social",
            "Se ofrecen en línea información y herramientas para que la ciudadanía ejerza control social.",
            "",
            "",
        ),
        (
            "DEM-07",
            "Lo que se hizo con los aportes",
            "Se publica qué se hizo con los aportes de la ciudadanía en cada ejercicio de participación.",
            "",
            "",
        ),
    ],
}

# Indicators of the plan that the portal now computes: nombre (as in 0002) -> fuente.
FUENTES = {
    "Porcentaje de criterios cumplidos en la fase de información": "fase_informacion",
    "Porcentaje de criterios cumplidos en la fase de interacción": "fase_interaccion",
    "Porcentaje de criterios cumplidos en la fase de transacción": "fase_transaccion",
    "Porcentaje de criterios cumplidos en la fase de transformación": "fase_transformacion",
    "Porcentaje de criterios cumplidos en la fase de democracia": "fase_democracia",
    "Cantidad de entidades locales vinculadas": "entidades_local",
    "Cantidad de entidades departamentales vinculadas": "entidades_departamental",
    "Cantidad de entidades nacionales vinculadas": "entidades_nacional",
    "Frecuencia de recolección de la información": "meses_desde_recoleccion",
    "Porcentaje de funcionarios de la nueva administración vinculados al proceso de Gobierno En Línea": (
        "empalme_vinculados"
    ),
}

# The follow-up indicator the committee adds to the action on the dependencias' participation.
ACCION_DEPENDENCIAS = "participación activa de todas las dependencias"
INDICADOR_ENTREGAS = {
    "nombre": "Porcentaje de dependencias que entregaron su información en el semestre",
    "meta_texto": "100 % cada semestre",
    "meta_valor": Decimal("100"),
    "unidad": "porcentaje",
    "sentido": "mayor",
    "periodicidad": "semestral",
    "fuente": "entregas_dependencias",
    "del_plan": False,
}

MODELOS = [
    "fase",
    "criterio",
    "evaluacion",
    "resultadocriterio",
    "accionmejora",
    "entidadaliada",
    "entregadependencia",
    "empalme",
    "actividadempalme",
    "funcionarioempalme",
]

PERMISOS = {
    COMITE: [f"gelt.{accion}_{modelo}" for modelo in MODELOS for accion in ("add", "change", "view")],
    ADMINISTRADOR: [f"gelt.{accion}_{modelo}" for modelo in MODELOS for accion in ("add", "change", "delete", "view")],
    # Officials record their dependencia's delivery and see the improvement actions.
    FUNCIONARIO: ["gelt.add_entregadependencia", "gelt.view_entregadependencia", "gelt.view_accionmejora"],
}


def _plan_vigente(apps):
    return apps.get_model("gelt", "Plan").objects.filter(activo=True).order_by("-anio_inicio").first()


def crear(apps, schema_editor):
    Fase = apps.get_model("gelt", "Fase")
    Criterio = apps.get_model("gelt", "Criterio")
    for clave, nombre, meta, orden, descripcion in FASES:
        fase, _creada = Fase.objects.get_or_create(
            clave=clave, defaults={"nombre": nombre, "meta": meta, "orden": orden, "descripcion": descripcion}
        )
        for n, (codigo, nombre_criterio, descripcion_criterio, contenidos, verificacion) in enumerate(
            CRITERIOS[clave], start=1
        ):
            Criterio.objects.get_or_create(
                codigo=codigo,
                defaults={
                    "fase": fase,
                    "nombre": nombre_criterio,
                    "descripcion": descripcion_criterio,
                    "contenidos_minimos": contenidos,
                    "verificacion": verificacion,
                    "orden": n,
                },
            )

    plan = _plan_vigente(apps)
    if plan is not None:
        Indicador = apps.get_model("gelt", "Indicador")
        for nombre, fuente in FUENTES.items():
            Indicador.objects.filter(accion__plan=plan, nombre=nombre).update(fuente=fuente)
        accion = plan.acciones.filter(nombre__icontains=ACCION_DEPENDENCIAS).first()
        if accion is not None and not accion.indicadores.filter(nombre=INDICADOR_ENTREGAS["nombre"]).exists():
            ultimo = accion.indicadores.order_by("-orden").values_list("orden", flat=True).first() or 0
            Indicador.objects.create(accion=accion, orden=ultimo + 1, **INDICADOR_ENTREGAS)

    conceder_permisos(apps, PERMISOS)


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)
    plan = _plan_vigente(apps)
    if plan is not None:
        Indicador = apps.get_model("gelt", "Indicador")
        Indicador.objects.filter(accion__plan=plan, nombre__in=FUENTES).update(fuente="")
        Indicador.objects.filter(
            accion__plan=plan,
            accion__nombre__icontains=ACCION_DEPENDENCIAS,
            nombre=INDICADOR_ENTREGAS["nombre"],
        ).delete()
    claves = [clave for clave, *_resto in FASES]
    # Results protect their criterion: they go first; phases cascade to criteria and improvement actions.
    apps.get_model("gelt", "ResultadoCriterio").objects.filter(criterio__fase__clave__in=claves).delete()
    apps.get_model("gelt", "Fase").objects.filter(clave__in=claves).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gelt", "0003_fases_entidades_entregas_empalme"),
    ]

    operations = [migrations.RunPython(crear, deshacer)]
