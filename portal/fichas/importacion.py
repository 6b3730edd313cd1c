"""Bulk import of fichas from a spreadsheet: the "levantamiento de información siguiendo las fichas
establecidas" that dependencias fill in, as CSV or Excel (.xlsx), one row per trámite or servicio.

All or nothing: every row is validated first and any error, in any row, means nothing is written; the
report lists every error with its spreadsheet row (the header is row 1), column and a reason in Spanish.
Existing fichas are found by ``codigo_suit`` (when given) and otherwise by ``slug``, and updated; the
others are created as drafts (borrador). An existing ficha keeps its state; a published one must still
have what the standard requires after the import.

What a cell means:

- a column missing from the file leaves that field (or those related rows) of existing fichas untouched;
- a column present but empty clears the field (texts, numbers, related rows) or sets its default (sí/no
  and choice columns);
- ``requisitos``, ``puntos_atencion`` and ``normas`` replace all the rows of the ficha. Items are separated
  by ``;`` (or a line break inside the cell) and their parts by ``|``:
  ``momento | tipo | descripción [| detalle]`` (``(excepción)`` at the end of the description marks a
  requirement that applies only in some cases), ``nombre | dirección | horario | teléfono [| latitud |
  longitud]`` and ``norma | artículos | url``. It is the same scheme as the open-data CSV.

Forms to download are not imported: they are files uploaded in the admin, which a spreadsheet cannot carry.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .. import auditoria, exportar
from ..models import Cambio, Dependencia, Estado, SituacionDeVida
from ..models.publicacion import puede_publicar
from ..services import registrar_en_historial
from .models import Canal, TipoCosto, TipoTiempo

MAXIMO_DE_FILAS = 2000
SEPARADOR_PARTES = "|"
_SEPARADOR_ELEMENTOS = re.compile(r"[;\n\r]+")
_MARCA_EXCEPCION = re.compile(r"\s*\((excepcion|excepción|solo en algunos casos)\)\s*$", re.IGNORECASE)
_ESQUEMA = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
_validar_url = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class Columna:
    clave: str
    encabezado: str
    ayuda: str
    obligatoria: bool = False
    opciones: tuple = ()
    alias: tuple = ()


COLUMNAS = [
    Columna(
        "nombre", "nombre*", "Nombre con que la ciudadanía conoce el trámite o servicio (máximo 250 caracteres).", True
    ),
    Columna("nombre_estandarizado", "nombre_estandarizado", "El nombre estandarizado en el SUIT, si lo tiene."),
    Columna("tambien_conocido_como", "tambien_conocido_como", "Otros nombres, separados por comas."),
    Columna(
        "slug",
        "slug",
        "Opcional. Identificador en la dirección web: minúsculas, números y guiones. Si lo deja vacío se genera "
        "a partir del nombre. Si ya existe una ficha con ese identificador, esa ficha se actualiza.",
    ),
    Columna(
        "codigo_suit",
        "codigo_suit",
        "Número del SUIT, si lo tiene. Si ya existe una ficha con ese código, esa ficha se actualiza.",
        alias=("codigo",),
    ),
    Columna(
        "dependencia",
        "dependencia*",
        "Identificador (slug) o nombre exacto de la dependencia responsable, como aparece en el portal.",
        True,
    ),
    Columna("proposito", "proposito", "¿Para qué sirve? Obligatorio para publicar la ficha."),
    Columna(
        "persona_natural",
        "persona_natural",
        "¿Lo hace una persona natural? «sí» o «no». Vacío: sí.",
        opciones=("sí", "no"),
        alias=("para_persona_natural",),
    ),
    Columna(
        "persona_juridica",
        "persona_juridica",
        "¿Lo hace una persona jurídica? «sí» o «no». Vacío: no.",
        opciones=("sí", "no"),
        alias=("para_persona_juridica",),
    ),
    Columna(
        "situaciones",
        "situaciones",
        "Situaciones de vida en que se necesita: identificador o nombre de cada una, separados por «;».",
        alias=("situaciones_de_vida",),
    ),
    Columna(
        "canal",
        "canal",
        "¿Se puede hacer en línea? «presencial» (solo presencial), «parcial» o «total». Vacío: presencial.",
        opciones=("presencial", "parcial", "total"),
    ),
    Columna(
        "url_en_linea",
        "url_en_linea",
        "Dirección completa (https://…) donde se hace en línea. Obligatoria si el canal es parcial o total.",
    ),
    Columna("resultado", "resultado", "¿Qué obtiene la persona? Obligatorio para publicar la ficha."),
    Columna(
        "tiempo_tipo",
        "tiempo_tipo",
        "Tiempo de respuesta: «inmediato», «habiles» (días hábiles) o «calendario». Vacío: habiles.",
        opciones=("inmediato", "habiles", "calendario"),
    ),
    Columna(
        "tiempo_cantidad",
        "tiempo_cantidad",
        "Cuántos días tarda: número entero de 1 a 365. Obligatorio salvo si el tiempo es inmediato.",
    ),
    Columna("tiempo_notas", "tiempo_notas", "Notas sobre el tiempo de respuesta (opcional)."),
    Columna(
        "costo_tipo",
        "costo_tipo",
        "Costo: «gratuito», «valor» (valor fijo) o «formula» (según fórmula o tarifa). Vacío: gratuito.",
        opciones=("gratuito", "valor", "formula"),
    ),
    Columna(
        "costo_valor",
        "costo_valor",
        "Valor en pesos, número entero sin signos ni centavos (por ejemplo 15000). Obligatorio si el costo es "
        "«valor».",
    ),
    Columna("costo_formula", "costo_formula", "La fórmula o tarifa. Obligatoria si el costo es «formula»."),
    Columna("costo_base_legal", "costo_base_legal", "Fundamento legal del costo."),
    Columna("costo_donde_pagar", "costo_donde_pagar", "Dónde y cómo pagar."),
    Columna("seguimiento", "seguimiento", "Cómo hace la persona seguimiento a su solicitud."),
    Columna("url_govco", "url_govco", "Enlace a la ficha en GOV.CO (https://…), si lo tiene."),
    Columna(
        "requisitos",
        "requisitos",
        "Lo que se necesita, elementos «momento | tipo | descripción» separados por «;». momento: acceso, "
        "solicitud, resolucion o resultado; tipo: documento, formulario, pago o condicion. Opcional: «| detalle» "
        "al final, y «(excepción)» después de la descripción si solo aplica en algunos casos. Reemplaza todos "
        "los requisitos de la ficha.",
    ),
    Columna(
        "puntos_atencion",
        "puntos_atencion",
        "Dónde se atiende, elementos «nombre | dirección | horario | teléfono» separados por «;» (opcional al "
        "final: «| latitud | longitud»). Reemplaza todos los puntos de atención de la ficha.",
        alias=("puntos_de_atencion",),
    ),
    Columna(
        "normas",
        "normas",
        "Base legal, elementos «norma | artículos | url» separados por «;» (artículos y url son opcionales). "
        "Obligatoria para publicar un trámite. Reemplaza toda la base legal de la ficha.",
        alias=("base_legal",),
    ),
]
_POR_CLAVE = {c.clave: c for c in COLUMNAS}
# Import column -> model field, where they differ.
_CAMPO = {"persona_natural": "para_persona_natural", "persona_juridica": "para_persona_juridica"}
_COLUMNA_DE_CAMPO = {v: k for k, v in _CAMPO.items()}
_TEXTOS = [
    "nombre",
    "nombre_estandarizado",
    "tambien_conocido_como",
    "codigo_suit",
    "proposito",
    "resultado",
    "tiempo_notas",
    "costo_formula",
    "costo_base_legal",
    "costo_donde_pagar",
    "seguimiento",
]
_RELACIONES = ["requisitos", "puntos_atencion", "normas"]

EJEMPLOS = {
    "tramite": {
        "nombre": "Certificado de residencia",
        "nombre_estandarizado": "Certificado de residencia",
        "tambien_conocido_como": "Constancia de vecindad",
        "slug": "certificado-de-residencia",
        "codigo_suit": "12345",
        "proposito": "Demostrar que vive en el municipio, por ejemplo para estudiar, trabajar o recibir subsidios.",
        "persona_natural": "sí",
        "persona_juridica": "no",
        "situaciones": "",
        "canal": "parcial",
        "url_en_linea": "https://www.gov.co/",
        "resultado": "Certificado de residencia firmado por la Secretaría de Gobierno.",
        "tiempo_tipo": "habiles",
        "tiempo_cantidad": "5",
        "tiempo_notas": "",
        "costo_tipo": "valor",
        "costo_valor": "15000",
        "costo_formula": "",
        "costo_base_legal": "Estatuto tributario municipal",
        "costo_donde_pagar": "Tesorería municipal, en efectivo.",
        "seguimiento": "Llame a la Secretaría de Gobierno con el número de radicado.",
        "url_govco": "",
        "requisitos": (
            "solicitud | documento | Copia de la cédula de ciudadanía; "
            "solicitud | condicion | Vivir en el municipio | Lo certifica la junta de acción comunal; "
            "resultado | pago | Pagar el valor del certificado"
        ),
        "puntos_atencion": (
            "Secretaría de Gobierno | Palacio Municipal, primer piso | Lunes a viernes, 8:00 a. m. a 12:00 m. "
            "| +57 602 123 4567"
        ),
        "normas": "Ley 1755 de 2015 | Artículo 14 | https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=61987",
    },
}
EJEMPLOS["servicio"] = {
    **EJEMPLOS["tramite"],
    "nombre": "Préstamo de libros de la biblioteca",
    "nombre_estandarizado": "",
    "tambien_conocido_como": "",
    "slug": "prestamo-de-libros",
    "codigo_suit": "",
    "proposito": "Llevar a casa libros de la biblioteca pública municipal.",
    "canal": "presencial",
    "url_en_linea": "",
    "resultado": "Los libros en préstamo por 15 días.",
    "tiempo_tipo": "inmediato",
    "tiempo_cantidad": "",
    "costo_tipo": "gratuito",
    "costo_valor": "",
    "costo_base_legal": "",
    "costo_donde_pagar": "",
    "seguimiento": "",
    "requisitos": "solicitud | documento | Carné de la biblioteca",
    "puntos_atencion": "Biblioteca pública municipal | Carrera 3 # 4-10 | Lunes a sábado, 8:00 a. m. a 5:00 p. m.",
    "normas": "",
}


@dataclass(frozen=True)
class Error:
    fila: int
    columna: str
    motivo: str

    def __str__(self):
        donde = _("Fila %(fila)d") % {"fila": self.fila}
        if self.columna:
            donde += ", " + _("columna %(columna)s") % {"columna": self.columna}
        return f"{donde}: {self.motivo}"


@dataclass
class Informe:
    """What an import did, or would do (``simulado``), or why it did nothing (``errores``)."""

    creadas: list = field(default_factory=list)
    actualizadas: list = field(default_factory=list)
    errores: list = field(default_factory=list)
    simulado: bool = False

    @property
    def ok(self):
        return not self.errores


class ArchivoInvalido(ValueError):
    """The file cannot be read as a table of fichas; ``errores`` says why."""

    def __init__(self, errores):
        self.errores = errores
        super().__init__("; ".join(str(e) for e in errores))


def normalizar(texto):
    """Lower case, no accents, single spaces: how headers, choices and names are compared."""
    sin_tildes = "".join(c for c in unicodedata.normalize("NFKD", str(texto)) if not unicodedata.combining(c))
    return " ".join(sin_tildes.casefold().split())


def _clave_de_encabezado(texto):
    return re.sub(r"[\s\-]+", "_", normalizar(str(texto).replace("*", "")).strip())


_ENCABEZADOS = {
    _clave_de_encabezado(nombre): c.clave for c in COLUMNAS for nombre in (c.clave, c.encabezado, *c.alias)
}


# Reading ------------------------------------------------------------------------------------------------


def _bytes(archivo):
    if isinstance(archivo, bytes | bytearray):
        return bytes(archivo)
    if isinstance(archivo, str | Path):
        return Path(archivo).read_bytes()
    if hasattr(archivo, "seek"):
        archivo.seek(0)
    return archivo.read()


def _celda(valor):
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    if hasattr(valor, "isoformat"):
        return valor.isoformat()
    return str(valor).strip()


def _tabla_xlsx(datos):
    from openpyxl import load_workbook

    libro = None
    try:
        libro = load_workbook(io.BytesIO(datos), read_only=True, data_only=True)
        filas = (
            (numero, [_celda(v) for v in valores])
            for numero, valores in enumerate(libro.worksheets[0].iter_rows(values_only=True), start=1)
        )
        return _con_datos(filas)
    except Exception as error:  # a damaged workbook fails in many ways; all get the same answer
        motivo = _("No se pudo leer el archivo de Excel. Guárdelo como .xlsx o como CSV e intente de nuevo.")
        raise ArchivoInvalido([Error(1, "", motivo)]) from error
    finally:
        if libro is not None:
            libro.close()


def _texto_csv(datos):
    if datos.startswith(b"\xef\xbb\xbf"):
        return datos[3:].decode("utf-8", errors="replace")
    # Excel in Spanish on Windows saves "CSV" as cp1252, a superset of latin-1 that some bytes do not fit.
    for codificacion in ("utf-8", "cp1252"):
        try:
            return datos.decode(codificacion)
        except UnicodeDecodeError:
            continue
    return datos.decode("latin-1")


def _tabla_csv(datos):
    texto = _texto_csv(datos)
    if "\x00" in texto:
        raise ArchivoInvalido([Error(1, "", _("El archivo no es un CSV ni un Excel (.xlsx)."))])
    primera = texto.split("\n", 1)[0]
    separador = ";" if primera.count(";") > primera.count(",") else ","
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=separador)
    try:
        return _con_datos((numero, [c.strip() for c in valores]) for numero, valores in enumerate(lector, start=1))
    except csv.Error as error:
        raise ArchivoInvalido(
            [Error(lector.line_num, "", _("El CSV está mal formado: %(e)s") % {"e": error})]
        ) from error


def _con_datos(filas):
    """The non-empty rows as ``(number, cells)``, stopping past the limit (blank rows do not count)."""
    con_datos = []
    for numero, valores in filas:
        if any(valores):
            con_datos.append((numero, valores))
            if len(con_datos) > MAXIMO_DE_FILAS + 1:
                break
    return con_datos


def leer(archivo):
    """The rows of a CSV or XLSX file as dicts ``{column: text}`` plus ``"_fila"`` (the spreadsheet row).

    ``archivo`` is bytes, a path or an open (uploaded) file. The format is told by the content (an XLSX is
    a zip file, starting with ``PK``), not by the name. Headers are matched ignoring case, accents, spaces
    and the ``*`` of required columns; only the columns present in the file appear in the dicts, and blank
    rows are skipped. Raises ``ArchivoInvalido`` when the file cannot be read or its header row is wrong.
    """
    datos = _bytes(archivo)
    if not datos.strip():
        raise ArchivoInvalido([Error(1, "", _("El archivo está vacío."))])
    if datos.startswith(b"\xd0\xcf\x11\xe0"):
        raise ArchivoInvalido(
            [Error(1, "", _("Es un archivo de Excel antiguo (.xls). Guárdelo como .xlsx o como CSV."))]
        )
    tabla = _tabla_xlsx(datos) if datos.startswith(b"PK") else _tabla_csv(datos)
    if not tabla or tabla[0][0] != 1:
        raise ArchivoInvalido([Error(1, "", _("La fila 1 debe tener los nombres de las columnas."))])

    errores, columnas = [], []
    encabezados = tabla[0][1]
    for encabezado in encabezados:
        clave = _ENCABEZADOS.get(_clave_de_encabezado(encabezado)) if encabezado else None
        if encabezado and clave is None:
            errores.append(Error(1, encabezado, _("Columna desconocida. Use los nombres de columna de la plantilla.")))
        elif clave and clave in columnas:
            errores.append(Error(1, encabezado, _("La columna está repetida.")))
            clave = None
        columnas.append(clave)
    for columna in COLUMNAS:
        if columna.obligatoria and columna.clave not in columnas:
            errores.append(Error(1, columna.clave, _("Falta esta columna, que es obligatoria.")))
    if len(tabla) - 1 > MAXIMO_DE_FILAS:
        errores.append(
            Error(1, "", _("El archivo tiene más de %(n)d filas; divídalo en varios.") % {"n": MAXIMO_DE_FILAS})
        )
    if errores:
        raise ArchivoInvalido(errores)

    filas = []
    for numero, valores in tabla[1:]:
        fila = {clave: "" for clave in columnas if clave}
        fila["_fila"] = numero
        for posicion, valor in enumerate(valores):
            clave = columnas[posicion] if posicion < len(columnas) else None
            if clave:
                fila[clave] = valor
            elif valor:
                errores.append(Error(numero, "", _("Hay un valor en una columna sin nombre: «%(v)s».") % {"v": valor}))
        filas.append(fila)
    if errores:
        raise ArchivoInvalido(errores)
    return filas


# Validating ---------------------------------------------------------------------------------------------


class _Invalido(Exception):
    """A cell's value is wrong; the message says why, in Spanish."""


