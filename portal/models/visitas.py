"""Visit statistics without cookies and without personal data (the campaigns themselves live in participa).

What is stored is only aggregated counts (``VisitaDiaria``) and, to count unique visitors per day, one
anonymous code per visitor and day (``VisitanteDiario.huella``): an HMAC of the address and browser with a
random key of that day (``SalDiaria``) that is deleted after two days, so the codes can never be recomputed
or linked from one day to the next. The IP address and the user agent are never stored. ``portal.visitas``
does the counting.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

# Every short link lives under this path; the counter treats its hits as campaign arrivals, not page views.
PREFIJO_CAMPANAS = "/c/"


class Dispositivo(models.TextChoices):
    MOVIL = "movil", _("Teléfono móvil")
    TABLETA = "tableta", _("Tableta")
    ESCRITORIO = "escritorio", _("Computador")


class VisitaDiaria(models.Model):
    """Page views of one day with the same page, referring site, campaign and kind of device.

    Rows whose ``ruta`` starts with ``/c/`` are arrivals through a campaign short link, not page views.
    """

    dia = models.DateField(_("día"))
    ruta = models.CharField(_("página"), max_length=300)
    referente = models.CharField(
        _("sitio de procedencia"), max_length=100, blank=True, help_text=_("Solo el dominio; vacío si es directo.")
    )
    campana = models.CharField(_("campaña"), max_length=40, blank=True)
    dispositivo = models.CharField(_("dispositivo"), max_length=12, choices=Dispositivo.choices)
    vistas = models.PositiveIntegerField(_("vistas"), default=0)

    class Meta:
        ordering = ["-dia", "-vistas"]
        verbose_name = _("visitas del día")
        verbose_name_plural = _("visitas por día")
        constraints = [
            models.UniqueConstraint(
                fields=["dia", "ruta", "referente", "campana", "dispositivo"], name="visita_diaria_unica"
            )
        ]
        indexes = [models.Index(fields=["campana", "dia"], name="visita_diaria_campana")]

    def __str__(self):
        return f"{self.dia} {self.ruta} ({self.vistas})"


class ProcedenciaDiaria(models.Model):
    """How many different addresses came from a referring site on one day (not which: only their number).

    Page views (``VisitaDiaria``) say how much traffic a site sent; this says from how many places, so a single
    sender inventing referrers cannot put a site on the committee's dashboard.
    """

    dia = models.DateField(_("día"))
    referente = models.CharField(_("sitio de procedencia"), max_length=100)
    direcciones = models.PositiveIntegerField(_("direcciones distintas"), default=0)

    class Meta:
        verbose_name = _("procedencia del día")
        verbose_name_plural = _("procedencias por día")
        constraints = [models.UniqueConstraint(fields=["dia", "referente"], name="procedencia_diaria_unica")]

    def __str__(self):
        return f"{self.dia} {self.referente} ({self.direcciones})"


class VisitanteDiario(models.Model):
    """One anonymous visitor on one day: a code that cannot be linked to a person nor to another day."""

    dia = models.DateField(_("día"))
    huella = models.CharField(_("código anónimo del día"), max_length=64)

    class Meta:
        verbose_name = _("visitante del día")
        verbose_name_plural = _("visitantes por día")
        constraints = [models.UniqueConstraint(fields=["dia", "huella"], name="visitante_diario_unico")]

    def __str__(self):
        return f"{self.dia} {self.huella[:8]}…"


class SalDiaria(models.Model):
    """The random key of one day for the visitors' codes, shared by every server through the database.

    Never shown anywhere (no admin) and deleted after two days: with it gone, nobody can recompute a code.
    """

    dia = models.DateField(_("día"), unique=True)
    sal = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("clave diaria de las visitas")
        verbose_name_plural = _("claves diarias de las visitas")

    def __str__(self):
        return str(self.dia)


class VolcadoDeVisitas(models.Model):
    """A one-minute block of counts already moved from the cache to the database (so it is never added twice)."""

    bloque = models.PositiveBigIntegerField(_("bloque (minuto)"))
    generacion = models.CharField(_("registro en la caché"), max_length=16, blank=True)
    volcado = models.DateTimeField(_("volcado"), auto_now_add=True)

    class Meta:
        verbose_name = _("bloque de visitas volcado")
        verbose_name_plural = _("bloques de visitas volcados")
        constraints = [models.UniqueConstraint(fields=["bloque", "generacion"], name="volcado_de_visitas_unico")]

    def __str__(self):
        return str(self.bloque)


validar_codigo = RegexValidator(
    regex=r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$",
    message=_("Use solo letras minúsculas sin tildes, números y guiones, por ejemplo «fiesta-patronal»."),
)


def destino_valido(valor):
    """A path of this site ("/tramites/"): never another site ("//…", "https://…"), nor another short link."""
    return (
        isinstance(valor, str)
        and valor.startswith("/")
        and not valor.startswith("//")
        and "\\" not in valor
        and not any(caracter.isspace() or ord(caracter) < 32 for caracter in valor)
        and url_has_allowed_host_and_scheme(valor, allowed_hosts=None)
        and not valor.startswith(PREFIJO_CAMPANAS)
    )


def validar_destino(valor):
    if not destino_valido(valor):
        raise ValidationError(
            _(
                "Escriba una dirección de este portal que empiece por «/», por ejemplo /tramites/ "
                "(no se permiten otros sitios web ni otro enlace corto)."
            ),
            code="destino",
        )
