"""Demo trámites and servicios (SUIT fichas) for `python manage.py cargar_demo`.

Registers ``cargar_fichas`` (orden=30, after the dependencias and users of ``cargar_portal``) when imported;
``portal.demo`` imports this module on its last line. ``portal`` does not import the apps above it, so the
models are looked up with ``apps.get_model`` inside the loader.

Idempotent: each ficha is matched by its slug and written only when it is created (texts, workflow state,
publication date, review and related rows), so a second run adds nothing and keeps what administrators
changed since. Dates are relative to the day of the first run: a few published fichas are already
overdue for their six-monthly review and a few fall due within the next 30 days.

Fees are demo values. Municipal norms are named generically ("acuerdo del Concejo Municipal"); national norms
only carry articles and links that were checked.
"""

from datetime import timedelta
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from .demo import registrar
from .fichas.models import Canal, TipoCosto, TipoTiempo
from .models import Dependencia, Estado, SituacionDeVida, Usuario

WEB = "https://www.eltablondegomez-narino.gov.co"
GESTOR = "https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i="
ESTATUTO = "Estatuto tributario municipal (acuerdo del Concejo Municipal)"
EOT = "Esquema de Ordenamiento Territorial del municipio (acuerdo del Concejo Municipal)"
TELEFONO = "+57 602 000 0000"
HORARIO = "Lunes a viernes de 8:00 a. m. a 12:00 m. y de 2:00 p. m. a 6:00 p. m."
PALACIO = "Palacio Municipal, parque principal"
LATITUD, LONGITUD = Decimal("1.427000"), Decimal("-77.097000")

# Momentos and tipos of a requirement (values of Requisito.Momento and Requisito.Tipo).
ACCESO, SOLICITUD, RESOLUCION, RESULTADO = "acceso", "solicitud", "resolucion", "resultado"
DOCUMENTO, FORMULARIO, PAGO, CONDICION = "documento", "formulario", "pago", "condicion"
ORDEN_MOMENTOS = [ACCESO, SOLICITUD, RESOLUCION, RESULTADO]

# Life situations (slugs of migration portal/0007).
NEGOCIO = "tengo-o-quiero-abrir-un-negocio"
VIVIENDA = "construir-comprar-o-mejorar-mi-vivienda"
IMPUESTOS = "pagar-mis-impuestos"
CAMPO = "trabajo-en-el-campo"
CERTIFICADOS = "certificados-y-constancias"
FAMILIA = "familia-ninez-y-proteccion"
MAYORES = "personas-mayores-y-programas-sociales"
EVENTOS = "eventos-y-uso-del-espacio-publico"
FALLECIMIENTO = "fallecimiento-de-un-ser-querido"
CULTURA = "cultura-deporte-y-biblioteca"

# Points of attention: name, address, with the coordinates of the Palacio Municipal or not.
PUNTOS = {
    "hacienda": ("Secretaría de Hacienda — Palacio Municipal, primer piso", PALACIO, True),
    "gobierno": ("Secretaría de Gobierno — Palacio Municipal, segundo piso", PALACIO, True),
    "planeacion": ("Secretaría de Planeación e Infraestructura — Palacio Municipal, segundo piso", PALACIO, True),
    "sisben": ("Oficina del Sisbén (Secretaría de Planeación) — Palacio Municipal, primer piso", PALACIO, True),
    "social": ("Secretaría de Desarrollo Social — Palacio Municipal, primer piso", PALACIO, True),
    "comisaria": ("Comisaría de Familia — Palacio Municipal, primer piso", PALACIO, True),
    "inspeccion": ("Inspección de Policía — Palacio Municipal, primer piso", PALACIO, True),
    "umata": ("UMATA — Palacio Municipal, primer piso", PALACIO, True),
    "biblioteca": ("Biblioteca Pública Municipal", "Cabecera municipal, cerca del parque principal", False),
}

SEGUIMIENTO = (
    "Pregunte por su solicitud con el número de radicado en la ventanilla de la dependencia, o llame al "
    f"{TELEFONO} en el horario de atención."
)


def _r(momento, tipo, descripcion, detalle="", excepcion=False):
    return {"momento": momento, "tipo": tipo, "descripcion": descripcion, "detalle": detalle, "excepcion": excepcion}


def _identidad(detalle="Cédula de ciudadanía, cédula de extranjería o tarjeta de identidad."):
    return _r(SOLICITUD, DOCUMENTO, "Documento de identidad de quien hace la solicitud", detalle)


PODER = _r(
    SOLICITUD,
    DOCUMENTO,
    "Poder o autorización firmada por el interesado, si actúa en nombre de otra persona",
    excepcion=True,
)
EMPRESA = _r(
    SOLICITUD,
    DOCUMENTO,
    "Certificado de existencia y representación legal, si la solicitud es de una empresa",
    "Expedido por la Cámara de Comercio hace menos de un mes.",
    excepcion=True,
)

# National norms: (norma, artículos, enlace). Links only where the gestor normativo id was checked.
LEY_44_1990 = ("Ley 44 de 1990 (impuesto predial unificado)", "", "")
LEY_1995_2019 = ("Ley 1995 de 2019 (límites al incremento del impuesto predial)", "", "")
LEY_14_1983 = ("Ley 14 de 1983 (fortalecimiento de los fiscos municipales)", "", "")
LEY_1819_2016 = ("Ley 1819 de 2016 (reforma tributaria estructural)", "", f"{GESTOR}79140")
LEY_1755_2015 = (
    "Ley 1755 de 2015 (derecho de petición)",
    "Artículo 14 (plazo para entregar documentos)",
    f"{GESTOR}65334",
)
DECRETO_1077_2015 = (
    "Decreto 1077 de 2015 (Decreto Único Reglamentario del Sector Vivienda, Ciudad y Territorio)",
    "",
    f"{GESTOR}77216",
)
LEY_388_1997 = ("Ley 388 de 1997 (ordenamiento territorial)", "", "")
LEY_1801_2016 = ("Ley 1801 de 2016 (Código Nacional de Seguridad y Convivencia Ciudadana)", "", f"{GESTOR}80538")
LEY_1098_2006 = ("Ley 1098 de 2006 (Código de la Infancia y la Adolescencia)", "", f"{GESTOR}22106")
LEY_1448_2011 = ("Ley 1448 de 2011 (Ley de Víctimas y Restitución de Tierras)", "", f"{GESTOR}43043")
ESTATUTO_NORMA = (ESTATUTO, "", "")


def _norma(base, articulos=None):
    norma, arts, url = base
    return {"norma": norma, "articulos": arts if articulos is None else articulos, "url": url}


# --------------------------------------------------------------------------------------------------------------
# Trámites
# --------------------------------------------------------------------------------------------------------------