def _si_no(texto, por_defecto):
    valor = normalizar(texto)
    if not valor:
        return por_defecto
    if valor in {"si", "s", "x", "1", "true", "verdadero", "yes"}:
        return True
    if valor in {"no", "n", "0", "false", "falso"}:
        return False
    raise _Invalido(_("Escriba «sí» o «no»."))


def _opcion(texto, opciones, por_defecto, sinonimos=None):
    valor = normalizar(texto)
    if not valor:
        return por_defecto
    validas = {normalizar(v): v for v in opciones.values}
    validas.update({normalizar(etiqueta): v for v, etiqueta in opciones.choices})
    validas.update(sinonimos or {})
    if valor in validas:
        return validas[valor]
    nombres = [*(sinonimos or {}), *(v for v in opciones.values if v not in (sinonimos or {}).values())]
    raise _Invalido(
        _("«%(valor)s» no es una opción válida. Use %(opciones)s.")
        % {
            "valor": texto,
            "opciones": _("%(lista)s o %(ultima)s") % {"lista": ", ".join(nombres[:-1]), "ultima": nombres[-1]},
        }
    )


def _entero(texto, *, pesos=False):
    valor = texto.strip()
    if not valor:
        return None
    if pesos:
        valor = valor.replace("$", "").replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", valor):
            valor = re.sub(r"[.,]", "", valor)
    try:
        numero = Decimal(valor)
    except InvalidOperation:
        raise _Invalido(_("«%(valor)s» no es un número.") % {"valor": texto}) from None
    if numero < 0:
        raise _Invalido(_("No puede ser negativo."))
    if numero != numero.to_integral_value():
        raise _Invalido(_("Escriba un número entero, sin decimales ni centavos."))
    return int(numero)


