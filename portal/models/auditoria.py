"""The audit log: who created, changed, deleted or published what, when, and which values changed.

Append-only: a record is written once (``portal.auditoria.cambio_registrar``) and never changed nor deleted,
neither through the model nor through the admin. The only writes the database itself makes afterwards are the
``SET_NULL`` of a deleted user or dependencia; the user's name is kept in ``usuario_nombre``.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CambioInmutable(Exception):
    """Raised on any attempt to change or delete an audit record."""

    def __init__(self):
        super().__init__(_("El registro de cambios no se puede modificar ni borrar."))


class CambioQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise CambioInmutable

    def delete(self):
        raise CambioInmutable

    def de_objeto(self, objeto):
        """The records of an object and of the rows edited inline in its page (its requirements, its officials)."""
        tipo = ContentType.objects.get_for_model(objeto)
        return self.filter(Q(tipo=tipo, objeto_id=str(objeto.pk)) | Q(padre_tipo=tipo, padre_id=str(objeto.pk)))

    def de_usuario(self, usuario):
        """What a back-office user may read: records of the models they may see (an inline row counts as its
        page's model); the committee and the administrators see every dependencia, an official only theirs."""
        from .. import roles
        from .identidad import Dependencia

        if not usuario.is_active:
            return self.none()
        visibles = self
        if not usuario.is_superuser:
            modelos = Q(pk__in=[])
            for permiso in usuario.get_all_permissions():
                etiqueta, codigo = permiso.split(".", 1)
                accion, _separador, modelo = codigo.partition("_")
                if accion in ("view", "change") and modelo:
                    modelos |= Q(app_label=etiqueta, model=modelo)
            tipos = ContentType.objects.filter(modelos)
            visibles = visibles.filter(Q(padre_tipo__isnull=True, tipo__in=tipos) | Q(padre_tipo__in=tipos))
        if roles.es_del_comite(usuario):
            return visibles
        return visibles.filter(dependencia__in=Dependencia.objects.de_usuario(usuario))


class Cambio(models.Model):
    """One create, change, delete or publication step, with the values that changed.

    ``cambios`` maps each field's name, as people read it, to ``[before, after]`` in readable text (choice
    labels, names of related objects, dates in Colombian time); ``None`` is "empty". Secrets never get here.
    """

    class Accion(models.TextChoices):
        CREACION = "creacion", _("Creación")
        CAMBIO = "cambio", _("Cambio")
        BORRADO = "borrado", _("Borrado")
        ESTADO = "estado", _("Publicación o cambio de estado")

    fecha = models.DateTimeField(_("fecha"), default=timezone.now, editable=False, db_index=True)
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("usuario"),
    )
    usuario_nombre = models.CharField(
        _("nombre de usuario"),
        max_length=150,
        blank=True,
        help_text=_("Se conserva aunque el usuario se borre. Vacío: un proceso automático o la línea de comandos."),
    )
    accion = models.CharField(_("acción"), max_length=10, choices=Accion.choices)
    tipo = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("modelo"))
    objeto_id = models.CharField(_("identificador del objeto"), max_length=64)
    objeto_texto = models.CharField(_("objeto"), max_length=200)
    padre_tipo = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modelo de la página"),
        help_text=_("Para una fila editada dentro de otra página (por ejemplo un requisito de un trámite)."),
    )
    padre_id = models.CharField(_("identificador de la página"), max_length=64, blank=True)
    padre_texto = models.CharField(_("editado en"), max_length=200, blank=True)
    dependencia = models.ForeignKey(
        "portal.Dependencia",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dependencia"),
    )
    mensaje = models.TextField(_("mensaje"), blank=True)
    cambios = models.JSONField(_("qué cambió"), default=dict, blank=True)

    objects = CambioQuerySet.as_manager()

    class Meta:
        ordering = ["-fecha", "-pk"]
        verbose_name = _("cambio registrado")
        verbose_name_plural = _("cambios registrados")
        # Nobody is ever given the right to add, change or delete a record: only to read.
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["tipo", "objeto_id"], name="portal_cambio_objeto"),
            models.Index(fields=["padre_tipo", "padre_id"], name="portal_cambio_padre"),
        ]

    def __str__(self):
        fecha = timezone.localtime(self.fecha).strftime("%d/%m/%Y %H:%M")
        return f"{self.get_accion_display()}: {self.objeto_texto} ({fecha})"

    def save(self, *args, **kwargs):
        if not self._state.adding or kwargs.get("update_fields") is not None:
            raise CambioInmutable
        # Always an INSERT: a record built with the pk of an existing one must not overwrite it.
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise CambioInmutable

    @property
    def modelo(self):
        """The model's name as people read it, even when the model no longer exists."""
        clase = self.tipo.model_class()
        return str(clase._meta.verbose_name) if clase else self.tipo.model

    @property
    def cambios_ordenados(self):
        """``[(field, before, after)]`` in alphabetical order: PostgreSQL does not keep the keys' order."""
        return [(campo, antes, despues) for campo, (antes, despues) in sorted(self.cambios.items())]
