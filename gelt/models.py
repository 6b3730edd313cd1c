"""The Comité GEL-T's action plan, its indicators and their history, and the channels it keeps updated."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.archivos import ruta_documento, validar_documento
from portal.models import URLField


class PlanQuerySet(models.QuerySet):
    def vigente(self):
        """The plan in force: the active one with the latest start year."""
        return self.filter(activo=True).order_by("-anio_inicio").first()


class Plan(models.Model):
    nombre = models.CharField(_("nombre"), max_length=200)
    anio_inicio = models.PositiveSmallIntegerField(_("año de inicio"))
    anio_fin = models.PositiveSmallIntegerField(_("año de fin"))
    vision = models.TextField(_("visión"))
    objetivo_general = models.TextField(_("objetivo general"))
    activo = models.BooleanField(
        _("vigente"),
        default=True,
        help_text=_("Al abrir un plan nuevo, desactive el anterior: su historia se conserva."),
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-anio_inicio"]
        verbose_name = _("plan de acción GEL")
        verbose_name_plural = _("planes de acción GEL")

    def __str__(self):
        return f"{self.nombre} ({self.anio_inicio}–{self.anio_fin})"

    def clean(self):
        if self.anio_fin < self.anio_inicio:
            raise ValidationError({"anio_fin": _("El año de fin no puede ser anterior al de inicio.")})


class ObjetivoEspecifico(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objetivos")
    texto = models.TextField(_("objetivo específico"))
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden"]
        verbose_name = _("objetivo específico")
        verbose_name_plural = _("objetivos específicos")

    def __str__(self):
        return self.texto[:80]


class LineaAccion(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="lineas")
    nombre = models.CharField(_("línea de acción"), max_length=300)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden"]
        verbose_name = _("línea de acción")
        verbose_name_plural = _("líneas de acción")

    def __str__(self):
        return self.nombre


class Accion(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="acciones")
    linea = models.ForeignKey(
        LineaAccion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acciones",
        verbose_name=_("línea de acción"),
    )
    nombre = models.CharField(_("acción"), max_length=300)
    beneficio = models.TextField(_("beneficio para los ciudadanos"))
    recursos = models.TextField(_("recursos"), blank=True)
    tiempo = models.CharField(_("tiempo"), max_length=60, blank=True, help_text=_("Por ejemplo «5 años»."))
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["plan", "orden"]
        verbose_name = _("acción del plan")
        verbose_name_plural = _("acciones del plan")

    def __str__(self):
        return self.nombre


class Actividad(models.Model):
    accion = models.ForeignKey(Accion, on_delete=models.CASCADE, related_name="actividades")
    descripcion = models.CharField(_("actividad"), max_length=400)
    responsables = models.CharField(_("responsables"), max_length=200)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden"]
        verbose_name = _("actividad")
        verbose_name_plural = _("actividades")

    def __str__(self):
        return self.descripcion


class Indicador(models.Model):
    class Unidad(models.TextChoices):
        PORCENTAJE = "porcentaje", _("porcentaje")
        CANTIDAD = "cantidad", _("cantidad")
        VECES = "veces", _("veces en el periodo")
        MESES = "meses", _("meses")

    class Sentido(models.TextChoices):
        MAYOR = "mayor", _("más es mejor")
        MENOR = "menor", _("menos es mejor")

    class Periodicidad(models.TextChoices):
        MENSUAL = "mensual", _("mensual")
        SEMESTRAL = "semestral", _("semestral")
        ANUAL = "anual", _("anual")

    accion = models.ForeignKey(Accion, on_delete=models.CASCADE, related_name="indicadores")
    nombre = models.CharField(_("indicador"), max_length=300)
    meta_texto = models.CharField(
        _("meta (como la dice el plan)"), max_length=100, help_text=_("Por ejemplo «5 al año» o «1 vez en el mes».")
    )
    meta_valor = models.DecimalField(
        _("meta (valor)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unidad = models.CharField(_("unidad"), max_length=12, choices=Unidad.choices)
    sentido = models.CharField(_("sentido"), max_length=6, choices=Sentido.choices, default=Sentido.MAYOR)
    periodicidad = models.CharField(_("periodicidad"), max_length=10, choices=Periodicidad.choices)
    fuente = models.CharField(
        _("fuente automática"),
        max_length=40,
        blank=True,
        help_text=_("Vacía: el comité registra las mediciones. Si no, el portal calcula el valor con sus datos."),
    )
    del_plan = models.BooleanField(
        _("está en el plan"), default=True, help_text=_("Desmarcado: indicador de seguimiento agregado por el comité.")
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["accion__orden", "orden"]
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")

    def __str__(self):
        return self.nombre


class Medicion(models.Model):
    """A value the committee records for an indicator the portal cannot compute."""

    indicador = models.ForeignKey(Indicador, on_delete=models.CASCADE, related_name="mediciones")
    periodo = models.DateField(
        _("periodo"), help_text=_("Primer día del mes, semestre o año medido (por ejemplo 01/01/2026).")
    )
    valor = models.DecimalField(_("valor"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)])
    evidencia = models.FileField(_("evidencia"), upload_to=ruta_documento, validators=[validar_documento], blank=True)
    enlace = URLField(_("enlace de evidencia"), blank=True)
    notas = models.TextField(_("notas"), blank=True)
    motivo = models.TextField(
        _("motivo de la sustitución"),
        blank=True,
        help_text=_(
            "Solo para un indicador que calcula el portal: por qué el comité registra otro valor. El tablero lo "
            "muestra como sustituido, con este motivo."
        ),
    )
    registrado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    registrado_en = models.DateTimeField(_("registrado"), auto_now_add=True)

    class Meta:
        ordering = ["-periodo"]
        verbose_name = _("medición")
        verbose_name_plural = _("mediciones")
        constraints = [models.UniqueConstraint(fields=["indicador", "periodo"], name="medicion_unica_por_periodo")]

    def __str__(self):
        return f"{self.indicador}: {self.valor} ({self.periodo:%m/%Y})"

    @property
    def es_sustitucion(self):
        return bool(self.indicador_id and self.indicador.fuente)

    def clean(self):
        if not self.indicador_id:
            return
        if self.periodo:
            # Any day of the period will do: it is kept as the first day of the indicator's month, semester or year.
            self.periodo = inicio_de_periodo(self.periodo, self.indicador.periodicidad)
        if self.indicador.fuente and not self.motivo.strip():
            raise ValidationError(
                {"motivo": _("Este indicador lo calcula el portal: para sustituir su valor, escriba el motivo.")}
            )


def inicio_de_periodo(fecha, periodicidad):
    """The first day of the month, semester or year that contains ``fecha``."""
    if periodicidad == Indicador.Periodicidad.MENSUAL:
        return fecha.replace(day=1)
    if periodicidad == Indicador.Periodicidad.SEMESTRAL:
        return fecha.replace(month=1 if fecha.month <= 6 else 7, day=1)
    return fecha.replace(month=1, day=1)


class Instantanea(models.Model):
    """The value and status of an indicator stored for a period (``gelt_instantanea``), for trends."""

    indicador = models.ForeignKey(Indicador, on_delete=models.CASCADE, related_name="instantaneas")
    periodo = models.DateField(_("periodo"))
    valor = models.DecimalField(_("valor"), max_digits=10, decimal_places=2, null=True)
    estado = models.CharField(_("estado"), max_length=12)
    creada = models.DateTimeField(_("tomada"), default=timezone.now)

    class Meta:
        ordering = ["periodo"]
        verbose_name = _("instantánea de indicador")
        verbose_name_plural = _("instantáneas de indicadores")
        constraints = [models.UniqueConstraint(fields=["indicador", "periodo"], name="instantanea_unica_por_periodo")]

    def __str__(self):
        return f"{self.indicador} — {self.periodo:%m/%Y}"


class Canal(models.Model):
    """A channel through which the municipality informs, and who keeps it up to date."""

    class Seccion(models.TextChoices):
        NOTICIAS = "noticias", _("Noticias del portal")
        TRAMITES = "tramites", _("Trámites del portal")
        SERVICIOS = "servicios", _("Servicios del portal")
        TRANSPARENCIA = "transparencia", _("Transparencia (documentos) del portal")
        EVENTOS = "eventos", _("Eventos del portal")

    nombre = models.CharField(_("canal"), max_length=120)
    seccion_web = models.CharField(
        _("sección del portal"),
        max_length=20,
        choices=Seccion.choices,
        blank=True,
        help_text=_("Si es una sección del portal, su última actualización se calcula sola."),
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="canales_a_cargo",
        verbose_name=_("responsable"),
    )
    frecuencia_dias = models.PositiveSmallIntegerField(
        _("actualizar cada (días)"), default=30, validators=[MinValueValidator(1)]
    )
    activo = models.BooleanField(_("activo"), default=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden", "nombre"]
        verbose_name = _("canal")
        verbose_name_plural = _("canales")

    def __str__(self):
        return self.nombre


class ActualizacionCanal(models.Model):
    """An update of an external channel (a radio spot, a perifoneo round, a post), logged by hand."""

    canal = models.ForeignKey(Canal, on_delete=models.CASCADE, related_name="actualizaciones")
    fecha = models.DateField(_("fecha"), default=timezone.localdate)
    descripcion = models.CharField(_("qué se publicó o divulgó"), max_length=300)
    registrado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    registrado_en = models.DateTimeField(_("registrado"), auto_now_add=True)

    class Meta:
        ordering = ["-fecha"]
        verbose_name = _("actualización de canal")
        verbose_name_plural = _("actualizaciones de canales")

    def __str__(self):
        return f"{self.canal}: {self.descripcion}"

    def clean(self):
        if self.fecha and self.fecha > timezone.localdate():
            raise ValidationError({"fecha": _("La fecha no puede ser futura.")})


class Recordatorio(models.Model):
    """A reminder e-mail sent by ``gelt_recordatorios``; at most one per person per day."""

    destinatario = models.EmailField(_("destinatario"))
    dia = models.DateField(_("día"))
    asunto = models.CharField(_("asunto"), max_length=200)
    resumen = models.TextField(_("contenido"))
    enviado = models.DateTimeField(_("enviado"), auto_now_add=True)

    class Meta:
        ordering = ["-enviado"]
        verbose_name = _("recordatorio enviado")
        verbose_name_plural = _("recordatorios enviados")
        constraints = [models.UniqueConstraint(fields=["destinatario", "dia"], name="un_recordatorio_al_dia")]

    def __str__(self):
        return f"{self.destinatario} — {self.dia}"


class VisitasDelDia(models.Model):
    """The page views and unique visitors of one closed day, as ``portal.metrics.visitas`` counted them.

    Kept by ``gelt.visitas`` (see there) only once no more visits of that day can be flushed from the cache, so
    the dashboard reads one small row per day instead of every visitor of the year. Never edited by hand.
    """

    dia = models.DateField(_("día"), unique=True)
    vistas = models.PositiveIntegerField(_("páginas vistas"))
    visitantes = models.PositiveIntegerField(_("visitantes únicos"))

    class Meta:
        ordering = ["dia"]
        verbose_name = _("visitas de un día cerrado")
        verbose_name_plural = _("visitas de los días cerrados")

    def __str__(self):
        return f"{self.dia}: {self.visitantes} visitantes, {self.vistas} vistas"


# GEL phases, allied entities, the dependencias' cycle and the empalme (kept in their own module).
from .models_fases import (  # noqa: E402, F401
    AccionMejora,
    ActividadEmpalme,
    Criterio,
    Empalme,
    EntidadAliada,
    EntregaDependencia,
    Evaluacion,
    Fase,
    FuncionarioEmpalme,
    Resultado,
    ResultadoCriterio,
)
