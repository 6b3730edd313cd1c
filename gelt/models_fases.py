"""GEL phases and criteria, evaluations with the portal's self-check, improvement actions; allied entities;
the dependencias' reporting cycle; the empalme with a new administration."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.archivos import ruta_documento, validar_documento
from portal.models import URLField


class Fase(models.Model):
    clave = models.SlugField(_("clave"), max_length=30, unique=True)
    nombre = models.CharField(_("fase"), max_length=80)
    descripcion = models.TextField(_("descripción"), blank=True)
    meta = models.PositiveSmallIntegerField(
        _("meta del plan (%)"), null=True, blank=True, help_text=_("Vacía para los criterios transversales.")
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden"]
        verbose_name = _("fase de GEL")
        verbose_name_plural = _("fases de GEL")

    def __str__(self):
        return self.nombre


class Criterio(models.Model):
    fase = models.ForeignKey(Fase, on_delete=models.CASCADE, related_name="criterios", verbose_name=_("fase"))
    codigo = models.CharField(_("código"), max_length=12, unique=True)
    nombre = models.CharField(_("criterio"), max_length=250)
    descripcion = models.TextField(_("descripción"), blank=True)
    contenidos_minimos = models.TextField(_("contenidos mínimos"), blank=True)
    verificacion = models.CharField(
        _("verificación automática"),
        max_length=40,
        blank=True,
        help_text=_("Clave de la verificación que hace el portal (ver «Verificación automática» en el tablero)."),
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["fase__orden", "orden"]
        verbose_name = _("criterio de GEL")
        verbose_name_plural = _("criterios de GEL")

    def __str__(self):
        return f"{self.codigo} {self.nombre}"


class Resultado(models.TextChoices):
    CUMPLE = "cumple", _("Cumple")
    PARCIAL = "parcial", _("Parcial")
    NO_CUMPLE = "no_cumple", _("No cumple")
    NO_APLICA = "no_aplica", _("No aplica")


class Evaluacion(models.Model):
    fecha = models.DateField(_("fecha"))
    nombre = models.CharField(
        _("nombre"), max_length=150, help_text=_("Por ejemplo «Estado inicial» o «Evaluación 2026».")
    )
    notas = models.TextField(_("notas"), blank=True)
    creada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    creada = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        ordering = ["-fecha"]
        verbose_name = _("evaluación de fases GEL")
        verbose_name_plural = _("evaluaciones de fases GEL")

    def __str__(self):
        return f"{self.nombre} ({self.fecha:%d/%m/%Y})"


class ResultadoCriterio(models.Model):
    evaluacion = models.ForeignKey(Evaluacion, on_delete=models.CASCADE, related_name="resultados")
    criterio = models.ForeignKey(Criterio, on_delete=models.PROTECT, related_name="resultados")
    resultado = models.CharField(_("resultado"), max_length=10, choices=Resultado.choices, default=Resultado.NO_CUMPLE)
    propuesta = models.CharField(
        _("propuesta automática"), max_length=10, choices=Resultado.choices, blank=True, editable=False
    )
    evidencia_automatica = models.TextField(_("lo que verificó el portal"), blank=True, editable=False)
    evidencia_enlace = URLField(_("enlace de evidencia"), blank=True)
    evidencia_archivo = models.FileField(
        _("archivo de evidencia"), upload_to=ruta_documento, validators=[validar_documento], blank=True
    )
    notas = models.TextField(_("notas"), blank=True)
    responsable = models.CharField(_("responsable"), max_length=150, blank=True)

    class Meta:
        ordering = ["criterio__fase__orden", "criterio__orden"]
        verbose_name = _("resultado por criterio")
        verbose_name_plural = _("resultados por criterio")
        constraints = [models.UniqueConstraint(fields=["evaluacion", "criterio"], name="un_resultado_por_criterio")]

    def __str__(self):
        return f"{self.criterio.codigo}: {self.get_resultado_display()}"

    @property
    def confirma_propuesta(self):
        return bool(self.propuesta) and self.propuesta == self.resultado


class AccionMejora(models.Model):
    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        EN_CURSO = "en_curso", _("En curso")
        TERMINADA = "terminada", _("Terminada")

    criterio = models.ForeignKey(Criterio, on_delete=models.CASCADE, related_name="acciones_mejora")
    evaluacion = models.ForeignKey(
        Evaluacion, on_delete=models.SET_NULL, null=True, blank=True, related_name="acciones_mejora"
    )
    descripcion = models.CharField(_("acción de mejora"), max_length=300)
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="acciones_mejora",
        verbose_name=_("responsable"),
    )
    fecha_limite = models.DateField(_("fecha límite"))
    estado = models.CharField(_("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE)

    class Meta:
        ordering = ["estado", "fecha_limite"]
        verbose_name = _("acción de mejora")
        verbose_name_plural = _("acciones de mejora")

    def __str__(self):
        return self.descripcion


class EntidadAliada(models.Model):
    class Nivel(models.TextChoices):
        LOCAL = "local", _("Local")
        DEPARTAMENTAL = "departamental", _("Departamental")
        NACIONAL = "nacional", _("Nacional")
        INTERNACIONAL = "internacional", _("Internacional")

    nombre = models.CharField(_("entidad"), max_length=200)
    nivel = models.CharField(_("nivel"), max_length=15, choices=Nivel.choices)
    contacto = models.CharField(_("persona de contacto"), max_length=150, blank=True)
    correo = models.EmailField(_("correo"), blank=True)
    telefono = models.CharField(_("teléfono"), max_length=40, blank=True)
    convenio = models.CharField(
        _("convenio"), max_length=200, blank=True, help_text=_("Nombre o número del convenio.")
    )
    fecha_convenio = models.DateField(
        _("fecha del convenio"), null=True, blank=True, help_text=_("Vacía mientras la entidad no esté vinculada.")
    )
    documento_convenio = models.FileField(
        _("documento del convenio"), upload_to=ruta_documento, validators=[validar_documento], blank=True
    )
    informacion_a_publicar = models.TextField(_("información que se publica por el convenio"), blank=True)
    servicio_url = URLField(_("servicio implementado en el portal"), blank=True)

    class Meta:
        ordering = ["nivel", "nombre"]
        verbose_name = _("entidad aliada")
        verbose_name_plural = _("entidades aliadas")

    def __str__(self):
        return self.nombre

    @property
    def vinculada(self):
        return self.fecha_convenio is not None


class EntregaDependencia(models.Model):
    """A dependencia's semiannual delivery of its information update (plan action "participación activa")."""

    dependencia = models.ForeignKey(
        "portal.Dependencia", on_delete=models.CASCADE, related_name="+", verbose_name=_("dependencia")
    )
    fecha = models.DateField(_("fecha de entrega"))
    descripcion = models.CharField(_("qué entregó"), max_length=300)
    archivo = models.FileField(_("archivo"), upload_to=ruta_documento, validators=[validar_documento], blank=True)
    enlace = URLField(_("enlace"), blank=True)
    registrado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )

    class Meta:
        ordering = ["-fecha"]
        verbose_name = _("entrega de información de una dependencia")
        verbose_name_plural = _("entregas de información de las dependencias")

    def __str__(self):
        return f"{self.dependencia} — {self.fecha:%d/%m/%Y}"


