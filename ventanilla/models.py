"""The ventanilla: everything a person files that the municipality must answer within a legal term.

One engine for PQRSD (Ley 1755 de 2015), and later for online trámite requests and participation questions:
the radicado with its consecutive number, the legal clock in business days, the public steps and internal
notes of its file, and its attachments (kept outside the public media folder).

Personal data (the petitioner's name, document, e-mail, address, phone) lives only in ``Radicado`` and is
listed in ``Radicado.campos_personales`` so the audit log records that it changed, never its value.
"""

import hashlib
import hmac
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal.models import Dependencia
from portal.models.texto import TextoEnriquecido


class Tipo(models.TextChoices):
    """The kinds of petition of Ley 1755 (art. 13) and the ones the PQRSD acronym adds; the codes are fixed
    by law, their terms are editable (``TerminoLegal``)."""

    PETICION = "peticion", _("Petición de interés general o particular")
    INFORMACION = "informacion", _("Solicitud de información o de documentos")
    CONSULTA = "consulta", _("Consulta")
    QUEJA = "queja", _("Queja")
    RECLAMO = "reclamo", _("Reclamo")
    SUGERENCIA = "sugerencia", _("Sugerencia")
    DENUNCIA = "denuncia", _("Denuncia")
    FELICITACION = "felicitacion", _("Felicitación")
    TRAMITE = "tramite", _("Solicitud de un trámite o servicio en línea")


# The kinds a person chooses in the PQRSD form (online trámites come from their ficha's own form).
TIPOS_PQRSD = [t for t in Tipo if t != Tipo.TRAMITE]

# What each kind is, in plain words for the form (kept in code: the form must render when the database is down).
EXPLICACIONES = {
    Tipo.PETICION: _("Pedir algo a la alcaldía: que actúe, que reconozca un derecho, que resuelva una situación."),
    Tipo.INFORMACION: _("Pedir información pública o copias de documentos que tiene la alcaldía."),
    Tipo.CONSULTA: _(
        "Preguntar la opinión de la alcaldía sobre un tema a su cargo (cómo aplica una norma, por ejemplo)."
    ),
    Tipo.QUEJA: _("Contar una mala atención o una conducta irregular de un servidor público."),
    Tipo.RECLAMO: _("Decir que un servicio o un trámite no se prestó o se prestó mal, y pedir que se corrija."),
    Tipo.SUGERENCIA: _("Proponer una idea para mejorar un servicio o la atención."),
    Tipo.DENUNCIA: _(
        "Informar hechos que pueden ser irregulares o un delito (corrupción, por ejemplo). Puede ser anónima."
    ),
    Tipo.FELICITACION: _("Reconocer una buena atención o un buen servicio."),
    Tipo.TRAMITE: _("Pedir un trámite o servicio desde su ficha, con sus requisitos."),
}

# Ley 962 de 2005 art. 81: anonymous complaints and denuncias are received (and acted on when the facts can be
# identified), so only these kinds may be filed without the person's data.
ANONIMO_PERMITIDO = {Tipo.QUEJA, Tipo.DENUNCIA}


class Canal(models.TextChoices):
    WEB = "web", _("Portal web")
    VENTANILLA = "ventanilla", _("Ventanilla (presencial, escrita)")
    VERBAL = "verbal", _("Verbal (presencial)")
    TELEFONO = "telefono", _("Teléfono")
    CORREO_FISICO = "correo_fisico", _("Correo físico")
    CORREO_ELECTRONICO = "correo_electronico", _("Correo electrónico")


class Prioridad(models.TextChoices):
    """Ley 1755 art. 20 and the special protection of minors (Código de la Infancia, art. 8 and 41)."""

    NINGUNA = "", _("Ninguna")
    DERECHO_FUNDAMENTAL = "derecho_fundamental", _("Derecho fundamental en riesgo de un perjuicio irremediable")
    VIDA = "vida", _("Peligro para la vida o la integridad de una persona")
    MENOR = "menor", _("La presenta o se refiere a un niño, niña o adolescente")
    PERIODISTA = "periodista", _("Periodista en ejercicio de su actividad")


