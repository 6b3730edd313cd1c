"""The outreach campaigns (moved from portal): an activity of the plan with its short link ``/c/<código>/`` and its
QR code. Visits keep the campaign as a plain code (``portal.models.VisitaDiaria.campana``); portal learns the
codes and names through ``portal.registro.registrar_campanas`` (see ``participa.senales``)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models.visitas import validar_codigo, validar_destino
from portal.visitas import olvidar_codigos_de_campana

__all__ = ["Campana"]


class Campana(models.Model):
    """An outreach activity of the plan with its short link ``/c/<código>/`` and its printable QR code."""

    class Medio(models.TextChoices):
        PERIFONEO = "perifoneo", _("Perifoneo")
        EMISORA = "emisora", _("Emisora comunitaria")
        EVENTO = "evento", _("Evento cultural")
        CAFE_INTERNET = "cafe_internet", _("Café internet")
        CARTEL = "cartel", _("Cartel o afiche")
        REDES = "redes", _("Redes sociales")
        OTRO = "otro", _("Otro")

    codigo = models.CharField(
        _("código"),
        max_length=40,
        unique=True,
        validators=[validar_codigo],
        help_text=_("Corto y fácil de dictar por la radio: el enlace será /c/<código>/, por ejemplo /c/fiesta/."),
    )
    nombre = models.CharField(_("nombre"), max_length=150)
    destino = models.CharField(
        _("página de destino"),
        max_length=300,
        default="/",
        validators=[validar_destino],
        help_text=_("Dirección dentro del portal, por ejemplo /tramites/ o /noticias/feria-del-cafe/."),
    )
    medio = models.CharField(_("medio"), max_length=20, choices=Medio.choices, default=Medio.OTRO)
    activa = models.BooleanField(
        _("activa"), default=True, help_text=_("Si la desactiva, el enlace corto deja de funcionar (página 404).")
    )
    creada = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        ordering = ["-creada"]
        verbose_name = _("campaña de difusión")
        verbose_name_plural = _("campañas de difusión")
        db_table = "portal_campana"  # kept from when the campaigns lived in portal: moved without copying data

    def __str__(self):
        return self.nombre

    def save(self, *args, **kwargs):
        self.codigo = self.codigo.strip().lower()
        super().save(*args, **kwargs)
        olvidar_codigos_de_campana()

    def get_absolute_url(self):
        return reverse("campanas:ir", kwargs={"codigo": self.codigo})

    def delete(self, *args, **kwargs):
        resultado = super().delete(*args, **kwargs)
        olvidar_codigos_de_campana()
        return resultado
