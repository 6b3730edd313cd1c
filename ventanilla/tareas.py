"""Background jobs of the ventanilla, run by `manage.py trabajador`: the daily deadline sweep."""

from datetime import time

from django_tasks import task

from portal.tareas import registrar_periodica


@task
def vencimientos_avisar():
    """Warn the officials of radicados due in 3 business days or overdue since the last business day, and
    forget the per-connection counts older than two days. Safe to run twice a day: each warning is recorded
    once per due date."""
    from . import limites, services

    services.avisar_vencimientos()
    limites.limpiar()


def registrar():
    # 7:00, before the offices open, so the day starts with the warnings in the inbox.
    registrar_periodica("ventanilla.vencimientos", vencimientos_avisar, a_las=time(7, 0))
