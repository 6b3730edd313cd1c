"""Bulk import of fichas from CSV or XLSX: all or nothing, updates instead of duplicates, the command and the
admin page.

The admin page is tested through a throwaway admin site built below (``urlpatterns``): the project's own
``TramiteAdmin`` gets the mixin when it is wired, and these tests do not depend on that.
"""

import csv
import io
import itertools

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from portal import roles
from portal.fichas import importacion
from portal.models import Estado, SituacionDeVida
from servicios.models import Servicio
from tests.portal.factories import crear_dependencia, crear_usuario
from tramites.models import Tramite

pytestmark = pytest.mark.django_db
_n = itertools.count(1)


# Data ---------------------------------------------------------------------------------------------------


@pytest.fixture
def dependencia():
    return crear_dependencia(nombre="Secretaría de Gobierno", slug="gobierno")


@pytest.fixture
def usuario():
    return crear_usuario(grupo=roles.COMITE)


def fila(**campos):
    """A good row of the template, for a trámite of the «gobierno» dependencia."""
    n = next(_n)
    datos = {
        "nombre": f"Certificado número {n}",
        "codigo_suit": "",
        "dependencia": "gobierno",
        "proposito": "Demostrar algo.",
        "persona_natural": "sí",
        "persona_juridica": "no",
        "canal": "presencial",
        "resultado": "Un certificado.",
        "tiempo_tipo": "habiles",
        "tiempo_cantidad": "5",
        "costo_tipo": "gratuito",
        "requisitos": "solicitud | documento | Copia de la cédula",
        "puntos_atencion": "Ventanilla única | Palacio Municipal | Lunes a viernes | +57 602 123 4567",
        "normas": "Ley 1755 de 2015 | Artículo 14 | https://www.funcionpublica.gov.co/",
    }
    datos.update(campos)
    return datos


def csv_de(filas, *, separador=",", codificacion="utf-8-sig", encabezados=None):
    encabezados = encabezados or list(dict.fromkeys(c for f in filas for c in f))
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=separador)
    escritor.writerow(encabezados)
    for datos in filas:
        escritor.writerow([datos.get(c, "") for c in encabezados])
    return salida.getvalue().encode(codificacion)


def xlsx_de(filas, *, encabezados=None):
    encabezados = encabezados or list(dict.fromkeys(c for f in filas for c in f))
    libro = Workbook()
    hoja = libro.active
    hoja.append(encabezados)
    for datos in filas:
        hoja.append([datos.get(c) for c in encabezados])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def errores_de(informe):
    return {(e.fila, e.columna) for e in informe.errores}


# Reading ------------------------------------------------------------------------------------------------


def test_leer_csv_con_punto_y_coma_latin1_y_encabezados_sin_tildes():
    contenido = "NOMBRE *;Código SUIT;Dependencia*\n\nAcción de tutela;77;gobierno\n".encode("cp1252")
    assert importacion.leer(contenido) == [
        {"_fila": 3, "nombre": "Acción de tutela", "codigo_suit": "77", "dependencia": "gobierno"}
    ]


def test_leer_xlsx_por_contenido_aunque_se_llame_csv(tmp_path):
    ruta = tmp_path / "fichas.csv"
    ruta.write_bytes(xlsx_de([{"nombre*": "Licencia", "dependencia*": "gobierno", "costo_valor": 15000.0}]))
    assert importacion.leer(ruta) == [
        {"_fila": 2, "nombre": "Licencia", "dependencia": "gobierno", "costo_valor": "15000"}
    ]


def test_leer_rechaza_columnas_desconocidas_y_faltantes():
    with pytest.raises(importacion.ArchivoInvalido) as error:
        importacion.leer(csv_de([{"nombre": "X", "requsitos": "a"}]))
    assert {(e.fila, e.columna) for e in error.value.errores} == {(1, "requsitos"), (1, "dependencia")}


