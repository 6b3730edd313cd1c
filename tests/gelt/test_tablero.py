"""The Comité GEL-T: the plan as data, indicators from live data matching hand counts, channels, reminders,
snapshots, exports, and who may open the dashboard."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gelt import canales, indicadores, tablero
from gelt.models import (
    Accion,
    ActualizacionCanal,
    Canal,
    EntidadAliada,
    Indicador,
    Instantanea,
    Medicion,
    Plan,
    Recordatorio,
    VisitasDelDia,
)
from participa.models import Encuesta, Respuesta
from portal import roles
from portal.models import ConsultaBusqueda, Estado, Noticia, Usuario
from servicios.models import Servicio
from tests.gelt.factories import crear_visitas
from tests.portal.factories import crear_dependencia, crear_publicable, crear_usuario
from tramites.models import Tramite

pytestmark = pytest.mark.django_db


@pytest.fixture
def comite():
    return crear_usuario(grupo=roles.COMITE, email="comite@example.org")


def indicador(fuente=None, nombre=None):
    consulta = Indicador.objects.all()
    return consulta.get(fuente=fuente) if fuente else consulta.get(nombre=nombre)


def crear_ficha(modelo, *, publicado=True, **campos):
    n = modelo.objects.count() + 1
    datos = {"nombre": f"{modelo.__name__} {n}", "slug": f"{modelo.__name__.lower()}-{n}"}
    datos["dependencia"] = campos.pop("dependencia", None) or crear_dependencia()
    if publicado:
        datos.update(estado=Estado.PUBLICADO, publicar_desde=timezone.now() - timezone.timedelta(days=1))
    datos.update(campos)
    return modelo.objects.create(**datos)


# --- the plan as data -------------------------------------------------------------------------------------


def test_el_plan_de_la_semilla_esta_completo():
    plan = Plan.objects.vigente()
    assert "Gobierno En Línea" in plan.vision
    assert plan.objetivos.count() == 3
    assert plan.lineas.count() == 6
    acciones = list(plan.acciones.order_by("orden"))
    assert len(acciones) == 9
    assert acciones[0].nombre.startswith("Procedimientos de actualización del sitio")
    assert acciones[-1].nombre.startswith("Divulgar la página")
    metas = {i.nombre: (i.meta_valor, i.periodicidad) for i in Indicador.objects.filter(del_plan=True)}
    assert metas["Cantidad de entidades locales vinculadas"] == (Decimal("5"), "anual")
    assert metas["Cantidad de entidades departamentales vinculadas"][0] == 2
    assert metas["Cantidad de entidades nacionales vinculadas"][0] == 1
    fases = [v for n, (v, _) in metas.items() if n.startswith("Porcentaje de criterios cumplidos")]
    assert sorted(fases) == [50, 50, 100, 100, 100]
    actualizacion = Indicador.objects.get(fuente="actualizaciones_sitio")
    # The seed's goal «1 vez en el mes» is read over the year: every month with an update, 100 % of the months.
    assert (actualizacion.meta_texto, actualizacion.meta_valor, actualizacion.periodicidad) == (
        "1 vez en el mes",
        100,
        "anual",
    )
    assert all(a.actividades.exists() for a in acciones)


# --- indicators computed from live data ---------------------------------------------------------------------


def test_los_valores_calculados_coinciden_con_el_conteo_a_mano():
    # 4 trámites identified: 3 published (1 totally online), 1 draft; 1 archived does not count.
    crear_ficha(Tramite)
    crear_ficha(Tramite, canal="total", url_en_linea="https://x.example.org")
    crear_ficha(Tramite, revision_vence=timezone.localdate() - timezone.timedelta(days=2))
    crear_ficha(Tramite, publicado=False)
    crear_ficha(Tramite, publicado=False, estado=Estado.ARCHIVADO)
    crear_ficha(Servicio)
    crear_ficha(Servicio, publicado=False)

    assert indicadores.evaluar(indicador("tramites_publicados")).valor == Decimal("75.0")
    assert indicadores.evaluar(indicador("tramites_automatizados")).valor == Decimal("25.0")
    assert indicadores.evaluar(indicador("servicios_publicados")).valor == Decimal("50.0")
    revisados = indicadores.evaluar(indicador("tramites_revisados_a_tiempo"))
    assert revisados.valor == Decimal("0.0")  # only one of the published has a review date, and it is overdue


@pytest.mark.parametrize(
    ("valor", "meta", "sentido", "esperado"),
    [
        (None, 5, "mayor", "sin_datos"),
        (5, 5, "mayor", "cumplido"),
        (3, 5, "mayor", "en_curso"),
        (2, 5, "mayor", "en_riesgo"),
        (6, 6, "menor", "cumplido"),
        (8, 6, "menor", "en_curso"),
        (10, 6, "menor", "en_riesgo"),
    ],
)
def test_regla_de_estado(valor, meta, sentido, esperado):
    assert indicadores.estado(valor, meta, sentido) == esperado


def test_los_indicadores_manuales_toman_la_medicion_del_periodo(comite):
    encuestas = Indicador.objects.create(
        accion=Accion.objects.first(),
        nombre="Ferias de servicios realizadas",
        meta_texto="1 al año",
        meta_valor=1,
        unidad="cantidad",
        periodicidad="anual",
        fuente="",
    )
    assert indicadores.evaluar(encuestas).estado == "sin_datos"
    Medicion.objects.create(indicador=encuestas, periodo=date(timezone.localdate().year, 1, 1), valor=1)
    Medicion.objects.create(indicador=encuestas, periodo=date(2020, 1, 1), valor=0)
    assert indicadores.evaluar(encuestas).valor == 1
    assert indicadores.evaluar(encuestas).estado == "cumplido"
    assert indicadores.evaluar(encuestas, anio=2020).valor == 0


# --- channels ------------------------------------------------------------------------------------------------


def test_canales_derivados_y_registrados_a_mano(comite):
    hoy = timezone.localdate()
    noticias = Canal.objects.create(nombre="Noticias", seccion_web="noticias", responsable=comite)
    emisora = Canal.objects.create(nombre="Emisora", responsable=comite, frecuencia_dias=30)
    ActualizacionCanal.objects.create(canal=emisora, fecha=hoy - timezone.timedelta(days=45), descripcion="Cuña")
    crear_publicable(Noticia, publicar_desde=timezone.now() - timezone.timedelta(days=3))
    estados = {e.canal: e for e in canales.estado_de_canales()}
    assert estados[noticias].ultima == hoy - timezone.timedelta(days=3)
    assert not estados[noticias].vencido
    assert estados[emisora].vencido and estados[emisora].dias_atraso == 15
    assert estados[emisora].etiqueta == "Atrasado 15 días"


# --- reminders ------------------------------------------------------------------------------------------


def test_recordatorios_uno_por_persona_y_nunca_dos_veces_el_mismo_dia(comite, correos_enviados):
    dependencia = crear_dependencia()
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[dependencia], email="f@example.org")
    emisora = Canal.objects.create(nombre="Emisora comunitaria", responsable=funcionario)
    ActualizacionCanal.objects.create(
        canal=emisora, fecha=timezone.localdate() - timezone.timedelta(days=40), descripcion="Cuña"
    )
    crear_ficha(
        Tramite,
        nombre="Certificado de residencia",
        dependencia=dependencia,
        revision_vence=timezone.localdate() - timezone.timedelta(days=1),
    )

    call_command("gelt_recordatorios", "--dry-run", verbosity=0)
    assert correos_enviados() == [] and not Recordatorio.objects.exists()

    call_command("gelt_recordatorios", verbosity=0)
    assert mail.outbox == []  # queued: the worker sends them
    por_destinatario = {m.to[0]: m for m in correos_enviados()}
    assert set(por_destinatario) == {"f@example.org", "comite@example.org"}
    personal = por_destinatario["f@example.org"].body
    assert "«Emisora comunitaria»: atrasado 10 días" in personal
    assert "«Certificado de residencia»: la revisión semestral venció" in personal
    assert "Resumen para el Comité GEL-T" in por_destinatario["comite@example.org"].body

    call_command("gelt_recordatorios", verbosity=0)
    assert len(correos_enviados()) == 2  # nothing repeated the same day
    assert Recordatorio.objects.count() == 2


# --- snapshots and exports --------------------------------------------------------------------------------


def test_instantanea_idempotente_por_periodo():
    call_command("gelt_instantanea", verbosity=0)
    total = Instantanea.objects.count()
    assert total == Indicador.objects.filter(accion__plan=Plan.objects.vigente()).count()
    call_command("gelt_instantanea", verbosity=0)
    assert Instantanea.objects.count() == total


def test_exportaciones_una_fila_por_indicador(client, comite):
    client.force_login(comite)
    respuesta = client.get(reverse("gelt:exportar_csv"))
    filas = list(csv.reader(io.StringIO(respuesta.content.decode("utf-8-sig")), delimiter=";"))
    assert filas[0] == tablero.ENCABEZADOS
    assert len(filas) - 1 == Indicador.objects.count()
    acciones = {f[0] for f in filas[1:]}
    assert acciones == set(Accion.objects.values_list("nombre", flat=True))
    libro = load_workbook(io.BytesIO(client.get(reverse("gelt:exportar_xlsx")).content))
    assert libro["Indicadores"].max_row - 1 == Indicador.objects.count()
    assert "Canales" in libro.sheetnames


# --- access and cost -----------------------------------------------------------------------------------


@pytest.mark.parametrize("nombre", ["gelt:tablero", "gelt:exportar_csv", "gelt:exportar_xlsx"])
def test_solo_el_comite_y_los_administradores(client, nombre):
    url = reverse(nombre)
    anonimo = client.get(url)
    assert anonimo.status_code == 302 and reverse("admin:login") in anonimo["Location"]
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO))
    assert client.get(url).status_code == 403
    client.force_login(crear_usuario(grupo=roles.ADMINISTRADOR))
    assert client.get(url).status_code == 200


def test_el_tablero_muestra_cada_indicador_y_no_crece_en_consultas(client, comite, django_assert_max_num_queries):
    client.force_login(comite)
    dependencia = crear_dependencia()
    for _ in range(150):
        crear_publicable(Noticia, dependencia=dependencia)
        crear_ficha(Tramite, dependencia=dependencia, revision_vence=timezone.localdate())
    Canal.objects.create(nombre="Noticias", seccion_web="noticias", responsable=comite)
    # A fixed number per automatic source and per section (22 indicators and 10 sections: about 50, a figure
    # asked twice is computed once; the two PQRSD indicators read ventanilla.metrics.resumen, 5 queries, once),
    # whatever the amount of news, fichas and visits; this first render also counts and keeps the visits of the
    # closed days (gelt.visitas); the participation panel adds at most 6 (gelt.participacion). See also the test
    # below.
    with django_assert_max_num_queries(64):
        html = client.get(reverse("gelt:tablero")).content.decode()
    for i in Indicador.objects.all():
        assert i.nombre in html
    assert "Sin datos" in html or "sin datos" in html
    with django_assert_max_num_queries(15):
        assert client.get(reverse("gelt:indicador", args=[indicador("tramites_publicados").pk])).status_code == 200


def test_las_consultas_del_tablero_no_crecen_con_los_datos(client, django_assert_max_num_queries):
    # Every panel with data (channels of every portal section, two evaluations, entities, deliveries, the empalme,
    # a survey, a year of snapshots), an indicator the committee records by hand and visits old and recent.
    call_command("cargar_demo", force=True, verbosity=0)
    hoy = timezone.localdate()
    ferias = Indicador.objects.create(
        accion=Accion.objects.first(), nombre="Ferias de servicios", meta_valor=1, unidad="cantidad", fuente=""
    )
    Medicion.objects.create(indicador=ferias, periodo=date(hoy.year, 1, 1), valor=1)
    for dias in (0, 3, 40, 400):
        crear_visitas(hoy - timezone.timedelta(days=dias), vistas=5, visitantes=2, ruta="/prueba/")
    client.force_login(Usuario.objects.get(username="comite"))
    url = reverse("gelt:tablero")
    client.get(url)  # the first render keeps the figures of the closed days
    with CaptureQueriesContext(connection) as con_pocos_datos:
        client.get(url)

    # Much more of everything the dashboard reads.
    dependencia = crear_dependencia()
    encuesta = Encuesta.objects.del_anio(hoy.year).first()
    for i in range(30):
        crear_publicable(Noticia, dependencia=dependencia)
        crear_ficha(Tramite, dependencia=dependencia, revision_vence=hoy)
        crear_ficha(Servicio, dependencia=dependencia, revision_vence=hoy)
        EntidadAliada.objects.create(nombre=f"Aliada {i}", nivel="local", convenio="Convenio", fecha_convenio=hoy)
        EntidadAliada.objects.create(nombre=f"Posible aliada {i}", nivel="nacional")
        Medicion.objects.create(indicador=ferias, periodo=date(hoy.year - 1 - i, 1, 1), valor=i)
        Respuesta.objects.create(encuesta=encuesta)
        ConsultaBusqueda.objects.create(
            termino=f"término {i}", dia=hoy, veces=i + 1, sin_resultados=i % 2, visitantes=2
        )
    Instantanea.objects.bulk_create(
        Instantanea(indicador=indicador, periodo=date(hoy.year - 5, mes, 1), valor=mes, estado="en_curso")
        for indicador in Indicador.objects.all()
        for mes in range(1, 13)
    )
    for dias in range(1, 700, 2):
        crear_visitas(hoy - timezone.timedelta(days=dias), vistas=dias, visitantes=dias % 7, ruta="/prueba/tramites/")
    # As on a database where the dashboard was never opened: the closed days' figures are counted and kept again,
    # once, in a few more queries (per year: two to count them, and the inserts).
    VisitasDelDia.objects.all().delete()
    with django_assert_max_num_queries(len(con_pocos_datos) + 8):
        client.get(url)
    with django_assert_max_num_queries(len(con_pocos_datos)):
        html = client.get(url).content.decode()
    assert "Aliada 29" in html and "Posible aliada 29" in html and "término 29" in html
    # The demo's outreach campaigns (emisora, perifoneo, cartel) with their arrivals, and its referring sites.
    campanas = html.split("Campañas de divulgación</h3>")[1].split("</ul>")[0]
    for nombre in ("Cuña en la emisora comunitaria", "Perifoneo en las veredas", "Cartel con código QR"):
        assert nombre in campanas
    assert "facebook.com" in html.split("De dónde llegan</h3>")[1].split("</ul>")[0]


def test_el_detalle_muestra_los_datos_detras_del_indicador(client, comite):
    client.force_login(comite)
    crear_ficha(Tramite, nombre="Licencia de inhumación", publicado=False)
    html = client.get(reverse("gelt:indicador", args=[indicador("tramites_publicados").pk])).content.decode()
    assert "Trámites aún sin publicar" in html and "Licencia de inhumación" in html


NAVEGADOR = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def buscar(client, q, ip="203.0.113.10"):
    return client.get(reverse("portal:buscar"), {"q": q}, HTTP_USER_AGENT=NAVEGADOR, REMOTE_ADDR=ip)


def test_el_comite_ve_lo_que_se_busca_y_no_se_encuentra(client, comite):
    buscar(client, "pasaporte")
    buscar(client, "pasaporte")
    buscar(client, "licencia de construccion")  # one visitor only: not shown yet
    buscar(client, "pasaporte", ip="198.51.100.7")
    client.force_login(comite)
    html = client.get(reverse("gelt:tablero")).content.decode()
    sin_resultados = html.split("Buscado sin encontrar resultados")[1].split("</ol>")[0]
    assert "pasaporte" in sin_resultados and "(3)" in sin_resultados
    assert "licencia de construccion" not in html


def test_las_busquedas_basura_no_llegan_al_comite(client, comite):
    for ip in ("203.0.113.10", "198.51.100.7"):
        for q in ("aaaaaaaaaaaaaaaaaaaaaaaa", "<script>alert(1)</script>", "x" * 90, "pq", "impuesto predial"):
            buscar(client, q, ip=ip)
    assert ConsultaBusqueda.objects.filter(termino="script alert 1 script", visitantes=2).exists()
    client.force_login(comite)
    html = client.get(reverse("gelt:tablero")).content.decode()
    busquedas = html.split('id="busquedas"')[1]
    assert "impuesto predial" in busquedas
    for basura in ("aaaa", "script", "xxxx", "<li>pq"):
        assert basura not in busquedas
    assert client.get(reverse("admin:portal_consultabusqueda_changelist")).status_code == 200


def test_con_cache_compartida_el_tablero_se_calcula_una_vez_y_cambia_al_registrar(
    client, comite, settings, django_assert_max_num_queries
):
    settings.CACHE_PAGINAS_SEGUNDOS = 300
    client.force_login(comite)
    ferias = Indicador.objects.create(
        accion=Accion.objects.first(), nombre="Ferias de servicios", meta_valor=1, unidad="cantidad", fuente=""
    )
    url = reverse("gelt:tablero")
    client.get(url)
    with django_assert_max_num_queries(8):  # session, user and groups, identity: the figures come from the cache
        assert "Ferias de servicios" in client.get(url).content.decode()

    def evaluacion_de_ferias():
        return next(e for _, evs in tablero.tablero()["acciones"] for e in evs if e.indicador == ferias)

    assert evaluacion_de_ferias().valor is None
    Medicion.objects.create(indicador=ferias, periodo=date(timezone.localdate().year, 1, 1), valor=1)
    # A record made by anyone, on any node, shows at once: the cached figures belong to the old content.
    assert (evaluacion_de_ferias().valor, evaluacion_de_ferias().estado) == (1, "cumplido")


def test_csv_con_punto_y_coma_y_coma_decimal_y_xlsx_con_numeros(client, comite):
    crear_ficha(Tramite)
    crear_ficha(Tramite)
    crear_ficha(Tramite, publicado=False)
    client.force_login(comite)
    filas = list(
        csv.reader(io.StringIO(client.get(reverse("gelt:exportar_csv")).content.decode("utf-8-sig")), delimiter=";")
    )
    por_indicador = {f[1]: f for f in filas[1:]}
    publicados = por_indicador["Porcentaje de trámites publicados en el sitio Web en el año"]
    assert publicados[3:5] == ["66,7", "%"]
    assert publicados[8] == "2 de 3 trámites identificados están publicados"
    libro = load_workbook(io.BytesIO(client.get(reverse("gelt:exportar_xlsx")).content))
    hoja = libro["Indicadores"]
    celda = next(f[3] for f in hoja.iter_rows(min_row=2) if f[1].value == publicados[1])
    assert celda.value == 66.7 and celda.data_type == "n"


def test_las_visitas_del_tablero_tienen_a_lo_sumo_un_minuto(client, comite, settings, monkeypatch):
    settings.CACHE_PAGINAS_SEGUNDOS = 300  # the shared cache on, as in production
    client.force_login(comite)
    hoy = timezone.localdate()

    def visitantes_del_mes():
        return tablero.tablero()["visitas"]["por_mes"][hoy.month - 1]["visitantes"]

    monkeypatch.setattr(tablero, "_minuto", lambda: "12:00")
    assert visitantes_del_mes() == 0
    crear_visitas(hoy, vistas=5, visitantes=3)  # flushed visits change no content version
    assert visitantes_del_mes() == 0  # the same minute: the figures computed for everyone
    monkeypatch.setattr(tablero, "_minuto", lambda: "12:01")
    assert visitantes_del_mes() == 3
    respuesta = client.get(reverse("gelt:tablero"))
    assert "no-cache" in respuesta["Cache-Control"] and "max-age=0" in respuesta["Cache-Control"]
