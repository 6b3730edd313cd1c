"""Store the value and status of every indicator of the plan in force for the current period.

Idempotent: running it again in the same period updates that period's row instead of adding one. Meant for
a monthly cron job, so the dashboard shows trends even for values computed live:

    0 6 1 * *  cd /srv/portal && .venv/bin/python manage.py gelt_instantanea
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from gelt import tablero


class Command(BaseCommand):
    help = "Guarda una instantánea de cada indicador del plan vigente para el periodo actual."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Calcula sin guardar.")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        with transaction.atomic():
            total = tablero.tomar_instantaneas()
            if dry_run:
                transaction.set_rollback(True)
        if verbosity:
            accion = "Se calcularían" if dry_run else "Guardadas"
            self.stdout.write(self.style.SUCCESS(f"{accion} {total} instantáneas de indicadores."))
