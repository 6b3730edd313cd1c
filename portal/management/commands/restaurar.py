"""Restore the database and the uploaded media from an archive made by `respaldar`.

Everything the portal has now is replaced: it asks for confirmation unless --force.

    python manage.py restaurar respaldos/respaldo-AAAAMMDD-HHMMSS.tar.gz [--force]
"""

from django.core.management.base import BaseCommand, CommandError

from portal import respaldos


class Command(BaseCommand):
    help = "Restaura la base de datos y los archivos subidos desde un respaldo."

    def add_arguments(self, parser):
        parser.add_argument("archivo", help="El .tar.gz creado por «respaldar».")
        parser.add_argument("--force", action="store_true", help="No pide confirmación.")

    def handle(self, *args, archivo, force=False, verbosity=1, **options):
        if not force:
            respuesta = input("Esto reemplaza la base de datos y los archivos actuales. Escriba «sí» para seguir: ")
            if respuesta.strip().lower() not in {"sí", "si"}:
                raise CommandError("Restauración cancelada: no se cambió nada.")
        try:
            manifiesto = respaldos.restaurar(archivo)
        except (OSError, ValueError) as error:
            raise CommandError(f"No se pudo restaurar: {error}") from error
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Restaurado el respaldo del {manifiesto['fecha']}."))
