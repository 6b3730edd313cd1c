"""Open data of the published fichas: JSON and CSV, field by field, never drafts nor internal fields."""

import csv
import io
import itertools
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import timezone
from django.utils.http import http_date

from portal.fichas import datos_abiertos
from portal.models import Estado, Municipio, SituacionDeVida
from servicios.models import Servicio
from tests.portal.factories import PDF_MINIMO, crear_dependencia, crear_usuario
from tramites.models import Tramite

pytestmark = pytest.mark.django_db
_n = itertools.count(1)
AYER = timezone.now() - timezone.timedelta(days=1)


def crear_ficha(modelo=Tramite, *, publicado=True, **campos):
    n = next(_n)
    if "dependencia" not in campos:
        campos["dependencia"] = crear_dependencia()
    if publicado:
        campos.setdefault("estado", Estado.PUBLICADO)
        campos.setdefault("publicar_desde", AYER)
    campos.setdefault("nombre", f"Ficha {n}")
    campos.setdefault("slug", f"ficha-{n}")
    campos.setdefault("tiempo_cantidad", 5)
    return modelo.objects.create(**campos)


def crear_ficha_completa(**campos):
    """A published trámite with every public field filled and one related row of each kind."""
    usuario = crear_usuario(username="autora-interna")
    ficha = crear_ficha(
        nombre="Licencia de construcción",
        nombre_estandarizado="Licencia de construcción en la modalidad de obra nueva",
        tambien_conocido_como="Permiso de obra",
        slug="licencia-de-construccion",
        codigo_suit="5432",
        url_govco="https://www.gov.co/ficha-tramites-y-servicios/T5432",
        proposito="Construir legalmente una edificación nueva.",
        para_persona_natural=True,
        para_persona_juridica=True,
        canal="parcial",
        url_en_linea="https://ventanilla.example.gov.co/",
        resultado="Resolución que otorga la licencia.",
        tiempo_tipo="habiles",
        tiempo_cantidad=45,
        tiempo_notas="Prorrogable una vez.",
        costo_tipo="valor",
        costo_valor=Decimal("250000"),
        costo_formula="",
        costo_base_legal="Acuerdo 012 de 2020",
        costo_donde_pagar="Tesorería municipal.",
        seguimiento="Con el número de radicado.",
        creado_por=usuario,
        modificado_por=usuario,
        revisado_por=usuario,
        revisado_en=AYER,
        dependencia=crear_dependencia(nombre="Secretaría de Planeación", slug="planeacion"),
        **campos,
    )
    ficha.situaciones.add(
        SituacionDeVida.objects.create(nombre="Construir o mejorar mi vivienda", slug="vivienda", orden=1),
        SituacionDeVida.objects.create(nombre="Tengo un negocio", slug="negocio", orden=2),
    )
    ficha.requisitos.create(momento="solicitud", tipo="documento", descripcion="Planos firmados", orden=1)
    ficha.requisitos.create(
        momento="resultado",
        tipo="pago",
        descripcion="Pago del impuesto de delineación",
        detalle="Solo; para obras | mayores",
        es_excepcion=True,
        orden=2,
    )
    ficha.puntos_atencion.create(
        nombre="Ventanilla única",
        direccion="Palacio Municipal",
        horario="Lunes a viernes",
        telefono="+57 602 123 4567",
        latitud=Decimal("1.427000"),
        longitud=Decimal("-77.097000"),
    )
    ficha.normas.create(norma="Decreto 1077 de 2015", articulos="2.2.6.1.1.1", url="https://www.suin.gov.co/")
    ficha.formularios.create(nombre="Formulario único nacional", url="https://www.minvivienda.gov.co/fun.pdf")
    ficha.formularios.create(
        nombre="Anexo de vecinos", archivo=SimpleUploadedFile("anexo.pdf", PDF_MINIMO, "application/pdf")
    )
    return Tramite.objects.get(pk=ficha.pk)


def _peticion(ruta="/datos/tramites.json"):
    return RequestFactory().get(ruta)


def _json(modelo=Tramite):
    respuesta = datos_abiertos.respuesta_json(_peticion(), modelo=modelo)
    return respuesta, json.loads(respuesta.content.decode("utf-8"))