# "dias": published that many days ago (its review falls due six months later); no "dias": not published.
TRAMITES = [
    {
        "slug": "impuesto-predial-unificado",
        "nombre": "Impuesto predial unificado",
        "nombre_estandarizado": "Impuesto predial unificado",
        "tambien_conocido_como": "predial, impuesto predial, pago del predial",
        "proposito": (
            "Es el impuesto que se paga cada año por ser dueño o poseedor de un predio (casa, lote o finca) en el "
            "municipio. Al pagarlo cumple su obligación y evita los intereses de mora."
        ),
        "para_persona_juridica": True,
        "situaciones": [IMPUESTOS, VIVIENDA, CAMPO],
        "canal": Canal.PARCIAL,
        "url_en_linea": f"{WEB}/pagos/impuesto-predial",
        "resultado": "La factura del impuesto predial y el recibo de pago o el comprobante del pago en línea.",
        "tiempo_tipo": TipoTiempo.INMEDIATO,
        "tiempo_notas": (
            "El recibo se entrega en el momento. Si paga en el banco, el pago se ve en el sistema del municipio "
            "en uno o dos días hábiles."
        ),
        "costo_tipo": TipoCosto.FORMULA,
        "costo_formula": (
            "Según el avalúo catastral del predio y la tarifa por mil que fija el estatuto tributario municipal, "
            "más los intereses de mora si paga después de la fecha límite."
        ),
        "costo_base_legal": "Ley 44 de 1990 y estatuto tributario municipal (acuerdo del Concejo Municipal)",
        "costo_donde_pagar": (
            "En la Tesorería municipal (Palacio Municipal), en los bancos indicados en la factura o en línea por "
            "PSE desde la página de pagos del municipio."
        ),
        "seguimiento": (
            "Consulte el estado de cuenta de su predio en la página de pagos con el número predial, o pregunte "
            "en la ventanilla de la Secretaría de Hacienda."
        ),
        "dependencia": "secretaria-de-hacienda",
        "destacado": True,
        "requisitos": [
            _r(ACCESO, CONDICION, "Ser propietario, poseedor o usufructuario del predio"),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Número predial o dirección del predio",
                "Aparece en la factura del año anterior o en la escritura.",
            ),
            _identidad(),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Documento que pruebe el derecho a una exención o a un descuento especial, si lo tiene",
                "Solo cuando el estatuto tributario municipal lo concede para su caso.",
                excepcion=True,
            ),
            _r(
                RESULTADO,
                PAGO,
                "Pagar el valor de la factura",
                "Si paga antes de la fecha límite del calendario tributario puede tener descuento por pronto pago.",
            ),
        ],
        "punto": "hacienda",
        "normas": [_norma(LEY_44_1990), _norma(LEY_1995_2019), _norma(ESTATUTO_NORMA)],
        "dias": 300,
    },
    {
        "slug": "paz-y-salvo-del-impuesto-predial",
        "nombre": "Paz y salvo del impuesto predial",
        "nombre_estandarizado": "Certificado de paz y salvo",
        "tambien_conocido_como": "paz y salvo predial, certificado de paz y salvo municipal",
        "proposito": (
            "Certifica que un predio está al día en el pago del impuesto predial. Se pide en la notaría para "
            "vender, comprar o hipotecar un inmueble, y en otros trámites."
        ),
        "para_persona_juridica": True,
        "situaciones": [IMPUESTOS, VIVIENDA, CERTIFICADOS],
        "canal": Canal.TOTAL,
        "url_en_linea": f"{WEB}/pagos/paz-y-salvo",
        "resultado": "Certificado de paz y salvo en PDF, con un código para verificar que es auténtico.",
        "tiempo_tipo": TipoTiempo.INMEDIATO,
        "tiempo_notas": "Se descarga en el momento, si el predio está al día.",
        "costo_tipo": TipoCosto.VALOR,
        "costo_valor": 11000,
        "costo_base_legal": ESTATUTO,
        "costo_donde_pagar": "En línea por PSE, en la misma página donde pide el certificado.",
        "seguimiento": (
            "Si el sistema no genera el certificado, escriba a contactenos@eltablondegomez-narino.gov.co con el "
            "número predial, o llame a la Secretaría de Hacienda."
        ),
        "dependencia": "secretaria-de-hacienda",
        "destacado": True,
        "requisitos": [
            _r(ACCESO, CONDICION, "Tener pagado el impuesto predial del año en curso y de los años anteriores"),
            _r(
                SOLICITUD,
                FORMULARIO,
                "Formulario en línea con el número predial y los datos de quien pide el certificado",
            ),
            _r(SOLICITUD, PAGO, "Pagar el valor del certificado por PSE"),
        ],
        "normas": [_norma(LEY_44_1990), _norma(ESTATUTO_NORMA)],
        "dias": 250,
    },
    {
        "slug": "inscripcion-en-el-registro-de-industria-y-comercio",
        "nombre": "Inscripción en el registro de industria y comercio",
        "tambien_conocido_como": "registro ICA, matrícula de industria y comercio, RIT",
        "proposito": (
            "Inscribe su negocio en el registro de contribuyentes del impuesto de industria y comercio. Lo debe "
            "hacer toda persona o empresa que tenga una actividad comercial, industrial o de servicios en el "
            "municipio."
        ),
        "para_persona_juridica": True,
        "situaciones": [NEGOCIO, IMPUESTOS],
        "resultado": "Constancia de inscripción en el registro de industria y comercio, con su número.",
        "tiempo_cantidad": 3,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-hacienda",
        "requisitos": [
            _r(
                ACCESO,
                CONDICION,
                "Tener o ir a abrir una actividad comercial, industrial o de servicios en el municipio",
            ),
            _r(
                SOLICITUD,
                FORMULARIO,
                "Formulario de inscripción en el registro de industria y comercio",
                "Se entrega gratis en la Secretaría de Hacienda.",
            ),
            _r(SOLICITUD, DOCUMENTO, "Copia del RUT (Registro Único Tributario) actualizado"),
            _identidad("Del propietario del negocio o del representante legal de la empresa."),
            EMPRESA,
            PODER,
        ],
        "punto": "hacienda",
        "normas": [_norma(LEY_14_1983, "Artículo 32"), _norma(LEY_1819_2016), _norma(ESTATUTO_NORMA)],
        "dias": 140,
    },
    {
        "slug": "declaracion-y-pago-del-impuesto-de-industria-y-comercio",
        "nombre": "Declaración y pago del impuesto de industria y comercio",
        "nombre_estandarizado": "Impuesto de industria y comercio y su complementario de avisos y tableros",
        "tambien_conocido_como": "ICA, declaración de ICA, avisos y tableros",
        "proposito": (
            "Cada año los negocios declaran los ingresos que obtuvieron en el municipio y pagan el impuesto de "
            "industria y comercio, con el de avisos y tableros cuando tienen avisos."
        ),
        "para_persona_juridica": True,
        "situaciones": [NEGOCIO, IMPUESTOS],
        "canal": Canal.PARCIAL,
        "url_en_linea": f"{WEB}/pagos/industria-y-comercio",
        "resultado": "La declaración presentada y el recibo de pago del impuesto.",
        "tiempo_tipo": TipoTiempo.INMEDIATO,
        "tiempo_notas": "Presente la declaración en los plazos del calendario tributario para evitar sanciones.",
        "costo_tipo": TipoCosto.FORMULA,
        "costo_formula": (
            "Ingresos brutos del año anterior por la tarifa por mil de su actividad, según el estatuto tributario "
            "municipal, más el impuesto de avisos y tableros si tiene avisos."
        ),
        "costo_base_legal": "Ley 14 de 1983 y estatuto tributario municipal (acuerdo del Concejo Municipal)",
        "costo_donde_pagar": (
            "En la Tesorería municipal, en los bancos indicados en el recibo o en línea por PSE desde la página de "
            "pagos del municipio."
        ),
        "seguimiento": (
            "Consulte sus declaraciones y pagos en la página de pagos con su NIT o cédula, o pregunte en la "
            "Secretaría de Hacienda."
        ),
        "dependencia": "secretaria-de-hacienda",
        "requisitos": [
            _r(ACCESO, CONDICION, "Estar inscrito en el registro de industria y comercio del municipio"),
            _r(
                SOLICITUD,
                FORMULARIO,
                "Formulario único nacional de declaración y pago del impuesto de industria y comercio",
                "Lo puede diligenciar en línea o pedirlo en la Secretaría de Hacienda.",
            ),
            _r(SOLICITUD, DOCUMENTO, "Relación de los ingresos brutos del año anterior obtenidos en el municipio"),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Firma de contador público o revisor fiscal, si está obligado a tenerlo",
                excepcion=True,
            ),
            _r(RESULTADO, PAGO, "Pagar el impuesto que resulta de la declaración"),
        ],
        "punto": "hacienda",
        "normas": [_norma(LEY_14_1983), _norma(LEY_1819_2016), _norma(ESTATUTO_NORMA)],
        "dias": 120,
    },
    {
        "slug": "acuerdo-de-pago-de-impuestos-municipales",
        "nombre": "Acuerdo de pago de impuestos municipales",
        "nombre_estandarizado": "Facilidades de pago para los deudores de obligaciones tributarias",
        "tambien_conocido_como": "facilidad de pago, acuerdo de pago del predial, financiación de deudas",
        "proposito": (
            "Permite pagar por cuotas una deuda atrasada de impuestos municipales, como el predial o el de "
            "industria y comercio, en el plazo que apruebe la Secretaría de Hacienda."
        ),
        "para_persona_juridica": True,
        "situaciones": [IMPUESTOS],
        "resultado": "Resolución que concede el acuerdo de pago, con el valor y la fecha de cada cuota.",
        "tiempo_cantidad": 15,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-hacienda",
        "requisitos": [
            _r(ACCESO, CONDICION, "Tener una deuda vencida de impuestos con el municipio"),
            _r(
                SOLICITUD,
                FORMULARIO,
                "Solicitud escrita del acuerdo de pago",
                "Indique la deuda, el número de cuotas que propone y sus datos de contacto.",
            ),
            _identidad(),
            EMPRESA,
            PODER,
            _r(RESOLUCION, PAGO, "Pagar la cuota inicial que fije la Secretaría de Hacienda"),
            _r(
                RESOLUCION,
                DOCUMENTO,
                "Garantía (por ejemplo, un codeudor o una póliza), si la Secretaría de Hacienda la exige",
                excepcion=True,
            ),
            _r(
                RESULTADO,
                CONDICION,
                "Firmar el acuerdo y pagar cada cuota en la fecha fijada",
                "Las cuotas incluyen los intereses. Si deja de pagar, el acuerdo se cancela y se cobra toda la deuda.",
            ),
        ],
        "punto": "hacienda",
        "normas": [
            {"norma": "Estatuto Tributario Nacional (Decreto 624 de 1989)", "articulos": "Artículo 814", "url": ""},
            {
                "norma": "Ley 788 de 2002 (procedimiento tributario en las entidades territoriales)",
                "articulos": "Artículo 59",
                "url": "",
            },
            _norma(ESTATUTO_NORMA),
        ],
        "dias": 25,
    },
    {
        "slug": "certificado-de-residencia",
        "nombre": "Certificado de residencia",
        "nombre_estandarizado": "Certificado de residencia",
        "tambien_conocido_como": "constancia de residencia, certificado de vecindad",
        "proposito": (
            "Certifica que usted vive en el municipio. Se pide, por ejemplo, para programas sociales, becas, "
            "cupos educativos o empleos que exigen vivir aquí."
        ),
        "situaciones": [CERTIFICADOS, MAYORES],
        "canal": Canal.PARCIAL,
        "url_en_linea": f"{WEB}/tramites-en-linea/certificado-de-residencia",
        "resultado": "Certificado de residencia firmado por la Secretaría de Gobierno.",
        "tiempo_cantidad": 3,
        "tiempo_notas": "Si lo pide en línea, le avisamos por correo cuando esté listo para recogerlo.",
        "costo_tipo": TipoCosto.GRATUITO,
        "seguimiento": (
            "Con el número de radicado que recibe al hacer la solicitud, en la página del trámite en línea o en "
            "la Secretaría de Gobierno."
        ),
        "dependencia": "secretaria-de-gobierno",
        "destacado": True,
        "requisitos": [
            _r(ACCESO, CONDICION, "Vivir en el municipio de El Tablón de Gómez"),
            _r(SOLICITUD, FORMULARIO, "Solicitud del certificado, en línea o en la ventanilla"),
            _identidad(),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Constancia de la junta de acción comunal de su barrio o vereda",
                "Firmada por el presidente de la junta; dice desde cuándo vive allí.",
            ),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Registro civil de nacimiento y documento del padre, la madre o el acudiente, si el certificado es "
                "para un menor de edad",
                excepcion=True,
            ),
            PODER,
            _r(RESULTADO, CONDICION, "Recoger el certificado en la Secretaría de Gobierno con su documento"),
        ],
        "punto": "gobierno",
        "normas": [_norma(LEY_1755_2015)],
        "dias": 160,
    },
    {
        "slug": "certificado-de-estratificacion-socioeconomica",
        "nombre": "Certificado de estratificación socioeconómica",
        "nombre_estandarizado": "Certificado de estratificación socioeconómica",
        "tambien_conocido_como": "certificado de estrato, constancia de estrato",
        "proposito": (
            "Certifica el estrato asignado a una vivienda. Sirve para reclamar ante las empresas de servicios "
            "públicos y para trámites de subsidios o de otras entidades."
        ),
        "situaciones": [CERTIFICADOS, VIVIENDA],
        "resultado": "Certificado con el estrato socioeconómico de la vivienda.",
        "tiempo_cantidad": 5,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-planeacion-e-infraestructura",
        "requisitos": [
            _r(SOLICITUD, FORMULARIO, "Solicitud con la dirección o el número predial de la vivienda"),
            _identidad(),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Copia de un recibo de servicio público de la vivienda",
                "Ayuda a ubicar el predio.",
            ),
            _r(
                RESOLUCION,
                CONDICION,
                "Permitir la visita técnica, si la vivienda no tiene estrato asignado o si pide revisarlo",
                excepcion=True,
            ),
        ],
        "punto": "planeacion",
        "normas": [
            {
                "norma": "Ley 142 de 1994 (régimen de los servicios públicos domiciliarios)",
                "articulos": "Artículos 101 y 102 (estratificación)",
                "url": "",
            },
            {"norma": "Ley 505 de 1999 (estratificación socioeconómica)", "articulos": "", "url": ""},
        ],
        "dias": 100,
    },
    {
        "slug": "certificado-de-uso-del-suelo",
        "nombre": "Certificado de uso del suelo",
        "nombre_estandarizado": "Concepto de uso del suelo",
        "tambien_conocido_como": "uso del suelo, concepto de uso del suelo, certificado de usos",
        "proposito": (
            "Informa qué actividades se permiten en un predio según el Esquema de Ordenamiento Territorial. Se "
            "pide antes de abrir un negocio, construir o comprar un lote; no autoriza por sí solo la actividad."
        ),
        "para_persona_juridica": True,
        "situaciones": [NEGOCIO, VIVIENDA],
        "resultado": "Certificado con los usos permitidos, condicionados y prohibidos en el predio.",
        "tiempo_cantidad": 10,
        "costo_tipo": TipoCosto.VALOR,
        "costo_valor": 32000,
        "costo_base_legal": ESTATUTO,
        "costo_donde_pagar": (
            "En la Tesorería municipal o en la cuenta bancaria del municipio que le indiquen en la Secretaría de "
            "Planeación. Entregue el recibo pagado con la solicitud."
        ),
        "dependencia": "secretaria-de-planeacion-e-infraestructura",
        "destacado": True,
        "requisitos": [
            _r(
                SOLICITUD,
                FORMULARIO,
                "Solicitud con la dirección o el número predial y la actividad que quiere desarrollar",
            ),
            _identidad(),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Recibo del impuesto predial o certificado de tradición y libertad del predio",
                "Sirve para identificar el predio.",
            ),
            _r(SOLICITUD, PAGO, "Recibo de pago del certificado"),
            EMPRESA,
        ],
        "punto": "planeacion",
        "normas": [
            _norma(DECRETO_1077_2015, "Artículo 2.2.6.1.3.1 (concepto de uso del suelo)"),
            _norma(LEY_388_1997),
            {"norma": EOT, "articulos": "", "url": ""},
        ],
        "dias": 170,
    },
    {
        "slug": "licencia-de-construccion",
        "nombre": "Licencia de construcción",
        "nombre_estandarizado": "Licencia de construcción",
        "tambien_conocido_como": "permiso de construcción, licencia de obra",
        "proposito": (
            "Autoriza construir, ampliar, modificar, reforzar o demoler una edificación, de acuerdo con el "
            "Esquema de Ordenamiento Territorial y las normas de construcción sismorresistente."
        ),
        "para_persona_juridica": True,
        "situaciones": [VIVIENDA],
        "resultado": "Resolución que otorga la licencia de construcción, con los planos aprobados.",
        "tiempo_cantidad": 45,
        "tiempo_notas": "Plazo máximo para resolver, contado desde que la solicitud se radica completa.",
        "costo_tipo": TipoCosto.FORMULA,
        "costo_formula": (
            "Impuesto de delineación urbana, calculado sobre el presupuesto de la obra o el área por construir con "
            "la tarifa del estatuto tributario municipal."
        ),
        "costo_base_legal": ESTATUTO,
        "costo_donde_pagar": (
            "En la Tesorería municipal, con la liquidación que entrega la Secretaría de Planeación, antes de "
            "recibir la licencia."
        ),
        "dependencia": "secretaria-de-planeacion-e-infraestructura",
        "destacado": True,
        "requisitos": [
            _r(
                ACCESO,
                CONDICION,
                "Ser propietario o poseedor del predio, o contar con la autorización del propietario",
            ),
            _r(
                SOLICITUD,
                FORMULARIO,
                "Formulario único nacional para la solicitud de licencias urbanísticas, diligenciado y firmado",
            ),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Certificado de tradición y libertad del predio",
                "Expedido hace menos de un mes.",
            ),
            _identidad(),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Dirección de los predios vecinos (colindantes)",
                "Se usa para avisarles, para que puedan conocer el proyecto.",
            ),
            _r(SOLICITUD, DOCUMENTO, "Planos arquitectónicos firmados por un arquitecto con matrícula profesional"),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Planos estructurales, memorias de cálculo y estudio de suelos",
                "Firmados por profesionales con matrícula, según el reglamento de construcción sismorresistente.",
            ),
            PODER,
            EMPRESA,
            _r(
                RESOLUCION,
                CONDICION,
                "Instalar en el predio una valla que informe sobre la solicitud",
                "Debe verse desde la vía pública mientras se resuelve la licencia.",
            ),
            _r(RESULTADO, PAGO, "Pagar el impuesto de delineación urbana"),
        ],
        "punto": "planeacion",
        "normas": [
            _norma(DECRETO_1077_2015, "Artículos 2.2.6.1.1.1 y siguientes (licencias urbanísticas)"),
            _norma(LEY_388_1997),
            {"norma": "Ley 400 de 1997 (construcciones sismo resistentes)", "articulos": "", "url": ""},
        ],
        "dias": 215,
    },
    {
        "slug": "certificado-de-nomenclatura",
        "nombre": "Certificado de nomenclatura",
        "nombre_estandarizado": "Certificado de nomenclatura",
        "tambien_conocido_como": "certificado de dirección, nomenclatura urbana",
        "proposito": (
            "Certifica la dirección oficial de un predio de la cabecera municipal o de un centro poblado. La "
            "piden las empresas de servicios públicos, los bancos y las notarías."
        ),
        "para_persona_juridica": True,
        "situaciones": [VIVIENDA, CERTIFICADOS],
        "resultado": "Certificado con la dirección oficial del predio.",
        "tiempo_cantidad": 5,
        "costo_tipo": TipoCosto.VALOR,
        "costo_valor": 16000,
        "costo_base_legal": ESTATUTO,
        "costo_donde_pagar": (
            "En la Tesorería municipal o en la cuenta bancaria del municipio que le indiquen en la Secretaría de "
            "Planeación. Entregue el recibo pagado con la solicitud."
        ),
        "dependencia": "secretaria-de-planeacion-e-infraestructura",
        "requisitos": [
            _r(SOLICITUD, FORMULARIO, "Solicitud con los datos del predio y del propietario"),
            _identidad(),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Certificado de tradición y libertad o recibo del impuesto predial del predio",
            ),
            _r(SOLICITUD, PAGO, "Recibo de pago del certificado"),
            _r(
                RESOLUCION,
                CONDICION,
                "Permitir la visita técnica, si el predio todavía no tiene nomenclatura asignada",
                excepcion=True,
            ),
        ],
        "punto": "planeacion",
        "normas": [{"norma": EOT, "articulos": "", "url": ""}, _norma(LEY_1755_2015)],
        "dias": 85,
    },
    {
        "slug": "registro-de-marcas-de-ganado",
        "nombre": "Registro de marcas de ganado (hierros)",
        "tambien_conocido_como": "registro de hierros, registro de herretes, marca quemadora",
        "proposito": (
            "Inscribe en el registro del municipio la marca (hierro) con que usted identifica su ganado. La marca "
            "registrada ayuda a probar que los animales son suyos, por ejemplo si se pierden o son robados."
        ),
        "para_persona_juridica": True,
        "situaciones": [CAMPO],
        "resultado": "Certificado de registro de la marca, con el dibujo del hierro.",
        "tiempo_cantidad": 5,
        "tiempo_notas": "Antes de registrarla se revisa que la marca no esté inscrita a nombre de otra persona.",
        "costo_tipo": TipoCosto.VALOR,
        "costo_valor": 35000,
        "costo_base_legal": ESTATUTO,
        "costo_donde_pagar": "En la Tesorería municipal (Palacio Municipal). Entregue el recibo pagado en la UMATA.",
        "dependencia": "umata",
        "requisitos": [
            _r(ACCESO, CONDICION, "Tener ganado (bovino, equino u otro) en el municipio"),
            _r(
                SOLICITUD,
                FORMULARIO,
                "Formulario de registro con el dibujo o la impresión del hierro",
                "Puede marcar la impresión del hierro sobre un cartón o una tabla.",
            ),
            _identidad(),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Documento que identifique la finca donde está el ganado",
                "Recibo del predial, escritura o contrato de arrendamiento.",
            ),
            _r(SOLICITUD, PAGO, "Recibo de pago del registro"),
            PODER,
        ],
        "punto": "umata",
        "normas": [_norma(ESTATUTO_NORMA)],
        "dias": 70,
    },
    {
        "slug": "permiso-para-eventos-y-espectaculos-publicos",
        "nombre": "Permiso para eventos y espectáculos públicos",
        "tambien_conocido_como": "permiso de espectáculos, permiso para fiestas, permiso para conciertos",
        "proposito": (
            "Autoriza un evento con público (fiestas, ferias, conciertos, encuentros deportivos, cabalgatas) en "
            "un lugar público o privado del municipio, después de verificar que sea seguro para los asistentes."
        ),
        "para_persona_juridica": True,
        "situaciones": [EVENTOS, CULTURA],
        "resultado": "Acto de la Secretaría de Gobierno que autoriza el evento, con las condiciones que debe cumplir.",
        "tiempo_cantidad": 10,
        "tiempo_notas": "Radique la solicitud con anticipación: el permiso debe estar listo antes del evento.",
        "costo_tipo": TipoCosto.FORMULA,
        "costo_formula": (
            "Si el evento cobra entrada, se paga el impuesto de espectáculos públicos sobre el valor de las "
            "boletas, según el estatuto tributario municipal. Los eventos gratuitos no pagan."
        ),
        "costo_base_legal": ESTATUTO,
        "costo_donde_pagar": (
            "En la Tesorería municipal, antes del evento, con la liquidación que entrega la Secretaría de Gobierno."
        ),
        "dependencia": "secretaria-de-gobierno",
        "requisitos": [
            _r(
                SOLICITUD,
                FORMULARIO,
                "Solicitud escrita con el tipo de evento, el lugar, la fecha, el horario y el número de asistentes",
            ),
            _identidad("Del organizador o del representante legal de la empresa organizadora."),
            EMPRESA,
            _r(SOLICITUD, DOCUMENTO, "Autorización del dueño o administrador del lugar del evento"),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Plan de emergencia y contingencia del evento",
                "Lo revisa el Consejo Municipal de Gestión del Riesgo de Desastres según el tamaño del evento.",
            ),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Póliza de responsabilidad civil extracontractual, si el evento es de gran tamaño",
                excepcion=True,
            ),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Autorización por derechos de autor, si en el evento se usa música",
                excepcion=True,
            ),
            _r(RESOLUCION, CONDICION, "Atender la visita de verificación de las condiciones de seguridad del lugar"),
            _r(
                RESULTADO,
                PAGO,
                "Pagar el impuesto de espectáculos públicos, si el evento cobra entrada",
                excepcion=True,
            ),
        ],
        "punto": "gobierno",
        "normas": [
            _norma(LEY_1801_2016),
            {"norma": "Ley 1493 de 2011 (espectáculos públicos de las artes escénicas)", "articulos": "", "url": ""},
            {"norma": "Ley 1523 de 2012 (gestión del riesgo de desastres)", "articulos": "", "url": ""},
        ],
        "dias": 55,
    },
    {
        "slug": "licencia-de-inhumacion",
        "nombre": "Licencia de inhumación",
        "nombre_estandarizado": "Licencia de inhumación de cadáveres",
        "tambien_conocido_como": "permiso de sepultura, licencia para sepultar",
        "proposito": (
            "Autoriza sepultar en el cementerio el cuerpo de una persona fallecida. La pide la familia después de "
            "obtener el certificado de defunción."
        ),
        "situaciones": [FALLECIMIENTO],
        "resultado": "Licencia de inhumación para entregar en el cementerio.",
        "tiempo_tipo": TipoTiempo.INMEDIATO,
        "tiempo_notas": "Se expide el mismo día. Fuera del horario de oficina, llame a la Inspección de Policía.",
        "costo_tipo": TipoCosto.GRATUITO,
        "seguimiento": f"Llame a la Inspección de Policía al {TELEFONO} o acérquese con su documento.",
        "dependencia": "inspeccion-de-policia",
        "requisitos": [
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Certificado de defunción",
                "Lo expide el médico o el centro de salud que atendió el fallecimiento.",
            ),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Registro civil de defunción",
                "Se hace en la Registraduría o en una notaría con el certificado de defunción.",
            ),
            _identidad("Del familiar o de la persona responsable del sepelio."),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Orden de la Fiscalía, si la muerte fue violenta o está en investigación",
                excepcion=True,
            ),
        ],
        "punto": "inspeccion",
        "normas": [
            {"norma": "Ley 9 de 1979 (Código Sanitario Nacional)", "articulos": "", "url": ""},
            {
                "norma": "Resolución 5194 de 2010 del Ministerio de la Protección Social (cementerios, inhumación y "
                "exhumación)",
                "articulos": "",
                "url": "",
            },
            {"norma": "Decreto 1260 de 1970 (registro del estado civil)", "articulos": "", "url": ""},
        ],
        "dias": 40,
    },
    {
        "slug": "solicitud-de-encuesta-del-sisben",
        "nombre": "Solicitud de encuesta del Sisbén",
        "tambien_conocido_como": "Sisbén, encuesta Sisbén, actualización del Sisbén",
        "proposito": (
            "Pida que le hagan la encuesta del Sisbén a su hogar, o que la actualicen si cambió de vivienda o de "
            "integrantes. El Sisbén clasifica a los hogares y sirve para entrar a programas sociales del Estado."
        ),
        "situaciones": [MAYORES, FAMILIA],
        "resultado": "Su hogar queda registrado en el Sisbén, con su grupo de clasificación (A, B, C o D).",
        "tiempo_cantidad": 30,
        "tiempo_notas": (
            "El encuestador visita la vivienda según la programación por barrios y veredas; después, el "
            "Departamento Nacional de Planeación valida la información y publica la clasificación."
        ),
        "costo_tipo": TipoCosto.GRATUITO,
        "seguimiento": (
            "Consulte su clasificación en https://www.sisben.gov.co con su documento de identidad, o pregunte en "
            "la oficina del Sisbén."
        ),
        "dependencia": "secretaria-de-planeacion-e-infraestructura",
        "requisitos": [
            _r(ACCESO, CONDICION, "Vivir en el municipio"),
            _r(SOLICITUD, FORMULARIO, "Solicitud de encuesta o de actualización"),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Documento de identidad de todas las personas del hogar",
                "Registro civil o tarjeta de identidad de los menores; cédula de los mayores de edad.",
            ),
            _r(SOLICITUD, DOCUMENTO, "Dirección exacta de la vivienda o un recibo de servicio público"),
            _r(
                RESOLUCION,
                CONDICION,
                "Estar en la vivienda el día de la visita y responder la encuesta",
                "Debe atender una persona mayor de edad del hogar.",
            ),
        ],
        "punto": "sisben",
        "normas": [
            {
                "norma": "Decreto 1082 de 2015 (Decreto Único Reglamentario del Sector Administrativo de "
                "Planeación Nacional)",
                "articulos": "",
                "url": "",
            }
        ],
        "dias": 12,
    },
    # Drafts written by the official of the Secretaría de Gobierno (not yet sent to review).
    {
        "slug": "registro-de-la-propiedad-horizontal",
        "nombre": "Registro de la persona jurídica de propiedad horizontal",
        "tambien_conocido_como": "registro de conjunto o edificio, inscripción del administrador",
        "proposito": (
            "Inscribe la persona jurídica de un edificio o conjunto en propiedad horizontal y a su administrador. "
            "Con el registro, la alcaldía certifica su existencia y representación legal."
        ),
        "para_persona_natural": False,
        "para_persona_juridica": True,
        "situaciones": [VIVIENDA, CERTIFICADOS],
        "resultado": "Certificado de existencia y representación legal de la propiedad horizontal.",
        "tiempo_cantidad": 15,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-gobierno",
        "requisitos": [
            _r(
                ACCESO,
                CONDICION,
                "Que el reglamento de propiedad horizontal del edificio o conjunto conste en escritura registrada",
            ),
            _r(SOLICITUD, FORMULARIO, "Solicitud de inscripción firmada por el administrador"),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Copia de la escritura del reglamento de propiedad horizontal, con la constancia de registro",
            ),
            _r(
                SOLICITUD, DOCUMENTO, "Acta de la asamblea o del consejo de administración que nombró al administrador"
            ),
            _identidad("Del administrador."),
        ],
        "punto": "gobierno",
        "normas": [
            {"norma": "Ley 675 de 2001 (régimen de propiedad horizontal)", "articulos": "Artículo 8", "url": ""}
        ],
        "estado": Estado.BORRADOR,
    },
    {
        # Left without its legal basis: the draft shows what is missing before it can be published.
        "slug": "registro-de-perros-potencialmente-peligrosos",
        "nombre": "Registro de perros potencialmente peligrosos",
        "tambien_conocido_como": "registro de caninos, censo de perros de manejo especial",
        "proposito": (
            "Inscribe en el censo del municipio a los perros de razas consideradas potencialmente peligrosas o "
            "que hayan atacado a personas o animales. Es obligatorio para sus dueños."
        ),
        "situaciones": [EVENTOS],
        "resultado": "Certificado de registro del perro.",
        "tiempo_cantidad": 5,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-gobierno",
        "requisitos": [
            _r(SOLICITUD, FORMULARIO, "Formulario de registro con los datos del perro y de su dueño"),
            _identidad("Del dueño del perro."),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Póliza de responsabilidad civil extracontractual",
                "Cubre los daños que el perro pueda causar a personas, animales o bienes.",
            ),
            _r(SOLICITUD, DOCUMENTO, "Carné de vacunación vigente del perro"),
        ],
        "punto": "gobierno",
        "normas": [],
        "estado": Estado.BORRADOR,
    },
]

