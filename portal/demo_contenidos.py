"""Demo content for `python manage.py cargar_demo`: news, institutional pages, documents, events and directory.

Registers ``cargar_contenidos`` (orden=20, after the dependencias and users of ``cargar_portal``) when imported;
``portal.demo`` imports this module on its last line. Idempotent: every object is looked up by its slug or a
stable key and only created when missing, so a second run changes nothing and keeps what administrators edited.
Images (Pillow) and PDFs (written by hand) are generated in memory, only for objects that have no file yet.
"""

import io
import math
import os
import random
import textwrap
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont, ImageOps

from . import services
from .demo import registrar
from .models import (
    Categoria,
    Dependencia,
    Documento,
    EntidadDirectorio,
    Estado,
    Evento,
    Funcionario,
    Noticia,
    SeccionInstitucional,
    SubseccionTransparencia,
    Usuario,
)

BOGOTA = ZoneInfo("America/Bogota")
MESES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


def _html(texto):
    """Rich text written over several source lines, as one line of HTML."""
    return " ".join(texto.split())


# --------------------------------------------------------------------------------------------------------------
# Categorías y noticias
# --------------------------------------------------------------------------------------------------------------

CATEGORIAS = [
    ("obras", "Obras"),
    ("salud", "Salud"),
    ("educacion", "Educación"),
    ("campo-y-agro", "Campo y agro"),
    ("cultura-y-deporte", "Cultura y deporte"),
    ("gobierno", "Gobierno"),
]

