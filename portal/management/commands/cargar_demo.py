"""Load the demo content: dependencias marked as demo and the demo users admin, funcionario and comite.

Idempotent: a second run changes nothing, except the passwords when --password is given. Refuses to run
with DEBUG off unless --force, so a production database does not get demo users by accident.

    python manage.py cargar_demo [--password P] [--dry-run] [--force]
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import demo


@dataclass
class Contrasena:
    valor: str
    nueva: bool  # given with --password: also applied to users that already exist


class Command(BaseCommand):
    help = "Carga el contenido de demostración y los usuarios demo (admin, funcionario, comite)."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Contraseña de los usuarios demo (si falta, se genera una).")
        parser.add_argument("--dry-run", action="store_true", help="Muestra lo que haría sin guardar nada.")
        parser.add_argument("--force", action="store_true", help="Permite ejecutarlo con DEBUG desactivado.")

    def handle(self, *args, password=None, dry_run=False, force=False, verbosity=1, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG está desactivado (modo producción): cargar_demo crearía usuarios de demostración. "
                "Si de verdad lo quiere, repita con --force."
            )
        if password:
            try:
                validate_password(password)
            except ValidationError as error:
                raise CommandError("La contraseña no es segura: " + " ".join(error.messages)) from error
            contrasena = Contrasena(password, nueva=True)
        else:
            contrasena = Contrasena(secrets.token_urlsafe(12), nueva=False)

        resultado = demo.Resultado()
        with transaction.atomic():
            for cargador in demo.cargadores():
                cargador(resultado, contrasena)
            if dry_run:
                transaction.set_rollback(True)

        if verbosity >= 2 or dry_run:
            for linea in resultado.lineas:
                self.stdout.write(f"  {linea}")
        creados = [linea for linea in resultado.lineas if linea.startswith("Usuario creado")]
        prefijo = "[simulación, nada se guardó] " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(f"{prefijo}Contenido de demostración listo ({len(resultado.lineas)} cambios).")
        )
        for aviso in resultado.avisos:
            self.stdout.write(aviso)
        if creados or contrasena.nueva:
            self.stdout.write(
                f"Usuarios demo: admin, funcionario, comite — contraseña: {contrasena.valor}\n"
                f"Ingrese en /{settings.ADMIN_URL}"
            )
        elif verbosity >= 1:
            self.stdout.write(
                "Los usuarios demo ya existían y conservan su contraseña (use --password para cambiarla)."
            )