# --------------------------------------------------------------------------------------------------------------
# Servicios (otros procedimientos administrativos)
# --------------------------------------------------------------------------------------------------------------

SERVICIOS = [
    {
        "slug": "asistencia-tecnica-agropecuaria",
        "nombre": "Asistencia técnica agropecuaria",
        "tambien_conocido_como": "extensión agropecuaria, visita técnica de la UMATA",
        "proposito": (
            "Los técnicos de la UMATA lo visitan en su finca o lo atienden en la oficina para orientarlo sobre "
            "cultivos, plagas, suelos, animales y buenas prácticas agrícolas."
        ),
        "para_persona_juridica": True,
        "situaciones": [CAMPO],
        "resultado": "Visita o asesoría técnica, con recomendaciones escritas para su finca.",
        "tiempo_cantidad": 10,
        "tiempo_notas": "La visita se programa según la ruta de los técnicos por las veredas.",
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "umata",
        "requisitos": [
            _r(
                ACCESO,
                CONDICION,
                "Ser productor agropecuario del municipio o pertenecer a una asociación de productores",
            ),
            _r(
                SOLICITUD,
                FORMULARIO,
                "Solicitud de visita o de asesoría",
                "Indique la vereda, el nombre de la finca y cómo llegar. También la puede pedir por teléfono o "
                "por medio de la junta de acción comunal.",
            ),
            _identidad(),
            _r(RESOLUCION, CONDICION, "Estar en la finca el día de la visita"),
        ],
        "punto": "umata",
        "normas": [
            {
                "norma": "Ley 1876 de 2017 (Sistema Nacional de Innovación Agropecuaria y extensión agropecuaria)",
                "articulos": "",
                "url": "",
            }
        ],
        "dias": 220,
    },
    {
        "slug": "constancia-de-productor-agropecuario",
        "nombre": "Constancia de productor agropecuario",
        "tambien_conocido_como": "certificado de la UMATA, certificado de asistencia técnica, constancia de productor",
        "proposito": (
            "Certifica que usted es productor agropecuario del municipio y, si es el caso, que recibe asistencia "
            "técnica de la UMATA. La piden los bancos para créditos agropecuarios y algunas convocatorias."
        ),
        "situaciones": [CAMPO, CERTIFICADOS],
        "resultado": "Constancia firmada por el director de la UMATA.",
        "tiempo_cantidad": 5,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "umata",
        "requisitos": [
            _r(SOLICITUD, FORMULARIO, "Solicitud verbal o escrita, con la vereda y el nombre de la finca"),
            _identidad(),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Documento que relacione la finca",
                "Recibo del predial, escritura, contrato de arrendamiento o constancia de la junta de acción comunal.",
            ),
            _r(
                RESOLUCION,
                CONDICION,
                "Permitir la visita de verificación, si la UMATA todavía no conoce su finca",
                excepcion=True,
            ),
        ],
        "punto": "umata",
        "normas": [],
        "dias": 30,
    },
    {
        "slug": "prestamo-de-libros-en-la-biblioteca-publica",
        "nombre": "Préstamo de libros en la biblioteca pública",
        "tambien_conocido_como": "biblioteca, préstamo externo, carné de la biblioteca",
        "proposito": (
            "Lleve libros a su casa para leer en familia. La biblioteca pública municipal también ofrece lectura "
            "en sala, internet y actividades de promoción de lectura, todo gratis."
        ),
        "situaciones": [CULTURA, FAMILIA],
        "resultado": "Carné de la biblioteca y préstamo de libros por quince días, que se pueden renovar.",
        "tiempo_tipo": TipoTiempo.INMEDIATO,
        "costo_tipo": TipoCosto.GRATUITO,
        "seguimiento": "Pregunte en la biblioteca por sus préstamos y fechas de devolución, con su carné.",
        "dependencia": "secretaria-de-desarrollo-social",
        "requisitos": [
            _r(ACCESO, CONDICION, "Inscribirse como usuario de la biblioteca (una sola vez)"),
            _identidad(),
            _r(SOLICITUD, DOCUMENTO, "Recibo de un servicio público con su dirección", "Solo para la inscripción."),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Autorización firmada por el padre, la madre o el acudiente, si es menor de edad",
                excepcion=True,
            ),
            _r(RESULTADO, CONDICION, "Devolver los libros en la fecha indicada y en buen estado"),
        ],
        "punto": "biblioteca",
        "normas": [{"norma": "Ley 1379 de 2010 (Red Nacional de Bibliotecas Públicas)", "articulos": "", "url": ""}],
        "dias": 175,
    },
    {
        "slug": "atencion-psicosocial-en-la-comisaria-de-familia",
        "nombre": "Atención psicosocial en la Comisaría de Familia",
        "tambien_conocido_como": "orientación familiar, apoyo psicológico, atención por violencia intrafamiliar",
        "proposito": (
            "El equipo de psicología y trabajo social de la Comisaría de Familia orienta y acompaña a personas y "
            "familias en conflictos familiares, crianza o violencia dentro del hogar."
        ),
        "situaciones": [FAMILIA],
        "resultado": (
            "Orientación y acompañamiento; si hay riesgo, se toman medidas de protección y se activa la ruta de "
            "atención."
        ),
        "tiempo_tipo": TipoTiempo.INMEDIATO,
        "tiempo_notas": "Los casos de violencia o de riesgo se atienden el mismo día; el seguimiento, con cita.",
        "costo_tipo": TipoCosto.GRATUITO,
        "seguimiento": (
            "Llame a la Comisaría de Familia o acérquese con su nombre y documento. En una emergencia llame a la "
            "línea 123."
        ),
        "dependencia": "comisaria-de-familia",
        "requisitos": [
            _identidad("Si no lo tiene a mano, igual será atendido."),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Registro civil de nacimiento de las niñas, niños o adolescentes, si el caso es de ellos",
                excepcion=True,
            ),
            _r(RESOLUCION, CONDICION, "Asistir a las citas de seguimiento acordadas"),
        ],
        "punto": "comisaria",
        "normas": [
            {"norma": "Ley 2126 de 2021 (comisarías de familia)", "articulos": "", "url": ""},
            _norma(LEY_1098_2006),
            {"norma": "Ley 1257 de 2008 (violencia contra las mujeres)", "articulos": "", "url": ""},
        ],
        "dias": 130,
    },
    {
        "slug": "inscripcion-a-programas-para-personas-mayores",
        "nombre": "Inscripción a los programas para personas mayores",
        "tambien_conocido_como": "Centro Vida, Colombia Mayor, adulto mayor, tercera edad",
        "proposito": (
            "Inscriba a una persona mayor en el Centro Vida del municipio (alimentación, actividad física, "
            "recreación y salud preventiva) y en la lista de aspirantes a programas nacionales como Colombia Mayor."
        ),
        "situaciones": [MAYORES],
        "resultado": "Inscripción en el programa, o en la lista de espera si no hay cupos.",
        "tiempo_cantidad": 15,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-desarrollo-social",
        "requisitos": [
            _r(
                ACCESO,
                CONDICION,
                "Tener 60 años o más",
                "O más de 55 años, si su condición física o de salud lo justifica.",
            ),
            _r(ACCESO, CONDICION, "Vivir en el municipio y estar registrado en el Sisbén"),
            _identidad("Cédula de ciudadanía de la persona mayor."),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Documento de identidad del familiar o acudiente, si inscribe a la persona mayor en su nombre",
                excepcion=True,
            ),
        ],
        "punto": "social",
        "normas": [
            {"norma": "Ley 1276 de 2009 (Centros Vida para la atención del adulto mayor)", "articulos": "", "url": ""},
            {"norma": "Ley 1251 de 2008 (derechos de los adultos mayores)", "articulos": "", "url": ""},
        ],
        "dias": 90,
    },
    {
        "slug": "inscripcion-en-escuelas-deportivas-y-culturales",
        "nombre": "Inscripción en escuelas deportivas y culturales",
        "tambien_conocido_como": "escuela de música, escuela de fútbol, danzas, formación artística",
        "proposito": (
            "Niñas, niños, jóvenes y adultos se inscriben gratis en las escuelas de formación del municipio: "
            "fútbol, microfútbol, atletismo, música, danza y otras, según la oferta de cada año."
        ),
        "situaciones": [CULTURA, FAMILIA],
        "resultado": "Cupo en la escuela, con el horario y el lugar de las clases.",
        "tiempo_cantidad": 5,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-desarrollo-social",
        "requisitos": [
            _r(ACCESO, CONDICION, "Consultar la oferta de escuelas y horarios del año"),
            _r(SOLICITUD, FORMULARIO, "Ficha de inscripción"),
            _identidad("Registro civil o tarjeta de identidad, en el caso de menores de edad."),
            _r(SOLICITUD, DOCUMENTO, "Constancia de afiliación a salud (EPS o régimen subsidiado)"),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Autorización del padre, la madre o el acudiente, si es menor de edad",
                excepcion=True,
            ),
        ],
        "punto": "social",
        "normas": [
            {"norma": "Ley 181 de 1995 (Ley del Deporte)", "articulos": "", "url": ""},
            {"norma": "Ley 397 de 1997 (Ley General de Cultura)", "articulos": "", "url": ""},
        ],
        "dias": 60,
    },
    {
        "slug": "prestamo-del-coliseo-y-escenarios-deportivos",
        "nombre": "Préstamo del coliseo y escenarios deportivos",
        "tambien_conocido_como": "reserva de cancha, préstamo del polideportivo",
        "proposito": (
            "Pida el uso del coliseo municipal o de otro escenario deportivo para torneos, actividades "
            "comunitarias o eventos, según la disponibilidad."
        ),
        "para_persona_juridica": True,
        "situaciones": [EVENTOS, CULTURA],
        "resultado": "Autorización escrita con la fecha, el horario y las condiciones de uso del escenario.",
        "tiempo_cantidad": 5,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-desarrollo-social",
        "requisitos": [
            _r(
                SOLICITUD,
                FORMULARIO,
                "Solicitud escrita con la actividad, la fecha, el horario y el número de asistentes",
            ),
            _identidad("De la persona responsable de la actividad."),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Permiso para eventos y espectáculos públicos, si la actividad cobra entrada o reúne mucho público",
                excepcion=True,
            ),
            _r(RESULTADO, CONDICION, "Entregar el escenario limpio y en las mismas condiciones en que lo recibió"),
        ],
        "punto": "social",
        "normas": [],
        "dias": 15,
    },
    {
        # Written by the official of the Secretaría de Gobierno and sent to the committee for review.
        "slug": "orientacion-a-victimas-del-conflicto-armado",
        "nombre": "Orientación a víctimas del conflicto armado",
        "tambien_conocido_como": "atención a víctimas, enlace de víctimas",
        "proposito": (
            "El enlace municipal de víctimas orienta a las personas afectadas por el conflicto armado sobre sus "
            "derechos, cómo declarar ante el Ministerio Público y cómo acceder a la ayuda humanitaria y a la "
            "reparación."
        ),
        "situaciones": [FAMILIA],
        "resultado": "Orientación sobre la ruta de atención y remisión a la entidad que corresponde.",
        "tiempo_tipo": TipoTiempo.INMEDIATO,
        "costo_tipo": TipoCosto.GRATUITO,
        "dependencia": "secretaria-de-gobierno",
        "requisitos": [
            _identidad("De la persona que pide orientación y, si los tiene, de los integrantes de su hogar."),
            _r(
                SOLICITUD,
                DOCUMENTO,
                "Copia de la declaración o de la carta de inclusión en el Registro Único de Víctimas, si ya la tiene",
                excepcion=True,
            ),
        ],
        "punto": "gobierno",
        "normas": [_norma(LEY_1448_2011)],
        "estado": Estado.EN_REVISION,
    },
]