# Each news item: where it lives, who wrote it, when it was published (days ago, local hour) and its picture.
NOTICIAS = [
    {
        "slug": "avanza-el-mejoramiento-de-vias-terciarias-en-la-zona-rural",
        "titulo": "Avanza el mejoramiento de vías terciarias en la zona rural",
        "resumen": (
            "La Secretaría de Planeación e Infraestructura adelanta trabajos de afirmado, cunetas y obras de "
            "drenaje en caminos que comunican las veredas con la cabecera municipal."
        ),
        "cuerpo": """
            <p>La Secretaría de Planeación e Infraestructura adelanta el mejoramiento de varios tramos de vías
            terciarias que comunican las veredas con la cabecera municipal. Los trabajos incluyen la limpieza de
            derrumbes, el afirmado de la banca, la construcción de cunetas y la instalación de alcantarillas para
            que el agua lluvia no vuelva a dañar el camino.</p>
            <h2>¿Por qué son importantes estas vías?</h2>
            <p>Por estos caminos salen el café, la panela y los productos de la huerta hacia los centros de acopio
            y los mercados. También son la ruta diaria de estudiantes, docentes y familias que necesitan llegar al
            centro de salud o hacer trámites en la alcaldía.</p>
            <h2>Recomendaciones mientras duran los trabajos</h2>
            <ul>
            <li>Respete la señalización y las indicaciones del personal de la obra.</li>
            <li>Reduzca la velocidad en los tramos intervenidos, sobre todo en días de lluvia.</li>
            <li>Informe a la alcaldía sobre derrumbes o daños en la vía por los canales de atención.</li>
            </ul>
            <p>El secretario de Planeación explicó que el avance depende del clima y que la programación de los
            frentes de obra se publicará en este portal. Las juntas de acción comunal acompañan el seguimiento de
            los trabajos en cada vereda.</p>
        """,
        "dependencia": "secretaria-de-planeacion-e-infraestructura",
        "categorias": ["obras"],
        "dias": 2,
        "hora": (10, 15),
        "autor": "comite",
        "destacada": True,
        "tema": "camino",
        "cielo": "amanecer",
    },
    {
        "slug": "jornada-de-vacunacion-casa-a-casa-en-las-veredas",
        "titulo": "Jornada de vacunación casa a casa en las veredas",
        "resumen": (
            "Equipos de salud recorren las veredas para completar los esquemas de vacunación de niñas, niños, "
            "gestantes y personas mayores. La vacunación es gratuita."
        ),
        "cuerpo": """
            <p>El Centro de Salud, con el apoyo de la Secretaría de Desarrollo Social, inició una jornada de
            vacunación casa a casa en las veredas del municipio. El objetivo es que ninguna niña o niño quede con
            el esquema incompleto por vivir lejos de la cabecera.</p>
            <h2>¿Quiénes deben vacunarse?</h2>
            <ul>
            <li>Niñas y niños menores de seis años con el esquema regular incompleto.</li>
            <li>Mujeres gestantes, según las semanas de embarazo.</li>
            <li>Personas mayores de 60 años, con la vacuna contra la influenza.</li>
            </ul>
            <p>Tenga a mano el <strong>carné de vacunación</strong> y el documento de identidad de cada persona.
            Si perdió el carné, el equipo de salud puede consultar el registro y expedir uno nuevo.</p>
            <p>Las vacunas del Programa Ampliado de Inmunizaciones son gratuitas. Puede conocer más sobre el
            esquema nacional en la página del <a href="https://www.minsalud.gov.co">Ministerio de Salud y
            Protección Social</a>.</p>
        """,
        "dependencia": "centro-de-salud-ese",
        "categorias": ["salud"],
        "dias": 5,
        "hora": (8, 40),
        "autor": "comite",
        "tema": "salud",
        "cielo": "mediodia",
    },
    {
        "slug": "la-umata-acompana-a-caficultores-en-el-manejo-de-la-broca",
        "titulo": "La UMATA acompaña a caficultores en el manejo de la broca",
        "resumen": (
            "Técnicos de la UMATA visitan fincas cafeteras para enseñar prácticas sencillas que reducen la broca "
            "y mejoran la calidad del grano."
        ),
        "cuerpo": """
            <p>La Unidad Municipal de Asistencia Técnica Agropecuaria (UMATA) adelanta visitas a fincas cafeteras
            para acompañar a las familias productoras en el manejo de la broca, el insecto que más daño causa al
            grano de café.</p>
            <h2>Prácticas que se recomiendan</h2>
            <ol>
            <li><strong>Recolección oportuna:</strong> coger a tiempo los granos maduros.</li>
            <li><strong>Repase:</strong> recoger los granos sobremaduros, secos y los que caen al suelo.</li>
            <li><strong>Beneficio cuidadoso:</strong> despulpar el mismo día y secar bien el café pergamino.</li>
            </ol>
            <p>Los técnicos también orientan sobre la renovación de cafetales envejecidos, la conservación del
            suelo en las laderas y el buen uso del agua en el beneficio.</p>
            <p>Si quiere recibir la visita, inscríbase en la oficina de la UMATA en la cabecera municipal. Más
            información técnica para caficultores está disponible en la página de la
            <a href="https://federaciondecafeteros.org">Federación Nacional de Cafeteros</a>.</p>
        """,
        "dependencia": "umata",
        "categorias": ["campo-y-agro"],
        "dias": 8,
        "hora": (15, 0),
        "autor": "comite",
        "tema": "cafetal",
        "cielo": "amanecer",
    },
    {
        "slug": "participe-en-la-audiencia-publica-de-rendicion-de-cuentas",
        "titulo": "Participe en la audiencia pública de rendición de cuentas",
        "resumen": (
            "La administración municipal presentará los resultados de su gestión y responderá las preguntas de "
            "la ciudadanía. Puede enviar sus preguntas desde ahora."
        ),
        "cuerpo": """
            <p>La Alcaldía invita a la comunidad a la audiencia pública de rendición de cuentas, un espacio para
            conocer cómo avanza el plan de desarrollo, en qué se invirtieron los recursos y qué falta por
            hacer.</p>
            <h2>Cómo participar</h2>
            <ol>
            <li>Lea el informe de gestión publicado en la sección de Transparencia de este portal.</li>
            <li>Envíe sus preguntas o propuestas por los canales de atención de la alcaldía.</li>
            <li>Asista a la audiencia o sígala por las redes sociales oficiales del municipio.</li>
            </ol>
            <p>Las preguntas recibidas se responderán durante la audiencia o por escrito en los días siguientes.
            Las juntas de acción comunal, las asociaciones y las veedurías ciudadanas pueden inscribirse para
            intervenir.</p>
            <blockquote><p>La rendición de cuentas es un derecho de la ciudadanía y un deber de la
            administración.</p></blockquote>
            <p>Conozca más sobre este proceso en la página del
            <a href="https://www.funcionpublica.gov.co">Departamento Administrativo de la Función Pública</a>.</p>
        """,
        "dependencia": "despacho-del-alcalde",
        "categorias": ["gobierno"],
        "dias": 11,
        "hora": (9, 0),
        "autor": "comite",
        "destacada": True,
        "tema": "edificio",
        "cielo": "mediodia",
    },
    {
        "slug": "mas-actividades-para-las-personas-mayores-en-el-centro-vida",
        "titulo": "Más actividades para las personas mayores en el Centro Vida",
        "resumen": (
            "El Centro Vida amplía sus horarios con actividad física, talleres de manualidades y tamizajes de "
            "salud para las personas mayores del municipio."
        ),
        "cuerpo": """
            <p>La Secretaría de Desarrollo Social amplió las actividades del Centro Vida para las personas mayores
            de la cabecera y de las veredas cercanas. Cada semana hay jornadas de actividad física, talleres de
            manualidades, música y espacios para compartir.</p>
            <h2>Qué ofrece el Centro Vida</h2>
            <ul>
            <li>Actividad física dirigida y caminatas.</li>
            <li>Tamizajes de presión arterial y orientación en salud.</li>
            <li>Complemento alimentario para las personas inscritas.</li>
            <li>Orientación sobre programas del Estado para personas mayores.</li>
            </ul>
            <p>Para inscribirse, la persona mayor o un familiar debe acercarse a la Secretaría de Desarrollo
            Social con la <strong>cédula de ciudadanía</strong>. La inscripción y las actividades no tienen
            costo.</p>
            <p>Las familias de las veredas más lejanas pueden solicitar información sobre las visitas que el
            equipo del Centro Vida realiza en la zona rural.</p>
        """,
        "dependencia": "secretaria-de-desarrollo-social",
        "categorias": ["salud", "cultura-y-deporte"],
        "dias": 15,
        "hora": (11, 30),
        "autor": "comite",
        "tema": "parque",
        "cielo": "atardecer",
    },
    {
        "slug": "conozca-la-programacion-de-las-fiestas-patronales",
        "titulo": "Conozca la programación de las fiestas patronales",
        "resumen": (
            "Habrá actos religiosos, muestras culturales, juegos tradicionales y música en el parque principal. "
            "La alcaldía pide celebrar con responsabilidad."
        ),
        "cuerpo": """
            <p>La administración municipal, junto con la parroquia y las organizaciones culturales, presenta la
            programación de las fiestas patronales. Durante varios días habrá actividades para todas las edades en
            el parque principal y en las calles de la cabecera.</p>
            <h2>Actividades principales</h2>
            <ul>
            <li>Actos religiosos y procesión tradicional.</li>
            <li>Muestras de danza y música de los grupos culturales del municipio.</li>
            <li>Juegos tradicionales, concursos y actividades para niñas y niños.</li>
            <li>Muestra gastronómica con productos del campo.</li>
            </ul>
            <h2>Celebre con responsabilidad</h2>
            <p>La Secretaría de Gobierno recuerda que está prohibido vender o entregar pólvora y bebidas
            alcohólicas a menores de edad. Si va a conducir, no consuma alcohol.</p>
            <p>Los vendedores que quieran ubicarse en el parque deben solicitar el permiso correspondiente en la
            Secretaría de Gobierno.</p>
        """,
        "dependencia": "secretaria-de-gobierno",
        "categorias": ["cultura-y-deporte"],
        "dias": 20,
        "hora": (17, 0),
        "autor": "comite",
        "tema": "banderines",
        "cielo": "atardecer",
    },
    {
        "slug": "la-comisaria-de-familia-lleva-su-jornada-de-prevencion-a-las-veredas",
        "titulo": "La Comisaría de Familia lleva su jornada de prevención a las veredas",
        "resumen": (
            "Charlas sobre crianza amorosa, prevención de la violencia intrafamiliar y rutas de atención llegan "
            "a escuelas y salones comunales de la zona rural."
        ),
        "cuerpo": """
            <p>La Comisaría de Familia adelanta una jornada de prevención en escuelas y salones comunales de la zona
            rural. El equipo, formado por profesionales en trabajo social, psicología y derecho, conversa con las
            familias sobre crianza amorosa, resolución pacífica de conflictos y prevención de la violencia en el
            hogar.</p>
            <h2>¿Qué hace la Comisaría de Familia?</h2>
            <p>Atiende casos de violencia intrafamiliar, dicta medidas de protección y orienta conciliaciones en
            asuntos de familia como la custodia, las visitas y la cuota alimentaria. Todos sus servicios son
            gratuitos.</p>
            <blockquote><p><strong>Si usted o alguien que conoce está en riesgo, pida ayuda:</strong> línea 155
            de orientación a mujeres, línea 141 del ICBF para niñas, niños y adolescentes y línea 123 para
            emergencias.</p></blockquote>
            <p>Las instituciones educativas y las juntas de acción comunal que quieran recibir la jornada pueden
            solicitarla directamente en la Comisaría de Familia.</p>
        """,
        "dependencia": "comisaria-de-familia",
        "categorias": ["gobierno"],
        "dias": 24,
        "hora": (9, 45),
        "autor": "comite",
        "tema": "casa",
        "cielo": "amanecer",
    },
    {
        "slug": "actualizacion-catastral-lo-que-debe-saber-sobre-su-impuesto-predial",
        "titulo": "Actualización catastral: lo que debe saber sobre su impuesto predial",
        "resumen": (
            "La actualización catastral revisa la información de los predios del municipio. La Secretaría de "
            "Hacienda explica cómo afecta el impuesto predial y cómo pagarlo."
        ),
        "cuerpo": """
            <p>El municipio avanza en la actualización de la información catastral de los predios urbanos y
            rurales. Este proceso revisa quién es el propietario o poseedor de cada predio, su área, sus
            construcciones y su uso, para que la información esté al día.</p>
            <h2>¿Cómo afecta el impuesto predial?</h2>
            <p>El impuesto predial se calcula sobre el avalúo catastral. Cuando la información de un predio cambia,
            el avalúo puede cambiar también. La Secretaría de Hacienda aplica las tarifas que fija el Concejo
            Municipal.</p>
            <h2>Tenga en cuenta</h2>
            <ul>
            <li>El personal de reconocimiento predial siempre se identifica con su carné.</li>
            <li>Ningún funcionario pide dinero por visitar o actualizar su predio.</li>
            <li>Puede consultar y pagar su impuesto en la Tesorería Municipal.</li>
            </ul>
            <p>Conozca más sobre el catastro en la página del
            <a href="https://www.igac.gov.co">Instituto Geográfico Agustín Codazzi</a>.</p>
        """,
        "dependencia": "secretaria-de-hacienda",
        "categorias": ["gobierno"],
        "dias": 29,
        "hora": (14, 20),
        "autor": "comite",
        "tema": "parcelas",
        "cielo": "mediodia",
    },
    {
        "slug": "entrega-de-kits-escolares-en-sedes-educativas-rurales",
        "titulo": "Entrega de kits escolares en sedes educativas rurales",
        "resumen": (
            "Estudiantes de las sedes rurales reciben cuadernos y útiles escolares. La entrega se coordina con "
            "los rectores y los docentes de cada sede."
        ),
        "cuerpo": """
            <p>La Secretaría de Desarrollo Social entregó kits escolares a estudiantes de las sedes educativas
            rurales del municipio. Cada kit incluye cuadernos, lápices, colores y otros útiles para el año
            escolar.</p>
            <p>La entrega se hizo sede por sede, en coordinación con los rectores y los docentes, para que los
            útiles lleguen a quienes más los necesitan y las familias no tengan que desplazarse.</p>
            <h2>Seguimiento a la alimentación escolar</h2>
            <p>Durante las visitas también se revisó el funcionamiento del Programa de Alimentación Escolar (PAE):
            el estado de los restaurantes escolares, la calidad de los alimentos y la asistencia de los
            estudiantes.</p>
            <p>Los padres y madres de familia pueden informar cualquier dificultad con la alimentación escolar a la
            Secretaría de Desarrollo Social o por los canales de atención de la alcaldía.</p>
        """,
        "dependencia": "secretaria-de-desarrollo-social",
        "categorias": ["educacion"],
        "dias": 34,
        "hora": (10, 0),
        "autor": "comite",
        "tema": "escuela",
        "cielo": "mediodia",
    },
    {
        "slug": "mantenimiento-preventivo-en-el-acueducto-de-la-cabecera",
        "titulo": "Mantenimiento preventivo en el acueducto de la cabecera",
        "resumen": (
            "La Empresa de Servicios Públicos lavará los tanques de almacenamiento. Durante los trabajos el "
            "servicio de agua se suspenderá por unas horas."
        ),
        "cuerpo": """
            <p>La Empresa de Servicios Públicos realizará el lavado y la desinfección de los tanques de
            almacenamiento del acueducto de la cabecera municipal, una labor necesaria para garantizar la calidad
            del agua que llega a los hogares.</p>
            <p>Durante el mantenimiento el servicio se suspenderá entre las <strong>8:00 a. m. y las 4:00 p.
            m.</strong> El agua volverá de forma gradual en la tarde.</p>
            <h2>Recomendaciones</h2>
            <ul>
            <li>Almacene agua en recipientes limpios y tapados el día anterior.</li>
            <li>Cuando regrese el servicio, deje correr el agua unos minutos antes de consumirla.</li>
            <li>Si el agua llega turbia, hiérvala antes de beberla.</li>
            </ul>
            <p>Cualquier daño en las redes puede reportarse en la oficina de la Empresa de Servicios Públicos.</p>
        """,
        "dependencia": "empresa-de-servicios-publicos",
        "categorias": ["obras"],
        "dias": 40,
        "hora": (16, 10),
        "autor": "comite",
        "tema": "quebrada",
        "cielo": "mediodia",
    },
    {
        "slug": "abiertas-las-inscripciones-a-las-escuelas-de-formacion-deportiva",
        "titulo": "Abiertas las inscripciones a las escuelas de formación deportiva",
        "resumen": (
            "Niñas, niños y jóvenes de 6 a 17 años pueden inscribirse en fútbol, microfútbol, voleibol y "
            "atletismo. Las clases son gratuitas."
        ),
        "cuerpo": """
            <p>Están abiertas las inscripciones a las escuelas de formación deportiva del municipio para niñas,
            niños y jóvenes entre los 6 y los 17 años. Las clases son gratuitas y se dictan en las tardes y los
            fines de semana.</p>
            <h2>Disciplinas</h2>
            <ul>
            <li>Fútbol y microfútbol.</li>
            <li>Voleibol.</li>
            <li>Atletismo.</li>
            </ul>
            <h2>Requisitos</h2>
            <ul>
            <li>Copia del registro civil o de la tarjeta de identidad.</li>
            <li>Certificado de afiliación a salud.</li>
            <li>Autorización firmada por la madre, el padre o el acudiente.</li>
            </ul>
            <p>La inscripción se hace en la Secretaría de Desarrollo Social. El deporte ayuda a que niñas, niños y
            jóvenes aprovechen su tiempo libre, hagan amigos y cuiden su salud.</p>
        """,
        "dependencia": "secretaria-de-desarrollo-social",
        "categorias": ["cultura-y-deporte", "educacion"],
        "dias": 47,
        "hora": (13, 0),
        "autor": "comite",
        "tema": "cancha",
        "cielo": "atardecer",
    },
    {
        "slug": "mercado-campesino-del-campo-a-su-mesa-en-el-parque-principal",
        "titulo": "Mercado campesino: del campo a su mesa en el parque principal",
        "resumen": (
            "Productores de las veredas venden directamente café, panela, frutas, hortalizas y lácteos, sin "
            "intermediarios y a precio justo."
        ),
        "cuerpo": """
            <p>La UMATA organiza el mercado campesino en el parque principal. Las familias productoras de las
            veredas venden directamente sus productos, sin intermediarios, y la comunidad compra alimentos frescos
            a precio justo.</p>
            <h2>Qué encontrará</h2>
            <ul>
            <li>Café tostado y molido de fincas del municipio.</li>
            <li>Panela, frutas de la región, hortalizas y plátano.</li>
            <li>Queso, leche y otros productos de la economía campesina.</li>
            </ul>
            <p>Los productores que quieran participar en los próximos mercados pueden inscribirse en la oficina de
            la UMATA. Se da prioridad a las asociaciones y a las mujeres rurales.</p>
            <p><em>Lleve su propia bolsa o canasto y ayude a reducir el uso de plástico.</em></p>
        """,
        "dependencia": "umata",
        "categorias": ["campo-y-agro"],
        "dias": 55,
        "hora": (7, 30),
        "autor": "comite",
        "tema": "mercado",
        "cielo": "mediodia",
    },
    # Not visible to the public: a draft, an item in review and one scheduled for three days from now.
    {
        "slug": "campana-de-convivencia-en-establecimientos-abiertos-al-publico",
        "titulo": "Campaña de convivencia en establecimientos abiertos al público",
        "resumen": (
            "La Secretaría de Gobierno visitará tiendas, billares y discotecas para recordar las normas de "
            "convivencia y los horarios de funcionamiento."
        ),
        "cuerpo": """
            <p>La Secretaría de Gobierno, con la Inspección de Policía, adelantará visitas pedagógicas a los
            establecimientos abiertos al público para recordar las normas del Código Nacional de Seguridad y
            Convivencia Ciudadana.</p>
            <p>Durante las visitas se revisarán los horarios de funcionamiento, el control del ingreso de menores
            de edad y las condiciones de seguridad de los locales.</p>
            <p>El objetivo es prevenir riñas y accidentes, y que los establecimientos funcionen en armonía con sus
            vecinos.</p>
        """,
        "dependencia": "secretaria-de-gobierno",
        "categorias": ["gobierno"],
        "dias": 1,
        "hora": (8, 0),
        "autor": "funcionario",
        "estado": Estado.BORRADOR,
    },
    {
        "slug": "requisitos-para-solicitar-el-certificado-de-residencia",
        "titulo": "Requisitos para solicitar el certificado de residencia",
        "resumen": (
            "El certificado de residencia se solicita en la Secretaría de Gobierno. Conozca los documentos que "
            "debe presentar y cuánto tarda."
        ),
        "cuerpo": """
            <p>El certificado de residencia sirve para demostrar que una persona vive en el municipio, por ejemplo
            para acceder a programas sociales o a cupos en instituciones educativas.</p>
            <h2>Documentos</h2>
            <ul>
            <li>Copia de la cédula de ciudadanía.</li>
            <li>Constancia de la junta de acción comunal de la vereda o el barrio.</li>
            <li>Un recibo de servicio público, si lo tiene.</li>
            </ul>
            <p>La solicitud se presenta en la Secretaría de Gobierno y se responde en los plazos que fija la
            ley.</p>
        """,
        "dependencia": "secretaria-de-gobierno",
        "categorias": ["gobierno"],
        "dias": 1,
        "hora": (9, 0),
        "autor": "funcionario",
        "estado": Estado.EN_REVISION,
    },
    {
        "slug": "cierre-parcial-de-la-via-principal-por-obras-de-estabilizacion",
        "titulo": "Cierre parcial de la vía principal por obras de estabilización",
        "resumen": (
            "Para construir un muro de contención, la vía de acceso a la cabecera tendrá paso a un solo carril "
            "con horarios controlados."
        ),
        "cuerpo": """
            <p>La Secretaría de Planeación e Infraestructura iniciará la construcción de un muro de contención en un
            tramo de la vía de acceso a la cabecera municipal afectado por las lluvias.</p>
            <p>Mientras duren los trabajos, el paso será a un solo carril, con paso controlado por el personal de
            la obra. Se recomienda salir con tiempo y respetar la señalización.</p>
            <p>El transporte de estudiantes, las ambulancias y los vehículos de emergencia tendrán prioridad de
            paso.</p>
        """,
        "dependencia": "secretaria-de-planeacion-e-infraestructura",
        "categorias": ["obras"],
        "dias": -3,
        "hora": (7, 0),
        "autor": "comite",
    },
]

