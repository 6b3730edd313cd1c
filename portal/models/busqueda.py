"""The site-wide search index, synonyms and anonymous search statistics."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class EntradaBusqueda(models.Model):
    """One public item as the search sees it, kept in step with its source by ``portal.busqueda``.

    The text is stored twice: as people read it (for the results page) and normalized (lower case, no
    accents) so that "jubilacion" finds "jubilación" on every database. On PostgreSQL ``vector`` holds the
    Spanish full-text vector of the normalized text, GIN-indexed.
    """

    tipo = models.CharField(_("tipo"), max_length=30, db_index=True)
    objeto_id = models.PositiveBigIntegerField(_("identificador del objeto"))
    titulo = models.CharField(_("título"), max_length=300)
    texto = models.TextField(_("texto"), blank=True)
    url = models.CharField(_("dirección"), max_length=300)
    fecha = models.DateTimeField(_("fecha"), null=True, blank=True)
    publicar_desde = models.DateTimeField(null=True, blank=True)
    publicar_hasta = models.DateTimeField(null=True, blank=True)
    titulo_plano = models.CharField(max_length=300, db_index=True)
    texto_plano = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("entrada del índice de búsqueda")
        verbose_name_plural = _("índice de búsqueda")
        constraints = [models.UniqueConstraint(fields=["tipo", "objeto_id"], name="entrada_busqueda_unica")]
        # A word found almost everywhere ranks only the most recent matches: read from here, newest first.
        indexes = [models.Index(fields=["-fecha"], name="entrada_busqueda_reciente")]

    def __str__(self):
        return self.titulo


class Sinonimo(models.Model):
    termino = models.CharField(
        _("término"), max_length=100, unique=True, help_text=_("Lo que la gente escribe, por ejemplo «predial».")
    )
    equivalentes = models.CharField(
        _("equivalentes"),
        max_length=300,
        help_text=_("Otras formas de decirlo, separadas por comas: «impuesto predial unificado, impuesto predial»."),
    )

    class Meta:
        ordering = ["termino"]
        verbose_name = _("sinónimo de búsqueda")
        verbose_name_plural = _("sinónimos de búsqueda")

    def __str__(self):
        return f"{self.termino} ↔ {self.equivalentes}"


class ConsultaBusqueda(models.Model):
    """How many times a day a term was searched, and how many of those found nothing. No personal data."""

    termino = models.CharField(_("término"), max_length=100)
    dia = models.DateField(_("día"))
    veces = models.PositiveIntegerField(_("búsquedas"), default=0)
    sin_resultados = models.PositiveIntegerField(_("sin resultados"), default=0)
    visitantes = models.PositiveIntegerField(
        _("visitantes distintos"),
        default=0,
        help_text=_("Cuántas personas distintas lo buscaron ese día (con el código anónimo del contador de visitas)."),
    )

    class Meta:
        ordering = ["-dia", "-veces"]
        verbose_name = _("búsqueda de la ciudadanía")
        verbose_name_plural = _("búsquedas de la ciudadanía")
        constraints = [models.UniqueConstraint(fields=["termino", "dia"], name="consulta_por_dia")]

    def __str__(self):
        return self.termino


class PalabraBusqueda(models.Model):
    """Every word of five letters or more in the search index (lower case, without accents), kept as the index
    is written: a search that finds nothing looks here for the word one typo away ("residensia" ->
    "residencia"). ``invertida`` (the word backwards) lets a typo in the first letters be found through an index
    too. Words of deleted pages stay: a correction to one finds nothing and the page says so."""

    palabra = models.CharField(max_length=40, unique=True)
    invertida = models.CharField(max_length=40, db_index=True)

    class Meta:
        verbose_name = _("palabra del índice de búsqueda")
        verbose_name_plural = _("palabras del índice de búsqueda")

    def __str__(self):
        return self.palabra
