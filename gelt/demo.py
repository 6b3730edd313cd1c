"""Demo data of the Comité GEL-T for `python manage.py cargar_demo`: channels, their updates, measurements,
GEL phase evaluations, allied entities, the dependencias' deliveries, the empalme and the indicators' history.

``GeltConfig.ready`` registers ``cargar_gelt`` in portal's demo registry (orden=40, after the demo users, the
contents and the fichas); snapshots get their status from the dashboard's own rule (``gelt.indicadores.estado``).

The action plan, the phases and their criteria are reference data (migrations ``gelt/0002`` and ``0004``); this
loader only adds what a committee would have recorded: who keeps each channel, a few months of updates of the
external channels (two of them overdue), this year's measurements of the indicators the portal cannot compute,
two evaluations of the phases a year apart with a few improvement actions, the allied entities (linked this
year, earlier, or only of interest), the dependencias' deliveries of this semester and the previous one, an
empalme with its activities and officials, and a year of monthly, semiannual or annual snapshots for every
indicator of the plan in force (those computed from the data above are computed the dashboard's way).

Idempotent: channels, entities, evaluations and the empalme are matched by name, results by evaluation and
criterion, improvement actions by criterion and text, deliveries by dependencia and semester, measurements and
snapshots by indicator and period; a channel's update history and the empalme's activities and officials are
only written while there are none. A second run adds nothing. Dates are relative to the day of the run.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from .indicadores import FUENTES, estado
from .indicadores import periodo as periodo_de

# Canal: name, portal section ("" for external channels), responsable (demo username), update every (days).
CANALES = [
    ("Noticias", "noticias", "comite", 30),
    ("Trámites", "tramites", "funcionario", 30),
    ("Servicios", "servicios", "funcionario", 30),
    ("Transparencia", "transparencia", "comite", 30),
    ("Eventos", "eventos", "funcionario", 30),
    ("Facebook de la Alcaldía", "", "comite", 30),
    ("Emisora comunitaria (cuña radial)", "", "funcionario", 30),
    ("Perifoneo", "", "funcionario", 60),
    ("Cartelera del Palacio Municipal", "", "funcionario", 15),
    ("Correo institucional", "", "comite", 30),
]

# Updates of the external channels: (days ago, what was published), oldest first. Perifoneo (75 days, every 60)
# and Correo institucional (41 days, every 30) are overdue; the others are up to date.
ACTUALIZACIONES = {
    "Facebook de la Alcaldía": [
        (170, "Publicación del calendario de pago del impuesto predial con descuento"),
        (141, "Invitación a la audiencia pública de rendición de cuentas"),
        (112, "Transmisión en vivo de la rendición de cuentas"),
        (84, "Publicación del avance del mejoramiento de vías terciarias"),
        (57, "Aviso de la jornada de vacunación casa a casa en las veredas"),
        (31, "Invitación a responder la encuesta de satisfacción del sitio Web"),
        (6, "Publicación de la agenda cultural y deportiva del mes"),
    ],
    "Emisora comunitaria (cuña radial)": [
        (160, "Cuña radial: plazo del impuesto predial con descuento"),
        (131, "Cuña radial: los trámites que se pueden consultar en el sitio Web"),
        (101, "Cuña radial: objetivo de la estrategia Gobierno En Línea"),
        (70, "Cuña radial: jornada de vacunación en las veredas"),
        (42, "Cuña radial: inscripciones a programas sociales"),
        (12, "Cuña radial: invitación a visitar el sitio Web del municipio"),
    ],
    "Perifoneo": [
        (196, "Perifoneo en la cabecera: objetivo de la estrategia Gobierno En Línea"),
        (137, "Perifoneo en las veredas: jornada de vacunación casa a casa"),
        (75, "Perifoneo en la cabecera: invitación a la rendición de cuentas"),
    ],
    "Cartelera del Palacio Municipal": [
        (92, "Cartelera: horarios de atención y trámites más consultados"),
        (77, "Cartelera: convocatoria de programas sociales"),
        (63, "Cartelera: calendario tributario"),
        (48, "Cartelera: dirección del sitio Web y código QR"),
        (34, "Cartelera: jornada de vacunación"),
        (19, "Cartelera: agenda cultural del mes"),
        (4, "Cartelera: resultados de la encuesta del sitio Web"),
    ],
    "Correo institucional": [
        (150, "Boletín a las dependencias: fichas de trámites pendientes de revisión"),
        (118, "Boletín a las dependencias: cronograma de recolección de información"),
        (87, "Boletín a las dependencias: cómo publicar noticias y eventos en el portal"),
        (41, "Boletín a las dependencias: avance del plan de acción de Gobierno En Línea"),
    ],
}

NOTA = "Dato de demostración, no es una medición real del municipio."

# This period's measurements of the indicators the committee records by hand (fuente ""): value and notes.
MEDICIONES = {
    "Porcentaje de encuestas realizadas": ("0", "La encuesta de este año aún no se ha aplicado."),
    "Porcentaje de visitas al sitio Web": ("12", "Variación de visitas frente al semestre anterior."),
}
# Measurements of earlier periods: indicator, years back, value, notes.
MEDICIONES_ANTERIORES = [
    ("Porcentaje de encuestas realizadas", 1, "1", "Encuesta aplicada en el sitio Web y en la cartelera."),
]

# Snapshots of the indicators the portal computes (oldest period first; the last values are used).
SERIES = {
    "actualizaciones_sitio": [67, 92],  # % of the months with an update, per year
    "servicios_publicados": [35, 80],
    "servicios_automatizados": [0, 10],
    "servicios_revisados_a_tiempo": [40, 65, 85],
    "tramites_publicados": [30, 75],
    "tramites_automatizados": [5, 15],
    "tramites_revisados_a_tiempo": [35, 55, 75],
}


# --- GEL phases: two evaluations a year apart ----------------------------------------------------------------

CUMPLE, PARCIAL, NO_CUMPLE, NO_APLICA = "cumple", "parcial", "no_cumple", "no_aplica"

# Results by criterion code; a criterion not listed is "no cumple". The first evaluation defines the initial
# state; the recent one reaches about 81 % in Información, 61 % in Interacción, 29 % in Transacción, 20 % in
# Transformación and 29 % in Democracia (partial counts as one half; "no aplica" leaves the count).
RESULTADOS_INICIALES = {
    CUMPLE: ["TRA-01", "INF-01", "INF-03", "INF-04", "INF-05", "INF-06", "INF-08", "INT-01"],
    PARCIAL: [
        *["TRA-02", "TRA-10", "INF-02", "INF-09", "INF-12", "INF-13", "INF-16", "INF-22", "INF-23", "INF-31"],
        *["INT-03", "INT-14", "TRN-07", "TRF-05", "DEM-04"],
    ],
    NO_APLICA: ["INF-24", "TRN-08"],
}
RESULTADOS_RECIENTES = {
    CUMPLE: [
        *["TRA-01", "TRA-02", "TRA-03", "TRA-04", "TRA-05", "TRA-08", "TRA-10"],
        *[f"INF-{n:02d}" for n in range(1, 17)],
        *["INF-19", "INF-20", "INF-22", "INF-23", "INF-28", "INF-29", "INF-30", "INF-31", "INF-32", "INF-33"],
        *["INT-01", "INT-02", "INT-03", "INT-05", "INT-06", "INT-10", "INT-11", "INT-14"],
        *["TRN-01", "TRN-07", "TRF-05", "DEM-02", "DEM-04"],
    ],
    PARCIAL: ["TRA-06", "TRA-09", "INF-17", "INF-18", "INF-35", "INT-07"],
    NO_APLICA: ["INF-24", "TRN-08"],
}
# Notes and who answers for a few criteria: code -> (notas, responsable), per evaluation.
NOTAS_INICIALES = {
    "TRA-10": ("Comité creado por decreto; el plan de acción está en elaboración.", "Comité GEL-T"),
    "INF-12": ("Solo se publican algunos acuerdos del Concejo, sin fecha de expedición.", "Secretaría de Gobierno"),
}
NOTAS_RECIENTES = {
    "INF-18": ("Está el enlace al SECOP; falta publicar el plan anual de adquisiciones.", "Secretaría de Hacienda"),
    "INF-24": ("La alcaldía no produce boletines ni revistas propias.", ""),
    "INF-35": ("Varias subsecciones de Transparencia siguen sin documentos.", "Comité GEL-T"),
    "INT-04": ("La recepción de PQRSD en línea con radicado está en desarrollo.", "Secretaría de Gobierno"),
    "TRN-08": ("La atención presencial es por orden de llegada: no se asignan citas.", ""),
    "DEM-04": (
        "La audiencia de rendición de cuentas se transmitió en vivo y recibió preguntas por redes sociales.",
        "Despacho del Alcalde",
    ),
}

# Improvement actions on unmet criteria of the recent evaluation: criterion, action, responsable (demo
# username), days until the deadline, estado.
ACCIONES_MEJORA = [
    (
        "INF-34",
        "Publicar el plan anticorrupción y de atención al ciudadano y sus seguimientos cuatrimestrales",
        "comite",
        45,
        "pendiente",
    ),
    (
        "INT-04",
        "Habilitar la recepción de PQRSD en línea con número de radicado y consulta de su estado",
        "funcionario",
        120,
        "en_curso",
    ),
    (
        "INF-25",
        "Recopilar con las dependencias las preguntas más frecuentes y publicarlas con sus respuestas",
        "funcionario",
        60,
        "en_curso",
    ),
    (
        "TRN-02",
        "Gestionar con el banco recaudador el pago en línea (PSE) del impuesto predial",
        "comite",
        150,
        "pendiente",
    ),
]

# --- Allied entities ----------------------------------------------------------------------------------------

WEB = "https://www.eltablondegomez-narino.gov.co"
# nombre, nivel, contacto, convenio, vinculada (este año, año anterior o None), información que se publica,
# servicio implementado en el portal.
ENTIDADES = [
    (
        "Personería Municipal de El Tablón de Gómez",
        "local",
        "Personero municipal",
        "Convenio interadministrativo de publicación de información",
        "este_anio",
        "Jornadas de atención a víctimas, calendario de audiencias e informes de la Personería.",
        "",
    ),
    (
        "Asociación de Juntas de Acción Comunal (Asocomunal)",
        "local",
        "Presidente de Asocomunal",
        "Acuerdo de cooperación para el directorio comunal",
        "este_anio",
        "Directorio de las juntas de acción comunal de las veredas y convocatorias de sus asambleas.",
        f"{WEB}/directorio/",
    ),
    (
        "Centro de Salud de El Tablón de Gómez ESE",
        "local",
        "Gerente de la ESE",
        "Convenio interadministrativo de divulgación en salud",
        "este_anio",
        "Jornadas de vacunación, brigadas de salud en las veredas y horarios de atención.",
        f"{WEB}/eventos/",
    ),
    (
        "Institución Educativa Municipal de El Tablón de Gómez",
        "local",
        "Rector",
        "",
        None,
        "Calendario escolar, matrículas y resultados de las pruebas Saber.",
        "",
    ),
    (
        "Gobernación de Nariño",
        "departamental",
        "Secretaría TIC, Innovación y Gobierno Abierto",
        "Convenio interadministrativo de cooperación en Gobierno Digital",
        "este_anio",
        "Oferta departamental de trámites y programas, con enlace a la sede electrónica de la Gobernación.",
        "",
    ),
    (
        "Universidad de Nariño",
        "departamental",
        "Oficina de Proyección Social",
        "Convenio de prácticas y pasantías",
        "este_anio",
        "Apoyo de pasantes de Ingeniería de Sistemas en la actualización del sitio web y de las fichas de trámites.",
        "",
    ),
    (
        "Cámara de Comercio de Pasto",
        "departamental",
        "Dirección de Registros Públicos",
        "Convenio de cooperación para la formalización empresarial",
        "anio_anterior",
        "Trámites de registro mercantil y renovación de la matrícula para los comerciantes del municipio.",
        "",
    ),
    (
        "Ministerio de Tecnologías de la Información y las Comunicaciones (MinTIC), Gobierno Digital",
        "nacional",
        "Dirección de Gobierno Digital",
        "Acompañamiento en la implementación de la Política de Gobierno Digital",
        "anio_anterior",
        "Lineamientos y herramientas de Gobierno Digital y enlace al Portal Único del Estado colombiano GOV.CO.",
        "",
    ),
    (
        "Servicio Nacional de Aprendizaje (SENA)",
        "nacional",
        "Regional Nariño",
        "",
        None,
        "Oferta de cursos virtuales y presenciales para la comunidad del municipio.",
        "",
    ),
    (
        "Programa de las Naciones Unidas para el Desarrollo (PNUD)",
        "internacional",
        "Oficina de Pasto",
        "",
        None,
        "Proyectos de cooperación para fortalecer la gestión pública local y la participación ciudadana.",
        "",
    ),
]

# --- The dependencias' deliveries ---------------------------------------------------------------------------

ENTREGAS = [
    "Actualización semestral: datos de contacto, horario y funcionarios de la dependencia",
    "Actualización semestral: fichas de trámites y servicios a cargo de la dependencia",
    "Actualización semestral: noticias, eventos y documentos de la dependencia para el portal",
]

# --- The empalme with the new administration ----------------------------------------------------------------

EMPALME = "Empalme con la nueva administración"
# Activities: days after the start, what, who took part.
ACTIVIDADES_EMPALME = [
    (
        5,
        "Reunión de instalación del empalme entre el Comité GEL-T y el equipo de la nueva administración",
        "Comité GEL-T, alcalde y secretarios de despacho entrantes",
    ),
    (
        20,
        "Jornada de capacitación en Gobierno En Línea y en el manejo del portal",
        "Funcionarios de la nueva administración",
    ),
    (
        45,
        "Entrega de la responsabilidad de los canales de información y de las fichas de trámites",
        "Comité GEL-T y jefes de dependencia",
    ),
]
# New administration's officials: name, position, how they joined the GEL process ("" not yet).
FUNCIONARIOS_EMPALME = [
    ("Ana Lucía Rosero", "Secretaria de Gobierno", "canal"),
    ("Jorge Eduardo Bastidas", "Secretario de Hacienda", "ficha"),
    ("María Fernanda Guerrero", "Secretaria de Planeación e Infraestructura", "capacitado"),
    ("Luis Alberto Erazo", "Secretario de Desarrollo Social", "ficha"),
    ("Diana Carolina Delgado", "Comisaria de Familia", "capacitado"),
    ("Andrés Felipe Cabrera", "Inspector de Policía", ""),
    ("Sandra Milena Ordóñez", "Directora de la UMATA", "capacitado"),
    ("Óscar Javier Chaves", "Jefe de Control Interno", ""),
    ("Paola Andrea Insuasty", "Técnica administrativa de atención al ciudadano", "canal"),
    ("Hernán Darío Burbano", "Auxiliar de archivo", ""),
]


def _inicio_periodo(fecha, periodicidad):
    if periodicidad == "anual":
        return date(fecha.year, 1, 1)
    if periodicidad == "semestral":
        return date(fecha.year, 1 if fecha.month <= 6 else 7, 1)
    return fecha.replace(day=1)


def _meses_atras(fecha, meses):
    anio, mes = divmod(fecha.year * 12 + fecha.month - 1 - meses, 12)
    return date(anio, mes + 1, 1)


def _estado(indicador, valor):
    return estado(valor, indicador.meta_valor, indicador.sentido)


def cargar_gelt(resultado, contrasena):
    Plan = apps.get_model("gelt", "Plan")
    Usuario = apps.get_model("portal", "Usuario")
    usuarios = {u.username: u for u in Usuario.objects.filter(username__in=["comite", "funcionario"])}
    if len(usuarios) < 2:
        resultado.anotar("Sin usuarios demo: no se cargaron los datos del Comité GEL-T.")
        return
    hoy = timezone.localdate()
    _canales(resultado, usuarios, hoy)
    _entidades(resultado, hoy)
    _entregas(resultado, usuarios, hoy)
    _empalme(resultado, hoy)
    _evaluaciones(resultado, usuarios, hoy)
    plan = Plan.objects.vigente()
    if plan is None:
        resultado.anotar("Sin plan de acción vigente: no se cargaron mediciones ni instantáneas.")
        return
    indicadores = list(apps.get_model("gelt", "Indicador").objects.filter(accion__plan=plan))
    _mediciones(resultado, indicadores, usuarios["comite"], hoy)
    _instantaneas(resultado, indicadores, hoy)


def _canales(resultado, usuarios, hoy):
    Canal = apps.get_model("gelt", "Canal")
    ActualizacionCanal = apps.get_model("gelt", "ActualizacionCanal")
    for orden, (nombre, seccion, responsable, frecuencia) in enumerate(CANALES, start=1):
        canal, creado = Canal.objects.get_or_create(
            nombre=nombre,
            defaults={
                "seccion_web": seccion,
                "responsable": usuarios[responsable],
                "frecuencia_dias": frecuencia,
                "orden": orden,
            },
        )
        if creado:
            resultado.anotar(f"Canal creado: {nombre} (cada {frecuencia} días)")
        historia = ACTUALIZACIONES.get(nombre)
        if historia and not canal.actualizaciones.exists():
            ActualizacionCanal.objects.bulk_create(
                ActualizacionCanal(
                    canal=canal,
                    fecha=hoy - timedelta(days=dias),
                    descripcion=descripcion,
                    registrado_por=canal.responsable,
                )
                for dias, descripcion in historia
            )
            resultado.anotar(f"Actualizaciones registradas en el canal {nombre}: {len(historia)}")


def _entidades(resultado, hoy):
    EntidadAliada = apps.get_model("gelt", "EntidadAliada")
    fechas = {
        "este_anio": [max(date(hoy.year, 1, 1), hoy - timedelta(days=dias)) for dias in (240, 150, 95, 200, 60)],
        "anio_anterior": [date(hoy.year - 1, 9, 12), date(hoy.year - 1, 4, 20)],
    }
    for nombre, nivel, contacto, convenio, vinculada, informacion, servicio_url in ENTIDADES:
        fecha = fechas[vinculada].pop(0) if vinculada else None
        _entidad, creada = EntidadAliada.objects.get_or_create(
            nombre=nombre,
            defaults={
                "nivel": nivel,
                "contacto": contacto,
                "convenio": convenio,
                "fecha_convenio": fecha,
                "informacion_a_publicar": informacion,
                "servicio_url": servicio_url,
            },
        )
        if creada:
            estado_entidad = f"vinculada el {fecha:%d/%m/%Y}" if fecha else "de interés"
            resultado.anotar(f"Entidad aliada creada: {nombre} ({nivel}, {estado_entidad})")


def _inicio_semestre(fecha):
    return date(fecha.year, 1 if fecha.month <= 6 else 7, 1)


def _entregas(resultado, usuarios, hoy):
    """All the active dependencias delivered last semester; about 70 % have delivered in this one."""
    EntregaDependencia = apps.get_model("gelt", "EntregaDependencia")
    dependencias = list(apps.get_model("portal", "Dependencia").objects.filter(activa=True).order_by("orden", "pk"))
    actual = _inicio_semestre(hoy)
    anterior = _inicio_semestre(actual - timedelta(days=1))
    creadas = 0
    for n, dependencia in enumerate(dependencias):
        semestres = [(anterior, actual, anterior + timedelta(days=140 + 3 * n))]
        if n % 3 != 2:  # every third dependencia is behind this semester
            semestres.append((actual, None, min(hoy, actual + timedelta(days=95 + 4 * n))))
        for inicio, fin, fecha in semestres:
            entregas = EntregaDependencia.objects.filter(dependencia=dependencia, fecha__gte=inicio)
            if fin:
                entregas = entregas.filter(fecha__lt=fin)
            if entregas.exists():
                continue
            EntregaDependencia.objects.create(
                dependencia=dependencia,
                fecha=fecha,
                descripcion=ENTREGAS[n % len(ENTREGAS)],
                registrado_por=usuarios["funcionario" if dependencia.nombre == "Secretaría de Gobierno" else "comite"],
            )
            creadas += 1
    if creadas:
        resultado.anotar(f"Entregas de información de las dependencias registradas: {creadas}")


def _empalme(resultado, hoy):
    Empalme = apps.get_model("gelt", "Empalme")
    inicio = hoy - timedelta(days=300)
    empalme, creado = Empalme.objects.get_or_create(nombre=EMPALME, defaults={"fecha_inicio": inicio})
    if creado:
        resultado.anotar(f"Empalme creado: {EMPALME}")
    if empalme.documento_id is None:
        documento = (
            apps.get_model("portal", "Documento")
            .objects.filter(subsecciones__numero="4.5", estado="publicado")
            .order_by("pk")
            .first()
        )
        if documento is not None:
            empalme.documento = documento
            empalme.save(update_fields=["documento"])
            resultado.anotar(f"Documento de empalme enlazado: {documento.titulo}")
    if not empalme.socializacion.exists():
        evento = (
            apps.get_model("portal", "Evento")
            .objects.filter(titulo__icontains="rendición", estado="publicado")
            .order_by("pk")
            .first()
        )
        if evento is not None:
            empalme.socializacion.add(evento)
            resultado.anotar(f"Socialización del empalme: {evento.titulo}")
    if not empalme.actividades.exists():
        apps.get_model("gelt", "ActividadEmpalme").objects.bulk_create(
            apps.get_model("gelt", "ActividadEmpalme")(
                empalme=empalme,
                fecha=empalme.fecha_inicio + timedelta(days=dias),
                descripcion=descripcion,
                participantes=participantes,
            )
            for dias, descripcion, participantes in ACTIVIDADES_EMPALME
        )
        resultado.anotar(f"Actividades de empalme registradas: {len(ACTIVIDADES_EMPALME)}")
    if not empalme.funcionarios.exists():
        FuncionarioEmpalme = apps.get_model("gelt", "FuncionarioEmpalme")
        FuncionarioEmpalme.objects.bulk_create(
            FuncionarioEmpalme(empalme=empalme, nombre=nombre, cargo=cargo, vinculo=vinculo)
            for nombre, cargo, vinculo in FUNCIONARIOS_EMPALME
        )
        vinculados = sum(1 for *_datos, vinculo in FUNCIONARIOS_EMPALME if vinculo)
        resultado.anotar(
            f"Funcionarios de la nueva administración registrados: {len(FUNCIONARIOS_EMPALME)} "
            f"({vinculados} vinculados al proceso GEL)"
        )


def _resultado_de(codigo, resultados):
    for valor, codigos in resultados.items():
        if codigo in codigos:
            return valor
    return NO_CUMPLE


def _evaluaciones(resultado, usuarios, hoy):
    Criterio = apps.get_model("gelt", "Criterio")
    Evaluacion = apps.get_model("gelt", "Evaluacion")
    ResultadoCriterio = apps.get_model("gelt", "ResultadoCriterio")
    criterios = list(Criterio.objects.all())
    if not criterios:
        resultado.anotar("Sin criterios de GEL: no se cargaron evaluaciones.")
        return
    reciente = hoy - timedelta(days=14)
    evaluaciones = [
        (
            "Estado inicial",
            hoy - timedelta(days=365),
            "Primera evaluación del comité para definir el estado inicial de las fases.",
            RESULTADOS_INICIALES,
            NOTAS_INICIALES,
        ),
        (
            f"Evaluación anual {reciente.year}",
            reciente,
            "Evaluación anual del avance en las fases de Gobierno En Línea.",
            RESULTADOS_RECIENTES,
            NOTAS_RECIENTES,
        ),
    ]
    for nombre, fecha, notas, resultados, notas_criterios in evaluaciones:
        evaluacion, creada = Evaluacion.objects.get_or_create(
            nombre=nombre, defaults={"fecha": fecha, "notas": f"{notas} {NOTA}", "creada_por": usuarios["comite"]}
        )
        if creada:
            resultado.anotar(f"Evaluación de fases GEL creada: {nombre} ({fecha:%d/%m/%Y})")
        existentes = set(evaluacion.resultados.values_list("criterio_id", flat=True))
        nuevos = [
            ResultadoCriterio(
                evaluacion=evaluacion,
                criterio=criterio,
                resultado=_resultado_de(criterio.codigo, resultados),
                notas=notas_criterios.get(criterio.codigo, ("", ""))[0],
                responsable=notas_criterios.get(criterio.codigo, ("", ""))[1],
            )
            for criterio in criterios
            if criterio.pk not in existentes
        ]
        ResultadoCriterio.objects.bulk_create(nuevos)
        if nuevos:
            resultado.anotar(f"Resultados por criterio registrados en «{nombre}»: {len(nuevos)}")
    _acciones_mejora(resultado, usuarios, hoy, evaluacion)  # on the recent evaluation, the last one


def _acciones_mejora(resultado, usuarios, hoy, evaluacion):
    AccionMejora = apps.get_model("gelt", "AccionMejora")
    criterios = {c.codigo: c for c in apps.get_model("gelt", "Criterio").objects.all()}
    for codigo, descripcion, responsable, dias, estado_accion in ACCIONES_MEJORA:
        if codigo not in criterios:
            continue
        _accion, creada = AccionMejora.objects.get_or_create(
            criterio=criterios[codigo],
            descripcion=descripcion,
            defaults={
                "evaluacion": evaluacion,
                "responsable": usuarios[responsable],
                "fecha_limite": hoy + timedelta(days=dias),
                "estado": estado_accion,
            },
        )
        if creada:
            resultado.anotar(f"Acción de mejora creada ({codigo}): {descripcion}")


def _mediciones(resultado, indicadores, comite, hoy):
    Medicion = apps.get_model("gelt", "Medicion")
    por_nombre = {indicador.nombre: indicador for indicador in indicadores if not indicador.fuente}
    pendientes = [
        (nombre, _inicio_periodo(hoy, indicador.periodicidad), *MEDICIONES[nombre])
        for nombre, indicador in por_nombre.items()
        if nombre in MEDICIONES
    ]
    pendientes += [
        (nombre, date(hoy.year - anios, 1, 1), valor, notas)
        for nombre, anios, valor, notas in MEDICIONES_ANTERIORES
        if nombre in por_nombre
    ]
    for nombre, periodo, valor, notas in pendientes:
        _medicion, creada = Medicion.objects.get_or_create(
            indicador=por_nombre[nombre],
            periodo=periodo,
            defaults={"valor": Decimal(valor), "notas": f"{notas} {NOTA}", "registrado_por": comite},
        )
        if creada:
            resultado.anotar(f"Medición creada: {nombre} ({periodo:%m/%Y}): {valor}")


def _instantaneas(resultado, indicadores, hoy):
    Instantanea = apps.get_model("gelt", "Instantanea")
    Medicion = apps.get_model("gelt", "Medicion")
    meses = [_meses_atras(hoy, n) for n in range(11, -1, -1)]
    for indicador in indicadores:
        periodos = sorted({_inicio_periodo(mes, indicador.periodicidad) for mes in meses})
        if indicador.fuente and indicador.fuente not in SERIES and indicador.fuente in FUENTES:
            # Sources computed from the demo data above (phases, entities, deliveries, empalme).
            calcular = FUENTES[indicador.fuente].calcular
            valores = {p: calcular(periodo_de(indicador.periodicidad, hoy=p)) for p in periodos}
        elif indicador.fuente:
            serie = SERIES.get(indicador.fuente, [])[-len(periodos) :]
            serie = [None] * (len(periodos) - len(serie)) + serie
            valores = dict(zip(periodos, (None if v is None else Decimal(v) for v in serie), strict=True))
        else:
            # Hand-recorded indicators: the committee's measurement of the period, if any.
            valores = dict(
                Medicion.objects.filter(indicador=indicador, periodo__in=periodos).values_list("periodo", "valor")
            )
        creadas = 0
        for periodo in periodos:
            valor = valores.get(periodo)
            _instantanea, creada = Instantanea.objects.get_or_create(
                indicador=indicador,
                periodo=periodo,
                defaults={"valor": valor, "estado": _estado(indicador, valor)},
            )
            creadas += creada
        if creadas:
            resultado.anotar(f"Instantáneas creadas: {indicador.nombre} ({creadas})")
