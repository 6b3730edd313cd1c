"""Generated content at scale for the bench scripts: news, fichas, transparency documents and a year of visits.

Reproducible (fixed random seed) and written with ``bulk_create``, so 10,000 news take seconds. Never used by
the portal itself nor by ``cargar_demo``: this is load, not demo content.
"""

import random

PALABRAS = [
    "vía",
    "vereda",
    "obra",
    "alcaldía",
    "café",
    "caficultores",
    "vacunación",
    "salud",
    "colegio",
    "deporte",
    "cultura",
    "mercado",
    "campesino",
    "puente",
    "acueducto",
    "alcantarillado",
    "impuesto",
    "predial",
    "comunidad",
    "jornada",
    "rendición",
    "cuentas",
    "consejo",
    "taller",
    "biblioteca",
    "familia",
    "niñez",
    "mujer",
    "adulto",
    "mayor",
    "víctimas",
    "paz",
    "convivencia",
    "seguridad",
    "estratificación",
    "licencia",
]


def preparar_base(servidor, nombre):
    """An empty PostgreSQL database ``nombre`` on ``servidor`` (``postgres://user@host:port``), made anew."""
    import psycopg2

    conexion = psycopg2.connect(f"{servidor}/postgres")
    conexion.autocommit = True
    with conexion.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{nombre}"')
        cursor.execute(f'CREATE DATABASE "{nombre}"')
    conexion.close()


def borrar_base(servidor, nombre):
    """Drop it at the end (after closing this process's Django connections to it, if Django is set up)."""
    import psycopg2
    from django.conf import settings

    if settings.configured:
        from django.db import connections

        connections.close_all()
    conexion = psycopg2.connect(f"{servidor}/postgres")
    conexion.autocommit = True
    with conexion.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{nombre}"')
    conexion.close()


RUTAS_VISITADAS = ["/", "/noticias/", "/tramites/", "/servicios/", "/transparencia/", "/buscar/", "/atencion/"]