class TerminoLegal(models.Model):
    """The term to answer each kind of petition, with its legal basis: editable by the portal administrator."""

    tipo = models.CharField(_("tipo de solicitud"), max_length=20, choices=Tipo.choices, unique=True)
    dias = models.PositiveSmallIntegerField(_("días hábiles para responder"))
    fundamento = models.CharField(_("fundamento legal"), max_length=250)

    class Meta:
        ordering = ["tipo"]
        verbose_name = _("término legal")
        verbose_name_plural = _("términos legales")

    def __str__(self):
        return f"{self.get_tipo_display()}: {self.dias} días hábiles"


class DiaSuspendido(models.Model):
    """A day the municipality suspended the terms by decree (not counted as a business day)."""

    fecha = models.DateField(_("fecha"), unique=True)
    motivo = models.CharField(
        _("motivo y acto administrativo"),
        max_length=250,
        help_text=_("Por ejemplo «Decreto 045 de 2026: cierre por mantenimiento del Palacio Municipal»."),
    )

    class Meta:
        ordering = ["-fecha"]
        verbose_name = _("día de términos suspendidos")
        verbose_name_plural = _("días de términos suspendidos")

    def __str__(self):
        return f"{self.fecha:%d/%m/%Y}: {self.motivo}"


class Consecutivo(models.Model):
    """The last radicado number given in a year: incremented inside the filing transaction, so a filing that
    fails gives its number back and the sequence has no gaps."""

    anio = models.PositiveSmallIntegerField(_("año"), primary_key=True)
    ultimo = models.PositiveIntegerField(_("último número"), default=0)

    class Meta:
        verbose_name = _("consecutivo de radicación")
        verbose_name_plural = _("consecutivos de radicación")

    def __str__(self):
        return f"{self.anio}: {self.ultimo}"


class Estado(models.TextChoices):
    RADICADA = "radicada", _("Radicada")
    EN_TRAMITE = "en_tramite", _("En trámite")
    POR_COMPLETAR = "por_completar", _("Falta información del peticionario")
    RESPONDIDA = "respondida", _("Respondida")
    TRASLADADA = "trasladada", _("Trasladada a otra entidad")
    DESISTIDA = "desistida", _("Desistida")
    CERRADA = "cerrada", _("Cerrada")


ABIERTOS = [Estado.RADICADA, Estado.EN_TRAMITE]
FINALES = [Estado.RESPONDIDA, Estado.TRASLADADA, Estado.DESISTIDA, Estado.CERRADA]


class RadicadoQuerySet(models.QuerySet):
    def de_usuario(self, usuario):
        """What an official may see: all for the committee, administrators and the office that receives PQRSD;
        otherwise the radicados of their dependencias (and the ones assigned to them)."""
        from .permisos import ve_todos

        if ve_todos(usuario):
            return self
        return self.filter(Q(dependencia__funcionarios__usuario=usuario) | Q(responsable=usuario)).distinct()

    def abiertos(self):
        return self.filter(estado__in=ABIERTOS)

    def vencidos(self, hoy=None):
        """Open with the due date past (computed from the stored due date; never stored as a state)."""
        return self.abiertos().filter(vence__lt=hoy or timezone.localdate())

    def por_vencer(self, hoy, hasta):
        return self.abiertos().filter(vence__gte=hoy, vence__lte=hasta)


