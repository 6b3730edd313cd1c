"""Site-wide search in Spanish.

Each app registers its public content as a ``Fuente`` (from its ``AppConfig.ready``), so ``portal`` never
imports the apps above it. Sources are copied into one index table (``EntradaBusqueda``) whenever an item
is saved or deleted; the publication window is stored with the entry and checked at query time, so
scheduled and expiring items appear and disappear on time without re-indexing.

On PostgreSQL the index uses full-text search with the ``spanish`` configuration (stemming: "licencias"
finds "licencia") over accent-free text, GIN-indexed. On SQLite an FTS5 index (migration 0017) finds the
entries holding a word starting with each word's root. Both ignore accents and case, and an exact title match
ranks first. However large the index, a search reads at most about ``TOPE`` entries (see ``Resultados``).
"""

import functools
import hashlib
import hmac
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import BooleanField, Case, F, FloatField, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .models import ConsultaBusqueda, EntradaBusqueda, PalabraBusqueda, Sinonimo

MAX_CONSULTA = 200
MAX_PALABRAS = 12
_fuentes = {}


@dataclass(frozen=True)
class Fuente:
    """What a model contributes to search.

    ``datos(objeto)`` returns None when the object must not be searchable (a draft, an inactive
    dependencia), or a dict with ``titulo``, ``texto``, ``url`` and optionally ``fecha``,
    ``publicar_desde``, ``publicar_hasta``.
    """

    tipo: str
    etiqueta: str
    modelo: type
    datos: object
    consulta: object = None  # optional: a function returning the queryset to index in bulk
    orden: int = 100


def registrar(fuente):
    _fuentes[fuente.tipo] = fuente
    post_save.connect(_al_guardar, sender=fuente.modelo, dispatch_uid=f"busqueda-{fuente.tipo}-guardar")
    post_delete.connect(_al_borrar, sender=fuente.modelo, dispatch_uid=f"busqueda-{fuente.tipo}-borrar")


def fuentes():
    return sorted(_fuentes.values(), key=lambda f: f.orden)


class _SinTildes(dict):
    """``str.translate`` table dropping accents, one character per character, filled as characters appear."""

    def __missing__(self, codigo):
        self[codigo] = unicodedata.normalize("NFKD", chr(codigo))[:1]
        return self[codigo]


_SIN_TILDES = _SinTildes()


def normalizar(texto):
    """Lower case without accents, one character per character ("Jubilación" -> "jubilacion")."""
    texto = str(texto)
    return (texto if texto.isascii() else texto.translate(_SIN_TILDES)).lower()


def palabras(consulta):
    return re.findall(r"\w+", normalizar(consulta))[:MAX_PALABRAS]


def limpiar_consulta(consulta):
    """What people typed, made safe to search: no control characters, single spaces, at most 200 chars."""
    consulta = "".join(c if c.isprintable() else " " for c in str(consulta))
    consulta = " ".join(consulta.split())
    if len(consulta) > MAX_CONSULTA:
        consulta = consulta[:MAX_CONSULTA].rsplit(" ", 1)[0] or consulta[:MAX_CONSULTA]
    return consulta


# --- keeping the index in step -------------------------------------------------------------------------------


def _fuente_de(objeto):
    return next((f for f in _fuentes.values() if isinstance(objeto, f.modelo)), None)


def _campos(fuente, objeto):
    """The index row of an object, or None when it must not be searchable."""
    datos = fuente.datos(objeto)
    if datos is None:
        return None
    titulo = datos["titulo"][:300]
    texto = " ".join(strip_tags(datos.get("texto") or "").split())
    return {
        "titulo": titulo,
        "texto": texto,
        "url": datos["url"],
        "fecha": datos.get("fecha"),
        "publicar_desde": datos.get("publicar_desde"),
        "publicar_hasta": datos.get("publicar_hasta"),
        "titulo_plano": normalizar(titulo)[:300],
        "texto_plano": normalizar(texto),
    }


def _calcular_vectores(entradas):
    if connection.vendor == "postgresql":
        entradas.update(
            vector=SearchVector("titulo_plano", weight="A", config="spanish")
            + SearchVector("texto_plano", weight="B", config="spanish")
        )


def indexar(objeto, fuente=None):
    fuente = fuente or _fuente_de(objeto)
    campos = _campos(fuente, objeto)
    if campos is None:
        EntradaBusqueda.objects.filter(tipo=fuente.tipo, objeto_id=objeto.pk).delete()
        return
    entrada, _ = EntradaBusqueda.objects.update_or_create(tipo=fuente.tipo, objeto_id=objeto.pk, defaults=campos)
    _calcular_vectores(EntradaBusqueda.objects.filter(pk=entrada.pk))
    guardar_vocabulario(palabras_del_indice(campos["titulo_plano"], campos["texto_plano"]))


