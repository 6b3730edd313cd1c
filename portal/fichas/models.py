"""Abstract models of the ficha. Each app makes them concrete (``Tramite``, ``RequisitoTramite``…)."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..archivos import ruta_archivo_publico, validar_documento
from ..models import SituacionDeVida, URLField
from ..models.publicacion import Publicable, PublicableQuerySet

MESES_ENTRE_REVISIONES = 6


class Canal(models.TextChoices):
    PRESENCIAL = "no", _("Solo presencial")
    PARCIAL = "parcial", _("Parcialmente en línea")
    TOTAL = "total", _("Totalmente en línea")


class TipoTiempo(models.TextChoices):
    INMEDIATO = "inmediato", _("Inmediato")
    HABILES = "habiles", _("Días hábiles")
    CALENDARIO = "calendario", _("Días calendario")


class TipoCosto(models.TextChoices):
    GRATUITO = "gratuito", _("Gratuito")
    VALOR = "valor", _("Valor fijo")
    FORMULA = "formula", _("Según fórmula o tarifa")


class FichaQuerySet(PublicableQuerySet):
    def publicados(self):
        return self.vigentes()

    def en_linea(self):
        return self.filter(canal__in=[Canal.PARCIAL, Canal.TOTAL])

    def automatizados(self):
        return self.filter(canal=Canal.TOTAL)

    def con_revision_vencida(self, hoy=None):
        return self.filter(revision_vence__lt=hoy or timezone.localdate())

    def con_revision_proxima(self, dias=30, hoy=None):
        hoy = hoy or timezone.localdate()
        return self.filter(revision_vence__gte=hoy, revision_vence__lte=hoy + timezone.timedelta(days=dias))


class Ficha(Publicable):
    nombre = models.CharField(_("nombre"), max_length=250, help_text=_("Como lo conoce la ciudadanía."))
    nombre_estandarizado = models.CharField(
        _("nombre estandarizado"),
        max_length=250,
        blank=True,
        help_text=_("El nombre con que figura en el SUIT (Sistema Único de Información de Trámites)."),
    )
    tambien_conocido_como = models.CharField(
        _("también conocido como"), max_length=300, blank=True, help_text=_("Otros nombres, separados por comas.")
    )
    slug = models.SlugField(_("identificador en la dirección web"), max_length=260, unique=True)
    proposito = models.TextField(_("¿Para qué sirve?"), blank=True)
    para_persona_natural = models.BooleanField(_("lo hace una persona natural"), default=True)
    para_persona_juridica = models.BooleanField(_("lo hace una persona jurídica"), default=False)
    situaciones = models.ManyToManyField(
        SituacionDeVida, blank=True, related_name="+", verbose_name=_("situaciones de vida")
    )
    canal = models.CharField(
        _("¿Se puede hacer en línea?"), max_length=10, choices=Canal.choices, default=Canal.PRESENCIAL
    )
    url_en_linea = URLField(
        _("dirección para hacerlo en línea"),
        blank=True,
        help_text=_(
            "La página donde se hace por internet (empieza por https://). "
            "Si se solicita en este portal, se llena sola."
        ),
    )
    solicitud_en_linea = models.BooleanField(
        _("se solicita en este portal"),
        default=False,
        help_text=_(
            "La ciudadanía la pide con un formulario hecho con los requisitos del momento «Al hacer la solicitud» "
            "y las preguntas de abajo; cada solicitud llega con número de radicado a la bandeja de su dependencia."
        ),
    )
    preguntas_solicitud = models.TextField(
        _("preguntas adicionales del formulario en línea"),
        blank=True,
        help_text=_(
            "Una pregunta por línea; termine con * las obligatorias. Por ejemplo: «Dirección del predio *» o "
            "«Vereda o barrio»."
        ),
    )
    resultado = models.CharField(
        _("¿Qué obtiene?"),
        max_length=300,
        blank=True,
        help_text=_("Lo que recibe la persona al final, por ejemplo «Certificado de residencia firmado»."),
    )
    tiempo_tipo = models.CharField(
        _("tiempo de respuesta"), max_length=12, choices=TipoTiempo.choices, default=TipoTiempo.HABILES
    )
    tiempo_cantidad = models.PositiveSmallIntegerField(
        _("cantidad de días"), null=True, blank=True, validators=[MaxValueValidator(365)]
    )
    tiempo_notas = models.CharField(_("notas sobre el tiempo"), max_length=300, blank=True)
    costo_tipo = models.CharField(_("costo"), max_length=10, choices=TipoCosto.choices, default=TipoCosto.GRATUITO)
    costo_valor = models.DecimalField(
        _("valor en pesos"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("En pesos colombianos, sin puntos ni signos."),
    )
    costo_formula = models.CharField(_("fórmula o tarifa"), max_length=300, blank=True)
    costo_base_legal = models.CharField(_("fundamento legal del costo"), max_length=300, blank=True)
    costo_donde_pagar = models.TextField(_("dónde y cómo pagar"), blank=True)
    seguimiento = models.TextField(_("¿Cómo hacer seguimiento?"), blank=True)
    codigo_suit = models.CharField(
        _("código SUIT"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("El número que le da el SUIT, si ya está inscrito allí."),
    )
    url_govco = URLField(_("enlace en GOV.CO"), blank=True)
    destacado = models.BooleanField(
        _("entre los más usados"), default=False, help_text=_("Aparece en los accesos rápidos del inicio.")
    )
    revisado_en = models.DateTimeField(_("última revisión"), null=True, blank=True, editable=False)
    revisado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("revisado por"),
    )
    revision_vence = models.DateField(_("próxima revisión"), null=True, blank=True, editable=False, db_index=True)

    objects = FichaQuerySet.as_manager()

    # What the standard requires before a ficha is published; the apps may add to it.
    exige_base_legal = False
    relaciones_de_revision = ("requisitos", "puntos_atencion", "normas", "formularios")

    class Meta(Publicable.Meta):
        abstract = True
        ordering = ["nombre"]
        # The catalogues list published fichas by name: the first page read off the index, not a sort of all.
        indexes = [
            *Publicable.Meta.indexes,
            models.Index(fields=["estado", "nombre"], name="%(app_label)s_%(class)s_catalogo"),
        ]

    def __str__(self):
        return self.nombre

    def ruta_solicitud(self):
        """The portal's online request form of this ficha."""
        from django.urls import reverse

        return reverse(f"{self._meta.app_label}:solicitar", args=[self.slug])

    @property
    def enlace_en_linea(self):
        return self.ruta_solicitud() if self.solicitud_en_linea else self.url_en_linea

    def preguntas(self):
        """The extra questions: ``[(text, required)]``, from one line each (a trailing * marks it required)."""
        lineas = [linea.strip() for linea in self.preguntas_solicitud.splitlines() if linea.strip()]
        return [(linea.rstrip("*").strip(), linea.endswith("*")) for linea in lineas][:20]

    def clean(self):
        super().clean()
        errores = {}
        if self.solicitud_en_linea:
            # Requested in the portal: "¿se puede hacer en línea?" follows, with the form's address.
            from django.conf import settings

            self.canal = Canal.TOTAL
            # A revision's form is the one of its live ficha, at its address (never the revision's placeholder).
            vivo = self.revision_de if self.revision_de_id else self
            if vivo.slug:
                self.url_en_linea = settings.URL_DEL_SITIO.rstrip("/") + vivo.ruta_solicitud()
        if self.canal in (Canal.PARCIAL, Canal.TOTAL) and not self.url_en_linea:
            errores["url_en_linea"] = _("Escriba la dirección donde se hace en línea.")
        if self.tiempo_tipo != TipoTiempo.INMEDIATO and not self.tiempo_cantidad:
            errores["tiempo_cantidad"] = _("Escriba cuántos días tarda, o marque el tiempo como inmediato.")
        if self.costo_tipo == TipoCosto.VALOR and self.costo_valor is None:
            errores["costo_valor"] = _("Escriba el valor en pesos, o marque el costo como gratuito.")
        if self.costo_tipo == TipoCosto.FORMULA and not self.costo_formula.strip():
            errores["costo_formula"] = _("Explique la fórmula o la tarifa con que se calcula el costo.")
        if errores:
            raise ValidationError(errores)

    def faltantes_para_publicar(self):
        faltan = []
        if not self.proposito.strip():
            faltan.append(_("para qué sirve"))
        if not self.resultado.strip():
            faltan.append(_("qué se obtiene"))
        if self.pk is None or not self.requisitos.exists():
            faltan.append(_("al menos un requisito"))
        if self.canal != Canal.TOTAL and (self.pk is None or not self.puntos_atencion.exists()):
            faltan.append(_("un punto de atención (o que se haga totalmente en línea)"))
        if self.exige_base_legal and (self.pk is None or not self.normas.exists()):
            faltan.append(_("la base legal"))
        try:
            Ficha.clean(self)
        except ValidationError as error:
            faltan.extend(m for mensajes in error.message_dict.values() for m in mensajes)
        return faltan

    @property
    def es_gratuito(self):
        return self.costo_tipo == TipoCosto.GRATUITO

    @property
    def en_linea(self):
        return self.canal in (Canal.PARCIAL, Canal.TOTAL)

    @property
    def canal_texto(self):
        """How it is done, in the catalogue's words: «Presencial», «Parcialmente en línea»…"""
        textos = {Canal.TOTAL: "Totalmente en línea", Canal.PARCIAL: "Parcialmente en línea"}
        return textos.get(self.canal, "Presencial")

    @property
    def tiempo_texto(self):
        """How long the answer takes: «Respuesta inmediata», «1 día hábil», «15 días hábiles», «30 días calendario»."""
        if self.tiempo_tipo == TipoTiempo.INMEDIATO:
            return "Respuesta inmediata"
        if not self.tiempo_cantidad:
            return "Tiempo por confirmar"
        n = self.tiempo_cantidad
        if self.tiempo_tipo == TipoTiempo.CALENDARIO:
            return f"{n} día calendario" if n == 1 else f"{n} días calendario"
        return f"{n} día hábil" if n == 1 else f"{n} días hábiles"

    @property
    def audiencia(self):
        partes = []
        if self.para_persona_natural:
            partes.append(str(_("personas naturales")))
        if self.para_persona_juridica:
            partes.append(str(_("personas jurídicas")))
        return " y ".join(partes)

    @property
    def revision_vencida(self):
        return self.revision_vence is not None and self.revision_vence < timezone.localdate()

    def al_publicar(self, usuario):
        if self.revisado_en is None:
            self.registrar_revision(usuario)

    def registrar_revision(self, usuario, cuando=None):
        cuando = cuando or timezone.now()
        self.revisado_en = cuando
        self.revisado_por = usuario
        self.revision_vence = timezone.localtime(cuando).date() + relativedelta(months=MESES_ENTRE_REVISIONES)