def _csv(modelo=Tramite):
    respuesta = datos_abiertos.respuesta_csv(_peticion("/datos/tramites.csv"), modelo=modelo)
    texto = respuesta.content.decode("utf-8")
    return respuesta, texto, list(csv.reader(io.StringIO(texto.removeprefix("\ufeff"), newline="")))


def _iso(fecha):
    return timezone.localtime(fecha).isoformat(timespec="seconds")


def test_json_da_cada_campo_publico_de_la_ficha():
    ficha = crear_ficha_completa()
    _respuesta, datos = _json()
    (registro,) = datos["registros"]
    anexo = ficha.formularios.get(nombre="Anexo de vecinos")
    assert registro == {
        "nombre": "Licencia de construcción",
        "nombre_estandarizado": "Licencia de construcción en la modalidad de obra nueva",
        "tambien_conocido_como": "Permiso de obra",
        "slug": "licencia-de-construccion",
        "url": "http://testserver/tramites/licencia-de-construccion/",
        "codigo_suit": "5432",
        "url_govco": "https://www.gov.co/ficha-tramites-y-servicios/T5432",
        "proposito": "Construir legalmente una edificación nueva.",
        "para_persona_natural": True,
        "para_persona_juridica": True,
        "situaciones": [
            {"slug": "vivienda", "nombre": "Construir o mejorar mi vivienda"},
            {"slug": "negocio", "nombre": "Tengo un negocio"},
        ],
        "canal": "parcial",
        "url_en_linea": "https://ventanilla.example.gov.co/",
        "resultado": "Resolución que otorga la licencia.",
        "tiempo_tipo": "habiles",
        "tiempo_cantidad": 45,
        "tiempo_notas": "Prorrogable una vez.",
        "costo_tipo": "valor",
        "costo_valor": 250000,
        "costo_formula": "",
        "costo_base_legal": "Acuerdo 012 de 2020",
        "costo_donde_pagar": "Tesorería municipal.",
        "seguimiento": "Con el número de radicado.",
        "dependencia": "Secretaría de Planeación",
        "requisitos": [
            {
                "momento": "solicitud",
                "tipo": "documento",
                "descripcion": "Planos firmados",
                "detalle": "",
                "es_excepcion": False,
            },
            {
                "momento": "resultado",
                "tipo": "pago",
                "descripcion": "Pago del impuesto de delineación",
                "detalle": "Solo; para obras | mayores",
                "es_excepcion": True,
            },
        ],
        "puntos_atencion": [
            {
                "nombre": "Ventanilla única",
                "direccion": "Palacio Municipal",
                "horario": "Lunes a viernes",
                "telefono": "+57 602 123 4567",
                "latitud": 1.427,
                "longitud": -77.097,
            }
        ],
        "normas": [{"norma": "Decreto 1077 de 2015", "articulos": "2.2.6.1.1.1", "url": "https://www.suin.gov.co/"}],
        "formularios": [
            {"nombre": "Formulario único nacional", "url": "https://www.minvivienda.gov.co/fun.pdf"},
            {"nombre": "Anexo de vecinos", "url": f"http://testserver{anexo.archivo.url}"},
        ],
        "fecha_publicacion": _iso(AYER),
        "fecha_actualizacion": _iso(ficha.modificado),
        "fecha_revision": _iso(AYER),
    }
    assert registro["fecha_publicacion"].endswith("-05:00")  # Colombian time, ISO 8601
    assert list(registro) == list(datos_abiertos.DICCIONARIO)


def test_json_sin_borradores_ni_campos_internos():
    visible = crear_ficha_completa()
    crear_ficha(nombre="Borrador secreto", publicado=False)
    crear_ficha(nombre="En revisión secreta", publicado=False, estado=Estado.EN_REVISION)
    crear_ficha(nombre="Archivada secreta", estado=Estado.ARCHIVADO)
    crear_ficha(nombre="Programada secreta", publicar_desde=timezone.now() + timezone.timedelta(days=2))
    crear_ficha(nombre="Vencida secreta", publicar_hasta=timezone.now() - timezone.timedelta(hours=1))
    crear_ficha(Servicio, nombre="Servicio de otro conjunto")
    respuesta, datos = _json()
    assert [r["nombre"] for r in datos["registros"]] == [visible.nombre]
    texto = respuesta.content.decode()
    for prohibido in ("secreta", "Borrador", "autora-interna", "creado_por", "modificado_por", "revisado_por"):
        assert prohibido not in texto
    assert "estado" not in datos["registros"][0]
    assert "id" not in datos["registros"][0]


