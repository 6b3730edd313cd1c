"""Rendición de cuentas: a question becomes a radicado with the term of a petition; the public pages show only
published answers by topic, linked to the plan, and the commitments; constant queries, page cache; officials
only see their dependencia's questions; abuse checks and a database down keep what the person typed."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participa import rendicion as servicio
from participa.models import Compromiso, PreguntaRendicion, ProcesoRendicion, TemaRendicion
from portal import roles
from tests.portal.factories import crear_dependencia, crear_usuario
from ventanilla.models import Radicado, TerminoLegal, Tipo

pytestmark = pytest.mark.django_db

IP = "203.0.113.9"


def crear_proceso(dependencia=None, anio=2025, abierto=True, **campos):
    hoy = timezone.localdate()
    datos = {
        "anio": anio,
        "titulo": f"Rendición de cuentas {anio}",
        "dependencia": dependencia or crear_dependencia(),
        "preguntas_abren": hoy - timedelta(days=3) if abierto else hoy - timedelta(days=60),
        "preguntas_cierran": hoy + timedelta(days=10) if abierto else hoy - timedelta(days=30),
        "audiencia": timezone.now() + timedelta(days=15),
        "lugar": "Coliseo de Las Mesas",
        "publicado": True,
    }
    datos.update(campos)
    proceso = ProcesoRendicion.objects.create(**datos)
    TemaRendicion.objects.create(proceso=proceso, nombre="Vías", orden=1)
    TemaRendicion.objects.create(proceso=proceso, nombre="Salud", orden=2)
    return proceso


def datos_formulario(proceso, **cambios):
    datos = {
        "tema": str(proceso.temas.get(nombre="Vías").pk),
        "pregunta": "¿Cuándo arreglan la vía a La Cueva?",
        "nombre": "Ana Pérez Rosero",
        "correo": "ana.perez@example.com",
        "notificacion_electronica": "on",
        "sitio_web": "",
    }
    datos.update(cambios)
    return datos


def url_preguntar(proceso):
    return reverse("participa:rendicion_preguntar", args=[proceso.anio])


# --- A question is a radicado ------------------------------------------------------------------------------------


def test_la_pregunta_se_radica_como_peticion_con_su_termino(client):
    TerminoLegal.objects.update_or_create(tipo=Tipo.PETICION, defaults={"dias": 12, "fundamento": "Prueba"})
    proceso = crear_proceso()
    respuesta = client.post(url_preguntar(proceso), datos_formulario(proceso), REMOTE_ADDR=IP)
    radicado = Radicado.objects.get()
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("ventanilla:constancia", args=[radicado.numero])
    assert radicado.tipo == Tipo.PETICION and radicado.dias_termino == 12 and radicado.vence
    assert radicado.dependencia == proceso.dependencia
    assert radicado.nombre == "Ana Pérez Rosero" and radicado.correo == "ana.perez@example.com"
    assert "Rendición de cuentas 2025: Vías" in radicado.asunto
    pregunta = PreguntaRendicion.objects.get()
    assert pregunta.radicado == radicado and not pregunta.publicada
    # The receipt shows the number and the follow-up code once, like any PQRSD.
    constancia = client.get(respuesta["Location"]).content.decode()
    assert radicado.numero in constancia
    assert re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", constancia)


def test_el_formulario_es_privado_y_sin_cache(client):
    proceso = crear_proceso()
    respuesta = client.get(url_preguntar(proceso))
    assert respuesta.status_code == 200
    assert "no-store" in respuesta["Cache-Control"] and "noindex" in respuesta["X-Robots-Tag"]
    html = respuesta.content.decode()
    assert "Ley 1581" in html and "15 días hábiles" in html


def test_errores_conservan_lo_escrito(client):
    proceso = crear_proceso()
    respuesta = client.post(url_preguntar(proceso), datos_formulario(proceso, correo="no-es-correo"), REMOTE_ADDR=IP)
    html = respuesta.content.decode()
    assert respuesta.status_code == 200 and "Escriba un correo válido" in html
    assert "¿Cuándo arreglan la vía a La Cueva?" in html and not Radicado.objects.exists()


def test_la_trampa_rechaza_y_conserva_el_texto(client):
    proceso = crear_proceso()
    respuesta = client.post(url_preguntar(proceso), datos_formulario(proceso, sitio_web="http://spam"), REMOTE_ADDR=IP)
    assert respuesta.status_code == 400 and "La Cueva" in respuesta.content.decode()
    assert not Radicado.objects.exists()


def test_el_limite_por_conexion_conserva_el_texto(client, settings):
    settings.PQRSD_RADICACIONES_POR_CLIENTE = 1
    proceso = crear_proceso()
    assert client.post(url_preguntar(proceso), datos_formulario(proceso), REMOTE_ADDR=IP).status_code == 302
    otra = datos_formulario(proceso, pregunta="¿Y el puesto de salud de Pompeya?")
    respuesta = client.post(url_preguntar(proceso), otra, REMOTE_ADDR=IP)
    assert respuesta.status_code == 429 and "Pompeya" in respuesta.content.decode()
    assert Radicado.objects.count() == 1


def test_con_la_base_caida_vuelve_el_formulario_lleno(client):
    proceso = crear_proceso()
    client.raise_request_exception = False
    with mock.patch.object(servicio, "pregunta_enviar", side_effect=OperationalError("caída")):
        respuesta = client.post(url_preguntar(proceso), datos_formulario(proceso), REMOTE_ADDR=IP)
    html = respuesta.content.decode()
    assert respuesta.status_code == 503 and "¿Cuándo arreglan la vía a La Cueva?" in html
    assert "Ana Pérez Rosero" in html and 'name="tema"' in html


def test_fuera_de_fechas_no_recibe_preguntas(client):
    proceso = crear_proceso(abierto=False)
    assert client.get(url_preguntar(proceso)).status_code == 410
    assert client.post(url_preguntar(proceso), datos_formulario(proceso), REMOTE_ADDR=IP).status_code == 410
    assert not Radicado.objects.exists()
    assert client.get(url_preguntar(crear_proceso(anio=2020, publicado=False))).status_code == 404


# --- Public pages --------------------------------------------------------------------------------------------------


def preguntar_y_responder(proceso, n, *, publicar=True, metas="A8"):
    for i in range(n):
        radicado, _ = servicio.pregunta_enviar(
            proceso=proceso,
            tema=proceso.temas.order_by("orden")[i % 2],
            nombre=f"Persona Secreta {i}",
            correo=f"secreta{i}@example.com",
            pregunta=f"Pregunta pública número {i}",
        )
        PreguntaRendicion.objects.filter(radicado=radicado).update(
            respuesta=f"Respuesta número {i}", publicada=publicar, metas=metas, respondida=timezone.localdate()
        )


def test_la_pagina_publica_agrupa_por_tema_enlaza_el_plan_y_no_muestra_datos_personales(client):
    proceso = crear_proceso()
    preguntar_y_responder(proceso, 4)
    preguntar_y_responder(proceso, 1, publicar=False)
    Compromiso.objects.create(
        proceso=proceso,
        descripcion="Publicar el avance de las obras",
        dependencia=proceso.dependencia,
        fecha_limite=timezone.localdate(),
        avance=60,
        estado="en_curso",
    )
    html = client.get(proceso.get_absolute_url()).content.decode()
    assert html.index("<h3>Vías</h3>") < html.index("<h3>Salud</h3>")
    assert "Respuesta número 3" in html and html.count("Pregunta pública número") == 4
    assert "Acción 8 del plan de acción GEL: Evaluar anualmente" in html  # the label comes from gelt's hook
    assert "Publicar el avance de las obras" in html and 'value="60"' in html
    assert "Secreta" not in html and "example.com" not in html
    assert "5 preguntas recibidas; 4 publicadas" in html
    inicio = client.get(reverse("participa:rendicion")).content.decode()
    assert "Respuesta número 3" in inicio and url_preguntar(proceso) in inicio


def test_consultas_constantes_en_las_paginas_publicas(client, django_assert_max_num_queries):
    """The same number of queries with 2 or 14 published answers (the page cache is off in tests)."""
    proceso = crear_proceso()
    preguntar_y_responder(proceso, 2)
    urls = (proceso.get_absolute_url(), reverse("participa:rendicion"))
    with CaptureQueriesContext(connection) as pocas:
        for url in urls:
            client.get(url)
    preguntar_y_responder(proceso, 12)
    with django_assert_max_num_queries(len(pocas.captured_queries)):
        for url in urls:
            assert client.get(url).status_code == 200


def test_las_paginas_publicas_se_sirven_desde_la_cache(client, settings, django_assert_num_queries):
    settings.CACHE_PAGINAS_SEGUNDOS = 300
    proceso = crear_proceso()
    preguntar_y_responder(proceso, 2)
    for url in (proceso.get_absolute_url(), reverse("participa:rendicion"), reverse("portal:participa")):
        primera = client.get(url)
        assert "public" in primera["Cache-Control"]
        with django_assert_num_queries(0):
            assert client.get(url).content == primera.content
    # Publishing an answer changes the page at once.
    PreguntaRendicion.objects.filter(publicada=True).first().save()
    pregunta = PreguntaRendicion.objects.first()
    pregunta.respuesta = "Respuesta corregida"
    pregunta.save()
    assert "Respuesta corregida" in client.get(proceso.get_absolute_url()).content.decode()


def test_no_se_publica_una_pregunta_sin_respuesta():
    from django.core.exceptions import ValidationError

    proceso = crear_proceso()
    preguntar_y_responder(proceso, 1, publicar=False)
    pregunta = PreguntaRendicion.objects.get()
    pregunta.respuesta, pregunta.publicada = "", True
    with pytest.raises(ValidationError):
        pregunta.full_clean()
    pregunta.respuesta, pregunta.metas = "Sí", "A8, Z1"
    with pytest.raises(ValidationError):
        pregunta.full_clean()


# --- Permissions ---------------------------------------------------------------------------------------------------


def test_un_funcionario_solo_ve_las_preguntas_y_compromisos_de_su_dependencia(client):
    propia, ajena = crear_dependencia(), crear_dependencia()
    proceso = crear_proceso(dependencia=ajena)
    preguntar_y_responder(proceso, 1)
    propio = crear_proceso(dependencia=propia, anio=2024)
    preguntar_y_responder(propio, 1)
    mia = PreguntaRendicion.objects.get(proceso=propio)
    otra = PreguntaRendicion.objects.get(proceso=proceso)
    Compromiso.objects.create(
        proceso=proceso, descripcion="Ajeno", dependencia=ajena, fecha_limite=timezone.localdate(), avance=0
    )
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[propia])
    client.force_login(funcionario)
    lista = client.get(reverse("admin:participa_preguntarendicion_changelist")).content.decode()
    assert mia.radicado.numero in lista and otra.radicado.numero not in lista
    assert client.get(reverse("admin:participa_preguntarendicion_change", args=[mia.pk])).status_code == 200
    assert client.get(reverse("admin:participa_preguntarendicion_change", args=[otra.pk])).status_code == 302
    assert "Ajeno" not in client.get(reverse("admin:participa_compromiso_changelist")).content.decode()
    assert client.get(reverse("admin:participa_procesorendicion_add")).status_code == 403
    comite = crear_usuario(grupo=roles.COMITE)
    client.force_login(comite)
    lista = client.get(reverse("admin:participa_preguntarendicion_changelist")).content.decode()
    assert mia.radicado.numero in lista and otra.radicado.numero in lista
    assert client.get(reverse("admin:participa_procesorendicion_add")).status_code == 200


def test_cifras_para_el_comite():
    proceso = crear_proceso()
    preguntar_y_responder(proceso, 3)
    cifras = servicio.cifras()
    assert cifras["recibidas"] == 3 and cifras["publicadas"] == 3 and cifras["respondidas"] == 0


def test_mientras_el_proceso_abierto_no_tiene_respuestas_se_ven_las_del_anterior(client):
    anterior = crear_proceso(anio=2024, abierto=False)
    preguntar_y_responder(anterior, 0)
    anterior.preguntas_abren = anterior.preguntas_cierran = timezone.localdate()
    anterior.save()
    preguntar_y_responder(anterior, 2)
    anterior.preguntas_abren = anterior.preguntas_cierran = timezone.localdate() - timedelta(days=90)
    anterior.save()
    abierto = crear_proceso(anio=2025)
    html = client.get(reverse("participa:rendicion")).content.decode()
    assert url_preguntar(abierto) in html and "Respuesta número 1" in html
    assert "Lo que se respondió y se comprometió en la rendición de cuentas 2024" in html


def test_publicar_en_la_administracion_fecha_la_respuesta(client):
    proceso = crear_proceso()
    preguntar_y_responder(proceso, 1, publicar=False)
    pregunta = PreguntaRendicion.objects.get()
    PreguntaRendicion.objects.filter(pk=pregunta.pk).update(respondida=None)
    client.force_login(crear_usuario(grupo=roles.COMITE))
    url = reverse("admin:participa_preguntarendicion_change", args=[pregunta.pk])
    datos = {
        "tema": pregunta.tema_id,
        "dependencia": pregunta.dependencia_id,
        "pregunta": "¿Cuándo arreglan la vía?",
        "respuesta": "En enero.",
        "metas": "A8",
        "respondida": "",
        "publicada": "on",
    }
    assert client.post(url, datos).status_code == 302
    pregunta.refresh_from_db()
    assert pregunta.publicada and pregunta.respondida == timezone.localdate()
    assert "En enero." in client.get(proceso.get_absolute_url()).content.decode()
    assert client.post(reverse("admin:participa_preguntarendicion_delete", args=[pregunta.pk])).status_code == 403


def test_la_cache_de_paginas_no_pasa_del_cierre_de_las_preguntas():
    from datetime import datetime, time

    proceso = crear_proceso()
    esperado = timezone.make_aware(datetime.combine(proceso.preguntas_cierran + timedelta(days=1), time.min))
    assert servicio.proximo_cambio(timezone.now()) == esperado


def test_el_registro_de_cambios_no_guarda_el_texto_de_la_pregunta(client):
    from portal.models import Cambio

    proceso = crear_proceso()
    preguntar_y_responder(proceso, 1, publicar=False)
    pregunta = PreguntaRendicion.objects.get()
    client.force_login(crear_usuario(grupo=roles.COMITE))
    datos = {
        "tema": pregunta.tema_id,
        "dependencia": pregunta.dependencia_id,
        "pregunta": "¿Cuándo arreglan la vía? (sin el teléfono 3124567890)",
        "respuesta": "",
        "metas": "",
        "respondida": "",
    }
    url = reverse("admin:participa_preguntarendicion_change", args=[pregunta.pk])
    assert client.post(url, datos).status_code == 302
    registro = repr(list(Cambio.objects.values()))
    assert "Pregunta pública número 0" not in registro and "3124567890" not in registro
