from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import rutas
from .publicacion import Publicable, PublicableQuerySet
from .texto import TextoEnriquecido


class EventoQuerySet(PublicableQuerySet):
    def proximos(self, ahora=None):
        """Published events that have not ended yet, soonest first."""
        ahora = ahora or timezone.now()
        return (
            self.vigentes(ahora).filter(Q(fin__gte=ahora) | Q(fin__isnull=True, inicio__gte=ahora)).order_by("inicio")
        )

    def proximo_cambio_de_evento(self, ahora):
        """Publication windows, and also when the next event starts or ends (the upcoming list changes)."""
        from django.db.models import Min

        vigentes = self.vigentes(ahora)
        momentos = [
            self.proximo_cambio(ahora),
            vigentes.filter(fin__gt=ahora).aggregate(m=Min("fin"))["m"],
            vigentes.filter(fin__isnull=True, inicio__gt=ahora).aggregate(m=Min("inicio"))["m"],
        ]
        momentos = [m for m in momentos if m is not None]
        return min(momentos) if momentos else None


class Evento(Publicable):
    titulo = models.CharField(_("título"), max_length=200)
    slug = models.SlugField(_("identificador en la dirección web"), max_length=220, unique=True)
    inicio = models.DateTimeField(_("inicio"))
    fin = models.DateTimeField(_("fin"), null=True, blank=True)
    lugar = models.CharField(_("lugar"), max_length=200)
    descripcion = TextoEnriquecido(_("descripción"), blank=True)

    objects = EventoQuerySet.as_manager()

    class Meta(Publicable.Meta):
        ordering = ["inicio"]
        verbose_name = _("evento")
        verbose_name_plural = _("eventos")
        permissions = [("publicar_evento", _("Puede publicar, archivar y devolver eventos"))]

    def __str__(self):
        return self.titulo

    def clean(self):
        super().clean()
        if self.inicio and self.fin and self.fin < self.inicio:
            raise ValidationError({"fin": _("El evento no puede terminar antes de empezar.")})

    def get_absolute_url(self):
        return rutas.url("portal:evento", slug=self.slug)