# Image themes: what the picture shows, in the words of its text alternative.
TEMAS = {
    "camino": "un camino rural de tierra que sube entre las lomas",
    "cafetal": "hileras de cafetos cargados de granos rojos en primer plano",
    "salud": "un puesto de salud de paredes blancas con una cruz verde sobre la puerta, junto a un árbol",
    "edificio": "un edificio público de columnas blancas con la bandera de Colombia en lo alto",
    "parque": "un parque con un sendero, un árbol frondoso y una banca de madera",
    "banderines": "banderines de colores que cruzan el cielo sobre un kiosco",
    "casa": "una casa campesina de techo de teja junto a un árbol",
    "parcelas": "parcelas de cultivo en distintos tonos de verde y amarillo, divididas por cercas",
    "escuela": "una escuela rural de paredes amarillas, con la bandera de Colombia a un lado y un árbol al otro",
    "quebrada": "una quebrada de agua clara que baja entre piedras",
    "cancha": "una cancha de fútbol con arcos blancos al pie de las montañas",
    "mercado": "toldos de colores con mesas llenas de frutas de un mercado campesino",
}

# sky top, sky at the horizon, sun, and how the text alternative names the moment of the day
CIELOS = {
    "amanecer": ((78, 112, 178), (252, 196, 146), (255, 228, 160), "al amanecer"),
    "mediodia": ((62, 130, 212), (200, 228, 246), (255, 247, 205), "bajo un cielo azul despejado"),
    "atardecer": ((64, 70, 140), (246, 154, 98), (255, 198, 120), "al atardecer"),
}

VERDES = [(46, 125, 50), (56, 142, 60), (85, 139, 47), (34, 112, 72), (67, 128, 58)]


def alt_paisaje(tema, cielo):
    return f"Ilustración de montañas verdes {CIELOS[cielo][3]} con {TEMAS[tema]}."


# --------------------------------------------------------------------------------------------------------------
# Illustrations (Pillow, in memory)
# --------------------------------------------------------------------------------------------------------------

ANCHO, ALTO = 1600, 1067


def _variar(color, r, delta=12):
    return tuple(max(0, min(255, c + r.randint(-delta, delta))) for c in color)