class AlmacenPrivado(FileSystemStorage):
    """Files under PRIVADO_ROOT, read from the settings on every use (tests and deployments move it)."""

    @property
    def base_location(self):
        return str(settings.PRIVADO_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def _almacen_privado():
    return AlmacenPrivado()


def ruta_adjunto(instance, filename):
    from portal.archivos import _ruta_segura

    return _ruta_segura("ventanilla", filename, "adjunto")


class Radicado(models.Model):
    # Given last, inside the filing's transaction (services.radicado_crear): never empty once it commits.
    numero = models.CharField(_("número de radicado"), max_length=20, unique=True, null=True, editable=False)
    anio = models.PositiveSmallIntegerField(_("año"), editable=False)
    consecutivo = models.PositiveIntegerField(_("consecutivo"), null=True, editable=False)
    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices)
    canal = models.CharField(_("canal"), max_length=20, choices=Canal.choices, default=Canal.WEB)
    asunto = models.CharField(_("asunto"), max_length=200)
    descripcion = models.TextField(_("hechos y solicitud"))
    prioridad = models.CharField(_("atención prioritaria"), max_length=30, choices=Prioridad.choices, blank=True)
    dependencia = models.ForeignKey(
        Dependencia,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="radicados",
        verbose_name=_("dependencia responsable"),
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="radicados_asignados",
        verbose_name=_("funcionario responsable"),
    )
    estado = models.CharField(_("estado"), max_length=20, choices=Estado.choices, default=Estado.RADICADA)

    # The person. Empty when anonymous (quejas and denuncias only).
    anonimo = models.BooleanField(_("anónima"), default=False)
    tipo_persona = models.CharField(
        _("tipo de persona"),
        max_length=10,
        choices=[("natural", _("Persona natural")), ("juridica", _("Persona jurídica"))],
        blank=True,
    )
    tipo_documento = models.CharField(_("tipo de documento"), max_length=10, blank=True)
    numero_documento = models.CharField(_("número de documento"), max_length=20, blank=True)
    nombre = models.CharField(_("nombre o razón social"), max_length=200, blank=True)
    correo = models.EmailField(_("correo electrónico"), blank=True)
    direccion = models.CharField(_("dirección postal"), max_length=250, blank=True)
    telefono = models.CharField(_("teléfono"), max_length=30, blank=True)
    notificacion_electronica = models.BooleanField(_("acepta notificación electrónica"), default=False)
    codigo_hash = models.CharField(_("huella del código de consulta"), max_length=64, editable=False)

    # The legal clock (Ley 1755 arts. 14 and 17). ``vence`` is the due date in force: recomputed when the term
    # pauses, restarts or is extended, and when suspended days change; null while paused. Whether a radicado is
    # overdue is always computed from it, never stored.
    radicado_en = models.DateTimeField(_("radicada el"), default=timezone.now, editable=False)
    dias_termino = models.PositiveSmallIntegerField(_("término (días)"))
    dias_calendario = models.BooleanField(_("término en días calendario"), default=False)
    fundamento_termino = models.CharField(_("fundamento del término"), max_length=250, blank=True)
    inicio_termino = models.DateField(_("el término cuenta desde"))
    vence = models.DateField(_("vence"), null=True, blank=True, db_index=True)
    vence_original = models.DateField(_("vencimiento inicial"), null=True, blank=True)
    prorroga_motivo = models.TextField(_("motivo de la prórroga"), blank=True)
    completar_solicitado = models.DateField(_("se pidió completar el"), null=True, blank=True)
    completar_hasta = models.DateField(_("plazo para completar"), null=True, blank=True)

    # The answer.
    respuesta = TextoEnriquecido(_("respuesta"), blank=True)
    respondida_en = models.DateTimeField(_("respondida el"), null=True, blank=True)
    respondida_a_tiempo = models.BooleanField(_("respondida dentro del término"), null=True, blank=True)
    notificada_en = models.DateTimeField(
        _("notificada el"),
        null=True,
        blank=True,
        help_text=_("Cuando el peticionario abrió la respuesta por primera vez (CPACA art. 56)."),
    )
    acceso_negado = models.BooleanField(
        _("se negó el acceso a la información"), default=False, help_text=_("Solo solicitudes de información.")
    )
    fundamento_negacion = models.CharField(_("fundamento de la negación"), max_length=250, blank=True)
    entidad_traslado = models.CharField(_("entidad a la que se trasladó"), max_length=200, blank=True)
    cerrada_en = models.DateTimeField(_("cerrada el"), null=True, blank=True)

    # Online trámites (Tipo.TRAMITE): which ficha, the decision, and the payment when the ficha has a cost.
    ficha_modelo = models.CharField(_("ficha (tipo)"), max_length=40, blank=True, editable=False)
    ficha_id = models.PositiveBigIntegerField(_("ficha (id)"), null=True, blank=True, editable=False)
    ficha_nombre = models.CharField(_("trámite o servicio"), max_length=250, blank=True, editable=False)
    decision = models.CharField(
        _("decisión"),
        max_length=10,
        blank=True,
        choices=[("aprobada", _("Aprobada")), ("rechazada", _("Rechazada"))],
    )
    valor_a_pagar = models.DecimalField(_("valor a pagar"), max_digits=14, decimal_places=0, null=True, blank=True)
    pagado_en = models.DateTimeField(_("pago registrado el"), null=True, blank=True)
    pago_detalle = models.CharField(_("cómo se pagó"), max_length=200, blank=True)

    objects = RadicadoQuerySet.as_manager()

    # Recorded in the audit log only as "changed", never with their value (Ley 1581).
    campos_personales = (
        "tipo_persona",
        "tipo_documento",
        "numero_documento",
        "nombre",
        "correo",
        "direccion",
        "telefono",
        "descripcion",
        "asunto",
        "respuesta",
    )

    class Meta:
        ordering = ["-radicado_en"]
        verbose_name = _("radicado")
        verbose_name_plural = _("radicados (bandeja de PQRSD)")
        constraints = [models.UniqueConstraint(fields=["anio", "consecutivo"], name="radicado_consecutivo_unico")]
        indexes = [models.Index(fields=["estado", "vence"], name="radicado_estado_vence")]
        permissions = [
            ("ver_todos_radicado", _("Ver y repartir todos los radicados (oficina de atención al ciudadano)"))
        ]

    def __str__(self):
        return self.numero

    def get_absolute_url(self):
        return reverse("admin:ventanilla_radicado_change", args=[self.pk])

    # The clock, read ---------------------------------------------------------------------------------------

    @property
    def abierto(self):
        return self.estado in ABIERTOS

    def vencido(self, hoy=None):
        return self.abierto and self.vence is not None and self.vence < (hoy or timezone.localdate())

    @cached_property
    def es_informacion(self):
        return self.tipo == Tipo.INFORMACION

    @property
    def etiqueta_termino(self):
        unidad = "calendario" if self.dias_calendario else "hábiles"
        return f"{self.dias_termino} días {unidad}"

    @property
    def es_tramite(self):
        return self.tipo == Tipo.TRAMITE

    @property
    def estado_publico(self):
        """The state as the petitioner reads it; an online trámite speaks of its own steps (issue 19)."""
        if not self.es_tramite:
            return self.get_estado_display()
        if self.estado == Estado.RESPONDIDA or (self.estado == Estado.CERRADA and self.decision):
            if self.decision == "rechazada":
                return "Rechazada"
            return "Emitida" if self.certificados.exists() else "Aprobada"
        return {
            Estado.RADICADA: "Radicada",
            Estado.EN_TRAMITE: "En revisión",
            Estado.POR_COMPLETAR: "Requiere subsanar",
        }.get(self.estado, self.get_estado_display())

    def ficha(self):
        """The requested trámite or servicio (its app registered the model; ventanilla never imports it), or
        None."""
        if not self.ficha_modelo or not self.ficha_id:
            return None
        from django.apps import apps

        try:
            modelo = apps.get_model(self.ficha_modelo)
        except (LookupError, ValueError):
            return None
        return modelo.objects.filter(pk=self.ficha_id).first()

    @property
    def pendiente_de_pago(self):
        return bool(self.valor_a_pagar) and self.pagado_en is None

    @property
    def trasladar_hasta(self):
        """Ley 1755 art. 21: a petition for another authority is forwarded within 5 business days of filing."""
        from .calendario import calendario_vigente

        return calendario_vigente().sumar(timezone.localdate(self.radicado_en), 5)

    def codigo_valido(self, codigo):
        return bool(codigo) and hmac.compare_digest(self.codigo_hash, huella_de_codigo(codigo))


