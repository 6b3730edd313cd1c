from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Portal: contenidos, transparencia e identidad")

    def ready(self):
        from .fuentes_busqueda import registrar_fuentes
        from .sitemaps import registrar_sitemaps

        registrar_fuentes()
        registrar_sitemaps()


class PortalAdminConfig(AdminConfig):
    """The Django admin with the portal's own site (titled with the municipality's name)."""

    default_site = "portal.admin_site.PortalAdminSite"
