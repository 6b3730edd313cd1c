"""Import trámites or servicios from a CSV or Excel (.xlsx) file filled in with the import template.

All or nothing: if any row has an error nothing is saved, and the command lists every error (row, column,
reason) and exits with a non-zero status. New fichas are created as drafts; existing ones (same SUIT code,
or same slug) are updated and keep their state. The template comes from the admin ("Importar desde CSV o
Excel") or from ``portal.fichas.importacion.plantilla_xlsx``.

    python manage.py importar_fichas FILE --tipo tramite|servicio [--usuario USERNAME] [--dry-run]
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal import registro
from portal.fichas import importacion


class Command(BaseCommand):
    help = "Importa trámites o servicios desde un archivo CSV o Excel (.xlsx); si hay un error no guarda nada."

    def add_arguments(self, parser):
        parser.add_argument("archivo", help="Ruta del archivo CSV o .xlsx.")
        # The ficha apps register their model (tramite, servicio) from their AppConfig.ready().
        parser.add_argument(
            "--tipo", required=True, choices=sorted(registro.modelos_de_ficha()), help="Qué se importa."
        )
        parser.add_argument(
            "--usuario", help="Nombre de usuario que queda como autor de los cambios (y cuyos permisos se aplican)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Valida y muestra lo que haría, sin guardar nada.")

    def handle(self, *args, archivo, tipo, usuario=None, dry_run=False, verbosity=1, **options):
        modelo = registro.modelos_de_ficha()[tipo]
        autor = None
        if usuario:
            try:
                autor = get_user_model().objects.get(username=usuario)
            except get_user_model().DoesNotExist:
                raise CommandError(f"No existe el usuario «{usuario}».") from None
        try:
            informe = importacion.importar(archivo, modelo=modelo, usuario=autor, simular=dry_run)
        except OSError as error:
            raise CommandError(f"No se pudo abrir el archivo «{archivo}»: {error.strerror or error}") from error

        if not informe.ok:
            lineas = "\n".join(f"  {error}" for error in informe.errores)
            raise CommandError(
                f"El archivo tiene {len(informe.errores)} error(es); no se guardó nada. Corríjalos e intente de "
                f"nuevo:\n{lineas}"
            )

        if verbosity >= 2 or (dry_run and verbosity >= 1):
            for nombre in informe.creadas:
                self.stdout.write(f"  {'Se crearía' if dry_run else 'Creada'}: {nombre}")
            for nombre in informe.actualizadas:
                self.stdout.write(f"  {'Se actualizaría' if dry_run else 'Actualizada'}: {nombre}")
        if verbosity >= 1:
            plural = modelo._meta.verbose_name_plural
            if dry_run:
                mensaje = (
                    f"[simulación, nada se guardó] El archivo está bien: se crearían {len(informe.creadas)} y se "
                    f"actualizarían {len(informe.actualizadas)} {plural}."
                )
            else:
                mensaje = (
                    f"Importación terminada: {len(informe.creadas)} {plural} creados (en borrador) y "
                    f"{len(informe.actualizadas)} actualizados."
                )
            self.stdout.write(self.style.SUCCESS(mensaje))
