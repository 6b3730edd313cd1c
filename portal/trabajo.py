"""«Mi trabajo», the back office's start page: what each person has to do today, read in a fixed number of
queries whatever the amount of content (one or two per publishable model, one for the audit trail).

- The committee (who may publish): what waits for review in every publishable model, oldest first, and what
  each channel (news, documents, events, trámites, servicios) published this month, by dependencia.
- An official: their dependencias' drafts, what came back from review and why, the fichas due (or overdue)
  for their six-month review and the dependencia's information delivery due this semester (``gelt`` provides
  it through ``registro.registrar_entrega_pendiente``; nothing here imports ``gelt``).

"Came back" is the contract with the review workflow: the item's newest state change in the audit trail
(``Cambio`` with ``accion=ESTADO``) says ``DEVUELTO`` followed by the reason.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, DateTimeField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import capfirst

from . import registro
from .models import Cambio, Dependencia, Estado, Publicable
from .models.publicacion import puede_publicar

DEVUELTO = "Devuelto con observaciones: "
LIMITE = 30  # items per list: the page is a to-do list, the model's list has the rest
DIAS_AVISO_REVISION = 30  # fichas whose six-month review falls within this many days


@dataclass
class Pendiente:
    objeto: object
    modelo: str
    url: str
    dias: int | None = None
    fecha: object = None
    motivo: str = ""


def modelos_publicables(site=admin.site):
    """The publishable models registered in the admin, in a stable order (news, documents… by app and name)."""
    return sorted(
        (m for m in apps.get_models() if issubclass(m, Publicable) and site.is_registered(m)),
        key=lambda m: (m._meta.app_label != "portal", m._meta.app_label, str(m._meta.verbose_name_plural)),
    )


def _url_de_edicion(objeto):
    try:
        return reverse(f"admin:{objeto._meta.app_label}_{objeto._meta.model_name}_change", args=[objeto.pk])
    except NoReverseMatch:
        return ""


def _dias(desde, ahora):
    return (timezone.localdate(ahora) - timezone.localdate(desde)).days if desde else None


def devueltos(usuario, modelos=None):
    """Items that came back from review with observations, newest first: ``[Pendiente]`` with ``motivo``.

    An item counts when its newest ``ESTADO`` record in the audit trail starts with ``DEVUELTO``; an official sees
    those of their dependencias, whoever publishes sees all. One query on the trail plus one per model with
    returned items (the live items, which must still exist and be visible to ``usuario``)."""
    modelos = modelos if modelos is not None else modelos_publicables()
    tipos = {ContentType.objects.get_for_model(m).pk: m for m in modelos}
    posterior = Cambio.objects.filter(
        tipo=OuterRef("tipo"), objeto_id=OuterRef("objeto_id"), accion=Cambio.Accion.ESTADO
    ).filter(Q(fecha__gt=OuterRef("fecha")) | Q(fecha=OuterRef("fecha"), pk__gt=OuterRef("pk")))
    registros = Cambio.objects.filter(
        tipo_id__in=tipos, accion=Cambio.Accion.ESTADO, padre_tipo__isnull=True, mensaje__startswith=DEVUELTO
    ).filter(~Exists(posterior))
    if not all(puede_publicar(usuario, m) for m in modelos):
        registros = registros.filter(dependencia__in=Dependencia.objects.de_usuario(usuario))
    registros = list(registros.order_by("-fecha", "-pk").values("tipo_id", "objeto_id", "fecha", "mensaje")[:LIMITE])
    por_modelo = defaultdict(list)
    for registro_ in registros:
        por_modelo[registro_["tipo_id"]].append(registro_["objeto_id"])
    vivos = {}
    for tipo_id, ids in por_modelo.items():
        modelo = tipos[tipo_id]
        for objeto in modelo.objects.de_usuario(usuario).filter(pk__in=ids).select_related("dependencia"):
            vivos[(tipo_id, str(objeto.pk))] = objeto
    ahora = timezone.now()
    resultado = []
    for registro_ in registros:
        objeto = vivos.get((registro_["tipo_id"], registro_["objeto_id"]))
        if objeto is not None:
            resultado.append(
                Pendiente(
                    objeto=objeto,
                    modelo=capfirst(str(objeto._meta.verbose_name)),
                    url=_url_de_edicion(objeto),
                    fecha=registro_["fecha"],
                    dias=_dias(registro_["fecha"], ahora),
                    motivo=registro_["mensaje"][len(DEVUELTO) :].strip(),
                )
            )
    return resultado


def en_revision(usuario, modelos=None):
    """Everything waiting for review that ``usuario`` may see, oldest first, each with the days since it was
    sent (its newest state change in the audit trail; its last modification when the trail has none)."""
    modelos = modelos if modelos is not None else modelos_publicables()
    ahora = timezone.now()
    pendientes = []
    for modelo in modelos:
        tipo = ContentType.objects.get_for_model(modelo)
        enviado = Cambio.objects.filter(
            tipo=tipo, objeto_id=Cast(OuterRef("pk"), CharField()), accion=Cambio.Accion.ESTADO
        ).order_by("-fecha")
        consulta = (
            modelo.objects.de_usuario(usuario)
            .filter(estado=Estado.EN_REVISION)
            .select_related("dependencia")
            .annotate(
                enviado=Coalesce(Subquery(enviado.values("fecha")[:1]), "modificado", output_field=DateTimeField())
            )
            .order_by("enviado")[:LIMITE]
        )
        for objeto in consulta:
            pendientes.append(
                Pendiente(
                    objeto=objeto,
                    modelo=capfirst(str(modelo._meta.verbose_name)),
                    url=_url_de_edicion(objeto),
                    fecha=objeto.enviado,
                    dias=_dias(objeto.enviado, ahora),
                )
            )
    pendientes.sort(key=lambda p: p.fecha)
    return pendientes[:LIMITE]


def publicado_este_mes(modelos=None, ahora=None):
    """What each channel published this month, by dependencia: ``{"canales": [name…], "filas": [(dependencia,
    [count per channel…], total)…], "totales": [...]}``. One query per model."""
    modelos = modelos if modelos is not None else modelos_publicables()
    ahora = ahora or timezone.now()
    inicio = timezone.localtime(ahora).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    cuentas = defaultdict(lambda: [0] * len(modelos))
    for i, modelo in enumerate(modelos):
        filas = (
            modelo.objects.filter(estado=Estado.PUBLICADO, publicar_desde__gte=inicio, publicar_desde__lte=ahora)
            .order_by()
            .values_list("dependencia__nombre")
            .annotate(n=Count("pk"))
        )
        for nombre, n in filas:
            cuentas[nombre][i] = n
    filas = [(nombre, valores, sum(valores)) for nombre, valores in sorted(cuentas.items())]
    totales = [sum(f[1][i] for f in filas) for i in range(len(modelos))]
    return {
        "canales": [capfirst(str(m._meta.verbose_name_plural)) for m in modelos],
        "filas": filas,
        "totales": totales,
        "total": sum(totales),
    }


def borradores(usuario, modelos=None, excluir=()):
    """The drafts of ``usuario``'s dependencias, most recently modified first (``excluir``: the returned ones)."""
    modelos = modelos if modelos is not None else modelos_publicables()
    ahora = timezone.now()
    fuera = {(type(p.objeto), p.objeto.pk) for p in excluir}
    lista = []
    for modelo in modelos:
        consulta = (
            modelo.objects.de_usuario(usuario)
            .filter(estado=Estado.BORRADOR)
            .select_related("dependencia")
            .order_by("-modificado")[:LIMITE]
        )
        for objeto in consulta:
            if (modelo, objeto.pk) not in fuera:
                lista.append(
                    Pendiente(
                        objeto=objeto,
                        modelo=capfirst(str(modelo._meta.verbose_name)),
                        url=_url_de_edicion(objeto),
                        fecha=objeto.modificado,
                        dias=_dias(objeto.modificado, ahora),
                    )
                )
    lista.sort(key=lambda p: p.fecha, reverse=True)
    return lista[:LIMITE]