def _mezclar(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _arbol(d, x, y, escala, r):
    tronco = (96, 66, 40)
    d.rectangle((x - 10 * escala, y - 90 * escala, x + 10 * escala, y), fill=tronco)
    copa = _variar((40, 105, 45), r, 10)
    for dx, dy, rx, ry in [(0, -150, 70, 65), (-50, -115, 55, 48), (50, -112, 55, 48), (0, -190, 50, 45)]:
        cx, cy = x + dx * escala, y + dy * escala
        d.ellipse((cx - rx * escala, cy - ry * escala, cx + rx * escala, cy + ry * escala), fill=copa)
        copa = _mezclar(copa, (90, 160, 80), 0.12)


def _bandera_colombia(d, x, y, escala=1.0):
    """A pole whose foot is at (x, y) with the flag of Colombia (yellow half, blue and red quarters)."""
    alto_asta, ancho, alto = 260 * escala, 120 * escala, 80 * escala
    d.rectangle((x - 3, y - alto_asta, x + 3, y), fill=(120, 120, 120))
    arriba = y - alto_asta + 4
    d.rectangle((x + 3, arriba, x + 3 + ancho, arriba + alto / 2), fill=(252, 209, 22))
    d.rectangle((x + 3, arriba + alto / 2, x + 3 + ancho, arriba + alto * 3 / 4), fill=(0, 56, 147))
    d.rectangle((x + 3, arriba + alto * 3 / 4, x + 3 + ancho, arriba + alto), fill=(206, 17, 38))


def _casa(d, r, pared, signo=None):
    cx, base = ANCHO * r.uniform(0.38, 0.58), ALTO * 0.93
    ancho, alto = 460, 230
    izq, der, arriba = cx - ancho / 2, cx + ancho / 2, base - alto
    d.rectangle((izq, arriba, der, base), fill=pared)
    d.rectangle((izq, base - 40, der, base), fill=_mezclar(pared, (60, 90, 140), 0.55))
    d.polygon([(izq - 40, arriba + 8), (cx, arriba - 130), (der + 40, arriba + 8)], fill=(168, 72, 44))
    d.line([(izq - 40, arriba + 8), (der + 40, arriba + 8)], fill=(120, 50, 30), width=6)
    d.rectangle((cx - 40, base - 150, cx + 40, base), fill=(110, 70, 40))
    for x in (izq + 50, der - 130):
        d.rectangle((x, arriba + 60, x + 80, arriba + 140), fill=(120, 80, 50))
        d.rectangle((x + 8, arriba + 68, x + 72, arriba + 132), fill=(150, 200, 230))
    if signo == "cruz":
        d.rectangle((cx - 55, arriba + 10, cx + 55, arriba + 70), fill=(255, 255, 255), outline=(180, 180, 180))
        d.rectangle((cx - 8, arriba + 18, cx + 8, arriba + 62), fill=(30, 150, 70))
        d.rectangle((cx - 22, arriba + 32, cx + 22, arriba + 48), fill=(30, 150, 70))
    izquierda_libre = cx > ANCHO / 2
    if signo == "bandera":
        _bandera_colombia(d, der + 90 if izquierda_libre else izq - 220, base)
    _arbol(d, izq - 160 if izquierda_libre else der + 220, base + 10, 1.4, r)


def _tema_camino(d, r):
    x0, y_fin, fase = ANCHO * r.uniform(0.4, 0.6), ALTO * 0.6, r.uniform(0, 2 * math.pi)
    izquierda, derecha = [], []
    for k in range(41):
        t = k / 40
        y = ALTO + 20 - t * (ALTO + 20 - y_fin)
        x = x0 + ANCHO * 0.16 * math.sin(fase + t * 3.4) * (1 - 0.55 * t)
        medio = 170 * (1 - t) + 6 * t
        izquierda.append((x - medio, y))
        derecha.append((x + medio, y))
    d.polygon(izquierda + derecha[::-1], fill=(196, 162, 112))
    d.line(izquierda, fill=(140, 110, 70), width=5)
    d.line(derecha, fill=(140, 110, 70), width=5)
    _arbol(d, ANCHO * 0.12, ALTO * 0.95, 1.5, r)


def _tema_cafetal(d, r):
    for fila in range(6):
        y = ALTO * 0.76 + fila * 52
        radio = 16 + fila * 8
        desfase = r.uniform(0, radio * 2)
        x = -desfase
        while x < ANCHO + radio:
            verde = _variar((30, 92, 40), r, 8)
            d.ellipse((x - radio, y - radio * 1.3, x + radio, y + radio * 0.7), fill=verde)
            for _ in range(4):
                bx, by = x + r.uniform(-radio * 0.6, radio * 0.6), y + r.uniform(-radio * 0.8, radio * 0.3)
                rb = 2 + fila
                d.ellipse((bx - rb, by - rb, bx + rb, by + rb), fill=_variar((196, 30, 40), r, 15))
            x += radio * 2.5


def _tema_edificio(d, r):
    cx, base = ANCHO * r.uniform(0.42, 0.58), ALTO * 0.9
    ancho, alto = 760, 250
    izq, der, arriba = cx - ancho / 2, cx + ancho / 2, base - alto
    d.rectangle((izq, arriba, der, base), fill=(238, 226, 196))
    d.polygon([(izq - 20, arriba), (cx, arriba - 110), (der + 20, arriba)], fill=(168, 72, 44))
    d.rectangle((izq - 20, arriba - 6, der + 20, arriba + 14), fill=(250, 246, 236))
    for i in range(6):
        x = izq + 70 + i * (ancho - 140) / 5
        d.rectangle((x - 16, arriba + 14, x + 16, base - 10), fill=(252, 252, 248), outline=(210, 204, 190))
    for i, margen in enumerate((0, 30, 60)):
        d.rectangle((izq - 40 + margen, base + i * 16, der + 40 - margen, base + 16 + i * 16), fill=(205, 200, 192))
    d.rectangle((cx - 45, base - 170, cx + 45, base - 10), fill=(110, 70, 40))
    _bandera_colombia(d, cx, arriba - 100, 0.9)


def _tema_parque(d, r):
    d.polygon(
        [(ANCHO * 0.3, ALTO), (ANCHO * 0.7, ALTO), (ANCHO * 0.56, ALTO * 0.8), (ANCHO * 0.5, ALTO * 0.8)],
        fill=(214, 190, 150),
    )
    _arbol(d, ANCHO * r.uniform(0.15, 0.25), ALTO * 0.96, 2.1, r)
    x, y = ANCHO * 0.72, ALTO * 0.9
    madera = (140, 92, 52)
    d.rectangle((x, y - 70, x + 260, y - 50), fill=madera)
    d.rectangle((x, y - 40, x + 260, y - 20), fill=madera)
    d.rectangle((x - 6, y - 14, x + 266, y + 2), fill=madera)
    for pata in (x + 15, x + 235):
        d.rectangle((pata, y, pata + 14, y + 50), fill=(70, 70, 70))
    d.rectangle((ANCHO * 0.9, ALTO * 0.58, ANCHO * 0.9 + 10, ALTO * 0.95), fill=(60, 60, 60))
    d.ellipse((ANCHO * 0.9 - 18, ALTO * 0.56, ANCHO * 0.9 + 28, ALTO * 0.6), fill=(255, 236, 170))


def _tema_banderines(d, r):
    colores = [(220, 40, 50), (252, 200, 30), (30, 90, 180), (40, 150, 70), (240, 120, 30), (140, 60, 160)]
    for fila, (y0, caida) in enumerate([(ALTO * 0.08, 120), (ALTO * 0.2, 150), (ALTO * 0.33, 110)]):
        puntos = [(x, y0 + caida * math.sin(math.pi * x / ANCHO)) for x in range(0, ANCHO + 1, 20)]
        d.line(puntos, fill=(80, 70, 60), width=3)
        for i, x in enumerate(range(20 + fila * 25, ANCHO, 70)):
            y = y0 + caida * math.sin(math.pi * x / ANCHO)
            d.polygon([(x - 24, y), (x + 24, y), (x, y + 58)], fill=colores[(i + fila) % len(colores)])
    cx, base = ANCHO * r.uniform(0.4, 0.6), ALTO * 0.93
    for poste in (cx - 170, cx - 60, cx + 60, cx + 170):
        d.rectangle((poste - 8, base - 190, poste + 8, base), fill=(250, 246, 236))
    d.polygon([(cx - 230, base - 185), (cx, base - 320), (cx + 230, base - 185)], fill=(168, 72, 44))
    d.rectangle((cx - 200, base - 10, cx + 200, base + 20), fill=(205, 200, 192))


def _tema_parcelas(d, r):
    colores = [(120, 170, 60), (170, 190, 70), (210, 190, 90), (90, 150, 60), (150, 180, 90), (200, 170, 80)]
    filas = [ALTO * f for f in (0.7, 0.76, 0.84, 0.94, 1.06)]
    for i in range(len(filas) - 1):
        n = 4 + i
        bordes = [ANCHO * k / n + r.uniform(-40, 40) * (0 < k < n) for k in range(n + 1)]
        for k in range(n):
            x_arriba = [ANCHO * k / n, ANCHO * (k + 1) / n]
            poligono = [
                (x_arriba[0] + r.uniform(-20, 20), filas[i]),
                (x_arriba[1] + r.uniform(-20, 20), filas[i] + r.uniform(-10, 10)),
                (bordes[k + 1], filas[i + 1]),
                (bordes[k], filas[i + 1]),
            ]
            d.polygon(poligono, fill=_variar(r.choice(colores), r, 10))
        d.line([(0, filas[i + 1]), (ANCHO, filas[i + 1])], fill=(110, 80, 50), width=3 + i)
        for x in range(0, ANCHO + 1, 60 + 20 * i):
            d.rectangle((x - 2 - i, filas[i + 1] - 14 - 6 * i, x + 2 + i, filas[i + 1] + 4), fill=(110, 80, 50))


def _tema_quebrada(d, r):
    x0, y_fin, fase = ANCHO * r.uniform(0.35, 0.65), ALTO * 0.66, r.uniform(0, 2 * math.pi)
    izquierda, derecha = [], []
    for k in range(31):
        t = k / 30
        y = ALTO + 20 - t * (ALTO + 20 - y_fin)
        x = x0 + ANCHO * 0.12 * math.sin(fase + t * 4.0) * (1 - 0.5 * t)
        medio = 200 * (1 - t) + 8 * t
        izquierda.append((x - medio, y))
        derecha.append((x + medio, y))
    d.polygon(izquierda + derecha[::-1], fill=(86, 156, 206))
    for k in range(0, 28, 3):
        (xa, ya), (xb, _yb) = izquierda[k], derecha[k]
        d.line([(xa + (xb - xa) * 0.3, ya), (xa + (xb - xa) * 0.55, ya - 4)], fill=(220, 240, 250), width=4)
    for lado in (izquierda, derecha):
        for k in range(0, 24, 2):
            x, y = lado[k]
            tam = 34 * (1 - k / 30) + 6
            d.ellipse((x - tam, y - tam * 0.6, x + tam, y + tam * 0.6), fill=_variar((140, 140, 136), r, 18))


def _tema_cancha(d, r):
    arriba, abajo = ALTO * 0.78, ALTO * 1.02
    ai, ad, bi, bd = ANCHO * 0.3, ANCHO * 0.7, ANCHO * 0.08, ANCHO * 0.92
    d.polygon([(ai, arriba), (ad, arriba), (bd, abajo), (bi, abajo)], fill=(72, 152, 62))
    blanco = (248, 248, 248)
    d.line([(ai, arriba), (ad, arriba), (bd, abajo), (bi, abajo), (ai, arriba)], fill=blanco, width=5)
    medio = (arriba + abajo) / 2
    ancho_medio = (ad - ai + bd - bi) / 2
    d.line([(ANCHO / 2 - ancho_medio / 2, medio), (ANCHO / 2 + ancho_medio / 2, medio)], fill=blanco, width=5)
    d.ellipse((ANCHO / 2 - 120, medio - 40, ANCHO / 2 + 120, medio + 40), outline=blanco, width=5)
    d.rectangle((ANCHO / 2 - 90, arriba - 60, ANCHO / 2 + 90, arriba), outline=blanco, width=6)
    for x in (ANCHO * 0.04, ANCHO * 0.96):
        _arbol(d, x, ALTO * 0.9, 1.3, r)


def _tema_mercado(d, r):
    colores = [(220, 60, 50), (40, 120, 190), (240, 170, 30), (50, 150, 80), (200, 80, 140)]
    r.shuffle(colores)
    base = ALTO * 0.95
    frutas = [(240, 140, 30), (210, 40, 40), (250, 210, 40), (110, 170, 50), (150, 60, 120)]
    for i, x in enumerate(range(60, ANCHO - 200, 300)):
        color = colores[i % len(colores)]
        for poste in (x + 10, x + 250):
            d.rectangle((poste - 5, base - 220, poste + 5, base), fill=(90, 70, 50))
        for franja in range(6):
            relleno = color if franja % 2 == 0 else (250, 248, 240)
            d.polygon(
                [
                    (x + franja * 45, base - 220),
                    (x + (franja + 1) * 45, base - 220),
                    (x + (franja + 1) * 45, base - 260),
                    (x + franja * 45, base - 260),
                ],
                fill=relleno,
            )
        d.rectangle((x + 20, base - 100, x + 240, base - 80), fill=(140, 92, 52))
        d.rectangle((x + 30, base - 80, x + 230, base), fill=(120, 80, 45))
        for f in range(8):
            fx, fr = x + 40 + f * 25, 13
            d.ellipse((fx - fr, base - 124, fx + fr, base - 98), fill=frutas[(f + i) % len(frutas)])


def _tema_salud(d, r):
    _casa(d, r, (244, 244, 238), "cruz")


def _tema_casa(d, r):
    _casa(d, r, (236, 226, 206))


def _tema_escuela(d, r):
    _casa(d, r, (238, 200, 90), "bandera")


DIBUJOS = {
    "camino": _tema_camino,
    "cafetal": _tema_cafetal,
    "salud": _tema_salud,
    "edificio": _tema_edificio,
    "parque": _tema_parque,
    "banderines": _tema_banderines,
    "casa": _tema_casa,
    "parcelas": _tema_parcelas,
    "escuela": _tema_escuela,
    "quebrada": _tema_quebrada,
    "cancha": _tema_cancha,
    "mercado": _tema_mercado,
}


def paisaje_jpeg(semilla, tema, cielo):
    """A 1600×1067 landscape: sky gradient, sun, layered green mountains and the theme in the foreground."""
    r = random.Random(semilla)  # noqa: S311 (colours of a drawing, not security)
    arriba, horizonte, sol, _texto = CIELOS[cielo]
    arriba, horizonte = _variar(arriba, r), _variar(horizonte, r)
    img = Image.new("RGB", (ANCHO, ALTO), horizonte)
    degradado = Image.linear_gradient("L").resize((ANCHO, int(ALTO * 0.62)))
    img.paste(ImageOps.colorize(degradado, arriba, horizonte), (0, 0))
    d = ImageDraw.Draw(img)

    sx = ANCHO * r.uniform(0.15, 0.85)
    sy, radio = (ALTO * 0.14, 60) if cielo == "mediodia" else (ALTO * 0.36, 80)
    fondo = _mezclar(arriba, horizonte, sy / (ALTO * 0.62))
    for k in range(5, 0, -1):
        rk = radio * (1 + k * 0.45)
        d.ellipse((sx - rk, sy - rk, sx + rk, sy + rk), fill=_mezclar(sol, fondo, 0.55 + k * 0.08))
    d.ellipse((sx - radio, sy - radio, sx + radio, sy + radio), fill=sol)
    if cielo == "mediodia":
        for _ in range(3):
            nx, ny = r.uniform(0, ANCHO), r.uniform(ALTO * 0.08, ALTO * 0.3)
            for dx, dy, rx, ry in [(0, 0, 90, 34), (-70, 12, 60, 26), (75, 10, 65, 28), (20, -22, 55, 30)]:
                d.ellipse((nx + dx - rx, ny + dy - ry, nx + dx + rx, ny + dy + ry), fill=(250, 252, 255))

    verde = r.choice(VERDES)
    bruma = _mezclar(horizonte, (120, 150, 170), 0.5)
    capas = 5
    for i in range(capas):
        t = i / (capas - 1)
        base = ALTO * (0.42 + 0.095 * i)
        amplitud = ALTO * (0.11 - 0.016 * i)
        color = _mezclar(bruma, _mezclar(verde, (20, 60, 30), 0.35 * t), 0.3 + 0.7 * t)
        fases = [r.uniform(0, 2 * math.pi) for _ in range(3)]
        frecuencias = [r.uniform(1.2, 2.2), r.uniform(3.0, 5.0), r.uniform(7.0, 11.0)]
        cresta = [(0, ALTO)]
        for x in range(0, ANCHO + 21, 20):
            u = 2 * math.pi * x / ANCHO
            onda = sum(
                peso * math.sin(f * u + fase)
                for peso, f, fase in zip((0.6, 0.3, 0.1), frecuencias, fases, strict=True)
            )
            cresta.append((x, base - amplitud * onda + r.uniform(-3, 3)))
        cresta.append((ANCHO, ALTO))
        d.polygon(cresta, fill=_variar(color, r, 6))

    DIBUJOS[tema](d, r)
    salida = io.BytesIO()
    img.save(salida, "JPEG", quality=88)
    return salida.getvalue()


# --------------------------------------------------------------------------------------------------------------
# Organigrama
# --------------------------------------------------------------------------------------------------------------

# imagen_alt holds at most 250 characters; the page text lists the same hierarchy in full.
ORGANIGRAMA_ALT = (
    "Organigrama: el Despacho del Alcalde, con Control Interno como asesor, dirige las secretarías de Gobierno "
    "(Comisaría de Familia e Inspección de Policía), Hacienda, Planeación (UMATA) y Desarrollo Social. "
    "Descentralizadas: ESE y Servicios Públicos."
)


FUENTES_SISTEMA = {
    False: ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"],
    True: ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf"],
}


def _fuente(tamano, negrita=False):
    """A system TrueType font when there is one; otherwise Pillow's own font (which has no accented letters:
    ``_texto`` draws their accents)."""
    for nombre in FUENTES_SISTEMA[negrita]:
        try:
            return ImageFont.truetype(nombre, tamano)
        except OSError:
            continue
    return ImageFont.load_default(size=tamano)


def _con_acentos(fuente):
    # Without the glyphs every accented letter is the same "missing" box.
    dibujos = []
    for letra in "áñ":
        img = Image.new("L", (fuente.size * 2, fuente.size * 2))
        ImageDraw.Draw(img).text((0, 0), letra, font=fuente, fill=255)
        dibujos.append(img.tobytes())
    return dibujos[0] != dibujos[1]


def _texto(d, centro, texto, fuente, color):
    """Text centred on ``centro``; with a font lacking Spanish letters, base letters plus drawn accents."""
    if _con_acentos(fuente):
        d.text(centro, texto, font=fuente, fill=color, anchor="mm")
        return
    letras = [unicodedata.normalize("NFD", c) for c in unicodedata.normalize("NFC", texto)]
    base = "".join(letra[0] for letra in letras)
    ascenso, descenso = fuente.getmetrics()
    x0 = centro[0] - d.textlength(base, font=fuente) / 2
    linea_base = centro[1] + (ascenso - descenso) / 2
    d.text((x0, linea_base), base, font=fuente, fill=color, anchor="ls")
    grosor = max(2, round(fuente.size / 14))
    for i, letra in enumerate(letras):
        if len(letra) < 2:
            continue
        izquierda = x0 + d.textlength(base[:i], font=fuente)
        ancho = d.textlength(base[i], font=fuente)
        cx = izquierda + ancho / 2
        arriba = linea_base + fuente.getbbox(base[i], anchor="ls")[1] - grosor * 1.5
        alto = fuente.size * 0.2
        if "\u0301" in letra:  # acute accent
            d.line([(cx - alto * 0.3, arriba), (cx + alto * 0.4, arriba - alto)], fill=color, width=grosor)
        elif "\u0303" in letra:  # tilde
            puntos = [
                (cx + (k / 6 - 0.5) * ancho * 0.9, arriba - alto / 2 - math.sin(k / 6 * 2 * math.pi) * alto / 3)
                for k in range(7)
            ]
            d.line(puntos, fill=color, width=grosor)
        elif "\u0308" in letra:  # diaeresis
            for dx in (-ancho / 4, ancho / 4):
                d.ellipse(
                    (cx + dx - grosor, arriba - alto / 2 - grosor, cx + dx + grosor, arriba - alto / 2 + grosor),
                    fill=color,
                )


def _caja(d, caja, texto, fuente, relleno, borde, color_texto):
    x0, y0, x1, y1 = caja
    d.rounded_rectangle(caja, radius=14, fill=relleno, outline=borde, width=3)
    lineas, actual = [], ""
    for palabra in texto.split():
        prueba = f"{actual} {palabra}".strip()
        if d.textlength(prueba, font=fuente) <= (x1 - x0) - 30 or not actual:
            actual = prueba
        else:
            lineas.append(actual)
            actual = palabra
    lineas.append(actual)
    alto_linea = fuente.size * 1.25
    y = (y0 + y1) / 2 - alto_linea * (len(lineas) - 1) / 2
    for linea in lineas:
        _texto(d, ((x0 + x1) / 2, y), linea, fuente, color_texto)
        y += alto_linea


def organigrama_png():
    ancho, alto = 1600, 1000
    img = Image.new("RGB", (ancho, alto), (255, 255, 255))
    d = ImageDraw.Draw(img)
    titulo, negrita = _fuente(40, negrita=True), _fuente(26, negrita=True)
    fuente, pequena = _fuente(24), _fuente(22)
    linea = (90, 100, 110)
    azul, azul_claro, verde_claro = (22, 78, 140), (225, 236, 248), (230, 243, 232)
    blanco, oscuro = (255, 255, 255), (25, 35, 45)

    _texto(d, (ancho / 2, 50), "Estructura orgánica de la Alcaldía", titulo, oscuro)
    despacho = (590, 110, 1010, 200)
    d.line([(800, 200), (800, 330)], fill=linea, width=4)
    d.line([(800, 255), (1180, 255)], fill=linea, width=4)
    _caja(d, (1180, 220, 1500, 290), "Control Interno", fuente, verde_claro, linea, oscuro)
    _caja(d, despacho, "Despacho del Alcalde", negrita, azul, azul, blanco)

    secretarias = ["Secretaría de Gobierno", "Secretaría de Hacienda", "Secretaría de Planeación e Infraestructura"]
    secretarias.append("Secretaría de Desarrollo Social")
    ancho_caja, hueco, y0, y1 = 340, 40, 380, 480
    inicio = (ancho - (4 * ancho_caja + 3 * hueco)) / 2
    centros = [inicio + ancho_caja / 2 + i * (ancho_caja + hueco) for i in range(4)]
    d.line([(centros[0], 330), (centros[-1], 330)], fill=linea, width=4)
    for centro, nombre in zip(centros, secretarias, strict=True):
        d.line([(centro, 330), (centro, y0)], fill=linea, width=4)
        _caja(d, (centro - ancho_caja / 2, y0, centro + ancho_caja / 2, y1), nombre, fuente, azul_claro, azul, oscuro)

    adscritas = {0: ["Comisaría de Familia", "Inspección de Policía"], 2: ["UMATA"]}
    for indice, nombres in adscritas.items():
        x_linea = centros[indice] - ancho_caja / 2 + 30
        ultimo = 0
        for k, nombre in enumerate(nombres):
            ya = 540 + k * 100
            ultimo = ya + 35
            d.line([(x_linea, ultimo), (x_linea + 40, ultimo)], fill=linea, width=4)
            _caja(d, (x_linea + 40, ya, x_linea + 300, ya + 70), nombre, pequena, blanco, azul, oscuro)
        d.line([(x_linea, y1), (x_linea, ultimo)], fill=linea, width=4)

    d.rounded_rectangle((170, 780, 1430, 960), radius=18, outline=linea, width=3)
    _texto(d, (ancho / 2, 815), "Entidades descentralizadas", negrita, oscuro)
    _caja(d, (260, 850, 760, 935), "Centro de Salud (ESE)", pequena, verde_claro, linea, oscuro)
    _caja(d, (840, 850, 1340, 935), "Empresa de Servicios Públicos", pequena, verde_claro, linea, oscuro)
    salida = io.BytesIO()
    img.save(salida, "PNG", optimize=False)
    return salida.getvalue()


# --------------------------------------------------------------------------------------------------------------
# PDF (one page, base-14 Helvetica, WinAnsi encoding), written by hand
# --------------------------------------------------------------------------------------------------------------


def _cadena_pdf(texto):
    """A PDF literal string in WinAnsi (cp1252): parentheses and backslash escaped, the rest as octal."""
    partes = []
    for byte in texto.encode("cp1252", "replace"):
        if byte in b"()\\":
            partes.append("\\" + chr(byte))
        elif 32 <= byte < 127:
            partes.append(chr(byte))
        else:
            partes.append(f"\\{byte:03o}")
    return "(" + "".join(partes) + ")"


def _fecha_larga(dia):
    return f"{dia.day} de {MESES[dia.month - 1]} de {dia.year}"


def documento_pdf(titulo, subtitulo, parrafos):
    """A valid one-page A4 PDF with the title, a subtitle and some paragraphs (Helvetica, WinAnsi)."""
    ops = ["0.09 0.31 0.55 rg", "0 772 595 70 re f"]

    def texto(x, y, fuente, tam, contenido, color="1 1 1"):
        ops.append(f"BT {color} rg /{fuente} {tam} Tf {x} {y} Td {_cadena_pdf(contenido)} Tj ET")

    texto(56, 812, "F2", 12, "Alcaldía Municipal de El Tablón de Gómez")
    texto(56, 792, "F1", 10, "Departamento de Nariño, Colombia")
    y = 730
    for linea in textwrap.wrap(titulo, 46):
        texto(56, y, "F2", 18, linea, "0.1 0.1 0.1")
        y -= 24
    for linea in textwrap.wrap(subtitulo, 84):
        texto(56, y - 4, "F1", 11, linea, "0.3 0.3 0.3")
        y -= 16
    y -= 24
    ops.append(f"0.99 0.95 0.85 rg 56 {y - 12} 483 34 re f")
    texto(66, y, "F2", 14, "Documento de demostración", "0.55 0.3 0")
    y -= 44
    for parrafo in parrafos:
        for linea in textwrap.wrap(parrafo, 88):
            texto(56, y, "F1", 11, linea, "0.1 0.1 0.1")
            y -= 16
        y -= 10
    contenido = "\n".join(ops).encode("latin-1")

    titulo_utf16 = "<FEFF" + titulo.encode("utf-16-be").hex().upper() + ">"
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(contenido) + contenido + b"\nendstream",
        f"<< /Title {titulo_utf16} /Producer (Portal municipal - demostracion) >>".encode("ascii"),
    ]
    salida = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    posiciones = []
    for numero, cuerpo in enumerate(objetos, start=1):
        posiciones.append(len(salida))
        salida += b"%d 0 obj\n" % numero + cuerpo + b"\nendobj\n"
    inicio_xref = len(salida)
    salida += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objetos) + 1)
    for posicion in posiciones:
        salida += b"%010d 00000 n \n" % posicion
    salida += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objetos) + 1,
        inicio_xref,
    )
    return bytes(salida)


