"""What portal's own content contributes to search (registered from PortalConfig.ready)."""

from django.db import transaction
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import busqueda
from .models import (
    Dependencia,
    Documento,
    Estado,
    Evento,
    Funcionario,
    Noticia,
    Politica,
    SeccionInstitucional,
    Usuario,
)


def datos_publicable(objeto, *, texto, fecha=None):
    """Index data of a workflow item: nothing unless published; its window is checked when searching."""
    # A revision is never searchable: its live item is, with the live text, until the revision replaces it.
    if objeto.estado != Estado.PUBLICADO or objeto.publicar_desde is None or objeto.revision_de_id is not None:
        return None
    return {
        "titulo": str(objeto),
        "texto": texto,
        "url": objeto.get_absolute_url(),
        "fecha": fecha or objeto.publicar_desde,
        "publicar_desde": objeto.publicar_desde,
        "publicar_hasta": objeto.publicar_hasta,
    }


def _noticia(n):
    return datos_publicable(n, texto=f"{n.resumen} {n.cuerpo}")


def _documento(d):
    return datos_publicable(d, texto=f"{d.get_tipo_display()} {d.numero} {d.descripcion}")


def _evento(e):
    return datos_publicable(e, texto=f"{e.lugar} {e.descripcion}", fecha=e.inicio)


def _dependencia(d):
    if not d.activa:
        return None
    return {"titulo": d.nombre, "texto": f"{d.cargo_responsable} {d.descripcion}", "url": d.get_absolute_url()}


def _funcionario(f):
    if not Funcionario.objects.en_directorio().filter(pk=f.pk).exists():
        return None
    return {
        "titulo": f.nombre_visible,
        "texto": f"{f.cargo} {f.dependencia.nombre}",
        "url": reverse("portal:directorio") + "#servidores",
    }


def _institucional(s):
    if not s.contenido:
        return None
    datos = datos_publicable(s, texto=s.contenido, fecha=s.actualizado)
    if datos is not None:
        datos["titulo"] = f"{s.titulo} — {s.get_pagina_display()}"
    return datos


def _politica(p):
    if not p.publicada:
        return None
    return {"titulo": p.titulo, "texto": p.contenido, "url": p.get_absolute_url()}


def registrar_fuentes():
    for fuente in [
        busqueda.Fuente("noticias", _("Noticias"), Noticia, _noticia, orden=30),
        busqueda.Fuente("documentos", _("Documentos"), Documento, _documento, orden=40),
        busqueda.Fuente("eventos", _("Eventos"), Evento, _evento, orden=50),
        busqueda.Fuente("dependencias", _("Dependencias"), Dependencia, _dependencia, orden=60),
        busqueda.Fuente(
            "directorio",
            _("Directorio"),
            Funcionario,
            _funcionario,
            consulta=lambda: Funcionario.objects.select_related("usuario", "dependencia"),
            orden=70,
        ),
        busqueda.Fuente(
            "institucional", _("Información institucional"), SeccionInstitucional, _institucional, orden=80
        ),
        busqueda.Fuente("politicas", _("Políticas"), Politica, _politica, orden=90),
    ]:
        busqueda.registrar(fuente)
    conectar_dependientes()


def _reindexar_funcionarios(sender, instance, raw=False, **kwargs):
    """A user deactivated or a dependencia renamed or hidden changes what the directory shows of its people."""
    if raw:
        return
    filtro = {"usuario": instance} if isinstance(instance, Usuario) else {"dependencia": instance}

    def reindexar():
        for funcionario in Funcionario.objects.filter(**filtro).select_related("usuario", "dependencia"):
            busqueda.indexar(funcionario)

    transaction.on_commit(reindexar)


def conectar_dependientes():
    post_save.connect(_reindexar_funcionarios, sender=Usuario, dispatch_uid="busqueda-funcionarios-de-usuario")
    post_save.connect(_reindexar_funcionarios, sender=Dependencia, dispatch_uid="busqueda-funcionarios-de-dependencia")
