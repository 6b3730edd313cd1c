"""The annual website survey (moved from gelt: citizens answer it, the committee reads it): the questionnaire
the committee builds, the anonymous answers, and the short-lived record that enforces the per-client limit.

Nothing personal is stored with an answer. ``EnvioLimitado`` keeps, for two days at most, a keyed hash of the
client's address (the key changes every day) so the limit can be enforced without ever writing the address.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["Encuesta", "EnvioLimitado", "Opcion", "Pregunta", "Respuesta", "RespuestaPregunta"]


class EncuestaQuerySet(models.QuerySet):
    def abiertas(self, hoy=None):
        hoy = hoy or timezone.localdate()
        return self.filter(abre__lte=hoy, cierra__gte=hoy)

    def proximo_cambio(self, ahora):
        """When a survey next opens or closes (the Participa page changes then), as an aware datetime."""
        from datetime import datetime, time, timedelta

        hoy = timezone.localtime(ahora).date()
        dias = list(self.filter(abre__gt=hoy).values_list("abre", flat=True))
        dias += [c + timedelta(days=1) for c in self.filter(cierra__gte=hoy).values_list("cierra", flat=True)]
        if not dias:
            return None
        return timezone.make_aware(datetime.combine(min(dias), time.min))

    def abierta(self, hoy=None):
        """The survey citizens answer today: the open one that opened last."""
        return self.abiertas(hoy).order_by("-abre", "-pk").first()

    def del_anio(self, anio):
        """Surveys open at some moment of ``anio``."""
        return self.filter(abre__lte=date(anio, 12, 31), cierra__gte=date(anio, 1, 1))


class Encuesta(models.Model):
    titulo = models.CharField(_("título"), max_length=200)
    introduccion = models.TextField(
        _("introducción"), blank=True, help_text=_("Se muestra arriba del cuestionario: para qué es y cuánto tarda.")
    )
    abre = models.DateField(_("abre"), help_text=_("Primer día en que se puede responder."))
    cierra = models.DateField(_("cierra"), help_text=_("Último día en que se puede responder."))
    resultados_publicados = models.BooleanField(
        _("resultados publicados"),
        default=False,
        help_text=_("Marcado: cualquier persona ve los resultados en /participa/encuesta/resultados/."),
    )
    creada = models.DateTimeField(_("creada"), auto_now_add=True)

    objects = EncuestaQuerySet.as_manager()

    class Meta:
        db_table = "gelt_encuesta"  # kept from when the survey lived in gelt: moved without copying data
        ordering = ["-abre", "-pk"]
        verbose_name = _("encuesta del sitio web")
        verbose_name_plural = _("encuestas del sitio web")

    def __str__(self):
        return f"{self.titulo} ({self.abre:%d/%m/%Y}–{self.cierra:%d/%m/%Y})"

    def get_absolute_url(self):
        """The committee's results page (the public one only lists the latest published results)."""
        return reverse("encuesta:resultados", args=[self.pk])

    def clean(self):
        if self.abre and self.cierra and self.cierra < self.abre:
            raise ValidationError({"cierra": _("La fecha de cierre no puede ser anterior a la de apertura.")})

    def esta_abierta(self, hoy=None):
        hoy = hoy or timezone.localdate()
        return self.abre <= hoy <= self.cierra