CAMPOS = [
    "nombre",
    "nombre_estandarizado",
    "tambien_conocido_como",
    "proposito",
    "para_persona_natural",
    "para_persona_juridica",
    "canal",
    "url_en_linea",
    "resultado",
    "tiempo_tipo",
    "tiempo_cantidad",
    "tiempo_notas",
    "costo_tipo",
    "costo_valor",
    "costo_formula",
    "costo_base_legal",
    "costo_donde_pagar",
    "seguimiento",
    "codigo_suit",
    "url_govco",
    "destacado",
]

POR_DEFECTO = {
    "nombre_estandarizado": "",
    "tambien_conocido_como": "",
    "para_persona_natural": True,
    "para_persona_juridica": False,
    "canal": Canal.PRESENCIAL,
    "url_en_linea": "",
    "tiempo_tipo": TipoTiempo.HABILES,
    "tiempo_cantidad": None,
    "tiempo_notas": "",
    "costo_valor": None,
    "costo_formula": "",
    "costo_base_legal": "",
    "costo_donde_pagar": "",
    "seguimiento": SEGUIMIENTO,
    "codigo_suit": "",
    "url_govco": "",
    "destacado": False,
}


def _publicar_desde(ahora, dias):
    """Nine in the morning (local time), ``dias`` days ago."""
    momento = timezone.localtime(ahora) - timedelta(days=dias)
    return momento.replace(hour=9, minute=0, second=0, microsecond=0)


