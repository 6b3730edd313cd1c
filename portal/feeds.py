"""RSS and Atom feeds of the news (all, or one category).

The summary is plain text that an official typed. Feed readers read an RSS ``<description>`` as HTML and
Django's Atom feed marks ``<summary type="html">``, so a summary written ``"><script>…`` would reach them as
live markup: RSS gets the text HTML-escaped, Atom declares it ``type="text"``.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from . import identidad
from .models import Categoria, Noticia

ELEMENTOS = 20


class NoticiasRss(Feed):
    language = "es-co"

    def get_object(self, request, slug=None):
        return get_object_or_404(Categoria, slug=slug) if slug else None

    def title(self, categoria):
        entidad = identidad.municipio().entidad
        return f"Noticias: {categoria.nombre} — {entidad}" if categoria else f"Noticias — {entidad}"

    def link(self, categoria):
        return categoria.get_absolute_url() if categoria else reverse("portal:noticias")

    def description(self, categoria):
        return f"Las noticias más recientes de {identidad.municipio().entidad}."

    def items(self, categoria):
        noticias = Noticia.objects.vigentes().select_related("dependencia").order_by("-publicar_desde")
        if categoria:
            noticias = noticias.filter(categorias=categoria)
        return noticias[:ELEMENTOS]

    def item_title(self, noticia):
        return noticia.titulo

    def item_description(self, noticia):
        return escape(noticia.resumen)

    def item_pubdate(self, noticia):
        return noticia.publicar_desde

    def item_updateddate(self, noticia):
        return noticia.modificado

    def item_author_name(self, noticia):
        return noticia.dependencia.nombre


class AtomDeTexto(Atom1Feed):
    """Atom whose entry summaries are text, not HTML."""

    def add_item_elements(self, handler, item):
        resumen, item["description"] = item["description"], None
        super().add_item_elements(handler, item)
        if resumen is not None:
            handler.addQuickElement("summary", resumen, {"type": "text"})


class NoticiasAtom(NoticiasRss):
    feed_type = AtomDeTexto
    subtitle = NoticiasRss.description

    def item_description(self, noticia):
        return noticia.resumen