def fichas_por_revisar(usuario, hoy=None):
    """The fichas of ``usuario``'s dependencias whose six-month review is overdue or due within
    ``DIAS_AVISO_REVISION`` days, soonest first (``dias`` negative: overdue by that many days)."""
    hoy = hoy or timezone.localdate()
    lista = []
    for modelo in registro.modelos_de_ficha().values():
        consulta = (
            modelo.objects.filter(dependencia__in=Dependencia.objects.de_usuario(usuario))
            .filter(revision_vence__lte=hoy + timezone.timedelta(days=DIAS_AVISO_REVISION))
            .select_related("dependencia")
            .order_by("revision_vence")[:LIMITE]
        )
        for ficha in consulta:
            lista.append(
                Pendiente(
                    objeto=ficha,
                    modelo=capfirst(str(modelo._meta.verbose_name)),
                    url=_url_de_edicion(ficha),
                    fecha=ficha.revision_vence,
                    dias=(ficha.revision_vence - hoy).days,
                )
            )
    lista.sort(key=lambda p: p.fecha)
    return lista[:LIMITE]


def conteos_en_revision(usuario, modelos=None):
    """``{model: items in review visible to usuario}`` for the admin menu, in one query (a UNION)."""
    modelos = modelos if modelos is not None else modelos_publicables()
    partes = [
        m.objects.de_usuario(usuario)
        .filter(estado=Estado.EN_REVISION)
        .order_by()
        .annotate(modelo=Value(m._meta.label, output_field=CharField()))
        .values("modelo")
        .annotate(n=Count("pk"))
        .values_list("modelo", "n")
        for m in modelos
    ]
    if not partes:
        return {}
    consulta = partes[0].union(*partes[1:], all=True) if len(partes) > 1 else partes[0]
    return dict(consulta)


def _puede_ver(usuario, modelo):
    opts = modelo._meta
    return usuario.has_perm(f"{opts.app_label}.view_{opts.model_name}") or usuario.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def mi_trabajo(usuario, hoy=None):
    """Everything the start page shows ``usuario``, by role."""
    modelos = [m for m in modelos_publicables() if _puede_ver(usuario, m)]
    comite = any(puede_publicar(usuario, m) for m in modelos)
    datos = {"es_comite": comite}
    if comite:
        datos["en_revision"] = en_revision(usuario, modelos)
        datos["publicado"] = publicado_este_mes(modelos)
    volvieron = devueltos(usuario, modelos)
    datos["devueltos"] = volvieron
    if not comite or Dependencia.objects.de_usuario(usuario).exists():
        datos["borradores"] = borradores(usuario, modelos, excluir=volvieron)
        datos["fichas"] = [p for p in fichas_por_revisar(usuario, hoy) if _puede_ver(usuario, type(p.objeto))]
        dependencias = list(Dependencia.objects.de_usuario(usuario))
        datos["entregas"] = registro.entregas_pendientes(dependencias, hoy or timezone.localdate())
    return datos
