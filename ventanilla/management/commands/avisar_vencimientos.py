"""Warn officials of PQRSD due in 3 business days or overdue (the worker also does it every day at 7:00)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from ventanilla import services


class Command(BaseCommand):
    help = "Avisa por correo a los responsables de las PQRSD que vencen en 3 días hábiles o que vencieron."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Solo cuenta; no escribe ni envía nada.")

    def handle(self, *args, dry_run=False, verbosity=1, **opciones):
        with transaction.atomic():
            avisados = services.avisar_vencimientos()
            if dry_run:
                transaction.set_rollback(True)
        if verbosity:
            verbo = "se avisarían" if dry_run else "avisados"
            self.stdout.write(f"Radicados {verbo}: {avisados}.")