def _url(texto):
    valor = texto.strip()
    if not valor:
        return ""
    if not _ESQUEMA.match(valor):
        valor = "https://" + valor
    try:
        _validar_url(valor)
    except ValidationError:
        raise _Invalido(
            _("«%(valor)s» no es una dirección web válida; escríbala completa, empezando por https://.")
            % {"valor": texto}
        ) from None
    return valor


def _elementos(texto):
    return [e.strip() for e in _SEPARADOR_ELEMENTOS.split(texto) if e.strip()]


def _partes(elemento, minimo, maximo, formato):
    partes = [p.strip() for p in elemento.split(SEPARADOR_PARTES)]
    while len(partes) > minimo and not partes[-1]:
        partes.pop()
    if not minimo <= len(partes) <= maximo:
        raise _Invalido(
            _("«%(elemento)s» no tiene la forma «%(formato)s».") % {"elemento": elemento, "formato": formato}
        )
    return partes + [""] * (maximo - len(partes))


def _requisito(modelo, elemento, orden):
    momento, tipo, descripcion, detalle = _partes(elemento, 3, 4, "momento | tipo | descripción")
    excepcion = bool(_MARCA_EXCEPCION.search(descripcion))
    descripcion = _MARCA_EXCEPCION.sub("", descripcion).strip()
    if not descripcion:
        raise _Invalido(_("Falta la descripción del requisito «%(e)s».") % {"e": elemento})
    try:
        momento = _opcion(momento, modelo.Momento, None)
    except _Invalido as invalido:
        raise _Invalido(_("momento: %(motivo)s") % {"motivo": invalido}) from None
    momento = momento or _falta(_("el momento"))
    try:
        tipo = _opcion(tipo, modelo.Tipo, None)
    except _Invalido as invalido:
        raise _Invalido(_("tipo: %(motivo)s") % {"motivo": invalido}) from None
    tipo = tipo or _falta(_("el tipo"))
    return modelo(
        momento=momento,
        tipo=tipo,
        descripcion=descripcion,
        detalle=detalle,
        es_excepcion=excepcion,
        orden=orden,
    )