def test_json_metadatos_y_cabeceras():
    antigua = crear_ficha(nombre="Antigua")
    reciente = crear_ficha_completa()
    Tramite.objects.filter(pk=antigua.pk).update(modificado=AYER - timezone.timedelta(days=30))
    municipio = Municipio.objects.actual()
    respuesta, datos = _json()
    meta = datos["metadatos"]
    assert meta["titulo"] == f"Trámites de la {municipio.entidad}"
    assert meta["titulo"] == "Trámites de la Alcaldía Municipal de El Tablón de Gómez"
    assert "trámites" in meta["descripcion"] and "1519" in meta["descripcion"]
    assert meta["publicador"] == municipio.entidad
    assert meta["correo_contacto"] == municipio.correo_institucional
    assert meta["licencia"] == "Creative Commons Atribución 4.0 Internacional (CC BY 4.0)"
    assert meta["licencia_url"].startswith("https://creativecommons.org/licenses/by/4.0/")
    assert meta["frecuencia_actualizacion"] == "Mensual"
    assert meta["ultima_modificacion"] == _iso(reciente.modificado)
    assert meta["formato"] == "JSON"
    assert meta["numero_de_registros"] == 2
    assert list(meta["diccionario"]) == list(datos["registros"][0])
    assert "momento | tipo | descripción" in meta["diccionario"]["requisitos"]
    assert all(isinstance(v, str) and v for v in meta["diccionario"].values())
    assert respuesta["Content-Type"] == "application/json; charset=utf-8"
    assert respuesta["Content-Disposition"] == 'inline; filename="tramites.json"'
    assert respuesta["Last-Modified"] == http_date(reciente.modificado.timestamp())
    assert "Alcaldía" in respuesta.content.decode("utf-8")  # UTF-8, not \u escapes


def test_servicios_y_conjunto_vacio():
    respuesta, datos = _json(Servicio)
    assert datos["registros"] == []
    assert datos["metadatos"]["titulo"].startswith("Servicios de la ")
    assert datos["metadatos"]["numero_de_registros"] == 0
    assert datos["metadatos"]["ultima_modificacion"] is None
    assert respuesta["Content-Disposition"] == 'inline; filename="servicios.json"'
    assert not respuesta.has_header("Last-Modified")
    respuesta, _texto, filas = _csv(Servicio)
    assert filas == [list(datos_abiertos.DICCIONARIO)]
    assert respuesta["Content-Disposition"] == 'attachment; filename="servicios.csv"'


def test_csv_una_fila_por_ficha_campo_por_campo():
    ficha = crear_ficha_completa()
    crear_ficha(nombre="Borrador secreto", publicado=False)
    respuesta, texto, filas = _csv()
    assert respuesta["Content-Type"] == "text/csv; charset=utf-8"
    assert respuesta.content.startswith(b"\xef\xbb\xbf")
    assert respuesta["Last-Modified"] == http_date(ficha.modificado.timestamp())
    assert "secreto" not in texto
    encabezado, fila = filas
    assert encabezado == list(datos_abiertos.DICCIONARIO)
    celdas = dict(zip(encabezado, fila, strict=True))
    anexo = ficha.formularios.get(nombre="Anexo de vecinos")
    assert celdas == {
        "nombre": "Licencia de construcción",
        "nombre_estandarizado": "Licencia de construcción en la modalidad de obra nueva",
        "tambien_conocido_como": "Permiso de obra",
        "slug": "licencia-de-construccion",
        "url": "http://testserver/tramites/licencia-de-construccion/",
        "codigo_suit": "5432",
        "url_govco": "https://www.gov.co/ficha-tramites-y-servicios/T5432",
        "proposito": "Construir legalmente una edificación nueva.",
        "para_persona_natural": "sí",
        "para_persona_juridica": "sí",
        "situaciones": "Construir o mejorar mi vivienda ; Tengo un negocio",
        "canal": "parcial",
        "url_en_linea": "https://ventanilla.example.gov.co/",
        "resultado": "Resolución que otorga la licencia.",
        "tiempo_tipo": "habiles",
        "tiempo_cantidad": "45",
        "tiempo_notas": "Prorrogable una vez.",
        "costo_tipo": "valor",
        "costo_valor": "250000",
        "costo_formula": "",
        "costo_base_legal": "Acuerdo 012 de 2020",
        "costo_donde_pagar": "Tesorería municipal.",
        "seguimiento": "Con el número de radicado.",
        "dependencia": "Secretaría de Planeación",
        "requisitos": (
            "solicitud | documento | Planos firmados ; "
            "resultado | pago | Pago del impuesto de delineación (excepción) | Solo, para obras / mayores"
        ),
        "puntos_atencion": (
            "Ventanilla única | Palacio Municipal | Lunes a viernes | +57 602 123 4567 | 1.427 | -77.097"
        ),
        "normas": "Decreto 1077 de 2015 | 2.2.6.1.1.1 | https://www.suin.gov.co/",
        "formularios": (
            "Formulario único nacional | https://www.minvivienda.gov.co/fun.pdf ; "
            f"Anexo de vecinos | http://testserver{anexo.archivo.url}"
        ),
        "fecha_publicacion": _iso(AYER),
        "fecha_actualizacion": _iso(ficha.modificado),
        "fecha_revision": _iso(AYER),
    }


