"""The job queue's rows as the portal shows them, and the schedule of periodic jobs (``portal.tareas``).

The jobs themselves are django-tasks-db's ``DBTaskResult`` rows; ``TareaEnCola`` is a proxy of it so the admin
lists them under the portal, in Spanish, with a permission of the portal's own that a data migration grants to
the administrators.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class TareaEnCola(DBTaskResult):
    class Meta:
        proxy = True
        verbose_name = _("tarea en segundo plano")
        verbose_name_plural = _("tareas en segundo plano")

    def __str__(self):
        return f"{self.task_name} ({self.enqueued_at:%d/%m/%Y %H:%M})"


class TareaPeriodica(models.Model):
    """When a periodic job registered with ``portal.tareas.registrar_periodica`` is due next.

    One row per job, shared by every worker: the one whose update moves ``proxima`` forward enqueues the job,
    so it runs once per period however many workers look at the same moment.
    """

    nombre = models.CharField(_("nombre"), max_length=100, unique=True)
    proxima = models.DateTimeField(_("próxima ejecución"))
    ultima = models.DateTimeField(_("última ejecución"), null=True, blank=True)

    class Meta:
        ordering = ["nombre"]
        verbose_name = _("tarea periódica")
        verbose_name_plural = _("tareas periódicas")

    def __str__(self):
        return self.nombre