@pytest.mark.parametrize(
    ("contenido", "motivo"),
    [(b"", "vacío"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1resto", ".xls"), (b"PK\x03\x04roto", "Excel")],
)
def test_leer_archivos_ilegibles(contenido, motivo):
    informe = importacion.importar(contenido, modelo=Tramite, usuario=None)
    assert not informe.ok and motivo in informe.errores[0].motivo


# Importing ----------------------------------------------------------------------------------------------


def test_csv_bueno_crea_fichas_en_borrador_con_todo(dependencia, usuario):
    SituacionDeVida.objects.create(nombre="Tengo un negocio", slug="negocio")
    SituacionDeVida.objects.create(nombre="Construir o mejorar mi vivienda", slug="vivienda")
    filas = [
        fila(
            nombre="Licencia de funcionamiento",
            codigo_suit="123",
            tambien_conocido_como="Permiso",
            persona_juridica="Sí",
            situaciones="negocio; construir o mejorar mi VIVIENDA",
            canal="Totalmente en línea",
            url_en_linea="tramites.example.gov.co/licencia",
            tiempo_tipo="calendario",
            tiempo_cantidad="15",
            costo_tipo="valor",
            costo_valor="$ 125.000",
            requisitos=(
                "acceso | condicion | Tener un local; solicitud | Formulario | Formulario único | Firmado\n"
                "resultado | pago | Pagar los derechos (excepción)"
            ),
            puntos_atencion="Ventanilla | Palacio | 8 a 12 | 3001234567 | 1.427 | -77.097",
            url_govco="https://www.gov.co/t/123",
        ),
        fila(nombre="Certificado de residencia", tiempo_tipo="inmediato", tiempo_cantidad="", normas=""),
    ]
    informe = importacion.importar(csv_de(filas), modelo=Tramite, usuario=usuario)
    assert informe.ok, informe.errores
    assert informe.creadas == ["Licencia de funcionamiento", "Certificado de residencia"]
    assert informe.actualizadas == []

    ficha = Tramite.objects.get(codigo_suit="123")
    assert ficha.slug == "licencia-de-funcionamiento"
    assert ficha.estado == Estado.BORRADOR
    assert ficha.creado_por == usuario and ficha.modificado_por == usuario
    assert ficha.dependencia == dependencia
    assert ficha.para_persona_natural and ficha.para_persona_juridica
    assert ficha.canal == "total" and ficha.url_en_linea == "https://tramites.example.gov.co/licencia"
    assert (ficha.tiempo_tipo, ficha.tiempo_cantidad) == ("calendario", 15)
    assert (ficha.costo_tipo, ficha.costo_valor) == ("valor", 125000)
    assert ficha.url_govco == "https://www.gov.co/t/123"
    assert set(ficha.situaciones.values_list("slug", flat=True)) == {"negocio", "vivienda"}
    assert list(
        ficha.requisitos.values_list("momento", "tipo", "descripcion", "detalle", "es_excepcion", "orden")
    ) == [
        ("acceso", "condicion", "Tener un local", "", False, 1),
        ("solicitud", "formulario", "Formulario único", "Firmado", False, 2),
        ("resultado", "pago", "Pagar los derechos", "", True, 3),
    ]
    punto = ficha.puntos_atencion.get()
    assert (punto.nombre, punto.direccion, punto.horario, punto.telefono) == (
        "Ventanilla",
        "Palacio",
        "8 a 12",
        "3001234567",
    )
    assert (float(punto.latitud), float(punto.longitud)) == (1.427, -77.097)
    assert list(ficha.normas.values_list("norma", "articulos", "url")) == [
        ("Ley 1755 de 2015", "Artículo 14", "https://www.funcionpublica.gov.co/")
    ]
    assert LogEntry.objects.get(object_id=str(ficha.pk)).change_message == "Creada desde un archivo importado."
    otra = Tramite.objects.get(slug="certificado-de-residencia")
    assert otra.tiempo_tipo == "inmediato" and otra.tiempo_cantidad is None
    assert not otra.normas.exists()


def test_xlsx_bueno_crea_fichas(dependencia, usuario):
    filas = [
        {**fila(nombre="Impuesto predial", codigo_suit=4567, costo_tipo="valor"), "costo_valor": 32000.0},
        {**fila(nombre="Paz y salvo"), "tiempo_cantidad": 3},
    ]
    informe = importacion.importar(xlsx_de(filas), modelo=Tramite, usuario=usuario)
    assert informe.ok, informe.errores
    predial = Tramite.objects.get(slug="impuesto-predial")
    assert predial.codigo_suit == "4567" and predial.costo_valor == 32000
    assert Tramite.objects.get(slug="paz-y-salvo").tiempo_cantidad == 3


def test_reimportar_actualiza_por_codigo_suit_sin_duplicar(dependencia, usuario):
    importacion.importar(csv_de([fila(nombre="Licencia", codigo_suit="900")]), modelo=Tramite, usuario=usuario)
    ficha = Tramite.objects.get()
    ficha.estado, ficha.publicar_desde = Estado.PUBLICADO, timezone.now()
    ficha.save()
    cambiada = fila(
        nombre="Licencia de construcción",
        codigo_suit="900",
        requisitos="solicitud | documento | Planos; solicitud | documento | Cédula",
    )
    informe = importacion.importar(csv_de([cambiada]), modelo=Tramite, usuario=usuario)
    assert informe.ok, informe.errores
    assert (informe.creadas, informe.actualizadas) == ([], ["Licencia de construcción"])
    ficha = Tramite.objects.get()
    assert ficha.nombre == "Licencia de construcción"
    assert ficha.slug == "licencia"  # the address stays the same
    assert ficha.estado == Estado.PUBLICADO  # existing fichas keep their state
    assert list(ficha.requisitos.values_list("descripcion", flat=True)) == ["Planos", "Cédula"]
    assert ficha.puntos_atencion.count() == 1


def test_reimportar_actualiza_por_slug_y_sin_columna_conserva(dependencia, usuario):
    importacion.importar(csv_de([fila(nombre="Paz y salvo")]), modelo=Tramite, usuario=usuario)
    ficha = Tramite.objects.get()
    ficha.normas.create(norma="Acuerdo 5 de 2020")
    sin_normas = {k: v for k, v in fila(nombre="Paz y salvo", proposito="Nuevo propósito").items() if k != "normas"}
    informe = importacion.importar(csv_de([sin_normas]), modelo=Tramite, usuario=usuario)
    assert informe.ok and informe.actualizadas == ["Paz y salvo"]
    ficha = Tramite.objects.get()
    assert ficha.proposito == "Nuevo propósito"
    assert ficha.normas.count() == 2  # the column was not in the file: untouched


def test_identificador_de_otra_ficha_con_otro_codigo_suit_y_filas_repetidas(dependencia):
    Tramite.objects.create(
        nombre="Licencia", slug="licencia", codigo_suit="1", dependencia=dependencia, tiempo_cantidad=1
    )
    filas = [
        fila(nombre="Licencia", codigo_suit="2"),
        fila(nombre="Otra", slug="otra"),
        fila(nombre="Otra 2", slug="otra"),
    ]
    informe = importacion.importar(csv_de(filas), modelo=Tramite, usuario=None)
    assert errores_de(informe) == {(2, "slug"), (4, "slug")}
    assert "otro código SUIT (1)" in informe.errores[0].motivo
    informe = importacion.importar(
        csv_de([fila(nombre="X", codigo_suit="1"), fila(nombre="Licencia")]), modelo=Tramite, usuario=None
    )
    assert [(e.fila, e.motivo) for e in informe.errores] == [(3, "Esta ficha ya está en la fila 2.")]


def test_archivo_con_varias_filas_malas_no_importa_nada(dependencia, usuario):
    filas = [
        fila(nombre="Buena"),
        fila(nombre=""),
        fila(canal="a veces", costo_tipo="valor", costo_valor="-5"),
        fila(dependencia="hacienda", situaciones="no-existe"),
        fila(url_en_linea="javascript:alert(1)", tiempo_cantidad="quince"),
        fila(requisitos="solicitud | documento | Cédula; mañana | documento | Algo; solo dos partes"),
        fila(persona_natural="tal vez", normas="Ley 1 | art. 2 | ftp://normas.example/1"),
        fila(costo_tipo="valor", costo_valor="", tiempo_tipo="habiles", tiempo_cantidad=""),
        fila(nombre="Buena"),
    ]
    informe = importacion.importar(csv_de(filas), modelo=Tramite, usuario=usuario)
    assert not informe.ok
    assert Tramite.objects.count() == 0
    assert informe.creadas == informe.actualizadas == []
    assert errores_de(informe) == {
        (3, "nombre"),
        (4, "canal"),
        (4, "costo_valor"),
        (5, "dependencia"),
        (5, "situaciones"),
        (6, "url_en_linea"),
        (6, "tiempo_cantidad"),
        (7, "requisitos"),
        (8, "persona_natural"),
        (8, "normas"),
        (9, "costo_valor"),
        (9, "tiempo_cantidad"),
        (10, "slug"),
    }
    motivos = {}
    for e in informe.errores:
        motivos[e.fila, e.columna] = motivos.get((e.fila, e.columna), "") + e.motivo
    assert motivos[4, "canal"] == "«a veces» no es una opción válida. Use presencial, parcial o total."
    assert "negativo" in motivos[4, "costo_valor"]
    assert "hacienda" in motivos[5, "dependencia"]
    assert "https://" in motivos[6, "url_en_linea"]
    assert "Elemento 2: momento: «mañana» no es una opción válida" in motivos[7, "requisitos"]
    assert "Elemento 3: «solo dos partes» no tiene la forma" in motivos[7, "requisitos"]
    assert "fila 2" in motivos[10, "slug"].lower()
    assert "Fila 4, columna canal:" in str(informe.errores[1])


def test_simular_no_escribe_nada(dependencia, usuario):
    Tramite.objects.create(nombre="Existente", slug="existente", dependencia=dependencia, tiempo_cantidad=1)
    archivo = csv_de([fila(nombre="Nueva"), fila(nombre="Existente", proposito="Otro")])
    informe = importacion.importar(archivo, modelo=Tramite, usuario=usuario, simular=True)
    assert informe.ok and informe.simulado
    assert (informe.creadas, informe.actualizadas) == (["Nueva"], ["Existente"])
    assert list(Tramite.objects.values_list("nombre", "proposito")) == [("Existente", "")]


def test_publicada_no_puede_quedar_sin_lo_que_exige_la_norma(dependencia, usuario):
    importacion.importar(csv_de([fila(nombre="Licencia")]), modelo=Tramite, usuario=usuario)
    Tramite.objects.update(estado=Estado.PUBLICADO, publicar_desde=timezone.now())
    informe = importacion.importar(csv_de([fila(nombre="Licencia", normas="")]), modelo=Tramite, usuario=usuario)
    assert errores_de(informe) == {(2, "")}
    assert "base legal" in informe.errores[0].motivo
    assert Tramite.objects.get().normas.count() == 1


def test_funcionario_solo_importa_borradores_de_sus_dependencias(dependencia):
    propia = crear_dependencia(slug="propia")
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[propia])
    Tramite.objects.create(
        nombre="Publicada", slug="publicada", dependencia=propia, estado=Estado.PUBLICADO, tiempo_cantidad=1
    )
    filas = [
        fila(nombre="Ajena", dependencia="gobierno"),
        fila(nombre="Publicada", dependencia="propia"),
        fila(nombre="Propia", dependencia="propia"),
    ]
    informe = importacion.importar(csv_de(filas), modelo=Tramite, usuario=funcionario)
    assert errores_de(informe) == {(2, "dependencia"), (3, "")}
    assert importacion.importar(csv_de(filas[2:]), modelo=Tramite, usuario=funcionario).ok


def test_servicio_sin_base_legal(dependencia):
    informe = importacion.importar(csv_de([fila(normas="")]), modelo=Servicio, usuario=None)
    assert informe.ok and Servicio.objects.count() == 1 and Tramite.objects.count() == 0


# Templates ----------------------------------------------------------------------------------------------


def test_plantilla_xlsx_con_instrucciones_y_ejemplo_valido(dependencia):
    libro = load_workbook(io.BytesIO(importacion.plantilla_xlsx(Tramite)))
    assert libro.sheetnames == ["Trámites", "Instrucciones"]
    hoja = libro["Trámites"]
    filas = list(hoja.iter_rows(values_only=True))
    assert list(filas[0]) == [c.encabezado for c in importacion.COLUMNAS]
    assert filas[1][0] == "Certificado de residencia"
    instrucciones = " ".join(str(c) for fila in libro["Instrucciones"].iter_rows(values_only=True) for c in fila if c)
    for columna in importacion.COLUMNAS:
        assert columna.ayuda in instrucciones
    assert "gobierno" in instrucciones  # the dependencias to choose from
    # The example row, as downloaded, is a valid import.
    informe = importacion.importar(importacion.plantilla_xlsx(Tramite), modelo=Tramite, usuario=None, simular=True)
    assert informe.ok, informe.errores


def test_plantilla_csv_con_ejemplo_valido(dependencia):
    contenido = importacion.plantilla_csv(Servicio)
    assert contenido.startswith(b"\xef\xbb\xbf")
    encabezado = contenido.decode("utf-8-sig").splitlines()[0]
    assert encabezado.split(";") == [c.encabezado for c in importacion.COLUMNAS]
    informe = importacion.importar(contenido, modelo=Servicio, usuario=None)
    assert informe.ok, informe.errores
    assert Servicio.objects.get().nombre == "Préstamo de libros de la biblioteca"


# The command --------------------------------------------------------------------------------------------


def test_comando_importa_simula_y_falla_con_la_lista_de_errores(dependencia, usuario, tmp_path, capsys):
    bueno = tmp_path / "bueno.xlsx"
    bueno.write_bytes(xlsx_de([fila(nombre="Licencia"), fila(nombre="Permiso")]))
    call_command("importar_fichas", str(bueno), tipo="tramite", dry_run=True)
    assert "simulación" in capsys.readouterr().out
    assert Tramite.objects.count() == 0

    call_command("importar_fichas", str(bueno), "--tipo", "tramite", "--usuario", usuario.username, verbosity=2)
    salida = capsys.readouterr().out
    assert "Creada: Licencia" in salida and "2 trámites creados" in salida
    assert set(Tramite.objects.values_list("creado_por", flat=True)) == {usuario.pk}

    malo = tmp_path / "malo.csv"
    malo.write_bytes(csv_de([fila(nombre="Otra"), fila(canal="nunca")]))
    with pytest.raises(CommandError, match=r"Fila 3, columna canal: «nunca»"):
        call_command("importar_fichas", str(malo), tipo="tramite")
    assert Tramite.objects.count() == 2

    with pytest.raises(CommandError, match="No existe el usuario"):
        call_command("importar_fichas", str(bueno), tipo="servicio", usuario="nadie")
    with pytest.raises(CommandError, match="No se pudo abrir"):
        call_command("importar_fichas", str(tmp_path / "no-existe.csv"), tipo="servicio")


# The admin page -----------------------------------------------------------------------------------------


def test_admin_importa_para_el_comite(client, dependencia, usuario):
    client.force_login(usuario)
    lista = client.get(reverse("admin:tramites_tramite_changelist"))
    url = reverse("admin:tramites_tramite_importar")
    assert url in lista.content.decode()  # the "Importar desde CSV o Excel" link
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert "Importar" in pagina.content.decode() and reverse("admin:tramites_tramite_plantilla_xlsx") in (
        pagina.content.decode()
    )

    archivo = SimpleUploadedFile("fichas.csv", csv_de([fila(nombre="Licencia")]), "text/csv")
    respuesta = client.post(url, {"archivo": archivo, "solo_validar": "on"})
    assert respuesta.status_code == 200 and "Se crearían" in respuesta.content.decode()
    assert Tramite.objects.count() == 0

    archivo = SimpleUploadedFile("fichas.csv", csv_de([fila(nombre="Licencia")]), "text/csv")
    respuesta = client.post(url, {"archivo": archivo}, follow=True)
    assert respuesta.redirect_chain[-1][0] == reverse("admin:tramites_tramite_changelist")
    assert "1 trámite creado en borrador" in respuesta.content.decode()
    assert Tramite.objects.get().creado_por == usuario


def test_admin_muestra_los_errores_y_no_guarda(client, dependencia, usuario):
    client.force_login(usuario)
    archivo = SimpleUploadedFile("fichas.xlsx", xlsx_de([fila(), fila(canal="nunca")]))
    respuesta = client.post(reverse("admin:tramites_tramite_importar"), {"archivo": archivo})
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "no se guardó nada" in html
    assert "<td>3</td><td>canal</td>" in html and "«nunca»" in html
    assert Tramite.objects.count() == 0


def test_admin_prohibido_sin_permiso_de_agregar(client):
    client.force_login(crear_usuario())  # staff, without groups
    for nombre in ("importar", "plantilla_xlsx", "plantilla_csv"):
        assert client.get(reverse(f"admin:tramites_tramite_{nombre}")).status_code == 403
    archivo = SimpleUploadedFile("fichas.csv", csv_de([fila()]), "text/csv")
    assert client.post(reverse("admin:tramites_tramite_importar"), {"archivo": archivo}).status_code == 403
    assert Tramite.objects.count() == 0


def test_admin_descarga_las_plantillas(client, usuario):
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO))
    respuesta = client.get(reverse("admin:tramites_tramite_plantilla_xlsx"))
    assert respuesta.status_code == 200
    assert respuesta["Content-Disposition"] == 'attachment; filename="plantilla-tramites.xlsx"'
    assert load_workbook(io.BytesIO(respuesta.content)).sheetnames[1] == "Instrucciones"
    respuesta = client.get(reverse("admin:tramites_tramite_plantilla_csv"))
    assert respuesta["Content-Type"] == "text/csv; charset=utf-8"
    assert respuesta.content.decode("utf-8-sig").startswith("nombre*;")


def test_funcionario_no_se_entera_de_los_borradores_de_otra_dependencia(dependencia):
    """A guessed slug or SUIT code of another dependencia's draft is answered as for an unknown ficha."""
    propia = crear_dependencia(slug="propia")
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[propia])
    Tramite.objects.create(
        nombre="Plan secreto de obras",
        slug="plan-secreto",
        codigo_suit="987",
        dependencia=dependencia,
        tiempo_cantidad=1,
    )
    filas = [
        fila(nombre="Adivinanza", slug="plan-secreto", dependencia="propia"),
        fila(nombre="Otra adivinanza", codigo_suit="987", dependencia="propia"),
    ]
    informe = importacion.importar(csv_de(filas), modelo=Tramite, usuario=funcionario)
    motivos = " ".join(e.motivo for e in informe.errores)
    assert "Plan secreto" not in motivos and "otra dependencia" not in motivos
    desconocida = importacion.importar(
        csv_de([fila(nombre="Adivinanza", slug="libre-de-verdad", dependencia="propia")]),
        modelo=Tramite,
        usuario=funcionario,
        simular=True,
    )
    assert desconocida.ok
    assert Tramite.objects.get(slug="plan-secreto").nombre == "Plan secreto de obras"