# --------------------------------------------------------------------------------------------------------------
# Documentos de transparencia
# --------------------------------------------------------------------------------------------------------------

T = Documento.Tipo
# titulo, tipo, numero, fecha de expedición, subsecciones, dependencia, descripción
DOCUMENTOS = [
    (
        "Por el cual se expide el presupuesto general de rentas y gastos del municipio para la vigencia fiscal 2026",
        T.ACUERDO,
        "018 de 2025",
        date(2025, 11, 28),
        ["2.1", "4.1"],
        "secretaria-de-hacienda",
        "Acuerdo del Concejo Municipal que aprueba los ingresos y los gastos del municipio para 2026.",
    ),
    (
        "Por el cual se conceden autorizaciones al alcalde para contratar durante la vigencia 2026",
        T.ACUERDO,
        "004 de 2026",
        date(2026, 2, 27),
        ["2.1"],
        "despacho-del-alcalde",
        "Acuerdo del Concejo Municipal con las autorizaciones para celebrar contratos durante el año.",
    ),
    (
        "Por el cual se establecen incentivos por pronto pago del impuesto predial unificado",
        T.ACUERDO,
        "009 de 2026",
        date(2026, 5, 29),
        ["2.1", "10.1"],
        "secretaria-de-hacienda",
        "Descuentos para quienes pagan el impuesto predial dentro de los plazos fijados.",
    ),
    (
        "Por el cual se liquida el presupuesto general de rentas y gastos de la vigencia fiscal 2026",
        T.DECRETO,
        "001 de 2026",
        date(2026, 1, 2),
        ["2.1", "4.1"],
        "secretaria-de-hacienda",
        "Decreto que detalla el presupuesto aprobado por el Concejo para su ejecución.",
    ),
    (
        "Por el cual se fija el horario de atención al público de la administración municipal",
        T.DECRETO,
        "012 de 2026",
        date(2026, 2, 10),
        ["2.1"],
        "secretaria-de-gobierno",
        "Días y horas en que las dependencias atienden a la ciudadanía.",
    ),
    (
        "Por el cual se adoptan medidas de convivencia y seguridad para las festividades de fin de año",
        T.DECRETO,
        "047 de 2026",
        date(2026, 11, 10),
        ["2.1", "1.12"],
        "secretaria-de-gobierno",
        "Medidas sobre pólvora, horarios de establecimientos y uso del espacio público durante las fiestas.",
    ),
    (
        "Por la cual se adopta el Plan Institucional de Capacitación de la vigencia 2026",
        T.RESOLUCION,
        "023 de 2026",
        date(2026, 2, 3),
        ["2.1"],
        "despacho-del-alcalde",
        "Plan de formación de los servidores públicos de la alcaldía.",
    ),
    (
        "Lineamientos para la atención de peticiones, quejas, reclamos, sugerencias y denuncias",
        T.CIRCULAR,
        "003 de 2026",
        date(2026, 3, 16),
        ["2.1", "1.8"],
        "secretaria-de-gobierno",
        "Instrucciones a las dependencias sobre los plazos y la forma de responder las peticiones.",
    ),
    (
        "Plan anual de adquisiciones 2026",
        T.PLAN,
        "",
        date(2026, 1, 30),
        ["3.1"],
        "secretaria-de-planeacion-e-infraestructura",
        "Bienes, obras y servicios que la alcaldía planea contratar durante 2026.",
    ),
    (
        "Presupuesto general de ingresos, gastos e inversión 2026",
        T.PRESUPUESTO,
        "",
        date(2026, 1, 2),
        ["4.1"],
        "secretaria-de-hacienda",
        "Detalle de los ingresos esperados y de los gastos de funcionamiento, deuda e inversión.",
    ),
    (
        "Ejecución presupuestal de ingresos y gastos, segundo trimestre de 2026",
        T.INFORME,
        "",
        date(2026, 7, 15),
        ["4.2"],
        "secretaria-de-hacienda",
        "Lo recaudado y lo comprometido frente a lo presupuestado, con corte al 30 de junio.",
    ),
    (
        "Ejecución presupuestal de ingresos y gastos, tercer trimestre de 2026",
        T.INFORME,
        "",
        date(2026, 10, 15),
        ["4.2"],
        "secretaria-de-hacienda",
        "Lo recaudado y lo comprometido frente a lo presupuestado, con corte al 30 de septiembre.",
    ),
    (
        "Plan de acción 2026",
        T.PLAN,
        "",
        date(2026, 1, 30),
        ["4.3"],
        "secretaria-de-planeacion-e-infraestructura",
        "Metas, actividades y responsables de cada dependencia para cumplir el plan de desarrollo en 2026.",
    ),
    (
        "Informe de empalme entre administraciones 2020-2023 y 2024-2027",
        T.INFORME,
        "",
        date(2023, 12, 20),
        ["4.5"],
        "despacho-del-alcalde",
        "Estado de la administración entregado por el gobierno saliente al entrante.",
    ),
    (
        "Informe de gestión y rendición de cuentas de la vigencia 2025",
        T.INFORME,
        "",
        date(2026, 3, 20),
        ["4.7", "6.5"],
        "despacho-del-alcalde",
        "Resultados del plan de desarrollo, inversión por sectores y retos para el año siguiente.",
    ),
    (
        "Informe de evaluación independiente del sistema de control interno, primer semestre de 2026",
        T.INFORME,
        "",
        date(2026, 7, 30),
        ["4.8"],
        "control-interno",
        "Evaluación del estado del control interno de la alcaldía y recomendaciones de mejora.",
    ),
    (
        "Plan anual de auditorías internas 2026",
        T.PLAN,
        "",
        date(2026, 2, 16),
        ["4.8"],
        "control-interno",
        "Procesos que Control Interno auditará durante el año y su calendario.",
    ),
    (
        "Registro de activos de información",
        T.OTRO,
        "",
        date(2026, 4, 30),
        ["7.1"],
        "secretaria-de-gobierno",
        "Inventario de la información que produce y guarda la alcaldía.",
    ),
    (
        "Índice de información clasificada y reservada",
        T.OTRO,
        "",
        date(2026, 4, 30),
        ["7.1"],
        "secretaria-de-gobierno",
        "Información que no se puede publicar y la norma que lo justifica.",
    ),
    (
        "Calendario tributario y lugares de pago de los impuestos municipales 2026",
        T.CIRCULAR,
        "",
        date(2026, 1, 15),
        ["10.1"],
        "secretaria-de-hacienda",
        "Fechas para pagar el impuesto predial y el de industria y comercio, y dónde hacerlo.",
    ),
    (
        "Tarifas del impuesto de industria y comercio (ICA) vigentes en 2026",
        T.OTRO,
        "",
        date(2026, 1, 15),
        ["10.2"],
        "secretaria-de-hacienda",
        "Tarifas por actividad económica según el Estatuto Tributario municipal.",
    ),
    (
        "Mapa de procesos de la alcaldía",
        T.OTRO,
        "",
        date(2026, 3, 5),
        ["1.3"],
        "secretaria-de-planeacion-e-infraestructura",
        "Procesos estratégicos, misionales, de apoyo y de evaluación, y cómo se relacionan.",
    ),
]

