"""Planeación participativa (presupuesto participativo, Ley 1757 de 2015 arts. 90-93): residents of each vereda or
corregimiento propose investments and prioritise them by vote, online or at a meeting (an acta with the votes per
proposal that an official enters).

What it verifies, and what it does not: one online vote per identity document per process. Only an HMAC of the
document type and number, keyed with a random secret of the process, is kept (``Voto.huella``); the number itself
is never stored, so nobody can list who voted. Residence and age (14 or more) are self-declared: the portal does
not verify them, and an in-person ballot (counted in an acta) cannot be matched with an online vote."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Dependencia

__all__ = ["Acta", "ProcesoPlaneacion", "Propuesta", "Territorio", "Voto", "VotoActa"]


class Territorio(models.Model):
    class Tipo(models.TextChoices):
        CABECERA = "cabecera", _("Cabecera municipal")
        CORREGIMIENTO = "corregimiento", _("Corregimiento")
        VEREDA = "vereda", _("Vereda")
        RESGUARDO = "resguardo", _("Resguardo indígena")

    nombre = models.CharField(_("nombre"), max_length=120, unique=True)
    tipo = models.CharField(_("tipo"), max_length=15, choices=Tipo.choices)
    corregimiento = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="veredas",
        verbose_name=_("corregimiento al que pertenece"),
    )
    activo = models.BooleanField(_("activo"), default=True)
    es_demo = models.BooleanField(_("de demostración"), default=False, editable=False)

    class Meta:
        ordering = ["nombre"]
        verbose_name = _("vereda o corregimiento")
        verbose_name_plural = _("veredas y corregimientos")

    def __str__(self):
        return f"{self.nombre} ({self.get_tipo_display().lower()})"


def _secreto():
    return secrets.token_hex(32)


class ProcesoPlaneacionQuerySet(models.QuerySet):
    def publicados(self):
        return self.filter(publicado=True)


class ProcesoPlaneacion(models.Model):
    class Fase(models.TextChoices):
        PRONTO = "pronto", _("Próximamente")
        PROPUESTAS = "propuestas", _("Propuestas")
        REVISION = "revision", _("Revisión de propuestas")
        VOTACION = "votacion", _("Votación")
        CONTEO = "conteo", _("Conteo de votos")
        RESULTADOS = "resultados", _("Resultados")

    anio = models.PositiveSmallIntegerField(_("año del presupuesto"), unique=True)
    titulo = models.CharField(_("título"), max_length=200)
    descripcion = models.TextField(_("de qué se trata"), blank=True)
    dependencia = models.ForeignKey(
        Dependencia,
        on_delete=models.PROTECT,
        related_name="procesos_de_planeacion",
        verbose_name=_("dependencia que coordina"),
    )
    monto = models.PositiveBigIntegerField(
        _("monto a priorizar (COP)"), null=True, blank=True, help_text=_("En pesos, sin puntos.")
    )
    edad_minima = models.PositiveSmallIntegerField(_("edad mínima para participar"), default=14)
    propuestas_abren = models.DateField(_("propuestas desde"))
    propuestas_cierran = models.DateField(_("propuestas hasta"))
    votacion_abre = models.DateField(_("votación desde"))
    votacion_cierra = models.DateField(_("votación hasta"))
    resultados_publicados = models.BooleanField(_("resultados publicados"), default=False)
    publicado = models.BooleanField(_("publicado"), default=False)
    # The key of the voters' HMAC: random per process, never shown, never exported.
    secreto = models.CharField(max_length=64, default=_secreto, editable=False)

    objects = ProcesoPlaneacionQuerySet.as_manager()

    class Meta:
        ordering = ["-anio"]
        verbose_name = _("proceso de presupuesto participativo")
        verbose_name_plural = _("procesos de presupuesto participativo")

    def __str__(self):
        return self.titulo

    def get_absolute_url(self):
        return reverse("participa:planeacion_proceso", args=[self.anio])

    def clean(self):
        fechas = [self.propuestas_abren, self.propuestas_cierran, self.votacion_abre, self.votacion_cierra]
        if all(fechas) and fechas != sorted(fechas):
            raise ValidationError(_("Las fechas deben ir en orden: propuestas, luego votación."))

    def fase(self, hoy=None):
        hoy = hoy or timezone.localdate()
        if self.resultados_publicados:
            return self.Fase.RESULTADOS
        if hoy < self.propuestas_abren:
            return self.Fase.PRONTO
        if hoy <= self.propuestas_cierran:
            return self.Fase.PROPUESTAS
        if hoy < self.votacion_abre:
            return self.Fase.REVISION
        if hoy <= self.votacion_cierra:
            return self.Fase.VOTACION
        return self.Fase.CONTEO


class PropuestaQuerySet(models.QuerySet):
    def de_usuario(self, usuario):
        if usuario.is_superuser or usuario.has_perm("participa.ver_todas_propuesta"):
            return self
        return self.filter(proceso__dependencia__funcionarios__usuario=usuario).distinct()

    def en_votacion(self):
        return self.filter(estado=Propuesta.Estado.VIABLE)


class Propuesta(models.Model):
    class Estado(models.TextChoices):
        RECIBIDA = "recibida", _("Recibida, en revisión")
        VIABLE = "viable", _("Viable: va a votación")
        NO_VIABLE = "no_viable", _("No viable")

    proceso = models.ForeignKey(ProcesoPlaneacion, on_delete=models.PROTECT, related_name="propuestas")
    territorio = models.ForeignKey(Territorio, on_delete=models.PROTECT, related_name="propuestas")
    titulo = models.CharField(_("título"), max_length=150)
    descripcion = models.TextField(_("descripción"))
    costo = models.PositiveBigIntegerField(_("costo estimado (COP)"))
    estado = models.CharField(_("estado"), max_length=10, choices=Estado.choices, default=Estado.RECIBIDA)
    motivo = models.CharField(
        _("motivo (si no es viable)"), max_length=300, blank=True, help_text=_("Se publica con la propuesta.")
    )
    recibida = models.DateTimeField(_("recibida"), default=timezone.now, editable=False)

    objects = PropuestaQuerySet.as_manager()

    class Meta:
        ordering = ["territorio__nombre", "titulo"]
        verbose_name = _("propuesta")
        verbose_name_plural = _("propuestas")
        permissions = [("ver_todas_propuesta", _("Ver las propuestas y actas de todas las dependencias"))]

    def __str__(self):
        return f"{self.titulo} ({self.territorio.nombre})"

    def clean(self):
        if self.estado == self.Estado.NO_VIABLE and not self.motivo.strip():
            raise ValidationError({"motivo": _("Diga por qué no es viable: se publica con la propuesta.")})


class Voto(models.Model):
    """One online vote. ``huella`` is the HMAC-SHA-256 of «document type:number» keyed with the process's secret:
    the same person cannot vote twice in a process, and the number cannot be recovered nor matched across
    processes."""

    proceso = models.ForeignKey(ProcesoPlaneacion, on_delete=models.PROTECT, related_name="votos")
    propuesta = models.ForeignKey(Propuesta, on_delete=models.PROTECT, related_name="votos")
    huella = models.CharField(_("huella del documento"), max_length=64, editable=False)
    dia = models.DateField(_("día"), default=timezone.localdate, editable=False)

    class Meta:
        verbose_name = _("voto en línea")
        verbose_name_plural = _("votos en línea")
        constraints = [models.UniqueConstraint(fields=["proceso", "huella"], name="un_voto_por_persona_y_proceso")]

    def __str__(self):
        return f"{self.propuesta} · {self.dia:%d/%m/%Y}"


class ActaQuerySet(models.QuerySet):
    def de_usuario(self, usuario):
        if usuario.is_superuser or usuario.has_perm("participa.ver_todas_propuesta"):
            return self
        return self.filter(proceso__dependencia__funcionarios__usuario=usuario).distinct()


class Acta(models.Model):
    """The in-person ballots of a meeting (asamblea veredal, cabildo): entered by an official from the signed
    acta, with the votes per proposal."""

    proceso = models.ForeignKey(ProcesoPlaneacion, on_delete=models.PROTECT, related_name="actas")
    reunion = models.CharField(_("reunión"), max_length=200, help_text=_("Por ejemplo «Asamblea de la vereda…»."))
    territorio = models.ForeignKey(Territorio, on_delete=models.PROTECT, related_name="actas")
    fecha = models.DateField(_("fecha de la reunión"))
    asistentes = models.PositiveIntegerField(_("asistentes"), default=0)
    registrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, editable=False, related_name="+"
    )
    registrada = models.DateTimeField(_("registrada"), auto_now_add=True)

    objects = ActaQuerySet.as_manager()

    class Meta:
        ordering = ["proceso", "fecha"]
        verbose_name = _("acta de votación presencial")
        verbose_name_plural = _("actas de votación presencial")

    def __str__(self):
        return f"{self.reunion} ({self.fecha:%d/%m/%Y})"


class VotoActa(models.Model):
    acta = models.ForeignKey(Acta, on_delete=models.CASCADE, related_name="votos")
    propuesta = models.ForeignKey(Propuesta, on_delete=models.PROTECT, related_name="votos_en_actas")
    votos = models.PositiveIntegerField(_("votos"))

    class Meta:
        verbose_name = _("votos de una propuesta en el acta")
        verbose_name_plural = _("votos por propuesta")
        constraints = [models.UniqueConstraint(fields=["acta", "propuesta"], name="una_fila_por_propuesta_en_acta")]

    def __str__(self):
        return f"{self.propuesta}: {self.votos}"

    def clean(self):
        if self.propuesta_id and self.acta_id and self.propuesta.proceso_id != self.acta.proceso_id:
            raise ValidationError({"propuesta": _("La propuesta debe ser del mismo proceso que el acta.")})
