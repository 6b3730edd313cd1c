"""The site core: the municipality's identity, dependencias, their officials and the policy pages."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import rutas
from ..archivos import ruta_identidad
from ..imagenes import validar_imagen

# Colombian numbers since the 2021 numbering plan: +57 and ten digits (mobile 3xx, landline 60x).
validar_telefono = RegexValidator(
    regex=r"^\+57[ \-]?(\d[ \-]?){10}$",
    message=_("Escriba el número con el indicativo +57 y sus 10 dígitos, por ejemplo +57 602 123 4567."),
)
# Free lines keep their own format (01 8000 …), so only the characters are checked.
validar_linea = RegexValidator(
    regex=r"^[0-9+ \-()]{7,25}$",
    message=_("Use solo números, espacios, guiones, paréntesis y el signo +."),
)


class URLField(models.URLField):
    """A URL field whose form reads a link typed without scheme as https (Django 6's default)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class ImageField(models.ImageField):
    """An image field whose form speaks Colombian Spanish when the file is not an image."""

    def formfield(self, **kwargs):
        mensajes = {"invalid_image": _("El archivo no es una imagen válida (use JPG, PNG o WebP).")}
        return super().formfield(**{"error_messages": mensajes, **kwargs})


class Usuario(AbstractUser):
    """A person who signs in to the back office. Officials are linked to dependencias through Funcionario."""

    class Meta:
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")

    def __str__(self):
        return self.get_full_name() or self.username


class MunicipioQuerySet(models.QuerySet):
    def actual(self):
        """The one identity record; created with the model defaults if an administrator deleted it."""
        municipio, _created = self.get_or_create(pk=1)
        return municipio


class Municipio(models.Model):
    """The identity of the municipality running the portal: one record, edited by the portal administrator.

    Nothing in the templates names the municipality: another municipality runs the portal by editing this.
    """

    nombre = models.CharField(_("nombre del municipio"), max_length=120, default="El Tablón de Gómez")
    departamento = models.CharField(_("departamento"), max_length=80, default="Nariño")
    entidad = models.CharField(
        _("nombre de la entidad"),
        max_length=200,
        default="Alcaldía Municipal de El Tablón de Gómez",
        help_text=_("Como aparece en el encabezado y el pie de página, por ejemplo «Alcaldía Municipal de …»."),
    )
    lema = models.CharField(_("lema de la administración"), max_length=200, blank=True)
    escudo = ImageField(
        _("escudo o logo"),
        upload_to=ruta_identidad,
        blank=True,
        validators=[validar_imagen],
        help_text=_("Imagen PNG, JPEG o WebP, cuadrada de preferencia, de máximo 8 MB."),
    )
    escudo_texto_alternativo = models.CharField(
        _("texto alternativo del escudo"),
        max_length=200,
        blank=True,
        help_text=_("Lo que leen las personas que usan lector de pantalla. Obligatorio si sube un escudo."),
    )
    nit = models.CharField(_("NIT"), max_length=20, blank=True)
    codigo_dane = models.CharField(_("código DANE"), max_length=5, blank=True, default="52258")
    direccion = models.CharField(
        _("dirección de la sede principal"), max_length=200, default="Palacio Municipal, parque principal"
    )
    codigo_postal = models.CharField(_("código postal"), max_length=10, blank=True)
    horario_atencion = models.CharField(
        _("horario de atención"),
        max_length=250,
        default="Lunes a viernes de 8:00 a. m. a 12:00 m. y de 2:00 p. m. a 6:00 p. m.",
    )
    telefono = models.CharField(_("teléfono"), max_length=25, blank=True, validators=[validar_telefono])
    linea_gratuita = models.CharField(_("línea gratuita"), max_length=25, blank=True, validators=[validar_linea])
    linea_anticorrupcion = models.CharField(
        _("línea anticorrupción"), max_length=25, blank=True, validators=[validar_linea]
    )
    correo_institucional = models.EmailField(
        _("correo institucional"), blank=True, default="contactenos@eltablondegomez-narino.gov.co"
    )
    correo_notificaciones_judiciales = models.EmailField(
        _("correo para notificaciones judiciales"),
        blank=True,
        default="notificacionjudicial@eltablondegomez-narino.gov.co",
    )
    latitud = models.DecimalField(
        _("latitud"), max_digits=9, decimal_places=6, null=True, blank=True, default="1.427000"
    )
    longitud = models.DecimalField(
        _("longitud"), max_digits=9, decimal_places=6, null=True, blank=True, default="-77.097000"
    )
    aviso_demostracion = models.BooleanField(
        _("mostrar aviso de sitio de demostración"),
        default=False,
        help_text=_("Actívelo mientras el portal tenga contenido de demostración; desactívelo al publicar."),
    )
    actualizado = models.DateTimeField(_("última modificación"), auto_now=True)

    objects = MunicipioQuerySet.as_manager()

    class Meta:
        verbose_name = _("identidad del municipio")
        verbose_name_plural = _("identidad del municipio")

    def __str__(self):
        return f"{self.nombre} ({self.departamento})"

    def clean(self):
        if self.escudo and not self.escudo_texto_alternativo.strip():
            raise ValidationError(
                {"escudo_texto_alternativo": _("Escriba el texto alternativo del escudo: es obligatorio.")}
            )

    @property
    def url_mapa(self):
        if self.latitud is None or self.longitud is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitud}&mlon={self.longitud}#map=16/{self.latitud}/{self.longitud}"


