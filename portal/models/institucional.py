"""Institutional information: the municipality (/municipio/) and the mayor's office (/alcaldia/)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .. import rutas
from ..archivos import ruta_archivo_publico, validar_documento
from .identidad import URLField
from .noticias import ConImagenMixin
from .publicacion import Publicable
from .texto import TextoEnriquecido


class SeccionInstitucional(ConImagenMixin, Publicable):
    """A section of /municipio/ or /alcaldia/, in the publication workflow: the public sees its published text
    while a revision is edited, like any other publishable content."""

    class Pagina(models.TextChoices):
        MUNICIPIO = "municipio", _("Nuestro municipio")
        ALCALDIA = "alcaldia", _("La alcaldía")

    pagina = models.CharField(_("página"), max_length=20, choices=Pagina.choices)
    clave = models.SlugField(_("ancla"), max_length=60, help_text=_("Identificador dentro de la página."))
    titulo = models.CharField(_("título"), max_length=150)
    contenido = TextoEnriquecido(_("contenido"), blank=True)
    documento = models.FileField(
        _("documento"),
        upload_to=ruta_archivo_publico,
        validators=[validar_documento],
        blank=True,
        help_text=_("Opcional: por ejemplo el organigrama o el plan de desarrollo en PDF."),
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    actualizado = models.DateTimeField(_("última actualización"), auto_now=True)

    class Meta(Publicable.Meta):
        ordering = ["pagina", "orden"]
        verbose_name = _("sección institucional")
        verbose_name_plural = _("secciones institucionales")
        permissions = [
            ("publicar_seccioninstitucional", _("Puede publicar, archivar y devolver secciones institucionales"))
        ]
        # The shared name ("portal_seccioninstitucional_vigente") is longer than the 30 characters allowed.
        indexes = [models.Index(fields=["estado", "-publicar_desde"], name="portal_seccion_inst_vigente")]
        constraints = [
            *Publicable.Meta.constraints,
            # One live section per anchor; its revision (a row with revision_de) carries the same page and anchor.
            models.UniqueConstraint(
                fields=["pagina", "clave"], condition=Q(revision_de__isnull=True), name="seccion_institucional_unica"
            ),
        ]

    def __str__(self):
        return f"{self.get_pagina_display()}: {self.titulo}"

    def get_absolute_url(self):
        return rutas.url(f"portal:{self.pagina}") + f"#{self.clave}"

    @property
    def tiene_contenido(self):
        return bool(self.contenido or self.imagen or self.documento)


class EntidadDirectorio(models.Model):
    """Directories 1.6 and 1.7 of the transparency menu: related entities and associations."""

    class Tipo(models.TextChoices):
        ENTIDAD = "entidad", _("Entidad")
        AGREMIACION = "agremiacion", _("Agremiación o asociación")

    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices)
    nombre = models.CharField(_("nombre"), max_length=200)
    descripcion = models.CharField(_("descripción"), max_length=300, blank=True)
    sitio_web = URLField(_("sitio web"), blank=True)
    telefono = models.CharField(_("teléfono"), max_length=40, blank=True)
    correo = models.EmailField(_("correo"), blank=True)
    direccion = models.CharField(_("dirección"), max_length=200, blank=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["tipo", "orden", "nombre"]
        verbose_name = _("entidad o agremiación del directorio")
        verbose_name_plural = _("directorio de entidades y agremiaciones")

    def __str__(self):
        return self.nombre