def huella_de_codigo(codigo):
    """The stored form of a follow-up code: a keyed SHA-256 (the code has 80 random bits, so no slow hash is
    needed; the key keeps a stolen database from being checked offline without the secret)."""
    limpio = "".join(c for c in codigo.upper() if c.isalnum())
    return hmac.new(settings.SECRET_KEY.encode(), f"ventanilla:{limpio}".encode(), hashlib.sha256).hexdigest()


class Actuacion(models.Model):
    """A step in the file of a radicado: public ones appear on the follow-up page, internal notes never do."""

    class Clase(models.TextChoices):
        RADICACION = "radicacion", _("Radicación")
        ASIGNACION = "asignacion", _("Asignación")
        SOLICITUD_COMPLETAR = "solicitud_completar", _("Solicitud de completar la petición")
        COMPLETADA = "completada", _("El peticionario completó la información")
        PRORROGA = "prorroga", _("Prórroga del término")
        TRASLADO = "traslado", _("Traslado a otra entidad")
        RESPUESTA = "respuesta", _("Respuesta")
        NOTIFICACION = "notificacion", _("Notificación")
        DESISTIMIENTO = "desistimiento", _("Desistimiento")
        CIERRE = "cierre", _("Cierre")
        NOTA = "nota", _("Nota interna")
        AVISO = "aviso", _("Aviso de vencimiento")

    radicado = models.ForeignKey(Radicado, on_delete=models.CASCADE, related_name="actuaciones")
    clase = models.CharField(_("clase"), max_length=30, choices=Clase.choices)
    texto = models.TextField(_("texto"), blank=True)
    publica = models.BooleanField(_("visible para el peticionario"), default=True)
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("funcionario")
    )
    fecha = models.DateTimeField(_("fecha"), default=timezone.now)

    class Meta:
        ordering = ["fecha", "pk"]
        verbose_name = _("actuación")
        verbose_name_plural = _("actuaciones")

    def __str__(self):
        return f"{self.get_clase_display()} ({timezone.localtime(self.fecha):%d/%m/%Y %H:%M})"


