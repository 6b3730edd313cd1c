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
    return Q(**{f"{prefijo}estado": Estado.PUBLICADO, f"{prefijo}publicar_desde__lte": ahora}) & (
        Q(**{f"{prefijo}publicar_hasta__isnull": True}) | Q(**{f"{prefijo}publicar_hasta__gt": ahora})
    )


class PublicableQuerySet(models.QuerySet):
    def vigentes(self, ahora=None):
        return self.filter(q_vigente(ahora=ahora))

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
        return self.filter(estado=Estado.PUBLICADO, publicar_desde__gt=ahora or timezone.now())

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

    objects = PublicableQuerySet.as_manager()

    class Meta:
        abstract = True
        # "Published, newest first" is what every public list asks for.
        indexes = [models.Index(fields=["estado", "-publicar_desde"], name="%(app_label)s_%(class)s_vigente")]

    def clean(self):
        super().clean()
        if self.publicar_desde and self.publicar_hasta and self.publicar_hasta <= self.publicar_desde:
            raise ValidationError({"publicar_hasta": _("Debe ser posterior a la fecha de publicación.")})

    @property
    def esta_vigente(self):
        ahora = timezone.now()
        return (
            self.estado == Estado.PUBLICADO
            and self.publicar_desde is not None
            and self.publicar_desde <= ahora
            and (self.publicar_hasta is None or self.publicar_hasta > ahora)
        )

    def faltantes_para_publicar(self):
        """Names of the fields the standard requires before publishing; models with such rules override it."""
        return []

    def al_publicar(self, usuario):
        """Hook for what a model records when it is published (fichas start their review cycle)."""
