"""The transparency menu of Resolución 1519 de 2020 (Anexo 2), numbered as the norm numbers it."""

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .. import rutas
from .texto import TextoEnriquecido


class SeccionTransparencia(models.Model):
    numero = models.PositiveSmallIntegerField(_("número"), unique=True)
    titulo = models.CharField(_("título"), max_length=200)
    slug = models.SlugField(_("identificador en la dirección web"), max_length=220, unique=True)

    class Meta:
        ordering = ["numero"]
        verbose_name = _("sección de transparencia")
        verbose_name_plural = _("secciones de transparencia")

    def __str__(self):
        return f"{self.numero}. {self.titulo}"


class SubseccionTransparencia(models.Model):
    seccion = models.ForeignKey(
        SeccionTransparencia, on_delete=models.CASCADE, related_name="subsecciones", verbose_name=_("sección")
    )
    numero = models.CharField(_("número"), max_length=10, help_text=_("Como lo numera la norma, por ejemplo 1.4."))
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    titulo = models.CharField(_("título"), max_length=250)
    slug = models.SlugField(_("identificador en la dirección web"), max_length=260, unique=True)
    descripcion = models.TextField(_("qué se publica aquí"), blank=True)
    contenido = TextoEnriquecido(_("contenido"), blank=True)
    ruta = models.CharField(
        _("página del portal que la cubre"),
        max_length=100,
        blank=True,
        help_text=_("Nombre interno de la ruta (por ejemplo «portal:directorio»); lo define el equipo técnico."),
    )
    actualizado = models.DateTimeField(_("última actualización"), auto_now=True)

    class Meta:
        ordering = ["seccion__numero", "orden"]
        verbose_name = _("subsección de transparencia")
        verbose_name_plural = _("subsecciones de transparencia")

    def __str__(self):
        return f"{self.numero} {self.titulo}"

    def get_absolute_url(self):
        return rutas.url("portal:subseccion_transparencia", slug=self.slug)

    @property
    def url_pagina(self):
        """The portal page covering this subsection, or "" while that page does not exist yet."""
        if not self.ruta:
            return ""
        nombre, _sep, ancla = self.ruta.partition("#")
        try:
            return reverse(nombre) + (f"#{ancla}" if ancla else "")
        except NoReverseMatch:
            return ""
