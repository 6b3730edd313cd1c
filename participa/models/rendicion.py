"""Rendición de cuentas (Ley 1474 de 2011 art. 78, Ley 1757 de 2015 arts. 48 and following): the yearly process
with its dates and public hearing, the questions citizens send beforehand (each one a radicado of the ventanilla,
so it is answered within the legal term of a petition), the answers published by topic and linked to the action
plan, and the commitments made at the hearing with their progress.

Nothing personal is here: the person's name and e-mail live only in the radicado. ``PreguntaRendicion`` keeps the
question as it may be published (the official removes any personal detail before publishing it)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Dependencia, URLField

__all__ = ["Compromiso", "PreguntaRendicion", "ProcesoRendicion", "TemaRendicion"]


class ProcesoQuerySet(models.QuerySet):
    def publicados(self):
        return self.filter(publicado=True)


class ProcesoRendicion(models.Model):
    anio = models.PositiveSmallIntegerField(_("vigencia (año que se rinde)"), unique=True)
    titulo = models.CharField(_("título"), max_length=200)
    descripcion = models.TextField(_("de qué se rinde cuentas"), blank=True)
    dependencia = models.ForeignKey(
        Dependencia,
        on_delete=models.PROTECT,
        related_name="procesos_de_rendicion",
        verbose_name=_("dependencia que coordina"),
        help_text=_("Recibe las preguntas en su bandeja de PQRSD; sus funcionarios editan el proceso."),
    )
    preguntas_abren = models.DateField(_("se reciben preguntas desde"))
    preguntas_cierran = models.DateField(_("se reciben preguntas hasta"))
    audiencia = models.DateTimeField(_("fecha y hora de la audiencia pública"))
    lugar = models.CharField(_("lugar de la audiencia"), max_length=200)
    transmision = URLField(_("enlace de la transmisión"), blank=True)
    informe = URLField(
        _("enlace al informe de gestión"), blank=True, help_text=_("El documento publicado en el portal.")
    )
    publicado = models.BooleanField(_("publicado"), default=False)

    objects = ProcesoQuerySet.as_manager()

    class Meta:
        ordering = ["-anio"]
        verbose_name = _("proceso de rendición de cuentas")
        verbose_name_plural = _("procesos de rendición de cuentas")

    def __str__(self):
        return self.titulo

    def get_absolute_url(self):
        return reverse("participa:rendicion_proceso", args=[self.anio])

    def clean(self):
        if self.preguntas_abren and self.preguntas_cierran and self.preguntas_cierran < self.preguntas_abren:
            raise ValidationError({"preguntas_cierran": _("El cierre no puede ser anterior a la apertura.")})

    def recibe_preguntas(self, hoy=None):
        hoy = hoy or timezone.localdate()
        return self.publicado and self.preguntas_abren <= hoy <= self.preguntas_cierran

    def audiencia_realizada(self, ahora=None):
        return (ahora or timezone.now()) >= self.audiencia


class TemaRendicion(models.Model):
    proceso = models.ForeignKey(ProcesoRendicion, on_delete=models.CASCADE, related_name="temas")
    nombre = models.CharField(_("tema"), max_length=120)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["proceso", "orden", "pk"]
        verbose_name = _("tema")
        verbose_name_plural = _("temas")
        constraints = [models.UniqueConstraint(fields=["proceso", "nombre"], name="tema_unico_por_proceso")]

    def __str__(self):
        return self.nombre


def _validar_metas(valor):
    from ..rendicion import codigos_de_metas

    for codigo in codigos_de_metas(valor):
        if codigo[0] not in "AI" or not codigo[1:].isdigit():
            raise ValidationError(
                _("Escriba códigos como A8 (acción 8 del plan) o I12 (indicador 12), separados por comas."),
                code="metas",
            )


class PreguntaQuerySet(models.QuerySet):
    def publicadas(self):
        return self.filter(publicada=True, proceso__publicado=True)

    def de_usuario(self, usuario):
        """The committee and administrators see all; an official, those of their dependencias."""
        if usuario.is_superuser or usuario.has_perm("participa.ver_todas_preguntarendicion"):
            return self
        return self.filter(dependencia__funcionarios__usuario=usuario).distinct()


class PreguntaRendicion(models.Model):
    proceso = models.ForeignKey(ProcesoRendicion, on_delete=models.PROTECT, related_name="preguntas")
    tema = models.ForeignKey(TemaRendicion, on_delete=models.PROTECT, related_name="preguntas")
    radicado = models.OneToOneField(
        "ventanilla.Radicado",
        on_delete=models.PROTECT,
        related_name="pregunta_de_rendicion",
        help_text=_("La pregunta se tramita como una petición: su término y su respuesta a la persona van allí."),
    )
    dependencia = models.ForeignKey(
        Dependencia, on_delete=models.PROTECT, related_name="preguntas_de_rendicion", verbose_name=_("dependencia")
    )
    pregunta = models.TextField(
        _("pregunta (texto que se publica)"),
        help_text=_("Quite cualquier dato personal (nombres, teléfonos, direcciones) antes de publicarla."),
    )
    respuesta = models.TextField(_("respuesta pública"), blank=True)
    metas = models.CharField(
        _("metas del plan"),
        max_length=200,
        blank=True,
        validators=[_validar_metas],
        help_text=_("Códigos de las acciones (A8) o indicadores (I12) del plan de acción, separados por comas."),
    )
    publicada = models.BooleanField(_("publicada"), default=False)
    respondida = models.DateField(_("respondida el"), null=True, blank=True)
    recibida = models.DateTimeField(_("recibida"), default=timezone.now, editable=False)

    objects = PreguntaQuerySet.as_manager()

    # Until an official removes them, the citizen's words may carry personal details: the audit log records that
    # the question changed, never its text (portal.auditoria).
    campos_personales = ("pregunta",)

    class Meta:
        ordering = ["proceso", "tema__orden", "recibida"]
        verbose_name = _("pregunta de rendición de cuentas")
        verbose_name_plural = _("preguntas de rendición de cuentas")
        permissions = [("ver_todas_preguntarendicion", _("Ver las preguntas de todas las dependencias"))]

    def __str__(self):
        return f"{self.radicado.numero or '—'} · {self.tema}"

    def clean(self):
        if self.publicada and not self.respuesta.strip():
            raise ValidationError({"respuesta": _("Escriba la respuesta pública antes de publicarla.")})


class CompromisoQuerySet(models.QuerySet):
    def de_usuario(self, usuario):
        if usuario.is_superuser or usuario.has_perm("participa.ver_todas_preguntarendicion"):
            return self
        return self.filter(dependencia__funcionarios__usuario=usuario).distinct()


class Compromiso(models.Model):
    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Sin empezar")
        EN_CURSO = "en_curso", _("En curso")
        CUMPLIDO = "cumplido", _("Cumplido")
        INCUMPLIDO = "incumplido", _("No cumplido")

    proceso = models.ForeignKey(ProcesoRendicion, on_delete=models.CASCADE, related_name="compromisos")
    descripcion = models.CharField(_("compromiso"), max_length=300)
    dependencia = models.ForeignKey(
        Dependencia, on_delete=models.PROTECT, related_name="compromisos", verbose_name=_("dependencia responsable")
    )
    fecha_limite = models.DateField(_("fecha límite"))
    avance = models.PositiveSmallIntegerField(_("avance (%)"), default=0, validators=[MaxValueValidator(100)])
    estado = models.CharField(_("estado"), max_length=12, choices=Estado.choices, default=Estado.PENDIENTE)
    actualizado = models.DateField(_("avance reportado el"), default=timezone.localdate)
    nota = models.CharField(_("qué se hizo"), max_length=300, blank=True)
    metas = models.CharField(
        _("metas del plan"), max_length=200, blank=True, validators=[_validar_metas], help_text=_("Por ejemplo A9.")
    )

    objects = CompromisoQuerySet.as_manager()

    class Meta:
        ordering = ["proceso", "fecha_limite", "pk"]
        verbose_name = _("compromiso de la audiencia")
        verbose_name_plural = _("compromisos de la audiencia")

    def __str__(self):
        return self.descripcion

    def clean(self):
        if self.estado == self.Estado.CUMPLIDO and self.avance != 100:
            raise ValidationError({"avance": _("Un compromiso cumplido tiene 100 % de avance.")})