class Requisito(models.Model):
    class Momento(models.TextChoices):
        ACCESO = "acceso", _("Antes de empezar")
        SOLICITUD = "solicitud", _("Al hacer la solicitud")
        RESOLUCION = "resolucion", _("Mientras se resuelve")
        RESULTADO = "resultado", _("Para recibir el resultado")

    class Tipo(models.TextChoices):
        DOCUMENTO = "documento", _("Documento")
        FORMULARIO = "formulario", _("Formulario")
        PAGO = "pago", _("Pago")
        CONDICION = "condicion", _("Condición")

    momento = models.CharField(_("momento"), max_length=12, choices=Momento.choices, default=Momento.SOLICITUD)
    tipo = models.CharField(_("tipo"), max_length=12, choices=Tipo.choices, default=Tipo.DOCUMENTO)
    descripcion = models.CharField(_("qué se necesita"), max_length=400)
    detalle = models.CharField(_("detalle"), max_length=400, blank=True)
    es_excepcion = models.BooleanField(
        _("solo en algunos casos"), default=False, help_text=_("Márquelo si solo aplica en casos especiales.")
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        abstract = True
        ordering = ["orden", "pk"]
        verbose_name = _("requisito")
        verbose_name_plural = _("requisitos")

    def __str__(self):
        return self.descripcion


class PuntoAtencion(models.Model):
    nombre = models.CharField(_("lugar"), max_length=200)
    direccion = models.CharField(_("dirección"), max_length=200)
    horario = models.CharField(_("horario"), max_length=250, blank=True)
    telefono = models.CharField(_("teléfono"), max_length=40, blank=True)
    latitud = models.DecimalField(
        _("latitud"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitud = models.DecimalField(
        _("longitud"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        abstract = True
        verbose_name = _("punto de atención")
        verbose_name_plural = _("puntos de atención")

    def __str__(self):
        return self.nombre


class Norma(models.Model):
    norma = models.CharField(_("norma"), max_length=200, help_text=_("Por ejemplo «Ley 1755 de 2015»."))
    articulos = models.CharField(_("artículos"), max_length=200, blank=True)
    url = URLField(_("enlace a la norma"), blank=True)

    class Meta:
        abstract = True
        verbose_name = _("base legal")
        verbose_name_plural = _("base legal")

    def __str__(self):
        return self.norma


class Formulario(models.Model):
    nombre = models.CharField(_("nombre"), max_length=200)
    archivo = models.FileField(
        _("archivo"), upload_to=ruta_archivo_publico, validators=[validar_documento], blank=True
    )
    url = URLField(_("o enlace"), blank=True)

    class Meta:
        abstract = True
        verbose_name = _("formulario para descargar")
        verbose_name_plural = _("formularios para descargar")

    def __str__(self):
        return self.nombre

    def clean(self):
        if not self.archivo and not self.url:
            raise ValidationError(_("Suba el archivo del formulario o escriba el enlace donde está."))

    @property
    def enlace(self):
        return self.archivo.url if self.archivo else self.url


def modelos_relacionados(modelo_ficha):
    """The concrete requirement, attention point, norm and form models of a concrete ficha model.

    Declared once here so that trámites and servicios cannot drift apart; each app assigns the result to
    module-level names (``RequisitoTramite``, …) so migrations and imports find them as usual.
    """
    creados = []
    for base, relacion in (
        (Requisito, "requisitos"),
        (PuntoAtencion, "puntos_atencion"),
        (Norma, "normas"),
        (Formulario, "formularios"),
    ):
        atributos = {
            "__module__": modelo_ficha.__module__,
            "__qualname__": f"{base.__name__}{modelo_ficha.__name__}",
            "ficha": models.ForeignKey(
                modelo_ficha,
                on_delete=models.CASCADE,
                related_name=relacion,
                verbose_name=modelo_ficha._meta.verbose_name,
            ),
            "Meta": type("Meta", (base.Meta,), {}),
        }
        creados.append(type(atributos["__qualname__"], (base,), atributos))
    return creados
