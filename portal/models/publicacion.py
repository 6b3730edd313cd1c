"""The publication workflow shared by every publishable model (news, documents, events, fichas).

borrador -> en revisión -> publicado -> archivado, with scheduled publication and optional expiry. The public
only ever sees ``vigentes()``: published items inside their window. State changes go through
``portal.services.publicable_cambiar_estado``, which checks who may do them and records them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Estado(models.TextChoices):
    BORRADOR = "borrador", _("Borrador")
    EN_REVISION = "en_revision", _("En revisión")
    PUBLICADO = "publicado", _("Publicado")
    ARCHIVADO = "archivado", _("Archivado")


def puede_publicar(usuario, modelo):
    """The committee and the administrators publish; officials only draft and send to review."""
    opts = modelo._meta
    return usuario.is_active and usuario.has_perm(f"{opts.app_label}.publicar_{opts.model_name}")


def q_vigente(prefijo="", ahora=None):
    """The condition "published and inside its window", also usable across a relation (``prefijo="documentos__"``)."""
    ahora = ahora or timezone.now()
    # A revision is never public, not even a scheduled one whose date has come: it replaces its live item.
    return Q(
        **{
            f"{prefijo}estado": Estado.PUBLICADO,
            f"{prefijo}publicar_desde__lte": ahora,
            f"{prefijo}revision_de__isnull": True,
        }
    ) & (Q(**{f"{prefijo}publicar_hasta__isnull": True}) | Q(**{f"{prefijo}publicar_hasta__gt": ahora}))


class PublicableQuerySet(models.QuerySet):
    def vigentes(self, ahora=None):
        return self.filter(q_vigente(ahora=ahora))

    def vivos(self):
        """The items themselves, without the revisions being edited of them."""
        return self.filter(revision_de__isnull=True)

    def revisiones_vencidas(self, ahora=None):
        """Revisions scheduled for a moment that has come: they must replace their live item now."""
        return self.filter(
            revision_de__isnull=False, estado=Estado.PUBLICADO, publicar_desde__lte=ahora or timezone.now()
        )

    def proximo_cambio(self, ahora):
        """The next moment an item of this model appears (scheduled) or disappears (expiry), or None."""
        from django.db.models import Min

        publicados = self.filter(estado=Estado.PUBLICADO)
        momentos = [
            publicados.filter(publicar_desde__gt=ahora).aggregate(m=Min("publicar_desde"))["m"],
            publicados.filter(publicar_hasta__gt=ahora).aggregate(m=Min("publicar_hasta"))["m"],
        ]
        momentos = [m for m in momentos if m is not None]
        return min(momentos) if momentos else None

    def programados(self, ahora=None):
        return self.vivos().filter(estado=Estado.PUBLICADO, publicar_desde__gt=ahora or timezone.now())

    def de_usuario(self, usuario):
        """What a back-office user may see: everything for who publishes, their dependencias' items otherwise."""
        if puede_publicar(usuario, self.model):
            return self
        from .identidad import Dependencia

        return self.filter(dependencia__in=Dependencia.objects.de_usuario(usuario))


class Publicable(models.Model):
    estado = models.CharField(
        _("estado"), max_length=20, choices=Estado.choices, default=Estado.BORRADOR, db_index=True
    )
    publicar_desde = models.DateTimeField(
        _("fecha de publicación"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Vacía: se publica en el momento en que se aprueba. Con una fecha futura, el contenido aprobado "
            "aparece solo ese día."
        ),
    )
    publicar_hasta = models.DateTimeField(
        _("publicar hasta"), null=True, blank=True, help_text=_("Opcional: desde esta fecha deja de mostrarse.")
    )
    dependencia = models.ForeignKey(
        "portal.Dependencia", on_delete=models.PROTECT, related_name="+", verbose_name=_("dependencia")
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("creado por"),
    )
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    modificado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("modificado por"),
    )
    modificado = models.DateTimeField(_("última modificación"), auto_now=True)
    # Revisions: a published item keeps serving its live row while its revision (a row of the same model,
    # never public) is edited, reviewed and published, which copies it onto the live row and deletes it.
    revision_de = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="revisiones",
        verbose_name=_("revisión de"),
    )
    # Optimistic concurrency: every save through the back office moves it; a form holding an older one is refused.
    version = models.PositiveIntegerField(_("versión"), default=1, editable=False)
    # Share links of the preview carry this number: revoking them moves it.
    generacion_de_enlaces = models.PositiveIntegerField(
        _("generación de los enlaces de vista previa"), default=0, editable=False
    )
    observaciones = models.TextField(
        _("observaciones del comité"),
        blank=True,
        editable=False,
        help_text=_("Por qué se devolvió la última vez; se borran al enviarlo de nuevo a revisión."),
    )

    objects = PublicableQuerySet.as_manager()

    # Reverse relations edited inline with the item (a ficha's requirements): a revision has its own copy.
    relaciones_de_revision = ()
    # False for content whose published text must not change through a revision (a draft norm open for
    # comments: people comment on the text as published); its edit page then edits the item itself.
    admite_revisiones = True
    # Bookkeeping, not content: the audit log does not list them among what changed.
    campos_sin_auditoria = ("version", "generacion_de_enlaces")

    class Meta:
        abstract = True
        # "Published, newest first" is what every public list asks for.
        indexes = [models.Index(fields=["estado", "-publicar_desde"], name="%(app_label)s_%(class)s_vigente")]
        constraints = [
            models.UniqueConstraint(fields=["revision_de"], name="%(app_label)s_%(class)s_una_revision"),
        ]

    def clean(self):
        super().clean()
        if self.publicar_desde and self.publicar_hasta and self.publicar_hasta <= self.publicar_desde:
            raise ValidationError({"publicar_hasta": _("Debe ser posterior a la fecha de publicación.")})

    @property
    def es_revision(self):
        return self.revision_de_id is not None

    @property
    def vivo(self):
        """The item the public sees for this one: its live item if it is a revision, itself otherwise."""
        return self.revision_de if self.revision_de_id else self

    def revision_abierta(self):
        """The revision being edited of this published item, or None."""
        if self.pk is None or self.revision_de_id:
            return None
        return type(self)._base_manager.filter(revision_de=self).first()

    @property
    def esta_vigente(self):
        ahora = timezone.now()
        return (
            self.revision_de_id is None
            and self.estado == Estado.PUBLICADO
            and self.publicar_desde is not None
            and self.publicar_desde <= ahora
            and (self.publicar_hasta is None or self.publicar_hasta > ahora)
        )

    def faltantes_para_publicar(self):
        """Names of the fields the standard requires before publishing; models with such rules override it."""
        return []

    def al_publicar(self, usuario):
        """Hook for what a model records when it is published (fichas start their review cycle)."""
