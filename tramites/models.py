"""Trámites: what a person must do, by law, to obtain a right or meet an obligation (SUIT ficha)."""

from django.utils.translation import gettext_lazy as _

from portal import rutas
from portal.fichas import models as ficha


class Tramite(ficha.Ficha):
    # A trámite exists because a norm requires it: no ficha is published without its legal basis.
    exige_base_legal = True

    class Meta(ficha.Ficha.Meta):
        verbose_name = _("trámite")
        verbose_name_plural = _("trámites")
        permissions = [
            ("publicar_tramite", _("Puede publicar, archivar y devolver trámites")),
            ("revisar_tramite", _("Puede marcar trámites como revisados")),
        ]

    def get_absolute_url(self):
        return rutas.url("tramites:detalle", slug=self.slug)


RequisitoTramite, PuntoAtencionTramite, NormaTramite, FormularioTramite = ficha.modelos_relacionados(Tramite)