def llenar(n_noticias, n_fichas, documentos_por_subseccion=0, dias_de_visitas=0):
    """Fill an empty, migrated database. Returns a dict of what was created, for the bench's header line."""
    from django.db import connection
    from django.utils import timezone

    from portal.models import Categoria, Dependencia, Estado, Noticia
    from servicios.models import Servicio
    from tramites.models import Tramite

    azar = random.Random(1519)  # noqa: S311 - reproducible test data, not security
    ahora = timezone.now()
    dependencias = [Dependencia.objects.create(nombre=f"Dependencia {i}", slug=f"dependencia-{i}") for i in range(12)]

    def frase(n):
        return " ".join(azar.choice(PALABRAS) for _ in range(n))

    Noticia.objects.bulk_create(
        (
            Noticia(
                titulo=frase(8).capitalize(),
                slug=f"noticia-{i}",
                resumen=frase(25),
                cuerpo="<p>" + frase(250) + "</p>",
                dependencia=azar.choice(dependencias),
                estado=Estado.PUBLICADO,
                # One every four hours: a 10,000-news archive spans four and a half years, as a real one would
                # (all in one week, every figure "this month" counted the whole archive).
                publicar_desde=ahora - timezone.timedelta(hours=4 * i),
            )
            for i in range(n_noticias)
        ),
        batch_size=1000,
    )
    categorias = [Categoria.objects.create(nombre=f"Categoría {i}", slug=f"categoria-{i}") for i in range(8)]
    enlace = Noticia.categorias.through
    enlace.objects.bulk_create(
        (
            enlace(noticia_id=noticia_id, categoria_id=categoria.pk)
            for noticia_id in Noticia.objects.values_list("pk", flat=True)
            for categoria in azar.sample(categorias, azar.randint(0, 2))
        ),
        batch_size=2000,
    )
    nombres = ["Impuesto predial unificado", "Certificado de residencia", "Licencia de construcción", "Paz y salvo"]
    for modelo, cantidad in ((Tramite, n_fichas * 2 // 3), (Servicio, n_fichas - n_fichas * 2 // 3)):
        modelo.objects.bulk_create(
            (
                modelo(
                    nombre=nombres[i] if i < len(nombres) else frase(5).capitalize(),
                    slug=f"{modelo._meta.model_name}-{i}",
                    proposito=frase(40),
                    resultado=frase(8),
                    tiempo_cantidad=azar.randint(1, 30),  # what the ficha's validation asks for
                    costo_tipo="valor" if i % 3 == 0 else "gratuito",
                    costo_valor=azar.randint(5, 500) * 1000 if i % 3 == 0 else None,
                    dependencia=azar.choice(dependencias),
                    estado=Estado.PUBLICADO,
                    publicar_desde=ahora,
                )
                for i in range(cantidad)
            ),
            batch_size=1000,
        )
    documentos = _documentos(documentos_por_subseccion, dependencias, frase, azar, ahora)
    visitas = _visitas(dias_de_visitas, azar, ahora.date())
    if connection.vendor == "postgresql":
        # A live server's steady state: autovacuum has run (statistics, visibility maps). Otherwise it runs
        # during the measurements, on the same two cores. Nothing analyzes a real portal's SQLite file
        # (Django does not, SQLite has no autovacuum), so its bench database is left as theirs would be.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return {"noticias": n_noticias, "fichas": n_fichas, "documentos": documentos, "filas de visitas": visitas}


def indexar_busqueda():
    """Build the search index of the generated content and, on PostgreSQL, vacuum and analyze it (autovacuum
    would, a minute later: without statistics the planner guesses how common a word is). Returns how many."""
    from django.db import connection

    from portal import busqueda

    total = busqueda.reindexar()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE portal_entradabusqueda")
    return total


def _documentos(por_subseccion, dependencias, frase, azar, ahora):
    from django.utils import timezone

    from portal.models import Documento, Estado, SubseccionTransparencia

    subsecciones = list(SubseccionTransparencia.objects.all())
    creados = Documento.objects.bulk_create(
        (
            Documento(
                titulo=frase(6).capitalize(),
                tipo=azar.choice(Documento.Tipo.values),
                numero=f"{i:03d} de 2026",
                descripcion=frase(20),
                archivo=f"documentos/bench/{i}.pdf",  # only the name: lists never open the file
                tamano=azar.randint(20_000, 3_000_000),
                dependencia=azar.choice(dependencias),
                estado=Estado.PUBLICADO,
                publicar_desde=ahora - timezone.timedelta(hours=i),
            )
            for i in range(por_subseccion * len(subsecciones))
        ),
        batch_size=1000,
    )
    enlace = Documento.subsecciones.through
    enlace.objects.bulk_create(
        (
            enlace(documento_id=documento.pk, subsecciontransparencia_id=subsecciones[i % len(subsecciones)].pk)
            for i, documento in enumerate(creados)
        ),
        batch_size=2000,
    )
    return len(creados)


def _visitas(dias, azar, hoy):
    from django.utils import timezone

    from portal.models import Dispositivo, VisitaDiaria, VisitanteDiario

    filas = [
        VisitaDiaria(
            dia=hoy - timezone.timedelta(days=d), ruta=ruta, dispositivo=dispositivo, vistas=azar.randint(1, 90)
        )
        for d in range(1, dias + 1)
        for ruta in RUTAS_VISITADAS
        for dispositivo in Dispositivo.values
    ]
    VisitaDiaria.objects.bulk_create(filas, batch_size=2000)
    VisitanteDiario.objects.bulk_create(
        (
            VisitanteDiario(dia=hoy - timezone.timedelta(days=d), huella=f"{d:04d}-{v:04d}")
            for d in range(1, dias + 1)
            for v in range(azar.randint(40, 160))
        ),
        batch_size=5000,
    )
    return len(filas)
