"""Open data of the published fichas (Resolución MinTIC 1519 de 2020, Anexo 4), one implementation for
trámites and servicios.

``filas`` gives one record per published ficha with its public fields only: never drafts, never who
created, changed or reviewed it, never its workflow state. ``respuesta_json`` wraps the records with the
metadata the norm asks for (title, description, publisher, licence, update frequency, last update) and a
data dictionary; ``respuesta_csv`` gives the same records as one CSV row per ficha.

CSV flattening scheme (also written in the JSON ``diccionario``): a column holding several items
(``requisitos``, ``puntos_atencion``, ``normas``, ``formularios``, ``situaciones``) joins them with
`` ; `` and separates the parts of an item with `` | ``:

- requisitos: ``momento | tipo | descripción`` plus `` | detalle`` when it has one; `` (excepción)`` at
  the end of the description marks a requirement that applies only in some cases.
- puntos_atencion: ``nombre | dirección | horario | teléfono`` plus `` | latitud | longitud`` when known.
- normas: ``norma | artículos | url``; formularios: ``nombre | url``; situaciones: names only.

Inside those parts the characters ``;`` and ``|`` are replaced by ``,`` and ``/`` so the scheme stays
unambiguous (the JSON keeps the texts as they are). Money is an integer number of pesos, booleans are
``sí``/``no``, dates are ISO 8601 in Colombian time. The CSV is written by ``portal.exportar``: text cells
starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) get a leading single quote so a
spreadsheet never runs them as formulas.
"""

from django.http import JsonResponse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.text import slugify

from .. import exportar
from ..models import Municipio
from .models import Canal

LICENCIA = "Creative Commons Atribución 4.0 Internacional (CC BY 4.0)"
LICENCIA_URL = "https://creativecommons.org/licenses/by/4.0/deed.es"
FRECUENCIA = "Mensual"
# "no" is the stored value of a presencial-only ficha; the data say what it means (and match the import).
_CANAL = {Canal.PRESENCIAL: "presencial", Canal.PARCIAL: "parcial", Canal.TOTAL: "total"}
SEPARADOR_ELEMENTOS = " ; "
SEPARADOR_PARTES = " | "

# Ordered: the JSON keys, the CSV columns and the data dictionary follow this list.
DICCIONARIO = {
    "nombre": "Nombre con que la ciudadanía conoce el trámite o servicio.",
    "nombre_estandarizado": "Nombre estandarizado en el SUIT (Función Pública).",
    "tambien_conocido_como": "Otros nombres con que se conoce, separados por comas.",
    "slug": "Identificador de la ficha en la dirección web del portal; único y estable.",
    "url": "Dirección de la ficha en el portal.",
    "codigo_suit": "Número del trámite o servicio en el SUIT, si lo tiene.",
    "url_govco": "Enlace a la ficha en GOV.CO, si lo tiene.",
    "proposito": "Para qué sirve.",
    "para_persona_natural": "Lo puede hacer una persona natural. JSON: true o false; CSV: «sí» o «no».",
    "para_persona_juridica": "Lo puede hacer una persona jurídica. JSON: true o false; CSV: «sí» o «no».",
    "situaciones": (
        "Situaciones de vida en que se necesita. JSON: lista de objetos {slug, nombre}; "
        "CSV: nombres separados por « ; »."
    ),
    "canal": (
        "¿Se puede hacer en línea? «presencial» (solo presencial), «parcial» (parcialmente en línea) "
        "o «total» (totalmente en línea)."
    ),
    "url_en_linea": "Dirección donde se hace en línea (si el canal es parcial o total).",
    "resultado": "Qué obtiene la persona.",
    "tiempo_tipo": ("Tiempo de respuesta: «inmediato», «habiles» (días hábiles) o «calendario» (días calendario)."),
    "tiempo_cantidad": "Número de días del tiempo de respuesta; vacío si es inmediato.",
    "tiempo_notas": "Notas sobre el tiempo de respuesta.",
    "costo_tipo": "Costo: «gratuito», «valor» (valor fijo) o «formula» (según fórmula o tarifa).",
    "costo_valor": ("Valor en pesos colombianos, número entero sin puntos ni signos; vacío si no es un valor fijo."),
    "costo_formula": "Fórmula o tarifa con que se calcula el costo.",
    "costo_base_legal": "Fundamento legal del costo.",
    "costo_donde_pagar": "Dónde y cómo pagar.",
    "seguimiento": "Cómo hacer seguimiento a la solicitud.",
    "dependencia": "Dependencia de la entidad responsable.",
    "requisitos": (
        "Lo que se necesita. JSON: lista de objetos {momento, tipo, descripcion, detalle, es_excepcion}. "
        "CSV: elementos «momento | tipo | descripción» separados por « ; »; si el requisito tiene detalle "
        "se agrega « | detalle»; «(excepción)» al final de la descripción indica que solo aplica en algunos "
        "casos. momento: acceso (antes de empezar), solicitud (al hacer la solicitud), resolucion (mientras "
        "se resuelve) o resultado (para recibir el resultado); tipo: documento, formulario, pago o condicion."
    ),
    "puntos_atencion": (
        "Dónde y cuándo se atiende. JSON: lista de objetos {nombre, direccion, horario, telefono, latitud, "
        "longitud}. CSV: elementos «nombre | dirección | horario | teléfono» separados por « ; », con "
        "« | latitud | longitud» al final cuando se conocen."
    ),
    "normas": (
        "Base legal. JSON: lista de objetos {norma, articulos, url}. CSV: elementos «norma | artículos | url» "
        "separados por « ; »."
    ),
    "formularios": (
        "Formularios para descargar. JSON: lista de objetos {nombre, url}. CSV: elementos «nombre | url» "
        "separados por « ; »."
    ),
    "fecha_publicacion": "Fecha y hora de publicación (ISO 8601, hora de Colombia).",
    "fecha_actualizacion": "Fecha y hora de la última actualización de la ficha (ISO 8601, hora de Colombia).",
    "fecha_revision": (
        "Fecha y hora de la última revisión de la ficha (ISO 8601, hora de Colombia); vacía si no la tiene."
    ),
}
NOTAS_CSV = (
    "En el CSV (UTF-8 con BOM, separado por comas) hay una fila por ficha. En las columnas con varios "
    "elementos, los caracteres «;» y «|» dentro de un texto se reemplazan por «,» y «/»; el JSON conserva los "
    "textos tal como son. Las celdas que empiezan por =, +, - o @ llevan un apóstrofo (') al comienzo para que "
    "una hoja de cálculo no las ejecute como fórmulas."
)


