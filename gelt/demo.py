"""Demo data of the Comité GEL-T for `python manage.py cargar_demo`: channels, their updates, measurements and
the indicators' history.

``GeltConfig.ready`` registers ``cargar_gelt`` in portal's demo registry (orden=40, after the demo users and
the fichas); snapshots get their status from the dashboard's own rule (``gelt.indicadores.estado``).

The action plan itself is reference data (migration ``gelt/0002``); this loader only adds what a committee
would have recorded: who keeps each channel, a few months of updates of the external channels (two of them
overdue), this year's measurements of the indicators the portal cannot compute, and a year of monthly,
semiannual or annual snapshots for every indicator of the plan in force.

Idempotent: channels are matched by name, measurements and snapshots by indicator and period, and a channel's
update history is only written while it has none; a second run adds nothing. Dates are relative to the day of
the run.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from .indicadores import estado

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
    "Cantidad de entidades locales vinculadas": (
        "3",
        "Convenios con la ESE, la Empresa de Servicios Públicos y la Personería.",
    ),
    "Cantidad de entidades departamentales vinculadas": ("2", "Gobernación de Nariño e Instituto Departamental."),
    "Cantidad de entidades nacionales vinculadas": ("0", "Sin convenios nacionales firmados este año."),
    "Porcentaje de criterios cumplidos en la fase de información": ("80", "Evaluación anual del comité."),
    "Porcentaje de criterios cumplidos en la fase de interacción": ("60", "Evaluación anual del comité."),
    "Porcentaje de criterios cumplidos en la fase de transacción": ("20", "Evaluación anual del comité."),
    "Porcentaje de criterios cumplidos en la fase de transformación": ("10", "Evaluación anual del comité."),
    "Porcentaje de criterios cumplidos en la fase de democracia": ("30", "Evaluación anual del comité."),
    "Porcentaje de funcionarios de la nueva administración vinculados al proceso de Gobierno En Línea": (
        "70",
        "Funcionarios que asistieron a las jornadas de empalme.",
    ),
    "Frecuencia de recolección de la información": ("5", "Meses desde la última recolección con las dependencias."),
    "Porcentaje de encuestas realizadas": ("0", "La encuesta de este año aún no se ha aplicado."),
    "Porcentaje de visitas al sitio Web": ("12", "Variación de visitas frente al semestre anterior."),
}
# Measurements of earlier periods: indicator, years back, value, notes.
MEDICIONES_ANTERIORES = [
    ("Porcentaje de encuestas realizadas", 1, "1", "Encuesta aplicada en el sitio Web y en la cartelera."),
]

# Snapshots of the indicators the portal computes (oldest period first; the last values are used).
SERIES = {
    "actualizaciones_sitio": [0, 1, 1, 0, 2, 1, 2, 3, 2, 4, 3, 2],
    "servicios_publicados": [35, 80],
    "servicios_automatizados": [0, 10],
    "servicios_revisados_a_tiempo": [40, 65, 85],
    "tramites_publicados": [30, 75],
    "tramites_automatizados": [5, 15],
    "tramites_revisados_a_tiempo": [35, 55, 75],
}


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
        if indicador.fuente:
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
