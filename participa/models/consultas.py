"""Consultations of draft norms (CPACA art. 8 num. 8): the draft in articles, the comments on the whole text or
on one article, their moderation and the answer to each one, and the final version of the norm.

A consultation is a ``Publicable`` (officials of its dependencia draft it, the committee publishes it). Whether
it is open is computed from its dates, never stored: the page changes at ``cierra`` by itself (see
``consultas_registro``, which tells the page cache that moment).
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.archivos import ruta_archivo_publico, validar_documento
from portal.models.publicacion import Publicable, PublicableQuerySet

__all__ = ["Articulo", "Comentario", "Consulta"]

DIAS_MINIMOS = 15


def _cierre_por_defecto():
    return timezone.now() + timedelta(days=DIAS_MINIMOS)


class ConsultaQuerySet(PublicableQuerySet):
    def abiertas(self, ahora=None):
        ahora = ahora or timezone.now()
        return self.vigentes(ahora).filter(abre__lte=ahora, cierra__gt=ahora)

    def cerradas(self, ahora=None):
        ahora = ahora or timezone.now()
        return self.vigentes(ahora).filter(cierra__lte=ahora)


class Consulta(Publicable):
    class Tipo(models.TextChoices):
        ACUERDO = "acuerdo", _("Proyecto de acuerdo")
        DECRETO = "decreto", _("Proyecto de decreto")
        RESOLUCION = "resolucion", _("Proyecto de resolución")
        PLAN = "plan", _("Proyecto de plan")

    titulo = models.CharField(_("título"), max_length=250)
    slug = models.SlugField(_("dirección (slug)"), max_length=120, unique=True)
    tipo = models.CharField(_("tipo de norma"), max_length=20, choices=Tipo.choices, default=Tipo.ACUERDO)
    objeto = models.TextField(
        _("objeto y razones"),
        help_text=_("Para qué sirve la norma y por qué se propone, en palabras sencillas."),
    )
    documento = models.FileField(
        _("proyecto en PDF"),
        upload_to=ruta_archivo_publico,
        validators=[validar_documento],
        blank=True,
        help_text=_("El proyecto completo, tal como se publica para comentarios (PDF)."),
    )
    abre = models.DateTimeField(_("abre para comentarios"), default=timezone.now)
    cierra = models.DateTimeField(
        _("cierra para comentarios"),
        default=_cierre_por_defecto,
        help_text=_("Al menos 15 días calendario después de abrir (Decreto 1081 de 2015, como buena práctica)."),
    )
    razon_plazo_corto = models.TextField(
        _("razón de un plazo menor a 15 días"),
        blank=True,
        help_text=_("Solo si el plazo es menor de 15 días: la razón se publica con la consulta."),
    )
    # After closing: what was done with the comments.
    respuestas_publicadas_en = models.DateTimeField(
        _("matriz de respuestas publicada el"), null=True, blank=True, editable=False
    )
    resumen_de_cambios = models.TextField(
        _("qué cambió en la versión final"),
        blank=True,
        help_text=_("Los cambios al proyecto que resultaron de los comentarios y del análisis de la dependencia."),
    )
    texto_final = models.TextField(_("texto de la versión final"), blank=True)
    documento_final = models.FileField(
        _("versión final en PDF"),
        upload_to=ruta_archivo_publico,
        validators=[validar_documento],
        blank=True,
    )

    objects = ConsultaQuerySet.as_manager()
    # People comment on the text as published: it never changes through a revision (whose publication would
    # replace the articles their comments point to). Before it opens, the committee corrects it in place; after
    # closing, the dependencia writes the final version on the consultation itself.
    admite_revisiones = False

    class Meta(Publicable.Meta):
        ordering = ["-abre"]
        verbose_name = _("consulta de un proyecto de norma")
        verbose_name_plural = _("consultas de proyectos de normas")
        permissions = [("publicar_consulta", _("Puede publicar, archivar y devolver consultas"))]

    def __str__(self):
        return self.titulo

    def get_absolute_url(self):
        return reverse("participa:consulta", args=[self.slug])

    def clean(self):
        super().clean()
        if self.abre and self.cierra:
            if self.cierra <= self.abre:
                raise ValidationError({"cierra": _("Debe ser posterior a la apertura.")})
            if self.cierra - self.abre < timedelta(days=DIAS_MINIMOS) and not self.razon_plazo_corto.strip():
                raise ValidationError(
                    {
                        "razon_plazo_corto": _(
                            "El plazo es menor de 15 días calendario: escriba la razón (se publica con la consulta)."
                        )
                    }
                )

    def faltantes_para_publicar(self):
        faltan = []
        if not self.objeto.strip():
            faltan.append(_("el objeto y las razones"))
        if self.pk and not self.articulos.exists():
            faltan.append(_("al menos un artículo"))
        return faltan

    def esta_abierta(self, ahora=None):
        ahora = ahora or timezone.now()
        return self.esta_vigente and self.abre <= ahora < self.cierra

    def esta_cerrada(self, ahora=None):
        return self.cierra <= (ahora or timezone.now())

    @property
    def dias_de_plazo(self):
        return (self.cierra - self.abre).days


class Articulo(models.Model):
    consulta = models.ForeignKey(Consulta, on_delete=models.CASCADE, related_name="articulos")
    orden = models.PositiveSmallIntegerField(_("orden"), default=1)
    encabezado = models.CharField(
        _("encabezado"), max_length=200, help_text=_("Por ejemplo «Artículo 1. Objeto» o «Considerandos».")
    )
    texto = models.TextField(_("texto"))

    class Meta:
        ordering = ["consulta", "orden", "pk"]
        verbose_name = _("artículo o sección")
        verbose_name_plural = _("artículos o secciones")

    def __str__(self):
        return self.encabezado

    @property
    def ancla(self):
        return f"articulo-{self.pk}"


class Comentario(models.Model):
    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Por moderar")
        PUBLICADO = "publicado", _("Publicado")
        RECHAZADO = "rechazado", _("Rechazado")

    class Sentido(models.TextChoices):
        ACOGIDO = "acogido", _("Acogido")
        PARCIAL = "parcial", _("Acogido parcialmente")
        NO_ACOGIDO = "no_acogido", _("No acogido")

    class Autor(models.TextChoices):
        PERSONA = "persona", _("Una persona")
        ORGANIZACION = "organizacion", _("Una organización")

    consulta = models.ForeignKey(Consulta, on_delete=models.PROTECT, related_name="comentarios")
    articulo = models.ForeignKey(
        Articulo,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comentarios",
        verbose_name=_("artículo"),
        help_text=_("Vacío: comenta el texto completo."),
    )
    tipo_autor = models.CharField(_("quién comenta"), max_length=20, choices=Autor.choices, default=Autor.PERSONA)
    nombre = models.CharField(_("nombre"), max_length=200)
    correo = models.EmailField(_("correo electrónico"), max_length=254)
    organizacion = models.CharField(_("organización"), max_length=200, blank=True)
    nit = models.CharField(_("NIT"), max_length=20, blank=True)
    publicar_nombre = models.BooleanField(_("acepta que se publique su nombre"), default=False)
    texto = models.TextField(_("comentario"))
    huella = models.CharField(max_length=64, editable=False)
    recibido = models.DateTimeField(_("recibido"), default=timezone.now, db_index=True)

    estado = models.CharField(
        _("estado"), max_length=20, choices=Estado.choices, default=Estado.PENDIENTE, db_index=True
    )
    motivo_rechazo = models.TextField(_("motivo del rechazo"), blank=True)
    moderado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    moderado_en = models.DateTimeField(_("moderado el"), null=True, blank=True, editable=False)

    sentido = models.CharField(_("decisión"), max_length=20, choices=Sentido.choices, blank=True)
    respuesta = models.TextField(_("respuesta de la dependencia"), blank=True)
    respondido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    respondido_en = models.DateTimeField(_("respondido el"), null=True, blank=True, editable=False)
    notificado_en = models.DateTimeField(_("respuesta enviada por correo el"), null=True, blank=True, editable=False)

    # Personal data: never in the public pages, the exports, the search or the audit log's values.
    campos_personales = ("nombre", "correo", "nit")

    class Meta:
        ordering = ["recibido", "pk"]
        verbose_name = _("comentario")
        verbose_name_plural = _("comentarios")
        constraints = [
            models.UniqueConstraint(fields=["consulta", "huella"], name="comentario_unico_por_persona_y_texto")
        ]
        indexes = [models.Index(fields=["consulta", "estado"], name="comentario_consulta_estado")]

    def __str__(self):
        return f"Comentario {self.pk} a «{self.consulta}»"

    @staticmethod
    def calcular_huella(correo, texto):
        """Same person (e-mail) and same text, whatever the spacing or capitals: a duplicate."""
        normal = " ".join(texto.split()).casefold()
        return hashlib.sha256(f"{correo.strip().casefold()}\n{normal}".encode()).hexdigest()

    @property
    def autor_publico(self):
        """The only name the public sees: the organisation, the person if they agreed, else «Ciudadano/a»."""
        if self.tipo_autor == self.Autor.ORGANIZACION and self.organizacion:
            return self.organizacion
        if self.publicar_nombre and self.nombre:
            return self.nombre
        return "Ciudadano/a"

    @property
    def respondido(self):
        return bool(self.sentido and self.respuesta.strip())

    @property
    def sobre(self):
        return self.articulo.encabezado if self.articulo_id else "Texto completo"