def _falta(que):
    raise _Invalido(_("Falta %(que)s.") % {"que": que})


def _coordenada(texto):
    if not texto:
        return None
    try:
        return Decimal(texto.replace(",", "."))
    except InvalidOperation:
        raise _Invalido(_("«%(valor)s» no es una coordenada (use números como 1.427).") % {"valor": texto}) from None


def _punto(modelo, elemento, orden):
    nombre, direccion, horario, telefono, latitud, longitud = _partes(
        elemento, 2, 6, "nombre | dirección | horario | teléfono"
    )
    if not nombre or not direccion:
        raise _Invalido(_("«%(e)s»: escriba al menos el nombre y la dirección.") % {"e": elemento})
    if bool(latitud) != bool(longitud):
        raise _Invalido(_("«%(e)s»: escriba la latitud y la longitud, o ninguna.") % {"e": elemento})
    return modelo(
        nombre=nombre,
        direccion=direccion,
        horario=horario,
        telefono=telefono,
        latitud=_coordenada(latitud),
        longitud=_coordenada(longitud),
    )


def _norma(modelo, elemento, orden):
    norma, articulos, url = _partes(elemento, 1, 3, "norma | artículos | url")
    if not norma:
        raise _Invalido(_("«%(e)s»: falta el nombre de la norma.") % {"e": elemento})
    return modelo(norma=norma, articulos=articulos, url=_url(url))


