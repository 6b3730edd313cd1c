from pathlib import PurePosixPath

from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import rutas
from ..archivos import ruta_documento, validar_documento
from .publicacion import Publicable


class Documento(Publicable):
    class Tipo(models.TextChoices):
        ACUERDO = "acuerdo", _("Acuerdo")
        DECRETO = "decreto", _("Decreto")
        RESOLUCION = "resolucion", _("Resolución")
        CIRCULAR = "circular", _("Circular")
        INFORME = "informe", _("Informe")
        PLAN = "plan", _("Plan")
        PRESUPUESTO = "presupuesto", _("Presupuesto")
        CONTRATO = "contrato", _("Contrato")
        ACTA = "acta", _("Acta")
        OTRO = "otro", _("Otro")

    titulo = models.CharField(_("título"), max_length=250)
    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices, default=Tipo.OTRO)
    numero = models.CharField(_("número"), max_length=40, blank=True, help_text=_("Por ejemplo «012 de 2026»."))
    fecha_expedicion = models.DateField(_("fecha de expedición"), null=True, blank=True)
    descripcion = models.TextField(_("descripción"), blank=True)
    archivo = models.FileField(
        _("archivo"),
        upload_to=ruta_documento,
        validators=[validar_documento],
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument o CSV, de hasta 20 MB."),
    )
    tamano = models.PositiveBigIntegerField(_("tamaño en bytes"), default=0, editable=False)
    subsecciones = models.ManyToManyField(
        "portal.SubseccionTransparencia",
        blank=True,
        related_name="documentos",
        verbose_name=_("subsecciones de transparencia"),
        help_text=_("Dónde aparece en el menú de Transparencia y acceso a la información pública."),
    )

    class Meta(Publicable.Meta):
        ordering = ["-publicar_desde", "-creado"]
        verbose_name = _("documento")
        verbose_name_plural = _("documentos")
        permissions = [("publicar_documento", _("Puede publicar, archivar y devolver documentos"))]

    def __str__(self):
        return self.titulo

    def save(self, *args, **kwargs):
        if self.archivo and not self.archivo._committed:  # a new upload: size known without touching storage
            self.tamano = self.archivo.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return rutas.url("portal:documento", pk=self.pk)

    @property
    def tipo_etiqueta(self):
        """What ``get_tipo_display()`` gives, without Django rebuilding and hashing every translated choice on
        each call (a tenth of a transparency page's time for 25 documents)."""
        return self.Tipo(self.tipo).label if self.tipo in self.Tipo.values else self.tipo

    @property
    def extension(self):
        return PurePosixPath(self.archivo.name).suffix.lstrip(".").upper()
