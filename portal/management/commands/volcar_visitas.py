"""Move the visit counts waiting in the cache to the database (``VisitaDiaria``, ``VisitanteDiario``).

Page views are counted in the cache (Redis, shared by every node) and written in batches of one-minute
blocks; the web workers also do it by themselves at most once a minute, so this command only makes sure the
counts arrive when the site is quiet. Safe to run on several nodes at once: each block is written once.
It also deletes the daily keys of the visitors' codes older than two days. Cron, every 5 minutes:

    */5 * * * *  cd /srv/portal && .venv/bin/python manage.py volcar_visitas
"""

from django.core.management.base import BaseCommand

from portal import visitas


class Command(BaseCommand):
    help = "Pasa a la base de datos las visitas contadas en la caché y borra las claves diarias viejas."

    def handle(self, *args, verbosity=1, **options):
        resumen = visitas.volcar()
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Visitas volcadas: {resumen['vistas']} vistas y {resumen['visitantes']} visitantes nuevos "
                    f"de {resumen['bloques']} bloques de un minuto."
                )
            )
