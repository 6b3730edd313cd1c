from django.db import models
from django.utils.translation import gettext_lazy as _


class SituacionDeVida(models.Model):
    """A life situation ("Tengo un negocio", "Construir o mejorar mi vivienda") used to find fichas."""

    nombre = models.CharField(_("nombre"), max_length=120, unique=True)
    slug = models.SlugField(_("identificador en la dirección web"), max_length=130, unique=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden", "nombre"]
        verbose_name = _("situación de vida")
        verbose_name_plural = _("situaciones de vida")

    def __str__(self):
        return self.nombre
