"""RSS and Atom feeds of the news (all, or one category)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

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
        return noticia.resumen

    def item_pubdate(self, noticia):
        return noticia.publicar_desde

    def item_updateddate(self, noticia):
        return noticia.modificado

    def item_author_name(self, noticia):
        return noticia.dependencia.nombre


class NoticiasAtom(NoticiasRss):
    feed_type = Atom1Feed
    subtitle = NoticiasRss.description
