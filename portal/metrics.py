"""Figures of portal's own content for the Comité GEL-T (gelt calls these; it never reads the tables)."""

from django.db.models import Max

from .models import Documento, Estado, Evento, Noticia

# What counts as "the website was updated": a news item, a document or an event that went public.
MODELOS_PUBLICADOS = {"noticias": Noticia, "documentos": Documento, "eventos": Evento}


def _publicados_entre(modelo, desde, hasta):
    # Archived items were public on their publication date, so they still count for that month.
    return modelo.objects.filter(
        estado__in=[Estado.PUBLICADO, Estado.ARCHIVADO], publicar_desde__gte=desde, publicar_desde__lt=hasta
    )


def publicaciones(desde, hasta):
    """Items that went public in [desde, hasta): ``[{"tipo", "titulo", "fecha", "url"}]``, newest first."""
    filas = []
    for tipo, modelo in MODELOS_PUBLICADOS.items():
        for objeto in _publicados_entre(modelo, desde, hasta).only(
            "titulo", "publicar_desde", "pk", *_campos_url(modelo)
        ):
            filas.append(
                {
                    "tipo": tipo,
                    "titulo": objeto.titulo,
                    "fecha": objeto.publicar_desde,
                    "url": objeto.get_absolute_url(),
                }
            )
    return sorted(filas, key=lambda fila: fila["fecha"], reverse=True)


def cantidad_de_publicaciones(desde, hasta):
    return sum(_publicados_entre(modelo, desde, hasta).count() for modelo in MODELOS_PUBLICADOS.values())


def ultima_publicacion(seccion):
    """When the section (``noticias``, ``documentos``, ``eventos``) last had something go public."""
    return MODELOS_PUBLICADOS[seccion].objects.vigentes().aggregate(ultima=Max("publicar_desde"))["ultima"]


def _campos_url(modelo):
    return ["slug"] if any(f.name == "slug" for f in modelo._meta.fields) else []


def busquedas_frecuentes(dias=30, limite=10):
    """What citizens searched most in the last ``dias`` days, and what they searched without finding it."""
    from django.db.models import Sum
    from django.utils import timezone

    from .models import ConsultaBusqueda

    recientes = ConsultaBusqueda.objects.filter(dia__gte=timezone.localdate() - timezone.timedelta(days=dias))
    por_termino = recientes.values("termino").annotate(veces=Sum("veces"), sin_resultados=Sum("sin_resultados"))
    return {
        "mas_buscados": list(por_termino.order_by("-veces", "termino")[:limite]),
        "sin_resultados": list(
            por_termino.filter(sin_resultados__gt=0).order_by("-sin_resultados", "termino")[:limite]
        ),
    }


# --- Evidence for the committee's self-check of the GEL criteria ---------------------------------------------
# Each function answers from the public data only (what a citizen would see), never from drafts.


def seccion_institucional_publicada(pagina, clave):
    from .models import SeccionInstitucional

    seccion = SeccionInstitucional.objects.filter(pagina=pagina, clave=clave).first()
    return seccion is not None and seccion.tiene_contenido


def directorio():
    """How many officials, entities and associations the public directory lists."""
    from .models import EntidadDirectorio, Funcionario

    funcionarios = Funcionario.objects.en_directorio().count()
    entidades = EntidadDirectorio.objects.filter(tipo=EntidadDirectorio.Tipo.ENTIDAD).count()
    agremiaciones = EntidadDirectorio.objects.filter(tipo=EntidadDirectorio.Tipo.AGREMIACION).count()
    return {"funcionarios": funcionarios, "entidades": entidades, "agremiaciones": agremiaciones}


def noticias_publicadas_desde(desde):
    return Noticia.objects.vigentes().filter(publicar_desde__gte=desde).count()


def eventos_proximos():
    return Evento.objects.proximos().count()


def politica_publicada(slug):
    from .models import Politica

    return Politica.objects.publicadas().filter(slug=slug).exists()


def identidad():
    from .models import Municipio

    return Municipio.objects.actual()


def subsecciones_de_transparencia():
    """``(with content, total)``: a subsection counts when it has a published document, its own text or a page."""
    from django.db.models import Count

    from .models import SubseccionTransparencia
    from .models.publicacion import q_vigente

    subsecciones = SubseccionTransparencia.objects.annotate(
        documentos_vigentes=Count("documentos", filter=q_vigente(prefijo="documentos__"))
    )
    llenas = sum(1 for s in subsecciones if s.documentos_vigentes or s.contenido or s.url_pagina)
    return llenas, len(subsecciones)


def documentos_en_subseccion(numero):
    return Documento.objects.vigentes().filter(subsecciones__numero=numero).count()


def entradas_de_busqueda():
    from .models import EntradaBusqueda

    return EntradaBusqueda.objects.count()


def dependencias_activas():
    """The active dependencias (central and decentralized), for the semiannual delivery cycle."""
    from .models import Dependencia

    return list(Dependencia.objects.activas().only("nombre", "slug", "tipo"))
