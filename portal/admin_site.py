from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy as _

from . import roles
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