def _fichas(modelo):
    return list(
        modelo.objects.publicados()
        .select_related("dependencia")
        .prefetch_related("requisitos", "puntos_atencion", "normas", "formularios", "situaciones")
        .order_by("nombre", "pk")
    )


def _iso(fecha):
    return timezone.localtime(fecha).isoformat(timespec="seconds") if fecha else None


def _decimal(numero):
    return None if numero is None else float(numero)


def _registro(ficha, request):
    return {
        "nombre": ficha.nombre,
        "nombre_estandarizado": ficha.nombre_estandarizado,
        "tambien_conocido_como": ficha.tambien_conocido_como,
        "slug": ficha.slug,
        "url": request.build_absolute_uri(ficha.get_absolute_url()),
        "codigo_suit": ficha.codigo_suit,
        "url_govco": ficha.url_govco,
        "proposito": ficha.proposito,
        "para_persona_natural": ficha.para_persona_natural,
        "para_persona_juridica": ficha.para_persona_juridica,
        "situaciones": [{"slug": s.slug, "nombre": s.nombre} for s in ficha.situaciones.all()],
        "canal": _CANAL.get(ficha.canal, ficha.canal),
        "url_en_linea": ficha.url_en_linea,
        "resultado": ficha.resultado,
        "tiempo_tipo": ficha.tiempo_tipo,
        "tiempo_cantidad": ficha.tiempo_cantidad,
        "tiempo_notas": ficha.tiempo_notas,
        "costo_tipo": ficha.costo_tipo,
        "costo_valor": None if ficha.costo_valor is None else int(ficha.costo_valor),
        "costo_formula": ficha.costo_formula,
        "costo_base_legal": ficha.costo_base_legal,
        "costo_donde_pagar": ficha.costo_donde_pagar,
        "seguimiento": ficha.seguimiento,
        "dependencia": ficha.dependencia.nombre,
        "requisitos": [
            {
                "momento": r.momento,
                "tipo": r.tipo,
                "descripcion": r.descripcion,
                "detalle": r.detalle,
                "es_excepcion": r.es_excepcion,
            }
            for r in ficha.requisitos.all()
        ],
        "puntos_atencion": [
            {
                "nombre": p.nombre,
                "direccion": p.direccion,
                "horario": p.horario,
                "telefono": p.telefono,
                "latitud": _decimal(p.latitud),
                "longitud": _decimal(p.longitud),
            }
            for p in ficha.puntos_atencion.all()
        ],
        "normas": [{"norma": n.norma, "articulos": n.articulos, "url": n.url} for n in ficha.normas.all()],
        "formularios": [
            {"nombre": f.nombre, "url": request.build_absolute_uri(f.enlace) if f.enlace else ""}
            for f in ficha.formularios.all()
        ],
        "fecha_publicacion": _iso(ficha.publicar_desde),
        "fecha_actualizacion": _iso(ficha.modificado),
        "fecha_revision": _iso(ficha.revisado_en),
    }


def _ultima_modificacion(fichas):
    # A ficha scheduled earlier becomes public at publicar_desde, which may be later than its last change.
    fechas = [max(f.modificado, f.publicar_desde) for f in fichas]
    return max(fechas) if fechas else None


def filas(modelo, request):
    """The open-data records of the published fichas of ``modelo``, in a constant number of queries."""
    return [_registro(ficha, request) for ficha in _fichas(modelo)]


