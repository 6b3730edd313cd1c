"""Back up the database and the uploaded media into one dated archive.

    python manage.py respaldar [--destino respaldos/]

Cron (daily, keeping 30 days):
    30 2 * * *  cd /srv/portal && .venv/bin/python manage.py respaldar --destino /srv/respaldos && \\
                find /srv/respaldos -name 'respaldo-*.tar.gz' -mtime +30 -delete
"""

from django.core.management.base import BaseCommand

from portal import respaldos


class Command(BaseCommand):
    help = "Respalda la base de datos y los archivos subidos en un archivo .tar.gz fechado."

    def add_arguments(self, parser):
        parser.add_argument("--destino", default="respaldos", help="Carpeta donde queda el respaldo.")

    def handle(self, *args, destino, verbosity=1, **options):
        archivo = respaldos.respaldar(destino)
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Respaldo creado: {archivo}"))
