"""E-mail each responsible official what is overdue or due soon, and the committee a summary.

One message per person, never twice the same day (what was sent is recorded). The messages go to the job
queue: ``manage.py trabajador`` sends them (and retries while the mail server is down). For a daily cron job:

    0 7 * * 1-5  cd /srv/portal && .venv/bin/python manage.py gelt_recordatorios

    python manage.py gelt_recordatorios [--dry-run]
"""

from django.core.management.base import BaseCommand

from gelt import recordatorios


class Command(BaseCommand):
    help = "Envía por correo los recordatorios de canales y fichas atrasados o por vencer."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Muestra lo que enviaría, sin enviar nada.")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        mensajes = recordatorios.preparar()
        if dry_run:
            for mensaje in mensajes:
                self.stdout.write(
                    f"Para: {mensaje.destinatario}\nAsunto: {mensaje.asunto}\n\n{mensaje.cuerpo}\n{'-' * 60}"
                )
            self.stdout.write(self.style.WARNING(f"Simulación: {len(mensajes)} mensajes, ninguno enviado."))
            return
        enviados, omitidos = recordatorios.enviar(mensajes)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{len(enviados)} recordatorios en la cola de correo; {len(omitidos)} ya se habían enviado hoy."
                )
            )