def _nombre_archivo(modelo, extension):
    return f"{slugify(modelo._meta.verbose_name_plural)}.{extension}"


def metadatos(modelo, request, *, registros, ultima_modificacion, formato):
    municipio = Municipio.objects.actual()
    plural = str(modelo._meta.verbose_name_plural)
    entidad = municipio.entidad
    articulo = "de la" if entidad.lower().startswith(("alcaldía", "alcaldia", "gobernación")) else "de"
    return {
        "titulo": f"{plural.capitalize()} {articulo} {entidad}",
        "descripcion": (
            f"Fichas publicadas de los {plural} {articulo} {entidad} ({municipio.nombre}, "
            f"{municipio.departamento}): para qué sirven, quién los hace, requisitos, costo, tiempo de "
            "respuesta, puntos de atención, base legal y formularios. Datos abiertos según el Anexo 4 de la "
            "Resolución 1519 de 2020 del Ministerio TIC."
        ),
        "publicador": entidad,
        "correo_contacto": municipio.correo_institucional,
        "licencia": LICENCIA,
        "licencia_url": LICENCIA_URL,
        "frecuencia_actualizacion": FRECUENCIA,
        "ultima_modificacion": _iso(ultima_modificacion),
        "formato": formato,
        "idioma": "es-CO",
        "cobertura_geografica": f"{municipio.nombre}, {municipio.departamento}, Colombia",
        "url": request.build_absolute_uri(),
        "numero_de_registros": len(registros),
        "diccionario": DICCIONARIO,
        "notas_csv": NOTAS_CSV,
    }


def _cabeceras(respuesta, ultima_modificacion):
    if ultima_modificacion:
        respuesta["Last-Modified"] = http_date(ultima_modificacion.timestamp())
    # Public data: any site or tool may read it from the browser.
    respuesta["Access-Control-Allow-Origin"] = "*"
    return respuesta


def respuesta_json(request, *, modelo):
    """``{"metadatos": {...}, "registros": [...]}`` of the published fichas of ``modelo``."""
    fichas = _fichas(modelo)
    registros = [_registro(ficha, request) for ficha in fichas]
    ultima = _ultima_modificacion(fichas)
    datos = {
        "metadatos": metadatos(modelo, request, registros=registros, ultima_modificacion=ultima, formato="JSON"),
        "registros": registros,
    }
    respuesta = JsonResponse(
        datos, content_type="application/json; charset=utf-8", json_dumps_params={"ensure_ascii": False}
    )
    respuesta["Content-Disposition"] = f'inline; filename="{_nombre_archivo(modelo, "json")}"'
    return _cabeceras(respuesta, ultima)


def _texto(valor):
    return str(valor).replace(";", ",").replace("|", "/").strip()


def _partes(*valores):
    return SEPARADOR_PARTES.join(_texto(v) for v in valores)


def _elementos(items):
    return SEPARADOR_ELEMENTOS.join(items)


def _requisito(r):
    descripcion = r["descripcion"] + (" (excepción)" if r["es_excepcion"] else "")
    partes = [r["momento"], r["tipo"], descripcion]
    if r["detalle"]:
        partes.append(r["detalle"])
    return _partes(*partes)


def _punto(p):
    partes = [p["nombre"], p["direccion"], p["horario"], p["telefono"]]
    if p["latitud"] is not None and p["longitud"] is not None:
        partes += [p["latitud"], p["longitud"]]
    return _partes(*partes)


def fila_csv(registro):
    """A record of ``filas`` as the cells of one CSV row (same order as ``DICCIONARIO``)."""
    planos = {
        "situaciones": _elementos(_texto(s["nombre"]) for s in registro["situaciones"]),
        "requisitos": _elementos(_requisito(r) for r in registro["requisitos"]),
        "puntos_atencion": _elementos(_punto(p) for p in registro["puntos_atencion"]),
        "normas": _elementos(_partes(n["norma"], n["articulos"], n["url"]) for n in registro["normas"]),
        "formularios": _elementos(_partes(f["nombre"], f["url"]) for f in registro["formularios"]),
    }
    celdas = []
    for clave in DICCIONARIO:
        valor = planos[clave] if clave in planos else registro[clave]
        if isinstance(valor, bool):
            valor = "sí" if valor else "no"
        celdas.append(valor)
    return celdas


def respuesta_csv(request, *, modelo):
    """One CSV row per published ficha of ``modelo``; UTF-8 with BOM so Excel reads the accents right."""
    fichas = _fichas(modelo)
    filas = [fila_csv(_registro(ficha, request)) for ficha in fichas]
    # Commas (RFC 4180), as data tools expect; the writer keeps formulas from running in a spreadsheet.
    respuesta = exportar.respuesta_csv(_nombre_archivo(modelo, "csv"), list(DICCIONARIO), filas, separador=",")
    return _cabeceras(respuesta, _ultima_modificacion(fichas))
