"""Every indicator of the plan (the seed's 17 and the three the committee added) on fixed data: its value, its
unit and its wording. Yearly figures are read for last year, a period already closed, so they do not depend on
the day the tests run."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from gelt import indicadores, services
from gelt.models import (
    Criterio,
    Empalme,
    EntidadAliada,
    EntregaDependencia,
    Fase,
    FuncionarioEmpalme,
    Indicador,
)
from participa.models import Encuesta, Respuesta
from portal import metrics
from portal.models import Estado, Noticia
from servicios.models import Servicio
from tests.gelt.factories import crear_visitas
from tests.portal.factories import crear_dependencia, crear_publicable
from tramites.models import Tramite

pytestmark = pytest.mark.django_db

HOY = timezone.localdate()
ANTERIOR = HOY.year - 1


def evaluar(fuente, anio=ANTERIOR):
    return indicadores.evaluar(Indicador.objects.get(fuente=fuente), anio)


def momento(anio, mes, dia=15):
    return timezone.make_aware(datetime(anio, mes, dia, 10))


def ficha(modelo, *, publicado=True, **campos):
    n = modelo.objects.count() + 1
    datos = {"nombre": f"{modelo.__name__} {n}", "slug": f"{modelo.__name__.lower()}-{n}"}
    datos["dependencia"] = crear_dependencia()
    if publicado:
        datos.update(estado=Estado.PUBLICADO, publicar_desde=timezone.now() - timezone.timedelta(days=1))
    datos.update(campos)
    return modelo.objects.create(**datos)


def test_hay_17_indicadores_de_la_semilla_y_los_de_seguimiento_todos_con_fuente_y_palabras():
    assert Indicador.objects.filter(del_plan=True).count() == 17
    # And those the committee added: review of trámites and servicios, dependencias' deliveries, PQRSD.
    assert Indicador.objects.filter(del_plan=False).count() >= 3
    for indicador in Indicador.objects.all():
        fuente = indicadores.FUENTES[indicador.fuente]
        assert fuente.descripcion and fuente.origen and fuente.lectura and fuente.unidad, indicador.nombre


# --- 1. Procedimientos de actualización del sitio Web ---------------------------------------------------------


def test_frecuencia_de_actualizacion_meses_con_actualizacion_entre_meses_transcurridos():
    crear_publicable(Noticia, publicar_desde=momento(ANTERIOR, 1))
    crear_publicable(Noticia, publicar_desde=momento(ANTERIOR, 3, 2))
    crear_publicable(Noticia, publicar_desde=momento(ANTERIOR, 3, 20))
    crear_publicable(Noticia, publicar_desde=momento(ANTERIOR, 2), publicado=False)  # a draft is no update
    ficha(Tramite, publicar_desde=momento(ANTERIOR, 6))
    e = evaluar("actualizaciones_sitio")
    assert e.valor == Decimal("25.0")  # January, March and June of 12 months
    assert e.valor_texto == "25 % de los meses"
    assert e.estado == indicadores.EN_RIESGO
    assert e.lectura == f"3 de 12 meses con al menos una actualización en {ANTERIOR}"
    assert e.texto.startswith(
        "Frecuencia de actualización del sitio Web: Meses con al menos una actualización ÷ meses transcurridos"
    )


def test_frecuencia_de_actualizacion_este_mes_y_lo_programado_no_cuenta():
    ahora = timezone.now()
    crear_publicable(Noticia, publicar_desde=ahora - timezone.timedelta(minutes=5))
    ficha(Tramite, publicar_desde=ahora - timezone.timedelta(minutes=1))
    futura = crear_publicable(Noticia, publicar_desde=ahora + timezone.timedelta(hours=2))
    e = evaluar("actualizaciones_sitio", anio=HOY.year)
    assert "; este mes, 2 publicaciones" in e.lectura
    detalle = indicadores.FUENTES["actualizaciones_sitio"].detalle(e.periodo)
    assert futura.titulo not in [f["celdas"][2] for f in detalle["filas"]]
    # The month running counts once it has an update: this month is in, the earlier ones of the year are not.
    assert e.lectura.startswith(f"1 de {HOY.month} {'mes' if HOY.month == 1 else 'meses'}")


# --- 2. Entidades locales, departamentales y nacionales ---------------------------------------------------------


@pytest.mark.parametrize(
    ("nivel", "cantidad", "estado", "lectura"),
    [
        ("local", 2, "en_riesgo", "2 entidades locales con convenio firmado en {a}: Aliada local 0, Aliada local 1"),
        ("departamental", 2, "cumplido", "2 entidades departamentales con convenio firmado en {a}: "),
        ("nacional", 0, "en_riesgo", "0 entidades nacionales con convenio firmado en {a}"),
    ],
)
def test_entidades_vinculadas_por_nivel(nivel, cantidad, estado, lectura):
    for n in range(cantidad):
        EntidadAliada.objects.create(
            nombre=f"Aliada {nivel} {n}", nivel=nivel, convenio="Convenio", fecha_convenio=date(ANTERIOR, 4, 1)
        )
    EntidadAliada.objects.create(nombre="Sin convenio", nivel=nivel)
    EntidadAliada.objects.create(nombre="Otro año", nivel=nivel, convenio="C", fecha_convenio=date(HOY.year, 1, 2))
    e = evaluar(f"entidades_{nivel}")
    assert e.valor == cantidad
    assert e.valor_texto == f"{cantidad} entidades"
    assert e.estado == estado
    assert e.lectura.startswith(lectura.format(a=ANTERIOR))


# --- 3. Fases de GEL -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fase", "esperado"), [("informacion", "cumplido"), ("interaccion", "en_curso"), ("democracia", "en_riesgo")]
)
def test_porcentaje_de_criterios_cumplidos_por_fase(fase, esperado):
    evaluacion = services.evaluacion_crear(fecha=date(ANTERIOR, 5, 1), nombre="Evaluación de prueba", usuario=None)
    evaluacion.resultados.update(resultado="no_cumple")
    criterios = list(Criterio.objects.filter(fase__clave=fase).order_by("pk"))
    objetivo = {"cumplido": 1, "en_curso": 0.5, "en_riesgo": 0}[esperado]
    if objetivo:
        elegidos = criterios[: round(len(criterios) * objetivo)]
        evaluacion.resultados.filter(criterio__in=elegidos).update(resultado="cumple")
    e = evaluar(f"fase_{fase}")
    meta = Fase.objects.get(clave=fase).meta
    assert e.valor == round(Decimal(100 * round(len(criterios) * objetivo)) / len(criterios), 1)
    assert e.valor_texto.endswith(" %") and e.indicador.meta_valor == meta
    assert e.estado == (esperado if fase != "democracia" else "en_riesgo")
    assert e.lectura == f"{indicadores.numero(e.valor)} % en la evaluación «Evaluación de prueba» del 01/05/{ANTERIOR}"


def test_fases_sin_evaluacion():
    e = evaluar("fase_transaccion")
    assert e.valor is None and e.valor_texto == "Sin datos"
    assert e.lectura == f"Sin evaluaciones de las fases hasta {ANTERIOR}"


# --- 4 and 5. Servicios and trámites: publicados, automatizados, revisión semestral --------------------------


@pytest.mark.parametrize(
    ("modelo", "clave", "plural"), [(Tramite, "tramites", "trámites"), (Servicio, "servicios", "servicios")]
)
def test_fichas_publicadas_automatizadas_y_revisadas(modelo, clave, plural):
    ficha(modelo, revision_vence=HOY + timezone.timedelta(days=30))
    ficha(modelo, canal="total", url_en_linea="https://x.example.org", revision_vence=HOY - timezone.timedelta(days=1))
    ficha(modelo)
    ficha(modelo, publicado=False)
    publicados = evaluar(f"{clave}_publicados", HOY.year)
    assert (publicados.valor, publicados.valor_texto) == (Decimal("75.0"), "75 %")
    assert publicados.lectura == f"3 de 4 {plural} identificados están publicados"
    assert publicados.estado == "en_curso"
    automatizados = evaluar(f"{clave}_automatizados", HOY.year)
    assert (automatizados.valor, automatizados.estado) == (Decimal("25.0"), "en_riesgo")
    assert automatizados.lectura == f"1 de 4 {plural} identificados se hacen totalmente en línea"
    revisados = evaluar(f"{clave}_revisados_a_tiempo", HOY.year)
    assert revisados.valor == Decimal("33.3") and revisados.valor_texto == "33,3 %"
    assert revisados.lectura == f"1 de 3 {plural} publicados tienen la revisión al día"


# --- 6. Empalme ----------------------------------------------------------------------------------------------------


def test_funcionarios_de_la_nueva_administracion_vinculados():
    empalme = Empalme.objects.create(nombre="Empalme de prueba", fecha_inicio=date(ANTERIOR, 10, 1))
    for n, vinculo in enumerate(["capacitado", "capacitado", "responsable", ""]):
        FuncionarioEmpalme.objects.create(empalme=empalme, nombre=f"F{n}", cargo="Secretario", vinculo=vinculo)
    e = evaluar("empalme_vinculados")
    assert (e.valor, e.valor_texto, e.estado) == (Decimal("75.0"), "75 %", "en_curso")
    assert e.lectura == "75 % de los funcionarios de la nueva administración vinculados (Empalme de prueba)"


# --- 7. Participación de las dependencias ------------------------------------------------------------------------


def test_frecuencia_de_recoleccion_meses_desde_la_ultima():
    dependencia = crear_dependencia(nombre="Secretaría de Gobierno")
    EntregaDependencia.objects.create(dependencia=dependencia, fecha=date(ANTERIOR, 5, 10), descripcion="Informe")
    e = evaluar("meses_desde_recoleccion")  # 2.º semestre: to 31/12, seven months after May
    assert (e.valor, e.valor_texto) == (Decimal("7"), "7 meses desde la última")
    assert e.estado == "en_curso"  # less is better: up to 6 is met, up to 9 is on its way
    assert e.lectura == (
        f"la última recolección fue el 10/05/{ANTERIOR} (Secretaría de Gobierno): hace 7 meses; "
        "la meta es recolectar al menos cada 6 meses"
    )


def test_dependencias_que_entregaron_en_el_semestre():
    dependencia = crear_dependencia()
    EntregaDependencia.objects.create(dependencia=dependencia, fecha=date(ANTERIOR, 8, 1), descripcion="Informe")
    total = len(metrics.dependencias_activas())
    e = evaluar("entregas_dependencias")
    assert e.valor == round(Decimal(100) / total, 1)
    assert e.lectura == f"1 de {total} dependencias activas entregaron su información en el 2.º semestre {ANTERIOR}"


# --- 8. Encuesta anual ---------------------------------------------------------------------------------------------


def test_porcentaje_de_encuestas_realizadas_sobre_una_al_anio():
    assert evaluar("encuesta_anual").valor == 0
    encuesta = Encuesta.objects.create(titulo="Encuesta", abre=date(ANTERIOR, 3, 1), cierra=date(ANTERIOR, 4, 30))
    for _ in range(3):
        Respuesta.objects.create(encuesta=encuesta, recibida=momento(ANTERIOR, 3, 10))
    e = evaluar("encuesta_anual")
    assert (e.valor, e.valor_texto, e.estado) == (Decimal("100.0"), "100 %", "cumplido")
    assert e.lectura == f"1 de 1 encuesta anual sobre el portal realizada en {ANTERIOR} (3 respuestas)"


# --- 9. Divulgación: visitas --------------------------------------------------------------------------------------


def test_variacion_de_visitas_entre_semestres():
    crear_visitas(date(ANTERIOR, 3, 3), vistas=90, visitantes=40)
    crear_visitas(date(ANTERIOR, 9, 3), vistas=120, visitantes=50)
    e = evaluar("visitas_semestre")
    assert (e.valor, e.valor_texto, e.estado) == (Decimal("25.0"), "25 % de variación", "cumplido")
    assert e.lectura == f"50 visitantes en el 2.º semestre {ANTERIOR} frente a 40 en el 1.er semestre {ANTERIOR}"


def test_el_primer_semestre_medido_no_es_sin_datos():
    crear_visitas(date(ANTERIOR, 9, 3), vistas=60, visitantes=40)
    e = evaluar("visitas_semestre")
    assert e.valor is None
    assert e.estado == "cumplido"  # the goal is to measure every 6 months: measured
    assert e.lectura == (
        f"40 visitantes en el 2.º semestre {ANTERIOR}; no hay visitas del 1.er semestre {ANTERIOR} para calcular "
        "la variación"
    )


# --- Manual measurements and overrides ------------------------------------------------------------------------


def test_medicion_manual_con_coma_decimal_y_periodo_de_la_periodicidad(client):
    from django.urls import reverse

    from gelt.models import Accion, Medicion
    from portal import roles
    from tests.portal.factories import crear_usuario

    comite = crear_usuario(grupo=roles.COMITE)
    client.force_login(comite)
    ferias = Indicador.objects.create(
        accion=Accion.objects.first(),
        nombre="Ferias de servicios",
        meta_texto="2 al semestre",
        meta_valor=2,
        unidad="cantidad",
        periodicidad="semestral",
    )
    url = reverse("admin:gelt_medicion_add")
    formulario = client.get(url).content.decode()
    assert "Ferias de servicios — lo registra el comité" in formulario
    assert "Frecuencia de actualización del sitio Web — lo calcula el portal: sustituir con motivo" in formulario
    respuesta = client.post(url, {"indicador": ferias.pk, "periodo": f"20/08/{ANTERIOR}", "valor": "12,5"})
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    medicion = Medicion.objects.get(indicador=ferias)
    assert medicion.valor == Decimal("12.5")
    assert medicion.periodo == date(ANTERIOR, 7, 1)  # the semester's first day
    assert medicion.registrado_por == comite
    e = indicadores.evaluar(ferias, ANTERIOR)
    assert e.valor_texto == "12,5" and e.estado == "cumplido"
    assert e.origen.startswith(f"Manual: registrado por {comite.username} el ")

    # An automatic indicator takes a value only with a reason, and the dashboard says it was overridden.
    visitas = Indicador.objects.get(fuente="visitas_semestre")
    datos = {"indicador": visitas.pk, "periodo": f"01/10/{ANTERIOR}", "valor": "8,5"}
    assert "escriba el motivo" in client.post(url, datos).content.decode()
    datos["motivo"] = "El contador estuvo apagado en agosto; cifra del proveedor de hosting."
    assert client.post(url, datos).status_code == 302
    e = indicadores.evaluar(visitas, ANTERIOR)
    assert (e.valor, e.automatico) == (Decimal("8.5"), False)
    assert e.sustitucion is not None
    assert e.origen.startswith("Sustituido por el comité (registrado por ")
    assert e.origen.endswith(": El contador estuvo apagado en agosto; cifra del proveedor de hosting.")
    client.get(reverse("gelt:tablero") + f"?anio={ANTERIOR}")
    html = client.get(reverse("gelt:tablero") + f"?anio={ANTERIOR}").content.decode()
    assert "sustituido por el comité" in html


def test_los_resultados_publicados_de_la_encuesta_salen_en_transparencia_4_7(client):
    from django.urls import reverse

    from portal.models import SubseccionTransparencia

    subseccion = SubseccionTransparencia.objects.get(numero="4.7")
    assert "Resultados:" not in client.get(subseccion.get_absolute_url()).content.decode()
    Encuesta.objects.create(
        titulo="Encuesta 2026", abre=date(ANTERIOR, 3, 1), cierra=date(ANTERIOR, 4, 1), resultados_publicados=True
    )
    html = client.get(subseccion.get_absolute_url()).content.decode()
    assert "Resultados: Encuesta 2026" in html and reverse("encuesta:resultados_publicos") in html


def test_el_detalle_del_indicador_dice_lo_que_conto_y_de_donde(client):
    from django.urls import reverse

    from portal import roles
    from tests.portal.factories import crear_usuario

    EntidadAliada.objects.create(nombre="Gobernación", nivel="departamental", convenio="C", fecha_convenio=HOY)
    client.force_login(crear_usuario(grupo=roles.COMITE))
    indicador = Indicador.objects.get(fuente="entidades_departamental")
    html = client.get(reverse("gelt:indicador", args=[indicador.pk])).content.decode()
    assert "1 entidad<" in html
    assert f"1 entidad departamental con convenio firmado en {HOY.year}: Gobernación" in html
    assert "Automático: entidades aliadas registradas por el comité" in html
