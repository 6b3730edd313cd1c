"""The background jobs in the admin, read-only: what is queued, what is waiting for a new attempt (with the error
of the last one) and what failed for good, with its traceback.

django-tasks-db registers an English admin of its own for ``DBTaskResult``; it is replaced by this one over the
proxy ``TareaEnCola`` (Spanish names, the portal's permission ``view_tareaencola``, granted only to the
"Administrador del portal" group by migration 0018). The job's arguments are left out on purpose: a mail job
carries the message and its recipients, personal data that administrators have no need to browse.
"""

from django.contrib import admin
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks_db import admin as admin_de_django_tasks_db
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from .auditoria import AuditadoAdmin, SoloLecturaMixin
from .models import TareaEnCola

# Importing django-tasks-db's admin module registered its ModelAdmin (whatever the order of INSTALLED_APPS).
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
del admin_de_django_tasks_db

Estado = TaskResultStatus
# READY with the traceback of an earlier attempt: a failed job waiting for its next attempt.
_CON_ERROR = Q(status=Estado.READY) & ~Q(traceback="")

ESTADOS = {
    "en_cola": (_("En cola"), Q(status=Estado.READY, traceback="")),
    "reintento": (_("Falló; se reintentará"), _CON_ERROR),
    "en_curso": (_("En curso"), Q(status=Estado.RUNNING)),
    "fallida": (_("Falló definitivamente"), Q(status=Estado.FAILED)),
    "terminada": (_("Terminada"), Q(status=Estado.SUCCESSFUL)),
}


class EstadoFilter(admin.SimpleListFilter):
    title = _("estado")
    parameter_name = "estado"

    def lookups(self, request, model_admin):
        return [(clave, etiqueta) for clave, (etiqueta, _condicion) in ESTADOS.items()]

    def queryset(self, request, queryset):
        if self.value() in ESTADOS:
            return queryset.filter(ESTADOS[self.value()][1])
        return queryset


def estado_de(tarea):
    """The label of ``ESTADOS`` whose condition the row meets."""
    if tarea.status == Estado.READY:
        return ESTADOS["reintento" if tarea.traceback else "en_cola"][0]
    clave = {Estado.RUNNING: "en_curso", Estado.FAILED: "fallida", Estado.SUCCESSFUL: "terminada"}[tarea.status]
    return ESTADOS[clave][0]


@admin.register(TareaEnCola)
class TareaEnColaAdmin(SoloLecturaMixin, AuditadoAdmin):
    list_display = ["tarea", "estado", "intentos", "encolada", "proximo_intento", "terminada"]
    list_filter = [EstadoFilter]
    search_fields = ["task_path"]
    ordering = ["-enqueued_at"]
    fields = readonly_fields = [
        "tarea",
        "estado",
        "intentos",
        "encolada",
        "iniciada",
        "terminada",
        "proximo_intento",
        "trabajadores",
        "error",
        "traza",
        "resultado",
    ]

    @admin.display(description=_("tarea"), ordering="task_path")
    def tarea(self, tarea):
        return tarea.task_name

    @admin.display(description=_("estado"), ordering="status")
    def estado(self, tarea):
        return estado_de(tarea)

    @admin.display(description=_("intentos"))
    def intentos(self, tarea):
        return len(tarea.worker_ids)

    @admin.display(description=_("encolada"), ordering="enqueued_at")
    def encolada(self, tarea):
        return tarea.enqueued_at

    @admin.display(description=_("último inicio"), ordering="started_at")
    def iniciada(self, tarea):
        return tarea.started_at

    @admin.display(description=_("terminó o falló"), ordering="finished_at")
    def terminada(self, tarea):
        return tarea.finished_at

    @admin.display(description=_("próximo intento"))
    def proximo_intento(self, tarea):
        if tarea.status != Estado.READY:
            return None
        return _("en cuanto haya un trabajador libre") if tarea.run_after == get_date_max() else tarea.run_after

    @admin.display(description=_("trabajadores (uno por intento)"))
    def trabajadores(self, tarea):
        return ", ".join(tarea.worker_ids)

    @admin.display(description=_("error"))
    def error(self, tarea):
        return tarea.exception_class_path

    @admin.display(description=_("traza del error"))
    def traza(self, tarea):
        return format_html("<pre>{}</pre>", tarea.traceback) if tarea.traceback else None

    @admin.display(description=_("resultado"))
    def resultado(self, tarea):
        return tarea.return_value if tarea.status == Estado.SUCCESSFUL else None
