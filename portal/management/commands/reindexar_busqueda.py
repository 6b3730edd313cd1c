"""Rebuild the site-wide search index from the registered sources.

Items are indexed as they are saved; run this after a bulk import made outside the ORM's save(), after an
upgrade that changes what a source indexes, or from `make run` to be sure.

    python manage.py reindexar_busqueda [--tipo noticias --tipo tramites …]
"""

from django.core.management.base import BaseCommand

from portal import busqueda


class Command(BaseCommand):
    help = "Reconstruye el índice de búsqueda del portal."

    def add_arguments(self, parser):
        parser.add_argument("--tipo", action="append", help="Solo estos tipos (noticias, tramites, …).")

    def handle(self, *args, tipo=None, verbosity=1, **options):
        total = busqueda.reindexar(tipo)
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Índice de búsqueda reconstruido: {total} elementos."))