def test_csv_vacios_y_booleanos_no():
    crear_ficha(nombre="Gratis", para_persona_natural=False, tiempo_tipo="inmediato", tiempo_cantidad=None)
    _respuesta, _texto, (encabezado, fila) = _csv()
    celdas = dict(zip(encabezado, fila, strict=True))
    assert celdas["para_persona_natural"] == "no"
    assert celdas["para_persona_juridica"] == "no"
    assert celdas["canal"] == "presencial"
    assert celdas["costo_tipo"] == "gratuito"
    assert celdas["costo_valor"] == celdas["tiempo_cantidad"] == celdas["fecha_revision"] == ""
    assert celdas["requisitos"] == celdas["situaciones"] == ""


def test_csv_protegido_contra_formulas():
    crear_ficha(
        nombre='=HYPERLINK("http://malo","clic")',
        tambien_conocido_como="+57 300",
        proposito="-2+3",
        resultado="@SUMA(A1)",
        tiempo_notas="\tinvisible",
        seguimiento="Normal = sin riesgo",
    )
    _respuesta, _texto, (encabezado, fila) = _csv()
    celdas = dict(zip(encabezado, fila, strict=True))
    assert celdas["nombre"] == '\'=HYPERLINK("http://malo","clic")'
    assert celdas["tambien_conocido_como"] == "'+57 300"
    assert celdas["proposito"] == "'-2+3"
    assert celdas["resultado"] == "'@SUMA(A1)"
    assert celdas["tiempo_notas"] == "'\tinvisible"
    assert celdas["seguimiento"] == "Normal = sin riesgo"
    # The JSON keeps the text as it is.
    _r, datos = _json()
    assert datos["registros"][0]["nombre"].startswith("=HYPERLINK")


def test_consultas_constantes_con_cien_fichas(django_assert_max_num_queries):
    dependencia = crear_dependencia()
    situacion = SituacionDeVida.objects.create(nombre="Tengo un negocio", slug="negocio")
    for n in range(100):
        ficha = crear_ficha(dependencia=dependencia, nombre=f"Trámite {n:03}", slug=f"tramite-{n}")
        ficha.situaciones.add(situacion)
        ficha.requisitos.create(descripcion="Cédula")
        ficha.puntos_atencion.create(nombre="Ventanilla", direccion="Palacio")
        ficha.normas.create(norma="Ley 1755 de 2015")
        ficha.formularios.create(nombre="Formulario", url="https://example.gov.co/f.pdf")
    Municipio.objects.actual()
    with django_assert_max_num_queries(7):
        _respuesta, datos = _json()
    assert len(datos["registros"]) == 100
    assert all(len(r["requisitos"]) == 1 and len(r["situaciones"]) == 1 for r in datos["registros"])
    with django_assert_max_num_queries(6):
        _respuesta, _texto, filas = _csv()
    assert len(filas) == 101
    with django_assert_max_num_queries(6):
        assert len(datos_abiertos.filas(Tramite, _peticion())) == 100
