"""Admin of the read-only daily visit counts (the campaigns' admin is in participa).

The visitors' daily codes and the daily keys are deliberately not in the admin: nobody needs to see them,
and the key of the day is what would allow recomputing a code.
"""

from django.contrib import admin

from .auditoria import AuditadoAdmin, SoloLecturaMixin
from .models import VisitaDiaria


@admin.register(VisitaDiaria)
class VisitaDiariaAdmin(SoloLecturaMixin, AuditadoAdmin):
    """Read-only counts: page views per day, page, referring site, campaign and kind of device."""

    list_display = ["dia", "ruta", "referente", "campana", "dispositivo", "vistas"]
    list_filter = ["dispositivo", "dia"]
    search_fields = ["ruta", "referente", "campana"]
    date_hierarchy = "dia"
    ordering = ["-dia", "-vistas"]
    show_full_result_count = False