class RedSocial(models.Model):
    class Red(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        X = "x", "X (Twitter)"
        INSTAGRAM = "instagram", "Instagram"
        YOUTUBE = "youtube", "YouTube"
        TIKTOK = "tiktok", "TikTok"
        WHATSAPP = "whatsapp", "WhatsApp"
        OTRA = "otra", _("Otra")

    municipio = models.ForeignKey(Municipio, on_delete=models.CASCADE, related_name="redes_sociales")
    red = models.CharField(_("red social"), max_length=20, choices=Red.choices)
    nombre = models.CharField(
        _("nombre visible"), max_length=60, blank=True, help_text=_("Si lo deja vacío se usa el nombre de la red.")
    )
    url = URLField(_("dirección (URL)"))
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden", "pk"]
        verbose_name = _("red social")
        verbose_name_plural = _("redes sociales")

    def __str__(self):
        return self.etiqueta

    @property
    def etiqueta(self):
        return self.nombre or self.get_red_display()


class DependenciaQuerySet(models.QuerySet):
    def activas(self):
        return self.filter(activa=True)

    def de_usuario(self, usuario):
        """The dependencias an official belongs to (none for an anonymous user)."""
        if not usuario.is_authenticated:
            return self.none()
        return self.filter(funcionarios__usuario=usuario).distinct()


class Dependencia(models.Model):
    class Tipo(models.TextChoices):
        CENTRAL = "central", _("Administración central")
        DESCENTRALIZADA = "descentralizada", _("Entidad descentralizada")

    nombre = models.CharField(_("nombre"), max_length=150, unique=True)
    slug = models.SlugField(_("identificador en la dirección web"), max_length=160, unique=True)
    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices, default=Tipo.CENTRAL)
    descripcion = models.TextField(_("descripción y funciones"), blank=True)
    cargo_responsable = models.CharField(
        _("cargo de quien la dirige"), max_length=150, blank=True, help_text=_("Por ejemplo «Secretario de Gobierno».")
    )
    telefono = models.CharField(_("teléfono"), max_length=25, blank=True, validators=[validar_telefono])
    correo = models.EmailField(_("correo electrónico"), blank=True)
    direccion = models.CharField(_("dirección"), max_length=200, blank=True)
    horario = models.CharField(_("horario de atención"), max_length=250, blank=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    activa = models.BooleanField(_("activa"), default=True)
    es_demo = models.BooleanField(
        _("contenido de demostración"),
        default=False,
        help_text=_("Creada por «cargar_demo»; no es información oficial."),
    )

    objects = DependenciaQuerySet.as_manager()

    class Meta:
        ordering = ["tipo", "orden", "nombre"]
        verbose_name = _("dependencia")
        verbose_name_plural = _("dependencias")

    def __str__(self):
        return self.nombre

    def get_absolute_url(self):
        return rutas.url("portal:dependencia", slug=self.slug)


class FuncionarioQuerySet(models.QuerySet):
    def en_directorio(self):
        """Who the public directory lists: marked for it, in an active dependencia, with an active account if any."""
        return self.filter(en_directorio=True, dependencia__activa=True).filter(
            models.Q(usuario__isnull=True) | models.Q(usuario__is_active=True)
        )


class Funcionario(models.Model):
    """An official's place in a dependencia: a user may belong to several, each with its cargo."""

    usuario = models.ForeignKey(
        Usuario,
        on_delete=models.CASCADE,
        related_name="cargos",
        null=True,
        blank=True,
        verbose_name=_("usuario"),
        help_text=_("Solo si la persona entra a la administración del portal."),
    )
    nombre = models.CharField(
        _("nombre completo"), max_length=150, blank=True, help_text=_("Si lo deja vacío se usa el del usuario.")
    )
    correo = models.EmailField(_("correo"), blank=True, help_text=_("Si lo deja vacío se usa el del usuario."))
    dependencia = models.ForeignKey(
        Dependencia, on_delete=models.CASCADE, related_name="funcionarios", verbose_name=_("dependencia")
    )
    cargo = models.CharField(_("cargo"), max_length=150)
    telefono = models.CharField(_("teléfono o extensión"), max_length=40, blank=True)
    en_directorio = models.BooleanField(
        _("publicar en el directorio"), default=True, help_text=_("Directorio de servidores públicos (1.5).")
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    objects = FuncionarioQuerySet.as_manager()

    class Meta:
        ordering = ["dependencia", "orden", "nombre", "usuario__last_name"]
        verbose_name = _("funcionario")
        verbose_name_plural = _("funcionarios")
        constraints = [
            models.UniqueConstraint(fields=["usuario", "dependencia"], name="funcionario_unico_por_dependencia")
        ]

    def __str__(self):
        return f"{self.nombre_visible} — {self.cargo} ({self.dependencia})"

    def clean(self):
        if not self.usuario_id and not self.nombre.strip():
            raise ValidationError({"nombre": _("Escriba el nombre o elija el usuario de la persona.")})

    @property
    def nombre_visible(self):
        if self.nombre:
            return self.nombre
        return (self.usuario.get_full_name() or self.usuario.username) if self.usuario else ""

    @property
    def correo_visible(self):
        return self.correo or (self.usuario.email if self.usuario else "")


class PoliticaQuerySet(models.QuerySet):
    def publicadas(self):
        return self.filter(publicada=True)


class Politica(models.Model):
    """Policy pages linked from the footer (terms, personal data, copyright, accessibility)."""

    titulo = models.CharField(_("título"), max_length=150)
    slug = models.SlugField(_("identificador en la dirección web"), max_length=160, unique=True)
    resumen = models.CharField(_("resumen"), max_length=300, blank=True)
    contenido = models.TextField(_("contenido"), help_text=_("Texto simple: deje una línea en blanco entre párrafos."))
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    publicada = models.BooleanField(_("publicada"), default=True)
    actualizada = models.DateTimeField(_("última actualización"), auto_now=True)

    objects = PoliticaQuerySet.as_manager()

    class Meta:
        ordering = ["orden", "titulo"]
        verbose_name = _("política o página legal")
        verbose_name_plural = _("políticas y páginas legales")

    def __str__(self):
        return self.titulo

    def get_absolute_url(self):
        return rutas.url("portal:politica", slug=self.slug)
