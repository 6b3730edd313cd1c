"""On SQLite, a full-text index (FTS5) over the search index's accent-free text, kept in step by triggers.

Without it every search read the whole table (about 45 ms for 15,000 entries, more as the portal grows). On
PostgreSQL the GIN index on ``vector`` does this job. A Python built without FTS5 (rare) keeps the slower
scan: ``portal.busqueda`` checks whether the table exists.
"""

from django.db import OperationalError, migrations

CREAR = [
    "CREATE VIRTUAL TABLE portal_entradabusqueda_fts USING fts5(titulo_plano, texto_plano, "
    "content='portal_entradabusqueda', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER portal_entradabusqueda_fts_alta AFTER INSERT ON portal_entradabusqueda BEGIN "
    "INSERT INTO portal_entradabusqueda_fts(rowid, titulo_plano, texto_plano) "
    "VALUES (new.id, new.titulo_plano, new.texto_plano); END",
    "CREATE TRIGGER portal_entradabusqueda_fts_baja AFTER DELETE ON portal_entradabusqueda BEGIN "
    "INSERT INTO portal_entradabusqueda_fts(portal_entradabusqueda_fts, rowid, titulo_plano, texto_plano) "
    "VALUES ('delete', old.id, old.titulo_plano, old.texto_plano); END",
    "CREATE TRIGGER portal_entradabusqueda_fts_cambio AFTER UPDATE ON portal_entradabusqueda BEGIN "
    "INSERT INTO portal_entradabusqueda_fts(portal_entradabusqueda_fts, rowid, titulo_plano, texto_plano) "
    "VALUES ('delete', old.id, old.titulo_plano, old.texto_plano); "
    "INSERT INTO portal_entradabusqueda_fts(rowid, titulo_plano, texto_plano) "
    "VALUES (new.id, new.titulo_plano, new.texto_plano); END",
    "INSERT INTO portal_entradabusqueda_fts(portal_entradabusqueda_fts) VALUES ('rebuild')",
]
BORRAR = [
    "DROP TRIGGER IF EXISTS portal_entradabusqueda_fts_alta",
    "DROP TRIGGER IF EXISTS portal_entradabusqueda_fts_baja",
    "DROP TRIGGER IF EXISTS portal_entradabusqueda_fts_cambio",
    "DROP TABLE IF EXISTS portal_entradabusqueda_fts",
]


def crear(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    try:
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("CREATE VIRTUAL TABLE temp.prueba_fts5 USING fts5(x)")
            cursor.execute("DROP TABLE temp.prueba_fts5")
    except OperationalError:  # SQLite built without FTS5: search scans the table instead
        return
    for sentencia in CREAR:
        schema_editor.execute(sentencia)


def borrar(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sentencia in BORRAR:
            schema_editor.execute(sentencia)


class Migration(migrations.Migration):
    dependencies = [("portal", "0016_busqueda_recientes")]

    operations = [migrations.RunPython(crear, borrar)]
