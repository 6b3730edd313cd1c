"""Search: the GIN index of the full-text vector (PostgreSQL only), the default synonyms, and who manages
synonyms (administrators) and reads the search statistics (committee and administrators)."""

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, conceder_permisos, retirar_permisos

SINONIMOS = [
    ("predial", "impuesto predial unificado, impuesto predial"),
    ("paz y salvo", "certificado de paz y salvo"),
    ("ica", "industria y comercio, impuesto de industria y comercio"),
    ("licencia construccion", "licencia de construccion"),
    ("certificado de vecindad", "certificado de residencia"),
    ("hierro", "marcas de ganado, registro de marcas"),
    ("sepultura", "licencia de inhumacion, inhumacion"),
    ("estrato", "estratificacion, certificado de estratificacion"),
    ("pqr", "peticiones, quejas, reclamos, pqrsd"),
]

PERMISOS = {
    ADMINISTRADOR: [
        *[f"portal.{a}_sinonimo" for a in ("add", "change", "delete", "view")],
        "portal.view_consultabusqueda",
    ],
    COMITE: ["portal.view_sinonimo", "portal.view_consultabusqueda"],
}


def crear(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS entrada_busqueda_vector ON portal_entradabusqueda USING gin (vector)"
        )
    Sinonimo = apps.get_model("portal", "Sinonimo")
    for termino, equivalentes in SINONIMOS:
        Sinonimo.objects.get_or_create(termino=termino, defaults={"equivalentes": equivalentes})
    conceder_permisos(apps, PERMISOS)


def deshacer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS entrada_busqueda_vector")
    retirar_permisos(apps, PERMISOS)
    apps.get_model("portal", "Sinonimo").objects.filter(termino__in=[t for t, _ in SINONIMOS]).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0008_busqueda")]

    operations = [migrations.RunPython(crear, deshacer)]
