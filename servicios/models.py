"""Servicios (otros procedimientos administrativos, OPA): done voluntarily to obtain a product or service."""

from django.utils.translation import gettext_lazy as _

from portal import rutas
from portal.fichas import models as ficha


class Servicio(ficha.Ficha):
    # A service is voluntary: the standard does not require a legal basis before publishing it.
    exige_base_legal = False

    class Meta(ficha.Ficha.Meta):
        verbose_name = _("servicio")
        verbose_name_plural = _("servicios")
        permissions = [
            ("publicar_servicio", _("Puede publicar, archivar y devolver servicios")),
            ("revisar_servicio", _("Puede marcar servicios como revisados")),
        ]

    def get_absolute_url(self):
        return rutas.url("servicios:detalle", slug=self.slug)


RequisitoServicio, PuntoAtencionServicio, NormaServicio, FormularioServicio = ficha.modelos_relacionados(Servicio)