_CONSTRUCTORES = {"requisitos": _requisito, "puntos_atencion": _punto, "normas": _norma}


@dataclass
class _Plan:
    fila: int
    ficha: object
    nueva: bool
    situaciones: list | None = None
    relacionados: dict = field(default_factory=dict)


class _Contexto:
    """What every row is checked against, read once: dependencias, situations and the matching fichas."""

    def __init__(self, modelo, filas, usuario):
        self.modelo = modelo
        self.usuario = usuario
        self.dependencias = {}
        for dependencia in Dependencia.objects.all():
            self.dependencias[dependencia.slug] = dependencia
            self.dependencias.setdefault(normalizar(dependencia.nombre), dependencia)
        self.situaciones = {}
        for situacion in SituacionDeVida.objects.all():
            self.situaciones[situacion.slug] = situacion
            self.situaciones.setdefault(normalizar(situacion.nombre), situacion)
        # The rule of services.puede_editar, read once for the whole file instead of once per row.
        self.propias = None
        self.publica = usuario is None or puede_publicar(usuario, modelo)
        if not self.publica:
            self.propias = set(Dependencia.objects.de_usuario(usuario).values_list("pk", flat=True))
        codigos = {f.get("codigo_suit", "").strip() for f in filas} - {""}
        slugs = {f.get("slug", "").strip() for f in filas} | {slugify(f.get("nombre", ""))[:260] for f in filas}
        self.por_codigo, self.por_slug = {}, {}
        # Only live fichas: a revision being edited in the back office is not what an import updates.
        coincidentes = modelo.objects.vivos().filter(Q(codigo_suit__in=codigos) | Q(slug__in=slugs - {""}))
        if not self.publica:
            # An official only ever matches the fichas of their dependencias: any other one is answered as an
            # unknown ficha, so guessing slugs or SUIT codes never tells them another dependencia's drafts.
            coincidentes = coincidentes.filter(dependencia__in=self.propias)
        for ficha in coincidentes:
            if ficha.codigo_suit:
                self.por_codigo.setdefault(ficha.codigo_suit, []).append(ficha)
            self.por_slug[ficha.slug] = ficha
        self.fichas_vistas = {}
        self.slugs_vistos = {}