class Empalme(models.Model):
    """The handover to a new administration and how its officials join the GEL process."""

    nombre = models.CharField(_("empalme"), max_length=150, help_text=_("Por ejemplo «Empalme 2027–2028»."))
    fecha_inicio = models.DateField(_("inicio"))
    documento = models.ForeignKey(
        "portal.Documento",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("documento de empalme"),
        help_text=_("El documento publicado en Transparencia 4.5 (súbalo en Documentos)."),
    )
    socializacion = models.ManyToManyField(
        "portal.Evento", blank=True, related_name="+", verbose_name=_("socialización con la comunidad (eventos)")
    )

    class Meta:
        ordering = ["-fecha_inicio"]
        verbose_name = _("empalme")
        verbose_name_plural = _("empalmes")

    def __str__(self):
        return self.nombre


class ActividadEmpalme(models.Model):
    empalme = models.ForeignKey(Empalme, on_delete=models.CASCADE, related_name="actividades")
    fecha = models.DateField(_("fecha"))
    descripcion = models.CharField(_("actividad"), max_length=300)
    participantes = models.CharField(_("participantes"), max_length=300, blank=True)
    evidencia = models.FileField(_("evidencia"), upload_to=ruta_documento, validators=[validar_documento], blank=True)
    enlace = URLField(_("enlace de evidencia"), blank=True)

    class Meta:
        ordering = ["fecha"]
        verbose_name = _("actividad de empalme")
        verbose_name_plural = _("actividades de empalme")

    def __str__(self):
        return self.descripcion


class FuncionarioEmpalme(models.Model):
    class Vinculo(models.TextChoices):
        NINGUNO = "", _("Aún no vinculado")
        CAPACITADO = "capacitado", _("Capacitado en GEL")
        CANAL = "canal", _("Responsable de un canal")
        FICHA = "ficha", _("Responsable de fichas")

    empalme = models.ForeignKey(Empalme, on_delete=models.CASCADE, related_name="funcionarios")
    nombre = models.CharField(_("nombre"), max_length=150)
    cargo = models.CharField(_("cargo"), max_length=150)
    vinculo = models.CharField(_("vinculación al proceso GEL"), max_length=12, choices=Vinculo.choices, blank=True)

    class Meta:
        ordering = ["nombre"]
        verbose_name = _("funcionario de la nueva administración")
        verbose_name_plural = _("funcionarios de la nueva administración")

    def __str__(self):
        return self.nombre

    @property
    def vinculado(self):
        return bool(self.vinculo)