DOCUMENTO_BORRADOR = (
    "Proyecto de decreto por el cual se reglamenta el uso del espacio público en el parque principal",
    T.DECRETO,
    "",
    None,
    ["2.3"],
    "secretaria-de-gobierno",
    "Borrador para comentarios de la ciudadanía sobre ventas y eventos en el parque principal.",
)


# --------------------------------------------------------------------------------------------------------------
# Secciones institucionales
# --------------------------------------------------------------------------------------------------------------

NOTA_REFERENCIA = (
    "<p><em>Texto de referencia del sitio de demostración: la alcaldía lo reemplaza con la reseña oficial.</em></p>"
)

SECCIONES = {
    ("municipio", "historia"): """
        <p>El territorio de El Tablón de Gómez fue habitado por pueblos indígenas mucho antes de la llegada de
        los españoles. Con el tiempo llegaron familias campesinas que abrieron caminos, fundaron veredas y
        levantaron sus casas en las laderas, dando origen a la población que hoy conocemos.</p>
        <p>Su historia está ligada al trabajo del campo: la arriería, los trapiches paneleros y, más tarde, el
        cultivo del café marcaron la vida de generaciones. En el municipio conviven comunidades campesinas y el
        pueblo indígena inga, que conserva su lengua, su medicina tradicional y su organización propia.</p>
        <p>Las juntas de acción comunal, las parroquias y las escuelas rurales han sido desde siempre puntos de
        encuentro de la comunidad y motor de sus obras.</p>
    """
    + NOTA_REFERENCIA,
    ("municipio", "simbolos"): """
        <p>Los símbolos oficiales del municipio son la <strong>bandera</strong>, el <strong>escudo</strong> y el
        <strong>himno</strong>. Fueron adoptados por el Concejo Municipal y se usan en los actos oficiales, las
        instituciones educativas y las celebraciones del municipio.</p>
        <h2>La bandera</h2>
        <p>Está formada por franjas de colores que recuerdan la riqueza natural del territorio: el verde de sus
        montañas y cultivos, y los colores de su cielo y de sus aguas.</p>
        <h2>El escudo</h2>
        <p>Reúne en sus cuarteles elementos del paisaje y del trabajo de su gente, como las montañas, los
        cultivos y los caminos, acompañados de una cinta con el nombre del municipio.</p>
    """
    + NOTA_REFERENCIA,
    ("municipio", "geografia"): """
        <p>El Tablón de Gómez está en el nororiente del departamento de Nariño, en la zona andina del sur de
        Colombia. Su territorio es montañoso, con laderas, cañones y pequeños valles atravesados por ríos y
        quebradas.</p>
        <ul>
        <li><strong>Ubicación aproximada:</strong> 1,43° de latitud norte y 77,1° de longitud oeste.</li>
        <li><strong>Altura de la cabecera municipal:</strong> entre 1.700 y 2.000 metros sobre el nivel del mar,
        aproximadamente.</li>
        <li><strong>Clima:</strong> desde templado en las zonas cafeteras hasta frío en las partes más
        altas.</li>
        </ul>
        <p>El territorio se organiza en la cabecera municipal, corregimientos y veredas, además del resguardo
        indígena. Sus bosques y nacimientos de agua abastecen los acueductos de la cabecera y de las veredas,
        por lo que su cuidado es tarea de todos.</p>
    """,
    ("municipio", "economia"): """
        <p>La economía del municipio es principalmente agropecuaria y está en manos de pequeños productores y
        sus familias.</p>
        <ul>
        <li><strong>Café:</strong> es el cultivo más importante y la principal fuente de ingresos de muchas
        familias.</li>
        <li><strong>Caña panelera:</strong> se procesa en trapiches para producir panela.</li>
        <li><strong>Frutales y cultivos de pancoger:</strong> frutas de clima templado, plátano, maíz, fríjol y
        hortalizas.</li>
        <li><strong>Ganadería y especies menores:</strong> ganado en pequeña escala para leche y carne, además de
        cuyes y gallinas.</li>
        </ul>
        <p>El comercio de la cabecera, el transporte y los servicios completan la actividad económica. La
        alcaldía, a través de la UMATA, acompaña a los productores con asistencia técnica y apoyo a la
        comercialización.</p>
    """,
    ("municipio", "turismo"): """
        <p>El Tablón de Gómez invita a recorrer sus paisajes de montaña, sus cafetales y sus caminos veredales,
        ideales para caminatas y para conocer la vida del campo nariñense.</p>
        <h2>Qué hacer</h2>
        <ul>
        <li>Recorrer los caminos entre veredas y los miradores sobre las montañas.</li>
        <li>Conocer una finca cafetera y el proceso del café, de la mata a la taza.</li>
        <li>Visitar un trapiche y probar la panela recién hecha.</li>
        <li>Vivir las fiestas patronales y los carnavales de comienzo de año.</li>
        </ul>
        <p>Antes de salir a caminar, infórmese sobre el estado de las vías y del clima, lleve agua y respete la
        naturaleza y las propiedades privadas.</p>
    """,
    ("alcaldia", "mision"): """
        <p>La Alcaldía Municipal de El Tablón de Gómez trabaja para mejorar la calidad de vida de sus habitantes,
        con servicios oportunos, obras que respondan a las necesidades de la comunidad y una gestión
        transparente y participativa, que reconoce la diversidad campesina e indígena de su territorio.</p>
    """,
    ("alcaldia", "vision"): """
        <p>En 2035 El Tablón de Gómez será un municipio en paz, con un campo productivo y sostenible, vías que
        conecten a todas sus veredas, servicios de salud y educación de calidad y una administración cercana,
        eficiente y transparente.</p>
    """,
    ("alcaldia", "funciones"): """
        <p>Las funciones del alcalde están definidas en la Constitución Política y en el artículo 91 de la Ley
        136 de 1994, modificado por la Ley 1551 de 2012. En términos generales, le corresponde:</p>
        <ul>
        <li><strong>En relación con el Concejo Municipal:</strong> presentar proyectos de acuerdo, como el plan
        de desarrollo y el presupuesto, y sancionar y promulgar los acuerdos aprobados.</li>
        <li><strong>En relación con el orden público:</strong> conservarlo en el municipio, de acuerdo con la ley
        y las instrucciones del Presidente de la República y del gobernador.</li>
        <li><strong>En relación con la Nación, el departamento y las autoridades jurisdiccionales:</strong>
        coordinar y colaborar con ellas para cumplir sus funciones en el municipio.</li>
        <li><strong>En relación con la administración municipal:</strong> dirigirla, nombrar y remover a sus
        funcionarios, ordenar el gasto y asegurar la prestación de los servicios a cargo del municipio.</li>
        <li><strong>En relación con la ciudadanía:</strong> informarla sobre la gestión, promover su
        participación y rendirle cuentas.</li>
        </ul>
        <p>Cada dependencia cumple funciones propias que se describen en su página del directorio.</p>
    """,
    ("alcaldia", "organigrama"): """
        <p>La administración central está encabezada por el Despacho del Alcalde, que cuenta con la asesoría de
        Control Interno y dirige cuatro secretarías:</p>
        <ul>
        <li>Despacho del Alcalde
        <ul>
        <li>Control Interno (asesoría)</li>
        <li>Secretaría de Gobierno
        <ul><li>Comisaría de Familia</li><li>Inspección de Policía</li></ul></li>
        <li>Secretaría de Hacienda</li>
        <li>Secretaría de Planeación e Infraestructura
        <ul><li>UMATA</li></ul></li>
        <li>Secretaría de Desarrollo Social</li>
        </ul>
        </li>
        </ul>
        <p>Las entidades descentralizadas, con autonomía administrativa, son el Centro de Salud (ESE) y la Empresa
        de Servicios Públicos.</p>
    """,
    ("alcaldia", "plan-de-desarrollo"): """
        <p>El plan de desarrollo municipal 2024-2027 es la hoja de ruta de la administración: define los
        programas, las metas y los recursos para los cuatro años de gobierno. Fue construido con la participación
        de las veredas, las organizaciones sociales y el Consejo Territorial de Planeación, y aprobado por el
        Concejo Municipal.</p>
        <h2>Líneas estratégicas</h2>
        <ul>
        <li>Campo productivo: café, panela y seguridad alimentaria.</li>
        <li>Bienestar social: salud, educación, deporte y cultura.</li>
        <li>Infraestructura: vías terciarias, agua potable y saneamiento.</li>
        <li>Buen gobierno: transparencia, participación y finanzas sanas.</li>
        <li>Ambiente: protección de fuentes de agua y gestión del riesgo.</li>
        </ul>
        <p>El avance se mide cada año en el plan de acción y se presenta en la rendición de cuentas. Los
        documentos están en Transparencia, sección «Planeación, presupuesto e informes».</p>
    """,
}


