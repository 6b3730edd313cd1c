"""The preview of a draft or revision: its public page, exactly as it will be, for who may edit or publish it and
for whoever holds a share link (signed, valid ``DIAS_DEL_ENLACE`` days, revoked by moving the item's
``generacion_de_enlaces``). Never cached, never indexed: ``Cache-Control: private, no-store`` and
``X-Robots-Tag: noindex``.

Each publishable model registers how its public page is drawn (``registrar``): portal's own from
``PortalConfig.ready``, the ficha apps from ``registrar_app_de_fichas``.
"""

from datetime import timedelta

from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from .models.publicacion import puede_publicar

SAL = "portal.vista_previa"
DIAS_DEL_ENLACE = 7
_paginas = {}  # "app.modelo" -> (model, function(request, objeto, extra) -> response)


def registrar(modelo, funcion):
    _paginas[modelo._meta.label_lower] = (modelo, funcion)


def tiene_vista_previa(objeto):
    return objeto._meta.label_lower in _paginas


def clave(objeto):
    """The signed part of a share link: which item, and the generation of its links."""
    return signing.dumps(
        {"m": objeto._meta.label_lower, "pk": objeto.pk, "g": objeto.generacion_de_enlaces}, salt=SAL, compress=True
    )


def url(objeto, *, compartir=False):
    ruta = reverse("portal:vista_previa", args=[objeto._meta.label_lower, objeto.pk])
    return f"{ruta}?clave={clave(objeto)}" if compartir else ruta


def _clave_valida(valor, objeto):
    if not valor or len(valor) > 500:
        return False
    try:
        datos = signing.loads(valor, salt=SAL, max_age=timedelta(days=DIAS_DEL_ENLACE))
    except signing.BadSignature:  # altered, or older than 7 days (SignatureExpired)
        return False
    return (
        isinstance(datos, dict)
        and datos.get("m") == objeto._meta.label_lower
        and datos.get("pk") == objeto.pk
        and datos.get("g") == objeto.generacion_de_enlaces
    )


def puede_ver(usuario, objeto):
    """Who may edit it (its dependencia's officials) and who publishes (the committee, the administrators)."""
    from . import services

    if not (usuario.is_authenticated and usuario.is_active and usuario.is_staff):
        return False
    return puede_publicar(usuario, type(objeto)) or services.puede_editar(usuario, objeto)


@require_safe
def vista_previa(request, modelo, pk):
    if modelo not in _paginas:
        raise Http404
    clase, funcion = _paginas[modelo]
    objeto = clase._base_manager.select_related("revision_de").filter(pk=pk).first()
    if objeto is None or not (puede_ver(request.user, objeto) or _clave_valida(request.GET.get("clave"), objeto)):
        # The same answer whether it does not exist or is not for this person: nothing is told about drafts.
        raise Http404
    if objeto.revision_de_id and hasattr(objeto, "slug"):
        objeto.slug = objeto.revision_de.slug  # the address it will have: its live item's
    if objeto.publicar_desde is None:
        objeto.publicar_desde = timezone.now()  # what publishing it now would give it
    respuesta = funcion(request, objeto, {"vista_previa": True, "vista_previa_de": objeto})
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Robots-Tag"] = "noindex, nofollow"
    return respuesta