def _validar_fila(datos, ctx, errores):
    numero = datos["_fila"]
    errores_fila = []

    def error(columna, motivo):
        errores_fila.append(Error(numero, columna, str(motivo)))

    presentes = {clave for clave in datos if clave != "_fila"}
    nombre = datos.get("nombre", "").strip()
    if not nombre:
        error("nombre", _("El nombre es obligatorio."))
    slug_escrito = datos.get("slug", "").strip()
    codigo = datos.get("codigo_suit", "").strip()

    # Which ficha the row is about.
    ficha = None
    if codigo:
        candidatas = ctx.por_codigo.get(codigo, [])
        if len(candidatas) > 1:
            error("codigo_suit", _("Hay varias fichas con este código SUIT; corrija el duplicado en el portal."))
        elif candidatas:
            ficha = candidatas[0]
    if ficha is None and not errores_fila:
        clave_slug = slug_escrito or slugify(nombre)[:260].strip("-")
        ficha = ctx.por_slug.get(clave_slug)
        if ficha is not None and codigo and ficha.codigo_suit and ficha.codigo_suit != codigo:
            error(
                "slug",
                _("El identificador «%(slug)s» ya lo usa «%(ficha)s», que tiene otro código SUIT (%(codigo)s).")
                % {"slug": clave_slug, "ficha": ficha, "codigo": ficha.codigo_suit},
            )
            ficha = None
    nueva = ficha is None
    if nueva:
        ficha = ctx.modelo(estado=Estado.BORRADOR)
    elif ficha.pk in ctx.fichas_vistas:
        error("", _("Esta ficha ya está en la fila %(fila)d.") % {"fila": ctx.fichas_vistas[ficha.pk]})
    else:
        ctx.fichas_vistas[ficha.pk] = numero
    if not nueva and not ctx.publica and ficha.estado not in (Estado.BORRADOR, Estado.EN_REVISION):
        error(
            "",
            _("«%(ficha)s» ya está publicada o archivada: solo el Comité GEL-T la puede cambiar.") % {"ficha": ficha},
        )
    if not nueva and not ctx.publica and ficha.dependencia_id not in ctx.propias:
        error("", _("«%(ficha)s» es de otra dependencia: no la puede cambiar.") % {"ficha": ficha})

    # Plain texts.
    for clave in _TEXTOS:
        if clave in presentes:
            setattr(ficha, clave, datos[clave].strip())
    if slug_escrito:
        ficha.slug = slug_escrito
    elif nueva:
        ficha.slug = slugify(nombre)[:260].strip("-")
        if nombre and not ficha.slug:
            error("slug", _("No se pudo generar el identificador a partir del nombre; escríbalo en la columna slug."))

    # Values that must be read.
    lectores = {
        "persona_natural": lambda t: _si_no(t, True),
        "persona_juridica": lambda t: _si_no(t, False),
        "canal": lambda t: _opcion(t, Canal, Canal.PRESENCIAL, {"presencial": Canal.PRESENCIAL}),
        "url_en_linea": _url,
        "tiempo_tipo": lambda t: _opcion(t, TipoTiempo, TipoTiempo.HABILES),
        "tiempo_cantidad": _entero,
        "costo_tipo": lambda t: _opcion(t, TipoCosto, TipoCosto.GRATUITO),
        "costo_valor": lambda t: _entero(t, pesos=True),
        "url_govco": _url,
    }
    for clave, lector in lectores.items():
        if clave in presentes:
            try:
                setattr(ficha, _CAMPO.get(clave, clave), lector(datos[clave]))
            except _Invalido as invalido:
                error(clave, invalido)

    if "dependencia" in presentes:
        valor = datos["dependencia"].strip()
        dependencia = ctx.dependencias.get(valor) or ctx.dependencias.get(normalizar(valor))
        if not valor:
            error("dependencia", _("La dependencia es obligatoria."))
        elif dependencia is None:
            error(
                "dependencia",
                _("No existe la dependencia «%(valor)s» (use su identificador o su nombre).") % {"valor": valor},
            )
        elif not ctx.publica and dependencia.pk not in ctx.propias:
            error("dependencia", _("Solo puede importar fichas de sus dependencias."))
        else:
            ficha.dependencia = dependencia

    plan = _Plan(numero, ficha, nueva)
    if "situaciones" in presentes:
        plan.situaciones = []
        for elemento in _elementos(datos["situaciones"]):
            situacion = ctx.situaciones.get(elemento) or ctx.situaciones.get(normalizar(elemento))
            if situacion is None:
                error("situaciones", _("No existe la situación de vida «%(valor)s».") % {"valor": elemento})
            elif situacion not in plan.situaciones:
                plan.situaciones.append(situacion)

    for relacion in _RELACIONES:
        if relacion not in presentes:
            continue
        modelo_relacionado = getattr(ctx.modelo, relacion).field.model
        objetos = []
        for posicion, elemento in enumerate(_elementos(datos[relacion]), start=1):
            try:
                objeto = _CONSTRUCTORES[relacion](modelo_relacionado, elemento, posicion)
                objeto.full_clean(exclude=["ficha"])
            except _Invalido as invalido:
                error(relacion, _("Elemento %(n)d: %(motivo)s") % {"n": posicion, "motivo": invalido})
                continue
            except ValidationError as invalido:
                for campo, mensajes in invalido.message_dict.items():
                    nombre_campo = modelo_relacionado._meta.get_field(campo).verbose_name
                    for mensaje in mensajes:
                        error(
                            relacion,
                            _("Elemento %(n)d, %(campo)s: %(motivo)s")
                            % {"n": posicion, "campo": nombre_campo, "motivo": mensaje},
                        )
                continue
            objetos.append(objeto)
        plan.relacionados[relacion] = objetos

    # The model's own rules (lengths, slug format and uniqueness, days, cost), on the columns not yet wrong.
    con_error = {e.columna for e in errores_fila}
    if "nombre" in con_error and not slug_escrito:
        con_error.add("slug")  # generated from the name: its error says it already
    try:
        ficha.full_clean(exclude=["creado_por", "modificado_por", "revisado_por"])
    except ValidationError as invalido:
        for campo, mensajes in invalido.message_dict.items():
            columna = _COLUMNA_DE_CAMPO.get(campo, campo if campo != "__all__" else "")
            if columna in con_error:
                continue
            for mensaje in mensajes:
                error(columna, mensaje)

    if not errores_fila:
        vista = ctx.slugs_vistos.get(ficha.slug)
        if vista:
            error(
                "slug", _("La fila %(fila)d ya usa el identificador «%(slug)s».") % {"fila": vista, "slug": ficha.slug}
            )
        ctx.slugs_vistos.setdefault(ficha.slug, numero)
    errores.extend(errores_fila)
    return plan


