"""Registrations of the consultations with the portal: the page cache (what refreshes it and when a page
changes by itself), the Resolución 1519 subsections, the site map, the Participa page and the demo loader.
Imported from ``ParticipaConfig.ready()`` (through ``senales``)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Min
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone

from portal import busqueda, cache_paginas, demo, registro
from portal.fuentes_busqueda import datos_publicable

from .models import Comentario, Consulta

# --- Page cache ----------------------------------------------------------------------------------------------
# participa is not one of portal's content apps, so its models say themselves what refreshes the pages. A new
# comment waits for moderation and shows nowhere public: receiving one must not empty every cached page.


def _invalidar_si_publico(sender, instance, **kwargs):
    if instance.estado != Comentario.Estado.PENDIENTE:  # moderated or answered: shown on public pages
        cache_paginas.invalidar()


# Consultations and their articles refresh the pages like all participa content (cache_paginas.APPS_DE_CONTENIDO);
# a comment only once it is moderated or answered: a pending one shows nowhere, and comments arriving must
# not empty the page cache for every visitor (it is listed in cache_paginas.SIN_EFECTO_EN_PAGINAS).
post_save.connect(_invalidar_si_publico, sender=Comentario, dispatch_uid="cache-paginas-comentario-g")
post_delete.connect(cache_paginas.invalidar, sender=Comentario, dispatch_uid="cache-paginas-comentario-b")


def proximo_cambio(ahora):
    """The next opening or closing of a published consultation (the page's form link appears or goes away),
    or its scheduled publication or expiry."""
    publicadas = Consulta.objects.filter(estado="publicado")
    momentos = [
        publicadas.filter(abre__gt=ahora).aggregate(m=Min("abre"))["m"],
        publicadas.filter(cierra__gt=ahora).aggregate(m=Min("cierra"))["m"],
        Consulta.objects.proximo_cambio(ahora),
    ]
    momentos = [m for m in momentos if m is not None]
    return min(momentos) if momentos else None


registro.registrar_momento_de_cambio(proximo_cambio)


# --- Transparency (Resolución 1519: 2.3 proyectos de normas para comentarios; 6.3 consulta ciudadana) ----------


def en_transparencia():
    items = [
        {"titulo": "Proyectos de normas para comentarios (abiertos y cerrados)", "url": reverse("participa:consultas")}
    ]
    for consulta in Consulta.objects.vigentes().only("titulo", "slug", "respuestas_publicadas_en")[:20]:
        items.append({"titulo": f"Proyecto: {consulta.titulo}", "url": consulta.get_absolute_url()})
        if consulta.respuestas_publicadas_en:
            items.append(
                {
                    "titulo": f"Matriz de observaciones y respuestas: {consulta.titulo}",
                    "url": reverse("participa:consulta_matriz", args=[consulta.slug]),
                }
            )
    return items


def consulta_ciudadana():
    return [{"titulo": "Consultas de proyectos de normas", "url": reverse("participa:consultas")}]


registro.registrar_publicacion_derivada("2.3", en_transparencia)
registro.registrar_publicacion_derivada("6.3", consulta_ciudadana)


# --- Search: the draft's text (never its comments' authors) -------------------------------------------------


def _datos_de_busqueda(consulta):
    articulos = " ".join(f"{a.encabezado} {a.texto}" for a in consulta.articulos.all())
    return datos_publicable(
        consulta, texto=f"{consulta.get_tipo_display()} {consulta.objeto} {articulos}", fecha=consulta.abre
    )


busqueda.registrar(
    busqueda.Fuente(
        "consultas",
        "Consultas de proyectos de normas",
        Consulta,
        _datos_de_busqueda,
        consulta=lambda: Consulta.objects.prefetch_related("articulos"),
        orden=45,
    )
)


# --- Site map and the Participa page --------------------------------------------------------------------------


class ConsultasSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Consulta.objects.vigentes().only("slug", "modificado")

    def lastmod(self, consulta):
        return consulta.modificado


registro.registrar_en_mapa(
    clave="consultas",
    sitemap=ConsultasSitemap(),
    etiqueta="Consultas de proyectos de normas",
    ruta="participa:consultas",
    orden=55,
)


def bloque_de_participacion():
    ahora = timezone.now()
    abiertas = Consulta.objects.abiertas(ahora).count()
    return {
        "titulo": "Consultas de proyectos de normas",
        "texto": (
            f"Hay {abiertas} proyecto{'s' if abiertas != 1 else ''} de norma abierto{'s' if abiertas != 1 else ''} "
            "a comentarios. Lea el texto, comente un artículo y conozca qué respondió la alcaldía."
            if abiertas
            else "Lea los proyectos de normas que se consultaron y qué respondió la alcaldía a cada comentario."
        ),
        "url": reverse("participa:consultas"),
        "enlace": None,
    }


registro.registrar_participacion(bloque_de_participacion)


def _cargar_demo(resultado, contrasena=None):
    from . import consultas_demo

    consultas_demo.cargar(resultado, contrasena)


demo.registrar(_cargar_demo, orden=320)
