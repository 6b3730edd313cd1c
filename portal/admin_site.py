from django.contrib.admin import AdminSite
from django.core import checks
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import auditoria, roles, trabajo
from .models import Municipio


class PortalAdminSite(AdminSite):
    """The back office, titled with the municipality's name read from its identity record."""

    site_title = _("Administración del portal")
    index_title = _("Mi trabajo")
    index_template = "admin/mi_trabajo.html"

    def each_context(self, request):
        context = super().each_context(request)
        municipio = Municipio.objects.actual()
        context["site_header"] = municipio.entidad
        context["site_title"] = _("Administración — %(nombre)s") % {"nombre": municipio.nombre}
        context["site_url"] = "/"
        context["ve_tablero_gelt"] = request.user.is_authenticated and roles.es_del_comite(request.user)
        return context

    def index(self, request, extra_context=None):
        """The start page is «Mi trabajo» (``portal.trabajo``), with the list of sections below it."""
        contexto = {"trabajo": trabajo.mi_trabajo(request.user), **(extra_context or {})}
        return super().index(request, contexto)

    def get_app_list(self, request, app_label=None):
        """The menu says how many items of each publishable model wait for review ("Noticias (2 en revisión)")."""
        app_list = super().get_app_list(request, app_label)
        if not request.user.is_active or not request.user.is_staff:
            return app_list
        modelos = [
            m for m in trabajo.modelos_publicables(self) if m._meta.app_label in {a["app_label"] for a in app_list}
        ]
        conteos = trabajo.conteos_en_revision(request.user, modelos) if modelos else {}
        for app in app_list:
            for modelo in app["models"]:
                n = conteos.get(modelo["model"]._meta.label)
                if n:
                    texto = ngettext("%(n)d en revisión", "%(n)d en revisión", n) % {"n": n}
                    modelo["name"] = f"{modelo['name']} ({texto})"
        return app_list

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