def _guardar(plan, usuario):
    ficha = plan.ficha
    # The row is already applied to ``ficha`` in memory: its audit record compares with the stored one.
    guardada = None if plan.nueva else type(ficha)._base_manager.get(pk=ficha.pk)
    antes = None if guardada is None else auditoria.valores(guardada, relacionados=_RELACIONES)
    if plan.nueva:
        ficha.creado_por = usuario
    else:
        # Like a save in the admin: a form opened before the import is refused instead of undoing it.
        ficha.version = guardada.version + 1
    ficha.modificado_por = usuario
    ficha.save()
    if plan.situaciones is not None:
        ficha.situaciones.set(plan.situaciones)
    for relacion, objetos in plan.relacionados.items():
        gestor = getattr(ficha, relacion)
        gestor.all().delete()
        for objeto in objetos:
            objeto.ficha = ficha
        gestor.model.objects.bulk_create(objetos)
    mensaje = _("Creada desde un archivo importado.") if plan.nueva else _("Actualizada desde un archivo importado.")
    registrar_en_historial(
        usuario=usuario,
        objeto=ficha,
        mensaje=mensaje,
        antes=antes,
        accion=Cambio.Accion.CREACION if plan.nueva else Cambio.Accion.CAMBIO,
        relacionados=_RELACIONES,
    )


def importar(archivo, *, modelo, usuario, simular=False):
    """Import the fichas of a CSV or XLSX file into ``modelo`` (``Tramite`` or ``Servicio``), all or nothing.

    ``usuario`` is recorded as creator and modifier; when given, an official without the right to publish
    may only touch drafts and items in review of their own dependencias (the same rule as the admin).
    With ``simular`` the import is run and undone: the report says what would be created and updated.
    """
    informe = Informe(simulado=simular)
    try:
        filas = leer(archivo)
    except ArchivoInvalido as invalido:
        informe.errores = invalido.errores
        return informe
    if not filas:
        informe.errores = [Error(2, "", _("El archivo no tiene fichas: llene una fila por trámite o servicio."))]
        return informe

    ctx = _Contexto(modelo, filas, usuario)
    planes = [_validar_fila(datos, ctx, informe.errores) for datos in filas]
    if informe.errores:
        return informe

    with transaction.atomic():
        for plan in planes:
            _guardar(plan, usuario)
            (informe.creadas if plan.nueva else informe.actualizadas).append(plan.ficha.nombre)
            # A published ficha must keep what the standard requires (checked once its rows are written).
            if not plan.nueva and plan.ficha.estado == Estado.PUBLICADO:
                faltan = plan.ficha.faltantes_para_publicar()
                if faltan:
                    informe.errores.append(
                        Error(
                            plan.fila,
                            "",
                            _(
                                "«%(ficha)s» está publicada y quedaría sin: %(faltan)s. Complete esas columnas o "
                                "devuélvala a borrador antes de importar."
                            )
                            % {"ficha": plan.ficha, "faltan": ", ".join(str(f) for f in faltan)},
                        )
                    )
        if informe.errores or simular:
            transaction.set_rollback(True)
    if informe.errores:
        informe.creadas, informe.actualizadas = [], []
    return informe