class Adjunto(models.Model):
    """A file of a radicado: from the petitioner or from the answer. Stored outside MEDIA_ROOT and served only
    through the follow-up page (to the petitioner) and the admin (to the officials who see the radicado)."""

    radicado = models.ForeignKey(Radicado, on_delete=models.CASCADE, related_name="adjuntos")
    archivo = models.FileField(_("archivo"), upload_to=ruta_adjunto, storage=_almacen_privado, max_length=200)
    nombre = models.CharField(_("nombre"), max_length=200)
    del_peticionario = models.BooleanField(_("lo aportó el peticionario"), default=True)
    subido = models.DateTimeField(_("subido el"), default=timezone.now)

    class Meta:
        ordering = ["subido", "pk"]
        verbose_name = _("adjunto")
        verbose_name_plural = _("adjuntos")

    def __str__(self):
        return self.nombre


class Intento(models.Model):
    """A counted attempt from one connection (filing, follow-up lookups), for the per-connection limits. The
    connection is an HMAC of its address and the day: the address itself is never stored."""

    accion = models.CharField(max_length=20)
    huella = models.CharField(max_length=64)
    creado = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["accion", "huella", "creado"], name="intento_accion_huella")]
        verbose_name = _("intento")
        verbose_name_plural = _("intentos")

    def __str__(self):
        return f"{self.accion} {self.creado:%Y-%m-%d %H:%M}"


def clave_de_ficha(etiqueta, pk):
    """How a template names its ficha: «tramites.tramite:12» (the model's label and the ficha's id)."""
    return f"{etiqueta}:{pk}"