def _cargar(resultado, etiqueta, app, modelo, fichas, ctx):
    Ficha = apps.get_model(app, modelo)
    Requisito = apps.get_model(app, f"Requisito{modelo}")
    PuntoAtencion = apps.get_model(app, f"PuntoAtencion{modelo}")
    Norma = apps.get_model(app, f"Norma{modelo}")
    comite, funcionario = ctx["usuarios"].get("comite"), ctx["usuarios"].get("funcionario")

    for datos in fichas:
        contenido = {campo: datos.get(campo, POR_DEFECTO.get(campo)) for campo in CAMPOS}
        dependencia = ctx["dependencias"].get(datos["dependencia"]) or next(iter(ctx["dependencias"].values()))
        contenido["dependencia"] = dependencia
        estado = datos.get("estado", Estado.PUBLICADO)
        autor = comite if estado == Estado.PUBLICADO else funcionario
        publicar_desde = _publicar_desde(ctx["ahora"], datos["dias"]) if "dias" in datos else None
        # Created once: what an administrator changes later is never overwritten by the next `make run`.
        ficha, creada = Ficha.objects.get_or_create(
            slug=datos["slug"],
            defaults={
                **contenido,
                "estado": estado,
                "publicar_desde": publicar_desde,
                "creado_por": autor,
                "modificado_por": autor,
            },
        )
        if not creada:
            continue

        if estado == Estado.PUBLICADO:
            ficha.registrar_revision(comite, cuando=publicar_desde)
            ficha.save(update_fields=["revisado_en", "revisado_por", "revision_vence"])
        ficha.situaciones.set([ctx["situaciones"][s] for s in datos["situaciones"] if s in ctx["situaciones"]])
        requisitos = sorted(datos["requisitos"], key=lambda r: ORDEN_MOMENTOS.index(r["momento"]))
        Requisito.objects.bulk_create(
            Requisito(
                ficha=ficha,
                momento=r["momento"],
                tipo=r["tipo"],
                descripcion=r["descripcion"],
                detalle=r["detalle"],
                es_excepcion=r["excepcion"],
                orden=orden,
            )
            for orden, r in enumerate(requisitos, start=1)
        )
        if datos.get("punto"):
            nombre, direccion, con_coordenadas = PUNTOS[datos["punto"]]
            PuntoAtencion.objects.create(
                ficha=ficha,
                nombre=nombre,
                direccion=direccion,
                horario=HORARIO,
                telefono=TELEFONO,
                latitud=LATITUD if con_coordenadas else None,
                longitud=LONGITUD if con_coordenadas else None,
            )
        Norma.objects.bulk_create(Norma(ficha=ficha, **norma) for norma in datos["normas"])
        resultado.anotar(f"{etiqueta} creado: {ficha.nombre} ({ficha.get_estado_display().lower()})")


def cargar_fichas(resultado, contrasena):
    dependencias = {d.slug: d for d in Dependencia.objects.all()}
    if not dependencias:
        resultado.anotar("Sin dependencias: no se cargaron trámites ni servicios de demostración.")
        return
    ctx = {
        "ahora": timezone.now(),
        "dependencias": dependencias,
        "usuarios": {u.username: u for u in Usuario.objects.filter(username__in=["comite", "funcionario"])},
        "situaciones": {s.slug: s for s in SituacionDeVida.objects.all()},
    }
    _cargar(resultado, "Trámite", "tramites", "Tramite", TRAMITES, ctx)
    _cargar(resultado, "Servicio", "servicios", "Servicio", SERVICIOS, ctx)


registrar(cargar_fichas, orden=30)