# Templates ----------------------------------------------------------------------------------------------


def _ejemplo(modelo):
    ejemplo = dict(EJEMPLOS.get(modelo._meta.model_name, EJEMPLOS["tramite"]))
    dependencia = Dependencia.objects.activas().first()
    ejemplo["dependencia"] = dependencia.slug if dependencia else "secretaria-de-gobierno"
    situacion = SituacionDeVida.objects.first()
    ejemplo["situaciones"] = situacion.nombre if situacion else ""
    return ejemplo


def plantilla_csv(modelo):
    """The import template as CSV: header and an example row, separated by ``;`` as Excel in Spanish expects."""
    ejemplo = _ejemplo(modelo)
    salida = io.StringIO()
    escritor = exportar.EscritorCSV(salida)
    escritor.writerow([c.encabezado for c in COLUMNAS])
    escritor.writerow([ejemplo.get(c.clave, "") for c in COLUMNAS])
    return ("\ufeff" + salida.getvalue()).encode()


INSTRUCCIONES = [
    "Llene una fila por cada {singular}, desde la fila 2. La fila 1 tiene los nombres de las columnas: no los cambie.",
    "Reemplace o borre la fila de ejemplo antes de importar.",
    "Las columnas con * son obligatorias. Las demás pueden quedar vacías.",
    "Si el código SUIT o el identificador (slug) coincide con una ficha que ya existe, esa ficha se actualiza; "
    "si no, se crea una nueva en borrador.",
    "Si una sola fila tiene errores no se guarda nada: el portal muestra la fila, la columna y el motivo de "
    "cada error.",
    "Los requisitos, puntos de atención y normas de una ficha se reemplazan por los del archivo. Si quita una de "
    "esas columnas del archivo, se conservan los que ya tiene la ficha.",
    "Los formularios para descargar se suben después en la ficha, en la administración del portal.",
]


def plantilla_xlsx(modelo):
    """The import template as an Excel workbook: the table (header and example) and an «Instrucciones» sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ejemplo = _ejemplo(modelo)
    libro = Workbook()
    hoja = libro.active
    hoja.title = str(modelo._meta.verbose_name_plural).capitalize()[:31]
    exportar.escribir_fila(hoja, [c.encabezado for c in COLUMNAS])
    exportar.escribir_fila(hoja, [ejemplo.get(c.clave, "") for c in COLUMNAS])
    negrita = Font(bold=True, color="FFFFFF")
    relleno = PatternFill("solid", fgColor="3366CC")
    for posicion, columna in enumerate(COLUMNAS, start=1):
        celda = hoja.cell(row=1, column=posicion)
        celda.font, celda.fill = negrita, relleno
        letra = get_column_letter(posicion)
        hoja.column_dimensions[letra].width = 45 if columna.clave in _RELACIONES else 22
        if columna.opciones:
            lista = DataValidation(type="list", formula1='"' + ",".join(columna.opciones) + '"', allow_blank=True)
            lista.error = _("Use una de las opciones: %(opciones)s.") % {"opciones": ", ".join(columna.opciones)}
            lista.add(f"{letra}2:{letra}{MAXIMO_DE_FILAS + 1}")
            hoja.add_data_validation(lista)
    hoja.freeze_panes = "B2"

    ayuda = libro.create_sheet("Instrucciones")
    ayuda.append([_("Cómo llenar la plantilla")])
    ayuda["A1"].font = Font(bold=True, size=14)
    for instruccion in INSTRUCCIONES:
        ayuda.append([instruccion.format(singular=modelo._meta.verbose_name)])
    ayuda.append([])
    ayuda.append([_("Columna"), _("Obligatoria"), _("Qué escribir"), _("Ejemplo")])
    for celda in ayuda[ayuda.max_row]:
        celda.font = Font(bold=True)
    for columna in COLUMNAS:
        exportar.escribir_fila(
            ayuda,
            [
                columna.encabezado,
                _("sí") if columna.obligatoria else _("no"),
                columna.ayuda,
                ejemplo.get(columna.clave, ""),
            ],
        )
    ayuda.append([])
    ayuda.append([_("Dependencias (identificador — nombre)")])
    ayuda[f"A{ayuda.max_row}"].font = Font(bold=True)
    for slug, nombre in Dependencia.objects.activas().values_list("slug", "nombre"):
        exportar.escribir_fila(ayuda, [slug, nombre])
    ayuda.append([])
    ayuda.append([_("Situaciones de vida (identificador — nombre)")])
    ayuda[f"A{ayuda.max_row}"].font = Font(bold=True)
    for slug, nombre in SituacionDeVida.objects.values_list("slug", "nombre"):
        exportar.escribir_fila(ayuda, [slug, nombre])
    for letra, ancho in {"A": 28, "B": 40, "C": 90, "D": 50}.items():
        ayuda.column_dimensions[letra].width = ancho
    for fila in ayuda.iter_rows(min_row=2):
        for celda in fila:
            celda.alignment = Alignment(wrap_text=True, vertical="top")

    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()