# --------------------------------------------------------------------------------------------------------------
# Eventos
# --------------------------------------------------------------------------------------------------------------

# slug, titulo, dias desde hoy, "habil" / "sabado" (día de la semana al que se corre), inicio, fin, lugar,
# dependencia, descripción
EVENTOS = [
    (
        "consejo-de-gobierno-abierto",
        "Consejo de gobierno abierto",
        4,
        "habil",
        (9, 0),
        (12, 0),
        "Salón de reuniones del Palacio Municipal",
        "despacho-del-alcalde",
        """
        <p>El alcalde y su gabinete sesionan con las puertas abiertas a la comunidad. Se revisará el avance de
        las obras y de los programas sociales del trimestre.</p>
        <p>Las personas asistentes podrán hacer preguntas al final de la sesión. Cupo limitado al espacio del
        salón.</p>
        """,
    ),
    (
        "jornada-de-vacunacion-en-la-cabecera",
        "Jornada de vacunación en la cabecera municipal",
        7,
        "habil",
        (8, 0),
        (16, 0),
        "Centro de Salud, cabecera municipal",
        "centro-de-salud-ese",
        """
        <p>Vacunación gratuita para completar esquemas de niñas y niños, gestantes y personas mayores.</p>
        <ul><li>Lleve el carné de vacunación.</li><li>Lleve el documento de identidad.</li></ul>
        """,
    ),
    (
        "taller-umata-renovacion-de-cafetales",
        "Taller de la UMATA: renovación de cafetales",
        11,
        "habil",
        (8, 30),
        (12, 30),
        "Salón comunal de la vereda, zona cafetera",
        "umata",
        """
        <p>Taller práctico para caficultores sobre cuándo y cómo renovar cafetales, selección de variedades y
        manejo del almácigo.</p>
        <p>Inscripción previa en la oficina de la UMATA. Lleve ropa cómoda: parte del taller se hace en la
        finca.</p>
        """,
    ),
    (
        "mercado-campesino-en-el-parque-principal",
        "Mercado campesino en el parque principal",
        14,
        "sabado",
        (7, 0),
        (13, 0),
        "Parque principal",
        "umata",
        """
        <p>Productores de las veredas ofrecen café, panela, frutas, hortalizas y lácteos directamente a la
        comunidad.</p>
        <p><em>Lleve su propia bolsa o canasto.</em></p>
        """,
    ),
    (
        "audiencia-publica-de-rendicion-de-cuentas",
        "Audiencia pública de rendición de cuentas",
        25,
        "habil",
        (9, 0),
        (12, 30),
        "Auditorio municipal, cabecera",
        "despacho-del-alcalde",
        """
        <p>La administración presenta los resultados de su gestión y responde las preguntas de la
        ciudadanía.</p>
        <p>Puede enviar sus preguntas con anticipación por los canales de atención de la alcaldía. La audiencia
        también se transmitirá por las redes sociales oficiales.</p>
        """,
    ),
    (
        "festival-de-musica-campesina",
        "Festival de música campesina",
        32,
        "sabado",
        (14, 0),
        (22, 0),
        "Parque principal",
        "secretaria-de-desarrollo-social",
        """
        <p>Agrupaciones de música campesina y andina del municipio y de la región se presentan en la tarima del
        parque principal.</p>
        <p>Entrada libre. Habrá muestra gastronómica y venta de productos locales.</p>
        """,
    ),
    (
        "encuentro-de-personas-mayores",
        "Encuentro de personas mayores",
        -9,
        "habil",
        (9, 0),
        (13, 0),
        "Centro Vida, cabecera municipal",
        "secretaria-de-desarrollo-social",
        """
        <p>Jornada de integración con actividad física, música, juegos tradicionales y almuerzo para las
        personas mayores inscritas en el Centro Vida.</p>
        """,
    ),
]


# --------------------------------------------------------------------------------------------------------------
# Directorio
# --------------------------------------------------------------------------------------------------------------

# dependencia, nombre, parte local del correo, extensión, cargo (None: el de la dependencia)
FUNCIONARIOS = [
    ("despacho-del-alcalde", "Jorge Enrique Rosero Bolaños", "despacho", 101, None),
    ("secretaria-de-gobierno", "Andrés Felipe Guerrero Muñoz", "gobierno", 102, None),
    ("secretaria-de-hacienda", "Luis Alberto Chamorro Erazo", "hacienda", 103, None),
    ("secretaria-de-hacienda", "Diana Carolina Pabón Rivera", "tesoreria", 113, "Tesorera municipal"),
    ("secretaria-de-planeacion-e-infraestructura", "Diego Armando Narváez Ortega", "planeacion", 104, None),
    ("secretaria-de-desarrollo-social", "María Fernanda Delgado Meneses", "desarrollosocial", 105, None),
    ("comisaria-de-familia", "Óscar Hernán Burbano Jojoa", "comisaria", 106, None),
    ("inspeccion-de-policia", "Wilson Fabián Ordóñez Cerón", "inspeccion", 107, None),
    ("umata", "Jairo Alfonso Córdoba Insuasty", "umata", 108, None),
    ("control-interno", "Sandra Milena Ortiz Pantoja", "controlinterno", 109, None),
    ("centro-de-salud-ese", "Claudia Patricia Enríquez Villota", "ese", 110, None),
    ("empresa-de-servicios-publicos", "Fabio Nelson Mora Realpe", "serviciospublicos", 111, None),
]

E = EntidadDirectorio.Tipo
# tipo, nombre, descripción, sitio web, dirección
ENTIDADES = [
    (
        E.ENTIDAD,
        "Gobernación de Nariño",
        "Administración del departamento de Nariño.",
        "https://narino.gov.co",
        "Pasto",
    ),
    (
        E.ENTIDAD,
        "Personería Municipal",
        "Ministerio público en el municipio: defensa de los derechos humanos, atención a víctimas y vigilancia de "
        "la conducta de los servidores públicos.",
        "",
        "Cabecera municipal",
    ),
    (
        E.ENTIDAD,
        "Registraduría Municipal del Estado Civil",
        "Registro civil, tarjetas de identidad, cédulas de ciudadanía y organización de las elecciones.",
        "https://www.registraduria.gov.co",
        "Cabecera municipal",
    ),
    (
        E.ENTIDAD,
        "Policía Nacional, estación del municipio",
        "Seguridad y convivencia ciudadana. En una emergencia llame a la línea 123.",
        "https://www.policia.gov.co",
        "Cabecera municipal",
    ),
    (
        E.ENTIDAD,
        "Hospital Universitario Departamental de Nariño (ESE)",
        "Hospital de referencia de mayor complejidad para los pacientes remitidos desde el municipio.",
        "",
        "Pasto",
    ),
    (
        E.ENTIDAD,
        "Instituto Colombiano de Bienestar Familiar (ICBF), centro zonal",
        "Protección de niñas, niños y adolescentes y programas de primera infancia. Línea gratuita 141.",
        "https://www.icbf.gov.co",
        "",
    ),
    (
        E.AGREMIACION,
        "Asociación de caficultores del municipio",
        "Productores de café organizados para mejorar la calidad del grano, comercializar juntos y recibir "
        "asistencia técnica.",
        "",
        "",
    ),
    (
        E.AGREMIACION,
        "Asociación de juntas de acción comunal (Asocomunal)",
        "Reúne a las juntas de acción comunal de las veredas y los barrios del municipio.",
        "",
        "",
    ),
    (
        E.AGREMIACION,
        "Asociación de mujeres rurales",
        "Mujeres campesinas organizadas en proyectos productivos, huertas caseras y transformación de alimentos.",
        "",
        "",
    ),
]