class Pregunta(models.Model):
    class Tipo(models.TextChoices):
        ESCALA = "escala", _("Escala de 1 a 5")
        UNICA = "unica", _("Una sola opción")
        MULTIPLE = "multiple", _("Varias opciones")
        SI_NO = "si_no", _("Sí o no")
        TEXTO_CORTO = "texto_corto", _("Texto corto")
        TEXTO_LARGO = "texto_largo", _("Texto largo")

    CON_OPCIONES = (Tipo.UNICA, Tipo.MULTIPLE)
    DE_TEXTO = (Tipo.TEXTO_CORTO, Tipo.TEXTO_LARGO)

    encuesta = models.ForeignKey(Encuesta, on_delete=models.CASCADE, related_name="preguntas")
    texto = models.CharField(_("pregunta"), max_length=300)
    ayuda = models.CharField(
        _("ayuda"), max_length=300, blank=True, help_text=_("Una frase que explica la pregunta, si hace falta.")
    )
    tipo = models.CharField(_("tipo"), max_length=12, choices=Tipo.choices)
    escala_minimo = models.CharField(
        _("qué significa 1"), max_length=40, blank=True, help_text=_("Solo en escalas. Por ejemplo «Nada clara».")
    )
    escala_maximo = models.CharField(
        _("qué significa 5"), max_length=40, blank=True, help_text=_("Solo en escalas. Por ejemplo «Muy clara».")
    )
    obligatoria = models.BooleanField(_("obligatoria"), default=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        db_table = "gelt_pregunta"  # kept from when the survey lived in gelt: moved without copying data
        ordering = ["encuesta", "orden", "pk"]
        verbose_name = _("pregunta")
        verbose_name_plural = _("preguntas")

    def __str__(self):
        return self.texto

    @property
    def usa_opciones(self):
        return self.tipo in self.CON_OPCIONES

    @property
    def nombre_campo(self):
        """The name of its field in the public form."""
        return f"p{self.pk}"


class Opcion(models.Model):
    pregunta = models.ForeignKey(Pregunta, on_delete=models.CASCADE, related_name="opciones")
    texto = models.CharField(_("opción"), max_length=200)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        db_table = "gelt_opcion"  # kept from when the survey lived in gelt: moved without copying data
        ordering = ["pregunta", "orden", "pk"]
        verbose_name = _("opción")
        verbose_name_plural = _("opciones")

    def __str__(self):
        return self.texto


class Respuesta(models.Model):
    """One person's answer to a survey. Deliberately anonymous: no user, address, browser or cookie value."""

    encuesta = models.ForeignKey(Encuesta, on_delete=models.CASCADE, related_name="respuestas")
    recibida = models.DateTimeField(_("recibida"), default=timezone.now, db_index=True)

    class Meta:
        db_table = "gelt_respuesta"  # kept from when the survey lived in gelt: moved without copying data
        ordering = ["-recibida"]
        verbose_name = _("respuesta a la encuesta")
        verbose_name_plural = _("respuestas a la encuesta")

    def __str__(self):
        return f"{self.encuesta.titulo} — {timezone.localtime(self.recibida):%d/%m/%Y %H:%M}"


class RespuestaPregunta(models.Model):
    respuesta = models.ForeignKey(Respuesta, on_delete=models.CASCADE, related_name="valores")
    # RESTRICT: a question that already has answers cannot be deleted alone (its results would be lost); deleting
    # the whole survey still removes everything.
    pregunta = models.ForeignKey(Pregunta, on_delete=models.RESTRICT, related_name="respuestas")
    valor_numero = models.PositiveSmallIntegerField(
        _("valor"), null=True, blank=True, help_text=_("Escala: de 1 a 5. Sí o no: 1 es sí, 0 es no.")
    )
    opciones = models.ManyToManyField(Opcion, blank=True, related_name="elegida_en", verbose_name=_("opciones"))
    texto = models.TextField(_("texto"), blank=True)

    class Meta:
        db_table = "gelt_respuestapregunta"  # kept from when the survey lived in gelt: moved without copying data
        ordering = ["pregunta__orden"]
        verbose_name = _("respuesta a una pregunta")
        verbose_name_plural = _("respuestas a las preguntas")
        constraints = [
            models.UniqueConstraint(fields=["respuesta", "pregunta"], name="una_respuesta_por_pregunta"),
        ]

    def __str__(self):
        return f"{self.pregunta}: {self.valor_numero if self.valor_numero is not None else self.texto[:40]}"


class EnvioLimitado(models.Model):
    """A trace of an accepted answer for the per-client limit: a keyed hash (HMAC-SHA-256 of the address with a
    key derived from ``SECRET_KEY`` and the day) and the hour. Rows older than two days are deleted."""

    encuesta = models.ForeignKey(Encuesta, on_delete=models.CASCADE, related_name="+")
    huella = models.CharField(_("huella del cliente"), max_length=64, db_index=True)
    registrado = models.DateTimeField(_("registrado (hora)"), db_index=True)

    class Meta:
        db_table = "gelt_enviolimitado"  # kept from when the survey lived in gelt: moved without copying data
        verbose_name = _("control de envíos")
        verbose_name_plural = _("controles de envíos")

    def __str__(self):
        return f"{self.huella[:8]}… {self.registrado:%d/%m/%Y %H:00}"
