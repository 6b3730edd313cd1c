from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import rutas
from ..archivos import ruta_imagen
from ..imagenes import nombre_variante, validar_imagen
from .identidad import ImageField
from .publicacion import Publicable
from .texto import TextoEnriquecido


class Categoria(models.Model):
    nombre = models.CharField(_("nombre"), max_length=80, unique=True)
    slug = models.SlugField(_("identificador en la dirección web"), max_length=90, unique=True)

    class Meta:
        ordering = ["nombre"]
        verbose_name = _("categoría de noticias")
        verbose_name_plural = _("categorías de noticias")

    def __str__(self):
        return self.nombre

    def get_absolute_url(self):
        return rutas.url("portal:noticias") + f"?categoria={self.slug}"


class ConImagenMixin(models.Model):
    """A main image with its required text alternative (or an explicit decorative mark) and its renditions."""

    imagen = ImageField(
        _("imagen principal"),
        upload_to=ruta_imagen,
        blank=True,
        validators=[validar_imagen],
        help_text=_("JPG, PNG o WebP de hasta 8 MB y al menos 200 píxeles de ancho."),
    )
    imagen_alt = models.CharField(
        _("texto alternativo de la imagen"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describa lo que muestra la imagen para quien no puede verla. Obligatorio salvo si es decorativa."
        ),
    )
    imagen_decorativa = models.BooleanField(
        _("la imagen es decorativa"),
        default=False,
        help_text=_("Márquelo solo si la imagen no aporta información (los lectores de pantalla la omitirán)."),
    )
    imagen_datos = models.JSONField(_("variantes de la imagen"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.imagen and not self.imagen_decorativa and not self.imagen_alt.strip():
            raise ValidationError(
                {"imagen_alt": _("Escriba el texto alternativo de la imagen o márquela como decorativa.")}
            )

    @property
    def imagen_texto_alternativo(self):
        return "" if self.imagen_decorativa else self.imagen_alt

    @property
    def imagen_url_compartir(self):
        """The largest JPEG rendition, for social networks' previews (never the original upload)."""
        variantes = (self.imagen_datos or {}).get("variantes")
        if not self.imagen or not variantes:
            return ""
        return self.imagen.storage.url(nombre_variante(self.imagen.name, max(variantes), "jpg"))


class Noticia(ConImagenMixin, Publicable):
    titulo = models.CharField(_("título"), max_length=200)
    slug = models.SlugField(_("identificador en la dirección web"), max_length=220, unique=True)
    resumen = models.CharField(
        _("resumen"), max_length=300, help_text=_("Una o dos frases: aparece en las listas y al compartir.")
    )
    cuerpo = TextoEnriquecido(_("texto de la noticia"))
    categorias = models.ManyToManyField(Categoria, blank=True, related_name="noticias", verbose_name=_("categorías"))
    destacada = models.BooleanField(_("destacada en el inicio"), default=False)

    class Meta(Publicable.Meta):
        ordering = ["-publicar_desde", "-creado"]
        verbose_name = _("noticia")
        verbose_name_plural = _("noticias")
        permissions = [("publicar_noticia", _("Puede publicar, archivar y devolver noticias"))]
        # The home page asks for "featured first, then newest": without this it sorts every published news.
        indexes = [
            *Publicable.Meta.indexes,
            models.Index(fields=["estado", "-destacada", "-publicar_desde"], name="portal_noticia_inicio"),
        ]

    def __str__(self):
        return self.titulo

    def get_absolute_url(self):
        return rutas.url("portal:noticia", slug=self.slug)