class PlantillaCertificado(models.Model):
    """The text of a certificate the municipality issues (residencia, estratificación, paz y salvo…), edited by
    the portal administrator. The text takes the person's data with {nombre}, {documento}, {tipo_documento},
    {direccion}, {radicado}, {fecha} and {valido_hasta}."""

    nombre = models.CharField(_("nombre"), max_length=150, unique=True)
    titulo = models.CharField(
        _("título impreso"), max_length=150, help_text=_("Por ejemplo «CERTIFICADO DE RESIDENCIA».")
    )
    texto = models.TextField(
        _("texto"),
        help_text=_(
            "Use {nombre}, {tipo_documento}, {documento}, {direccion}, {radicado}, {fecha} y {valido_hasta} donde "
            "deban ir los datos. Un párrafo por línea en blanco."
        ),
    )
    ficha = models.CharField(
        _("trámite o servicio"),
        max_length=60,
        blank=True,
        help_text=_("La ficha cuyo resultado es este certificado: el expediente lo propone al aprobarla."),
    )
    firma_cargo = models.CharField(_("cargo de quien firma"), max_length=150, default="Secretario de Gobierno")
    vigencia_dias = models.PositiveSmallIntegerField(
        _("vigencia (días calendario)"), default=180, help_text=_("Por ejemplo 180 para seis meses.")
    )
    activa = models.BooleanField(_("activa"), default=True)

    CAMPOS = ("nombre", "tipo_documento", "documento", "direccion", "radicado", "fecha", "valido_hasta")

    class Meta:
        ordering = ["nombre"]
        verbose_name = _("plantilla de certificado")
        verbose_name_plural = _("plantillas de certificados")

    def __str__(self):
        return self.nombre

    def clean(self):
        import string

        from django.core.exceptions import ValidationError

        try:
            nombres = {campo for _texto, campo, _f, _c in string.Formatter().parse(self.texto) if campo}
        except ValueError:
            raise ValidationError(
                {"texto": _("Revise las llaves { }: cada campo se escribe así: {nombre}.")}
            ) from None
        desconocidos = nombres - set(self.CAMPOS)
        if desconocidos:
            raise ValidationError(
                {
                    "texto": _("Campos desconocidos: %(c)s. Use solo: %(v)s.")
                    % {"c": ", ".join(sorted(desconocidos)), "v": ", ".join(f"{{{c}}}" for c in self.CAMPOS)}
                }
            )


class CertificadoQuerySet(models.QuerySet):
    def por_codigo(self, codigo):
        from .certificados import normalizar

        return self.filter(codigo=normalizar(codigo) or "-").first()


class Certificado(models.Model):
    """A certificate issued for a radicado, verifiable by anyone at /verificar/<código>/: a random code with a
    check character (not a signature), the SHA-256 of the issued PDF, validity and revocation. The public page
    shows only masked personal data."""

    radicado = models.ForeignKey(Radicado, on_delete=models.PROTECT, related_name="certificados")
    plantilla = models.ForeignKey(PlantillaCertificado, on_delete=models.PROTECT, verbose_name=_("plantilla"))
    codigo = models.CharField(_("código de verificación"), max_length=20, unique=True, editable=False)
    titulo = models.CharField(_("título"), max_length=150, editable=False)
    titular_enmascarado = models.CharField(_("titular (enmascarado)"), max_length=200, editable=False)
    documento_enmascarado = models.CharField(_("documento (enmascarado)"), max_length=40, editable=False)
    emitido_en = models.DateTimeField(_("expedido el"), default=timezone.now, editable=False)
    valido_hasta = models.DateField(_("válido hasta"), editable=False, db_index=True)
    archivo = models.FileField(_("PDF"), upload_to=ruta_adjunto, storage=_almacen_privado, blank=True, editable=False)
    sha256 = models.CharField(_("huella SHA-256 del PDF"), max_length=64, blank=True, editable=False, db_index=True)
    emitido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("expedido por"),
    )
    revocado_en = models.DateTimeField(_("revocado el"), null=True, blank=True, editable=False)
    motivo_revocacion = models.CharField(_("motivo de la revocación"), max_length=250, blank=True, editable=False)

    objects = CertificadoQuerySet.as_manager()

    class Meta:
        ordering = ["-emitido_en"]
        verbose_name = _("certificado expedido")
        verbose_name_plural = _("certificados expedidos")

    def __str__(self):
        return f"{self.titulo} {self.codigo_legible}"

    @property
    def codigo_legible(self):
        from .certificados import legible

        return legible(self.codigo)

    @property
    def listo(self):
        return bool(self.sha256)

    def estado(self, hoy=None):
        """ "revocado", "vencido", "pendiente" (the PDF is being made) or "vigente"."""
        hoy = hoy or timezone.localdate()
        if self.revocado_en:
            return "revocado"
        if not self.listo:
            return "pendiente"
        return "vencido" if hoy > self.valido_hasta else "vigente"