# --------------------------------------------------------------------------------------------------------------
# The loader
# --------------------------------------------------------------------------------------------------------------


def _a_las(dia, hora, minuto=0):
    return timezone.make_aware(datetime.combine(dia, time(hora, minuto)), BOGOTA)


def _correr(dia, regla):
    """Move a date to the next working day, or to the next Saturday."""
    if regla == "sabado":
        return dia + timedelta(days=(5 - dia.weekday()) % 7)
    while dia.weekday() >= 5:
        dia += timedelta(days=1)
    return dia


class _Contexto:
    def __init__(self):
        self.ahora = timezone.now()
        self.hoy = timezone.localtime(self.ahora, BOGOTA).date()
        self.dependencias = {d.slug: d for d in Dependencia.objects.all()}
        self.usuarios = {u.username: u for u in Usuario.objects.filter(username__in=["comite", "funcionario"])}

    def dependencia(self, slug):
        # An administrator may have renamed a demo dependencia: fall back to any, the content still loads.
        return self.dependencias.get(slug) or next(iter(self.dependencias.values()))


def _categorias(resultado):
    categorias = {}
    for slug, nombre in CATEGORIAS:
        categoria = Categoria.objects.filter(slug=slug).first() or Categoria.objects.filter(nombre=nombre).first()
        if categoria is None:
            categoria = Categoria.objects.create(slug=slug, nombre=nombre)
            resultado.anotar(f"Categoría creada: {nombre}")
        categorias[slug] = categoria
    return categorias


def _poner_imagen(objeto, nombre, contenido, tipo, alt):
    objeto.imagen = SimpleUploadedFile(nombre, contenido, tipo)
    objeto.imagen_alt = alt
    objeto.imagen_decorativa = False
    services.imagen_guardar(objeto=objeto)


def _poner_paisaje(noticia, orden, tema, cielo):
    jpeg = paisaje_jpeg(orden, tema, cielo)
    _poner_imagen(noticia, f"{noticia.slug[:60]}.jpg", jpeg, "image/jpeg", alt_paisaje(tema, cielo))


def _en_paralelo(funcion, tareas):
    """Run ``funcion(*tarea)`` for each task in threads: Pillow releases the GIL while it resizes and encodes,
    so the renditions of a dozen 1600 px images take about half the time. Nothing here touches the database."""
    if len(tareas) < 2:
        for tarea in tareas:
            funcion(*tarea)
        return
    default_storage.exists("")  # set the lazy storage up once, before the threads use it
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as hilos:
        for futuro in [hilos.submit(funcion, *tarea) for tarea in tareas]:
            futuro.result()


def _noticias(resultado, ctx, categorias):
    nuevas, sin_imagen = [], []
    for orden, datos in enumerate(NOTICIAS):
        tema, cielo = datos.get("tema"), datos.get("cielo")
        noticia = Noticia.objects.filter(slug=datos["slug"]).first()
        if noticia is not None:
            if tema and not noticia.imagen:
                sin_imagen.append((noticia, orden, tema, cielo))
            continue
        autor = ctx.usuarios.get(datos["autor"])
        hora, minuto = datos["hora"]
        noticia = Noticia(
            titulo=datos["titulo"],
            slug=datos["slug"],
            resumen=datos["resumen"],
            cuerpo=_html(datos["cuerpo"]),
            dependencia=ctx.dependencia(datos["dependencia"]),
            estado=datos.get("estado", Estado.PUBLICADO),
            publicar_desde=_a_las(ctx.hoy - timedelta(days=datos["dias"]), hora, minuto),
            destacada=datos.get("destacada", False),
            creado_por=autor,
            modificado_por=autor,
        )
        nuevas.append((noticia, datos["categorias"]))
        if tema:
            sin_imagen.append((noticia, orden, tema, cielo))

    # Images first (imagen_guardar must run before save), in parallel; then the rows, in order.
    _en_paralelo(_poner_paisaje, sin_imagen)
    for noticia, slugs_categorias in nuevas:
        noticia.save()
        noticia.categorias.set([categorias[c] for c in slugs_categorias])
        resultado.anotar(f"Noticia creada: {noticia.titulo} ({noticia.get_estado_display().lower()})")
    creadas = {id(noticia) for noticia, _categorias in nuevas}
    for noticia, *_resto in sin_imagen:
        if id(noticia) not in creadas:
            noticia.save()
            resultado.anotar(f"Imagen generada para la noticia: {noticia.titulo}")


TITULOS_SECCIONES = {
    "historia": "Historia",
    "simbolos": "Símbolos",
    "geografia": "Geografía",
    "economia": "Economía",
    "turismo": "Turismo",
    "mision": "Misión",
    "vision": "Visión",
    "funciones": "Funciones y deberes",
    "organigrama": "Organigrama",
    "plan-de-desarrollo": "Plan de desarrollo",
}


def _secciones(resultado, ctx):
    for orden, ((pagina, clave), contenido) in enumerate(SECCIONES.items(), start=1):
        # An existing database keeps the rows of migration 0005 (published by 0026); a new one gets them here,
        # published and owned by the mayor's office. A revision being edited is left alone: only live rows count.
        seccion, creada = SeccionInstitucional.objects.vivos().get_or_create(
            pagina=pagina,
            clave=clave,
            defaults={
                "titulo": TITULOS_SECCIONES[clave],
                "orden": orden,
                "dependencia": ctx.dependencia("despacho-del-alcalde"),
                "estado": Estado.PUBLICADO,
                "publicar_desde": ctx.ahora,
            },
        )
        cambios = []
        if not seccion.contenido:
            seccion.contenido = _html(contenido)
            cambios.append("texto")
        if clave == "organigrama" and not seccion.imagen:
            _poner_imagen(seccion, "organigrama.png", organigrama_png(), "image/png", ORGANIGRAMA_ALT)
            cambios.append("organigrama")
        if cambios:
            seccion.save()
            accion = "creada" if creada else "completada"
            resultado.anotar(f"Sección institucional {accion}: {seccion} ({', '.join(cambios)})")


def _pdf_de(titulo, tipo, numero, fecha, dependencia, descripcion):
    encabezado = "" if tipo == Documento.Tipo.OTRO else f"{Documento.Tipo(tipo).label} {numero}".strip() + "."
    expedicion = f"Expedido el {_fecha_larga(fecha)}." if fecha else "Proyecto para comentarios."
    subtitulo = " ".join(parte for parte in (encabezado, expedicion, f"{dependencia.nombre}.") if parte)
    return documento_pdf(
        titulo,
        subtitulo,
        [
            descripcion,
            "Este archivo se generó automáticamente para mostrar cómo se publican los documentos en el portal. "
            "No es un documento oficial de la alcaldía ni tiene validez jurídica.",
        ],
    )


def _documentos(resultado, ctx):
    subsecciones = {s.numero: s for s in SubseccionTransparencia.objects.all()}
    lista = [(datos, Estado.PUBLICADO) for datos in DOCUMENTOS] + [(DOCUMENTO_BORRADOR, Estado.BORRADOR)]
    for indice, (datos, estado) in enumerate(lista):
        titulo, tipo, numero, fecha, numeros, slug_dependencia, descripcion = datos
        dependencia = ctx.dependencia(slug_dependencia)
        documento = Documento.objects.filter(titulo=titulo).first()
        if documento is not None:
            if not documento.archivo:
                pdf = _pdf_de(titulo, tipo, numero, fecha, dependencia, descripcion)
                documento.archivo = SimpleUploadedFile(f"{titulo[:60]}.pdf", pdf, "application/pdf")
                documento.save()
                resultado.anotar(f"Archivo generado para el documento: {titulo}")
            continue
        if fecha:
            publicar_desde = min(_a_las(fecha + timedelta(days=1), 10), ctx.ahora - timedelta(days=1 + indice % 3))
        else:
            publicar_desde = None
        autor = ctx.usuarios.get("funcionario" if estado == Estado.BORRADOR else "comite")
        pdf = _pdf_de(titulo, tipo, numero, fecha, dependencia, descripcion)
        documento = Documento.objects.create(
            titulo=titulo,
            tipo=tipo,
            numero=numero,
            fecha_expedicion=fecha,
            descripcion=descripcion,
            archivo=SimpleUploadedFile(f"{titulo[:60]}.pdf", pdf, "application/pdf"),
            dependencia=dependencia,
            estado=estado,
            publicar_desde=publicar_desde,
            creado_por=autor,
            modificado_por=autor,
        )
        documento.subsecciones.set([subsecciones[n] for n in numeros if n in subsecciones])
        resultado.anotar(f"Documento creado: {titulo} ({documento.get_estado_display().lower()})")


def _eventos(resultado, ctx):
    autor = ctx.usuarios.get("comite")
    for slug, titulo, dias, regla, inicio, fin, lugar, slug_dependencia, descripcion in EVENTOS:
        if Evento.objects.filter(slug=slug).exists():
            continue
        dia = _correr(ctx.hoy + timedelta(days=dias), regla)
        evento = Evento.objects.create(
            slug=slug,
            titulo=titulo,
            inicio=_a_las(dia, *inicio),
            fin=_a_las(dia, *fin),
            lugar=lugar,
            descripcion=_html(descripcion),
            dependencia=ctx.dependencia(slug_dependencia),
            estado=Estado.PUBLICADO,
            publicar_desde=_a_las(min(dia, ctx.hoy) - timedelta(days=4), 8),
            creado_por=autor,
            modificado_por=autor,
        )
        resultado.anotar(f"Evento creado: {evento.titulo} ({_fecha_larga(dia)})")


def _directorio(resultado, ctx):
    for slug, nombre, correo, extension, cargo in FUNCIONARIOS:
        dependencia = ctx.dependencias.get(slug)
        if dependencia is None:
            continue
        _funcionario, creado = Funcionario.objects.get_or_create(
            usuario=None,
            dependencia=dependencia,
            nombre=nombre,
            defaults={
                "cargo": cargo or dependencia.cargo_responsable or "Jefe de dependencia",
                "correo": f"{correo}@demo.invalid",
                "telefono": f"Ext. {extension}",
                "orden": 1 if cargo is None else 2,
            },
        )
        if creado:
            resultado.anotar(f"Funcionario del directorio creado: {nombre} ({dependencia})")
    for orden, (tipo, nombre, descripcion, sitio_web, direccion) in enumerate(ENTIDADES, start=1):
        _entidad, creada = EntidadDirectorio.objects.get_or_create(
            tipo=tipo,
            nombre=nombre,
            defaults={"descripcion": descripcion, "sitio_web": sitio_web, "direccion": direccion, "orden": orden},
        )
        if creada:
            resultado.anotar(f"Entidad del directorio creada: {nombre}")


def cargar_contenidos(resultado, contrasena):
    ctx = _Contexto()
    if not ctx.dependencias:
        resultado.anotar("Sin dependencias: no se cargaron noticias, documentos ni eventos de demostración.")
        return
    categorias = _categorias(resultado)
    _noticias(resultado, ctx, categorias)
    _secciones(resultado, ctx)
    _documentos(resultado, ctx)
    _eventos(resultado, ctx)
    _directorio(resultado, ctx)


registrar(cargar_contenidos, orden=20)
