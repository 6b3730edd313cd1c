from django.contrib.admin import AdminSite
from django.core import checks
from django.utils.translation import gettext_lazy as _

from . import auditoria, roles
from .models import Municipio


class PortalAdminSite(AdminSite):
    """The back office, titled with the municipality's name read from its identity record."""

    site_title = _("Administración del portal")
    index_title = _("Administración del portal")

    def each_context(self, request):
        context = super().each_context(request)
        municipio = Municipio.objects.actual()
        context["site_header"] = municipio.entidad
        context["site_title"] = _("Administración — %(nombre)s") % {"nombre": municipio.nombre}
        context["site_url"] = "/"
        context["ve_tablero_gelt"] = request.user.is_authenticated and roles.es_del_comite(request.user)
        return context

    def check(self, app_configs):
        """Django's checks of every ModelAdmin, plus: each one records to the audit log."""
        errores = super().check(app_configs)
        for modelo in auditoria.modelos_sin_auditoria(self):
            if app_configs is None or modelo._meta.app_config in app_configs:
                errores.append(
                    checks.Error(
                        f"The ModelAdmin of {modelo._meta.label} does not record to the audit log.",
                        hint="Make it inherit from portal.auditoria.AuditadoAdmin (or AuditadoMixin).",
                        obj=type(self.get_model_admin(modelo)),
                        id="portal.E001",
                    )
                )
        return errores