# --- the vocabulary, for one typo --------------------------------------------------------------------------

LARGO_MINIMO_CORREGIBLE = 5


def palabras_del_indice(*textos):
    """The words of normalized texts that a typo may be corrected to: letters only, five to forty of them."""
    return {p for texto in textos for p in re.findall(r"[^\W\d_]+", texto) if LARGO_MINIMO_CORREGIBLE <= len(p) <= 40}


def guardar_vocabulario(nuevas):
    if nuevas:
        PalabraBusqueda.objects.bulk_create(
            [PalabraBusqueda(palabra=p, invertida=p[::-1]) for p in sorted(nuevas)],
            batch_size=500,
            ignore_conflicts=True,
        )


def _a_una_edicion(a, b):
    """Whether ``b`` is ``a`` with one letter changed, added, removed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        distintas = [i for i in range(len(a)) if a[i] != b[i]]
        return len(distintas) == 1 or (
            len(distintas) == 2
            and distintas[1] == distintas[0] + 1
            and a[distintas[0]] == b[distintas[1]]
            and a[distintas[1]] == b[distintas[0]]
        )
    corta, larga = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(corta)) if corta[i] != larga[i]), len(corta))
    return corta[i:] == larga[i + 1 :]


def _siguiente(prefijo):
    return prefijo[:-1] + chr(ord(prefijo[-1]) + 1)


def _correccion(palabra):
    """The indexed word one typo away from ``palabra``, or None. A single typo leaves either the first two
    letters or the last two as they were (in words of five letters or more), so the candidates are read
    through two index ranges instead of the whole vocabulary."""
    inicio, final = palabra[:2], palabra[::-1][:2]
    candidatas = PalabraBusqueda.objects.filter(
        Q(palabra__gte=inicio, palabra__lt=_siguiente(inicio))
        | Q(invertida__gte=final, invertida__lt=_siguiente(final))
    ).values_list("palabra", flat=True)
    cercanas = sorted(c for c in candidatas if _a_una_edicion(palabra, c))
    # Same length first (a letter changed is the commonest typo), then alphabetical: the same answer every time.
    cercanas.sort(key=lambda c: abs(len(c) - len(palabra)))
    return cercanas[0] if cercanas else None


def corregir(consulta):
    """``consulta`` with each word of five letters or more that the index does not hold replaced by the
    indexed word one typo away; None when nothing changes. Only asked when a search found nothing: the
    common case costs nothing more."""
    terminos = palabras(consulta)
    desconocidas = [t for t in terminos if len(t) >= LARGO_MINIMO_CORREGIBLE and t.isalpha()]
    if not desconocidas:
        return None
    conocidas = set(PalabraBusqueda.objects.filter(palabra__in=desconocidas).values_list("palabra", flat=True))
    corregidos, cambio = [], False
    for termino in terminos:
        nuevo = None
        if termino in desconocidas and termino not in conocidas:
            nuevo = _correccion(termino)
        corregidos.append(nuevo or termino)
        cambio = cambio or nuevo is not None
    return " ".join(corregidos) if cambio else None


def _al_guardar(sender, instance, raw=False, **kwargs):
    if not raw:
        # After the transaction: related rows (a ficha's requirements) are saved by then.
        transaction.on_commit(lambda: indexar(instance))


def _al_borrar(sender, instance, **kwargs):
    fuente = _fuente_de(instance)
    EntradaBusqueda.objects.filter(tipo=fuente.tipo, objeto_id=instance.pk).delete()


def reindexar(tipos=None):
    """Rebuild the index of every source (or of the given types). Returns how many items were indexed."""
    total = 0
    for fuente in fuentes():
        if tipos and fuente.tipo not in tipos:
            continue
        with transaction.atomic():
            EntradaBusqueda.objects.filter(tipo=fuente.tipo).delete()
            objetos = fuente.consulta() if fuente.consulta else fuente.modelo.objects.all()
            lote = []
            for objeto in objetos.iterator(chunk_size=500):
                campos = _campos(fuente, objeto)
                if campos is not None:
                    lote.append(EntradaBusqueda(tipo=fuente.tipo, objeto_id=objeto.pk, **campos))
                if len(lote) >= 500:
                    total += len(EntradaBusqueda.objects.bulk_create(lote))
                    lote = []
            total += len(EntradaBusqueda.objects.bulk_create(lote))
            _calcular_vectores(EntradaBusqueda.objects.filter(tipo=fuente.tipo))
            vocabulario = set()
            for titulo, texto in (
                EntradaBusqueda.objects.filter(tipo=fuente.tipo).values_list("titulo_plano", "texto_plano").iterator()
            ):
                vocabulario |= palabras_del_indice(titulo, texto)
            guardar_vocabulario(vocabulario)
    return total


# --- querying --------------------------------------------------------------------------------------------


def _sinonimos(terminos_normalizados):
    """Alternative phrasings from the editable synonym list, both ways ("predial" <-> "impuesto predial")."""
    consulta = " ".join(terminos_normalizados)
    alternativas = []
    for sinonimo in Sinonimo.objects.all():
        grupo = [sinonimo.termino, *sinonimo.equivalentes.split(",")]
        grupo = [" ".join(palabras(g)) for g in grupo if palabras(g)]
        if any(re.search(rf"\b{re.escape(g)}\b", consulta) for g in grupo):
            alternativas.extend(g for g in grupo if g != consulta)
    return alternativas


def _visibles(ahora):
    return EntradaBusqueda.objects.filter(
        Q(publicar_desde__isnull=True) | Q(publicar_desde__lte=ahora),
        Q(publicar_hasta__isnull=True) | Q(publicar_hasta__gt=ahora),
    )


@dataclass(frozen=True)
class Resultados:
    """What a search found.

    ``entradas`` are best first. When more than ``TOPE`` entries match (a word found in almost everything,
    like "alcaldía"), counting and ranking them all would cost time in proportion to the whole index on every
    search; instead ``total`` stops at ``TOPE + 1`` (shown as «más de 500») and only the ``TOPE`` most recent
    matches, plus every undated page and every exact title, are ranked. Adding a word narrows the search
    back to an exact count.
    """

    entradas: object
    total: int  # matches of the chosen type (all types without one), at most TOPE + 1
    mostrables: int  # how many of them ``entradas`` holds: all, or those ranked when there were too many
    por_tipo: dict  # {tipo: matches}, exact; empty when there were too many to count by type
    todas: int  # matches of every type, at most TOPE + 1


TOPE = 500


def buscar(consulta, *, tipo=None, ahora=None):
    """Search the index: see ``Resultados``. A constant number of queries, each reading at most about
    ``TOPE`` rows however large the index grows."""
    terminos = palabras(consulta)
    if not terminos:
        return Resultados(EntradaBusqueda.objects.none(), 0, 0, {}, 0)
    frase = " ".join(terminos)
    # A synonym phrase holding every word asked ("impuesto predial" for "predial") finds nothing more.
    alternativas = [a for a in _sinonimos(terminos) if not set(terminos) <= set(a.split())]
    de_todo_tipo = _visibles(ahora or timezone.now()).order_by()
    visibles = de_todo_tipo.filter(tipo=tipo) if tipo else de_todo_tipo
    exacto = Case(When(titulo_plano=frase, then=Value(100.0)), default=Value(0.0), output_field=FloatField())

    if connection.vendor == "postgresql":
        consulta_fts = SearchQuery(frase, config="spanish", search_type="plain")
        for alternativa in alternativas:
            consulta_fts |= SearchQuery(alternativa, config="spanish", search_type="plain")
        coincide = Q(vector=consulta_fts)
        relevancia = SearchRank(F("vector"), consulta_fts) + exacto
    else:
        grupos = [[_raiz(t) for t in terminos], *([_raiz(t) for t in a.split()] for a in alternativas)]
        coincide = _coincide_sin_postgresql(grupos)
        en_titulo = sum(
            (
                Case(When(titulo_plano__contains=_raiz(t), then=1), default=0, output_field=IntegerField())
                for t in terminos
            ),
            Value(0),
        )
        relevancia = exacto + en_titulo

    # One read of at most TOPE + 1 matches (of every type): few enough to count and rank them all?
    muestra = list(de_todo_tipo.filter(coincide).values_list("tipo", flat=True)[: TOPE + 1])
    por_tipo = dict(Counter(muestra)) if len(muestra) <= TOPE else {}
    coincidencias = visibles.filter(coincide)
    total = len(muestra)
    if tipo:
        total = por_tipo.get(tipo, 0) if por_tipo else coincidencias[: TOPE + 1].count()
    mostrables = total
    if total > TOPE:
        # Only those since the date of the TOPE-th most recent, any undated page and any exact title; paged
        # through up to TOPE (exact titles rank first, and nobody reads page 101).
        corte = coincidencias.order_by("-fecha").values_list("fecha", flat=True)[TOPE - 1]
        desde = Q(fecha__gte=corte) if corte is not None else Q(fecha__isnull=True)
        coincidencias = coincidencias.filter(desde | Q(fecha__isnull=True) | Q(titulo_plano=frase))
        mostrables = TOPE
    entradas = (
        coincidencias.annotate(relevancia=relevancia)
        .order_by("-relevancia", "-fecha", "titulo")
        .only("tipo", "titulo", "texto", "url", "fecha")
    )
    return Resultados(entradas, total, mostrables, por_tipo, len(muestra))


def _coincide_sin_postgresql(grupos):
    """Entries holding every word (its root) of at least one group: from SQLite's FTS5 index (migration 0017)
    where there is one, else by reading the whole table.

    The index is asked first for up to TOPE + 1 matches (a fraction of a millisecond). So few are looked up
    by id. More (a common word: 13,000 at bench scale) are tested entry by entry while the query reads the
    date index newest first and stops after TOPE: "+id" keeps SQLite from starting at all the matches and
    sorting them (2 ms instead of 15). After an ``ANALYZE`` (which nothing runs on a portal's SQLite file)
    SQLite may read the whole table for the ranking instead, about 15 ms.
    """
    if _hay_fts5():
        expresion = " OR ".join("(" + " AND ".join(f'"{raiz}"*' for raiz in grupo) + ")" for grupo in grupos)
        buscar_en_indice = f"SELECT rowid FROM {FTS5} WHERE {FTS5} MATCH %s"  # noqa: S608 - fixed names
        with connection.cursor() as cursor:
            cursor.execute(f"{buscar_en_indice} LIMIT {TOPE + 1}", [expresion])
            ids = [fila[0] for fila in cursor.fetchall()]
        if len(ids) <= TOPE:
            return Q(pk__in=ids)
        columna = f'+"{EntradaBusqueda._meta.db_table}"."id"'
        return RawSQL(f"{columna} IN ({buscar_en_indice})", [expresion], output_field=BooleanField())  # noqa: S611
    coincide = Q()
    for grupo in grupos:
        todas = Q()
        for raiz in grupo:
            todas &= Q(titulo_plano__contains=raiz) | Q(texto_plano__contains=raiz)
        coincide |= todas
    return coincide


FTS5 = "portal_entradabusqueda_fts"


@functools.cache
def _hay_fts5():
    return connection.vendor == "sqlite" and FTS5 in connection.introspection.table_names()


def _raiz(termino):
    """Crude Spanish plural folding for databases without a stemmer ("licencias" -> "licencia")."""
    if len(termino) > 4 and termino.endswith("es") and termino[-3] not in "aeiou":
        return termino[:-2]
    if len(termino) > 3 and termino.endswith("s"):
        return termino[:-1]
    return termino


def _huella_del_cliente(cliente, dia):
    """HMAC of the address with a key that changes every day: the address itself is never kept."""
    clave = f"{settings.SECRET_KEY}:busqueda:{dia.isoformat()}".encode()
    return hmac.new(clave, (cliente or "").encode(), hashlib.sha256).hexdigest()[:32]


def _puede_agregar_termino(cliente, dia):
    """Whether this connection may still add a new term today (``BUSQUEDA_TERMINOS_NUEVOS_POR_CLIENTE``).

    Counted in the cache (no table grows to bound another one): a script sending hundreds of distinct
    queries adds at most that many rows a day, and its further searches only count terms already there.
    """
    clave = f"busqueda-nuevos:{_huella_del_cliente(cliente, dia)}"
    cache.add(clave, 0, 60 * 60 * 24)
    try:
        cuenta = cache.incr(clave)
    except ValueError:  # the key expired in between: this is the first one again
        cache.set(clave, 1, 60 * 60 * 24)
        cuenta = 1
    return cuenta <= settings.BUSQUEDA_TERMINOS_NUEVOS_POR_CLIENTE


def podar_consultas(hoy=None):
    """Delete the search counts older than ``BUSQUEDA_CONSERVAR_DIAS`` (the dashboard reads the last 30)."""
    hoy = hoy or timezone.localdate()
    limite = hoy - timedelta(days=settings.BUSQUEDA_CONSERVAR_DIAS)
    return ConsultaBusqueda.objects.filter(dia__lt=limite).delete()[0]


def registrar_consulta(consulta, *, resultados, cliente=None, visitante=""):
    """Count the search (normalized term per day, whether it found nothing, and how many different visitors
    searched it): no personal data.

    ``cliente`` (the connection's address, only hashed) bounds how many new terms one connection adds a day;
    ``visitante`` is the visit counter's anonymous code of the day (``portal.visitas.huella``), counted once per
    term and day, so the dashboard shows only what several people searched.
    """
    termino = " ".join(palabras(consulta))[:100]
    if not termino:
        return
    hoy = timezone.localdate()
    clave = hashlib.sha1(termino.encode(), usedforsecurity=False).hexdigest()
    nuevo = int(bool(visitante) and cache.add(f"busqueda:v:{hoy.isoformat()}:{clave}:{visitante}", 1, 26 * 3600))
    cambios = {
        "veces": F("veces") + 1,
        "sin_resultados": F("sin_resultados") + (0 if resultados else 1),
        "visitantes": F("visitantes") + nuevo,
    }
    actualizadas = ConsultaBusqueda.objects.filter(termino=termino, dia=hoy).update(**cambios)
    if actualizadas or not _puede_agregar_termino(cliente, hoy):
        return
    if cache.add(f"busqueda-podada:{hoy.isoformat()}", True, 60 * 60 * 24):
        podar_consultas(hoy)  # once a day (per cache), with the day's first new term
    try:
        with transaction.atomic():
            ConsultaBusqueda.objects.create(
                termino=termino, dia=hoy, veces=1, sin_resultados=0 if resultados else 1, visitantes=nuevo
            )
    except IntegrityError:  # a concurrent request created today's row first: count on it instead
        ConsultaBusqueda.objects.filter(termino=termino, dia=hoy).update(**cambios)


# Words of markup and scripts: a search made of them is a probe, not something citizens look for.
MARCADO = frozenset(
    {
        "script", "alert", "onerror", "onload", "iframe", "javascript", "svg", "eval",
        "prompt", "document", "cookie", "img", "src", "href", "style",
    }
)  # fmt: skip
REPETIDO = re.compile(r"(\w)\1{3,}")  # "aaaa", "jjjjjj": keyboard mashing


def termino_presentable(termino):
    """Whether a normalized search term may be shown to the committee: 3 to 40 characters, up to 6 words, some
    letters, no run of four equal characters, no markup."""
    terminos = termino.split()
    return (
        3 <= len(termino) <= 40
        and len(terminos) <= 6
        and any(c.isalpha() for c in termino)
        and not REPETIDO.search(termino)
        and not MARCADO.intersection(terminos)
    )


# Words that say nothing alone: never highlighted (PostgreSQL's Spanish configuration does not search them
# either). Marking "de" lit up every "de" of a page and, inside words, "pi<de>" and "Or<de>n".
PALABRAS_VACIAS = frozenset(
    [
        "a",
        "al",
        "con",
        "de",
        "del",
        "el",
        "en",
        "la",
        "las",
        "lo",
        "los",
        "o",
        "para",
        "por",
        "que",
        "se",
        "su",
        "sus",
        "un",
        "una",
        "unas",
        "unos",
        "y",
    ]
)


def _patron_de_resaltado(consulta):
    """Words of the text that start with a searched word (its root: "licencias" marks "licencia" and
    "licencias"), whole words only, never the inside of a word."""
    terminos = sorted(
        {_raiz(t) for t in palabras(consulta) if len(t) > 1 and t not in PALABRAS_VACIAS}, key=len, reverse=True
    )
    if not terminos:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terminos) + r")\w*")


def resaltar(texto, consulta, largo=240):
    """A snippet of ``texto`` around the first matched word, HTML-escaped, the matched words in <mark>."""
    patron = _patron_de_resaltado(consulta)
    plano = normalizar(texto)
    if len(plano) != len(texto):  # exotic characters changed length: show the text without marks
        return escape(texto[:largo])
    primera = patron.search(plano) if patron else None
    inicio = max(0, primera.start() - 60) if primera else 0
    if inicio:
        inicio = texto.find(" ", inicio) + 1 or inicio
    fin = min(len(texto), inicio + largo)
    fragmento, fragmento_plano = texto[inicio:fin], plano[inicio:fin]
    partes, cursor = [], 0
    for encontrado in patron.finditer(fragmento_plano) if patron else ():
        a, b = encontrado.span()
        partes += [escape(fragmento[cursor:a]), f"<mark>{escape(fragmento[a:b])}</mark>"]
        cursor = b
    partes.append(escape(fragmento[cursor:]))
    prefijo = "… " if inicio else ""
    sufijo = " …" if fin < len(texto) else ""
    return mark_safe(prefijo + "".join(partes) + sufijo)  # noqa: S308 - every piece is escaped above
