"""Figures of portal's own content for the Comité GEL-T (gelt calls these; it never reads the tables)."""

from django.db.models import Max

from .memoria import memorizar
from .models import Documento, Estado, Evento, Noticia

# What counts as "the website was updated": a news item, a document or an event that went public.
MODELOS_PUBLICADOS = {"noticias": Noticia, "documentos": Documento, "eventos": Evento}


def _publicados_entre(modelo, desde, hasta):
    # Archived items were public on their publication date, so they still count for that month.
    return modelo.objects.vivos().filter(
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


def publicaciones_por_mes(desde, hasta):
    """``{date (day 1 of a month): items that went public that month}`` for [desde, hasta), one query per kind.

    Months are Bogotá's; the caller passes ``hasta`` no later than now, so an item scheduled for later this
    month does not count as published yet."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth
    from django.utils import timezone

    meses = {}
    for modelo in MODELOS_PUBLICADOS.values():
        filas = (
            _publicados_entre(modelo, desde, hasta)
            .annotate(mes=TruncMonth("publicar_desde", tzinfo=timezone.get_current_timezone()))
            .values("mes")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for fila in filas:
            mes = fila["mes"].date() if hasattr(fila["mes"], "date") else fila["mes"]
            meses[mes] = meses.get(mes, 0) + fila["n"]
    return meses


def cantidad_de_publicaciones(desde, hasta):
    return sum(_publicados_entre(modelo, desde, hasta).count() for modelo in MODELOS_PUBLICADOS.values())


def ultima_publicacion(seccion):
    """When the section (``noticias``, ``documentos``, ``eventos``) last had something go public."""
    return MODELOS_PUBLICADOS[seccion].objects.vigentes().aggregate(ultima=Max("publicar_desde"))["ultima"]


def _campos_url(modelo):
    return ["slug"] if any(f.name == "slug" for f in modelo._meta.fields) else []


def busquedas_frecuentes(dias=30, limite=10, *, minimo_visitantes=None):
    """What citizens searched most in the last ``dias`` days, and what they searched without finding it.

    Only terms that ``busqueda.termino_presentable`` accepts (no markup, no keyboard mashing, a sensible length)
    and that at least ``minimo_visitantes`` different visitors searched (``BUSQUEDAS_MINIMO_VISITANTES``).
    """
    from django.conf import settings
    from django.db.models import Sum
    from django.utils import timezone

    from .busqueda import termino_presentable
    from .models import ConsultaBusqueda

    if minimo_visitantes is None:
        minimo_visitantes = settings.BUSQUEDAS_MINIMO_VISITANTES
    recientes = ConsultaBusqueda.objects.filter(dia__gte=timezone.localdate() - timezone.timedelta(days=dias))
    por_termino = (
        recientes.values("termino")
        .annotate(veces=Sum("veces"), sin_resultados=Sum("sin_resultados"), visitantes=Sum("visitantes"))
        .filter(visitantes__gte=minimo_visitantes)
    )

    def presentables(consulta):
        # Read a few times the limit, so terms left out still leave ``limite`` to show (bounded either way).
        return [f for f in consulta[: limite * 5] if termino_presentable(f["termino"])][:limite]

    return {
        "mas_buscados": presentables(por_termino.order_by("-veces", "termino")),
        "sin_resultados": presentables(
            por_termino.filter(sin_resultados__gt=0).order_by("-sin_resultados", "termino")
        ),
    }


# --- Evidence for the committee's self-check of the GEL criteria ---------------------------------------------
# Each function answers from the public data only (what a citizen would see), never from drafts.


def seccion_institucional_publicada(pagina, clave):
    from .models import SeccionInstitucional

    seccion = SeccionInstitucional.objects.vigentes().filter(pagina=pagina, clave=clave).first()
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


@memorizar
def dependencias_activas():
    """The active dependencias (central and decentralized), for the semiannual delivery cycle."""
    from .models import Dependencia

    return list(Dependencia.objects.activas().only("nombre", "slug", "tipo"))


# --- Visits (counted by ``portal.visitas``): page views and unique visitors, no personal data ------------------
# ``desde`` and ``hasta`` are dates (aware datetimes are read as Bogotá dates); ``hasta`` is excluded, as in the
# committee's periods. "visitantes" over more than one day is the sum of each day's unique visitors: the
# anonymous daily code changes every day on purpose, so one person who comes back on two days counts twice.
# Arrivals through a short link ``/c/<código>/`` are not page views: they count only in ``campanas()``.

MAXIMO_DIAS_DE_VISITAS = 800  # longest range of a daily series (bounded queries and responses)


def _dia(valor):
    from datetime import datetime

    from django.utils import timezone

    if isinstance(valor, datetime):
        return timezone.localdate(valor) if timezone.is_aware(valor) else valor.date()
    return valor


def _rango_de_dias(desde, hasta, *, maximo=None):
    desde, hasta = _dia(desde), _dia(hasta)
    if maximo is not None and (hasta - desde).days > maximo:
        raise ValueError(f"El periodo de visitas no puede pasar de {MAXIMO_DIAS_DE_VISITAS} días.")
    return desde, hasta


def _vistas_de_paginas(desde, hasta):
    from .models import VisitaDiaria
    from .models.visitas import PREFIJO_CAMPANAS

    return (
        VisitaDiaria.objects.filter(dia__gte=desde, dia__lt=hasta)
        .exclude(ruta__startswith=PREFIJO_CAMPANAS)
        .order_by()
    )


@memorizar
def visitas(desde, hasta):
    """Page views and unique visitors in [desde, hasta), with the daily series (every day, zeros included).

    ``{"vistas": int, "visitantes": int, "por_dia": [{"dia": date, "vistas": int, "visitantes": int}]}``
    """
    from django.db.models import Count, Sum
    from django.utils import timezone

    from .models import VisitanteDiario

    desde, hasta = _rango_de_dias(desde, hasta, maximo=MAXIMO_DIAS_DE_VISITAS)
    vistas = dict(_vistas_de_paginas(desde, hasta).values("dia").annotate(n=Sum("vistas")).values_list("dia", "n"))
    visitantes = dict(
        VisitanteDiario.objects.filter(dia__gte=desde, dia__lt=hasta)
        .order_by()
        .values("dia")
        .annotate(n=Count("pk"))
        .values_list("dia", "n")
    )
    por_dia = [
        {"dia": dia, "vistas": vistas.get(dia, 0), "visitantes": visitantes.get(dia, 0)}
        for dia in (desde + timezone.timedelta(days=i) for i in range(max((hasta - desde).days, 0)))
    ]
    return {
        "vistas": sum(vistas.values()),
        "visitantes": sum(visitantes.values()),
        "por_dia": por_dia,
    }


def visitas_por_mes(anio):
    """The twelve months of ``anio``: ``[{"mes": date (day 1), "vistas", "visitantes"}]``."""
    from datetime import date

    meses = {m: {"mes": date(anio, m, 1), "vistas": 0, "visitantes": 0} for m in range(1, 13)}
    for fila in visitas(date(anio, 1, 1), date(anio + 1, 1, 1))["por_dia"]:
        meses[fila["dia"].month]["vistas"] += fila["vistas"]
        meses[fila["dia"].month]["visitantes"] += fila["visitantes"]
    return list(meses.values())


def _semestre(anio, semestre):
    from datetime import date

    if semestre not in (1, 2):
        raise ValueError("El semestre es 1 o 2.")
    return (date(anio, 1, 1), date(anio, 7, 1)) if semestre == 1 else (date(anio, 7, 1), date(anio + 1, 1, 1))


def visitas_por_semestre(anio, semestre):
    """``{"anio", "semestre", "desde", "hasta", "vistas", "visitantes", "por_mes": [six months]}``."""
    desde, hasta = _semestre(anio, semestre)
    meses = visitas_por_mes(anio)[desde.month - 1 : desde.month + 5]
    return {
        "anio": anio,
        "semestre": semestre,
        "desde": desde,
        "hasta": hasta,
        "vistas": sum(m["vistas"] for m in meses),
        "visitantes": sum(m["visitantes"] for m in meses),
        "por_mes": meses,
    }


@memorizar
def _visitantes_entre(desde, hasta):
    from .models import VisitanteDiario

    return VisitanteDiario.objects.filter(dia__gte=desde, dia__lt=hasta).count()


def variacion_semestral(fecha):
    """% change of the unique visitors of the semester containing ``fecha`` against the previous semester.

    Rounded to one decimal; None when either semester has no visitors. A semester still running is compared
    as it is so far: read it when the semester closes (the committee's semiannual measurement).
    """
    fecha = _dia(fecha)
    semestre = 1 if fecha.month <= 6 else 2
    actual = _visitantes_entre(*_semestre(fecha.year, semestre))
    anterior = _visitantes_entre(*(_semestre(fecha.year - 1, 2) if semestre == 1 else _semestre(fecha.year, 1)))
    if not actual or not anterior:
        return None
    return round((actual - anterior) * 100 / anterior, 1)


def historial_semestral(cantidad=6, hoy=None):
    """The last ``cantidad`` semesters up to today's, oldest first, with their visits and the % change.

    ``[{"anio", "semestre", "vistas", "visitantes", "variacion"}]`` (at most 20 semesters).
    """
    from django.utils import timezone

    hoy = _dia(hoy or timezone.localdate())
    anio, semestre = hoy.year, 1 if hoy.month <= 6 else 2
    periodos = []
    for _i in range(min(cantidad, 20)):
        periodos.insert(0, (anio, semestre))
        anio, semestre = (anio - 1, 2) if semestre == 1 else (anio, 1)
    filas = []
    for anio, semestre in periodos:
        desde, hasta = _semestre(anio, semestre)
        datos = visitas(desde, hasta)
        filas.append(
            {
                "anio": anio,
                "semestre": semestre,
                "vistas": datos["vistas"],
                "visitantes": datos["visitantes"],
                "variacion": variacion_semestral(desde),
            }
        )
    return filas


def paginas_mas_vistas(desde, hasta, n=10):
    """``[{"ruta", "vistas"}]``: the ``n`` (at most 100) most viewed pages in [desde, hasta)."""
    from django.db.models import Sum

    desde, hasta = _rango_de_dias(desde, hasta)
    filas = _vistas_de_paginas(desde, hasta).values("ruta").annotate(vistas=Sum("vistas"))
    return list(filas.order_by("-vistas", "ruta")[: min(n, 100)])


def referentes(desde, hasta, n=10, *, minimo_direcciones=0):
    """``[{"referente", "vistas"}]``: the ``n`` (at most 100) sites people came from (direct visits left out).

    With ``minimo_direcciones``, only sites that sent people from at least that many different addresses (summed
    over the days, ``ProcedenciaDiaria``): a single sender inventing referrers never gets listed.
    """
    from django.db.models import Sum

    from .models import ProcedenciaDiaria

    desde, hasta = _rango_de_dias(desde, hasta)
    filas = _vistas_de_paginas(desde, hasta).exclude(referente="").values("referente").annotate(vistas=Sum("vistas"))
    if minimo_direcciones > 0:
        confirmados = (
            ProcedenciaDiaria.objects.filter(dia__gte=desde, dia__lt=hasta)
            .values("referente")
            .annotate(n=Sum("direcciones"))
            .filter(n__gte=minimo_direcciones)
            .values("referente")
        )
        filas = filas.filter(referente__in=confirmados)
    return list(filas.order_by("-vistas", "referente")[: min(n, 100)])


def campanas(desde, hasta, n=10):
    """``[{"codigo", "nombre", "medio", "llegadas"}]``: arrivals per campaign (short link followed, or a page
    opened with ``?utm_campaign=<código>``), the ``n`` (at most 100) with most arrivals first."""
    from django.db.models import Sum

    from . import registro
    from .models import VisitaDiaria

    desde, hasta = _rango_de_dias(desde, hasta)
    filas = list(
        VisitaDiaria.objects.filter(dia__gte=desde, dia__lt=hasta)
        .exclude(campana="")
        .order_by()
        .values("campana")
        .annotate(llegadas=Sum("vistas"))
        .order_by("-llegadas", "campana")[: min(n, 100)]
    )
    nombres = registro.descripciones_de_campanas([f["campana"] for f in filas])
    return [
        {
            "codigo": fila["campana"],
            "nombre": nombres.get(fila["campana"], {}).get("nombre", fila["campana"]),
            "medio": nombres.get(fila["campana"], {}).get("medio", ""),
            "llegadas": fila["llegadas"],
        }
        for fila in filas
    ]


def dispositivos(desde, hasta):
    """``[{"dispositivo", "etiqueta", "vistas", "porcentaje"}]`` for phone, tablet and computer (always the three;
    ``porcentaje`` is None when there are no views)."""
    from django.db.models import Sum

    from .models import Dispositivo

    desde, hasta = _rango_de_dias(desde, hasta)
    vistas = dict(
        _vistas_de_paginas(desde, hasta)
        .values("dispositivo")
        .annotate(n=Sum("vistas"))
        .values_list("dispositivo", "n")
    )
    total = sum(vistas.values())
    return [
        {
            "dispositivo": clase.value,
            "etiqueta": clase.label,
            "vistas": vistas.get(clase.value, 0),
            "porcentaje": round(vistas.get(clase.value, 0) * 100 / total, 1) if total else None,
        }
        for clase in Dispositivo
    ]
