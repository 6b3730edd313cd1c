"""Reference data: the identity record (model defaults: El Tablón de Gómez, Nariño) and the policy pages.

The administrator edits both in the admin; nothing here is demo content.
"""

from django.db import migrations

POLITICAS = [
    {
        "slug": "terminos-y-condiciones",
        "titulo": "Términos y condiciones de uso",
        "orden": 1,
        "resumen": "Condiciones para usar este portal y su información.",
        "contenido": """Este portal es el sitio web oficial de la entidad. Al usarlo, usted acepta estos términos y condiciones.

La información publicada tiene carácter informativo y se actualiza de acuerdo con la política editorial de la entidad, en cumplimiento de la Ley 1712 de 2014 (transparencia y acceso a la información pública) y de la Resolución 1519 de 2020 del Ministerio de Tecnologías de la Información y las Comunicaciones.

Los trámites y servicios se rigen por las normas que los regulan; la información de cada uno indica su fundamento legal, sus requisitos, su costo y su tiempo de respuesta.

Usted se compromete a usar el portal de buena fe, a no intentar acceder a zonas restringidas y a no enviar contenido ilegal, ofensivo o que afecte su funcionamiento.

La entidad no responde por el contenido de los sitios externos a los que se enlaza desde este portal.

Estos términos pueden cambiar; la fecha de la última actualización aparece al comienzo de esta página.""",
    },
    {
        "slug": "tratamiento-de-datos-personales",
        "titulo": "Política de tratamiento de datos personales",
        "orden": 2,
        "resumen": "Cómo la entidad recoge, usa y protege sus datos personales (Ley 1581 de 2012).",
        "contenido": """La entidad, como responsable del tratamiento, protege los datos personales de acuerdo con la Ley 1581 de 2012 y el Decreto 1074 de 2015 (que compila el Decreto 1377 de 2013).

Finalidad: los datos que usted entrega en formularios, peticiones, encuestas o trámites se usan solo para atender su solicitud, prestar el servicio pedido, cumplir obligaciones legales y producir estadísticas sin identificar personas.

Sus derechos como titular: conocer, actualizar y rectificar sus datos; pedir prueba de la autorización; ser informado del uso que se les da; presentar quejas ante la Superintendencia de Industria y Comercio; revocar la autorización y pedir la supresión de sus datos cuando no exista un deber legal de conservarlos; y acceder gratuitamente a ellos.

Este portal no usa cookies de seguimiento ni de publicidad. Las estadísticas de visitas se calculan sin guardar direcciones IP ni identificar a las personas.

Para ejercer sus derechos escriba al correo institucional que aparece al pie de esta página o acérquese a la sede de la entidad en su horario de atención. La respuesta se dará en los plazos de la Ley 1581 de 2012: diez días hábiles para consultas y quince días hábiles para reclamos.""",
    },
    {
        "slug": "derechos-de-autor",
        "titulo": "Derechos de autor",
        "orden": 3,
        "resumen": "Condiciones para reproducir los contenidos del portal.",
        "contenido": """Los textos, imágenes y documentos de este portal son de la entidad o se publican con autorización de sus autores, y están protegidos por la Ley 23 de 1982 y las demás normas sobre derechos de autor.

La información pública puede reproducirse libremente siempre que se cite la fuente y no se altere su sentido. Los datos abiertos se publican con la licencia que indique cada conjunto de datos.

Las marcas, logotipos y escudos no pueden usarse sin autorización.""",
    },
    {
        "slug": "accesibilidad",
        "titulo": "Accesibilidad",
        "orden": 4,
        "resumen": "Compromiso con un portal usable por todas las personas (Resolución 1519 de 2020, Anexo 1).",
        "contenido": """La entidad trabaja para que este portal pueda ser usado por todas las personas, incluidas las personas con discapacidad, de acuerdo con el Anexo 1 de la Resolución 1519 de 2020, que adopta las pautas WCAG 2.1 en su nivel AA, y con la NTC 5854.

El portal funciona sin necesidad de JavaScript, se puede recorrer con el teclado (la tecla Tab lleva a cada enlace y el primero permite saltar al contenido principal), permite ampliar el texto hasta el 200 % y se adapta a pantallas pequeñas.

Las imágenes publicadas tienen un texto alternativo y los documentos indican su fecha de publicación.

Si encuentra una barrera de accesibilidad, cuéntenos por los canales de atención que aparecen al pie de esta página: díganos la dirección de la página y el problema, y le responderemos.""",
    },
]


def crear(apps, schema_editor):
    Municipio = apps.get_model("portal", "Municipio")
    Politica = apps.get_model("portal", "Politica")
    Municipio.objects.get_or_create(pk=1)
    for datos in POLITICAS:
        Politica.objects.get_or_create(slug=datos["slug"], defaults=datos)


def deshacer(apps, schema_editor):
    apps.get_model("portal", "Politica").objects.filter(slug__in=[p["slug"] for p in POLITICAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_grupos")]

    operations = [migrations.RunPython(crear, deshacer)]
