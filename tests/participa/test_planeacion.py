"""Presupuesto participativo: one online vote per person and process, kept as an HMAC (never the number);
in-person ballots from actas counted; results per territory; phases; officials only their dependencia's
proposals and actas; constant queries and the page cache on the public pages."""

import hashlib
import hmac
import logging
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participa import planeacion as servicio
from participa.models import Acta, ProcesoPlaneacion, Propuesta, Territorio, Voto, VotoActa
from portal import roles
from tests.portal.factories import crear_dependencia, crear_usuario

pytestmark = pytest.mark.django_db

DOCUMENTO = "1085123456"


def crear_proceso(fase="votacion", anio=2026, dependencia=None, **campos):
    hoy = timezone.localdate()
    desplazamiento = {"propuestas": 0, "votacion": -40, "conteo": -80}[fase]
    inicio = hoy + timedelta(days=desplazamiento - 5)
    datos = {
        "anio": anio,
        "titulo": f"Presupuesto participativo {anio}",
        "dependencia": dependencia or crear_dependencia(),
        "propuestas_abren": inicio,
        "propuestas_cierran": inicio + timedelta(days=20),
        "votacion_abre": inicio + timedelta(days=30),
        "votacion_cierra": inicio + timedelta(days=60),
        "publicado": True,
    }
    datos.update(campos)
    return ProcesoPlaneacion.objects.create(**datos)


@pytest.fixture
def territorios():
    return [
        Territorio.objects.create(nombre="Aponte", tipo="corregimiento"),
        Territorio.objects.create(nombre="La Cueva", tipo="corregimiento"),
    ]


def propuesta(proceso, territorio, titulo, estado="viable", costo=50_000_000):
    return Propuesta.objects.create(
        proceso=proceso, territorio=territorio, titulo=titulo, descripcion="…", costo=costo, estado=estado
    )


def datos_voto(propuesta, **cambios):
    datos = {
        "propuesta": str(propuesta.pk),
        "tipo_documento": "CC",
        "numero_documento": DOCUMENTO,
        "declaracion": "on",
        "sitio_web": "",
    }
    datos.update(cambios)
    return datos


def url_votar(proceso):
    return reverse("participa:planeacion_votar", args=[proceso.anio])


# --- One vote per person and process; only the HMAC is kept -------------------------------------------------------


def test_un_voto_por_persona_y_proceso_y_solo_se_guarda_la_huella(client, territorios, caplog):
    caplog.set_level(logging.DEBUG)
    proceso = crear_proceso()
    placa = propuesta(proceso, territorios[0], "Placa huella")
    respuesta = client.post(url_votar(proceso), datos_voto(placa))
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("participa:planeacion_gracias", args=[proceso.anio])
    voto = Voto.objects.get()
    esperada = hmac.new(proceso.secreto.encode(), f"CC:{DOCUMENTO}".encode(), hashlib.sha256).hexdigest()
    assert voto.huella == esperada and voto.propuesta == placa
    # The number is nowhere in the database nor in the logs.
    with connection.cursor() as cursor:
        for tabla in connection.introspection.table_names(cursor):
            if tabla.startswith("participa_") or tabla.startswith("portal_cambio"):
                cursor.execute(f'SELECT * FROM "{tabla}"')  # noqa: S608 - table names from the introspection
                assert DOCUMENTO not in repr(cursor.fetchall()), tabla
    assert DOCUMENTO not in caplog.text
    # The same document written differently cannot vote again, not even for another proposal.
    otra = propuesta(proceso, territorios[0], "Acueducto")
    repetido = client.post(url_votar(proceso), datos_voto(otra, numero_documento="1.085.123 456"))
    assert repetido.status_code == 409 and "ya se votó" in repetido.content.decode()
    assert Voto.objects.count() == 1
    # Another process: the same person votes again, with an unrelated hash.
    siguiente = crear_proceso(anio=2027)
    voto2 = servicio.votar(
        proceso=siguiente,
        propuesta=propuesta(siguiente, territorios[1], "Puente"),
        tipo_documento="CC",
        numero_documento=DOCUMENTO,
    )
    assert voto2.huella != voto.huella


def test_el_voto_pide_la_declaracion_y_un_documento(client, territorios):
    proceso = crear_proceso()
    placa = propuesta(proceso, territorios[0], "Placa huella")
    respuesta = client.post(url_votar(proceso), datos_voto(placa, declaracion="", numero_documento="12"))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200 and "marque la declaración" in html and "de 4 a 15 cifras" in html
    assert not Voto.objects.exists()
    assert client.post(url_votar(proceso), datos_voto(placa, sitio_web="x")).status_code == 400


def test_solo_propuestas_viables_y_en_fase_de_votacion(client, territorios):
    proceso = crear_proceso()
    no_viable = propuesta(proceso, territorios[0], "Cancha", estado="no_viable")
    respuesta = client.post(url_votar(proceso), datos_voto(no_viable))
    assert respuesta.status_code == 200 and not Voto.objects.exists()
    for fase in ("propuestas", "conteo"):
        otro = crear_proceso(fase=fase, anio=2030 if fase == "propuestas" else 2031)
        viable = propuesta(otro, territorios[0], "Placa")
        assert client.post(url_votar(otro), datos_voto(viable)).status_code == 410
    assert not Voto.objects.exists()


def test_la_pagina_de_votar_es_privada(client, territorios):
    proceso = crear_proceso()
    propuesta(proceso, territorios[0], "Placa huella")
    respuesta = client.get(url_votar(proceso))
    assert respuesta.status_code == 200 and "no-store" in respuesta["Cache-Control"]
    html = respuesta.content.decode()
    assert "no guardamos el número" in html and "no verifica dónde vive" in html and "Aponte" in html


# --- Proposals -----------------------------------------------------------------------------------------------------


def test_proponer_en_fase_de_propuestas(client, territorios):
    proceso = crear_proceso(fase="propuestas")
    url = reverse("participa:planeacion_proponer", args=[proceso.anio])
    datos = {
        "territorio": str(territorios[1].pk),
        "titulo": "Puente peatonal",
        "descripcion": "Sobre la quebrada.",
        "costo": "$ 95.000.000",
        "declaracion": "on",
    }
    assert client.post(url, datos).status_code == 302
    nueva = Propuesta.objects.get()
    assert nueva.costo == 95_000_000 and nueva.estado == "recibida" and nueva.territorio == territorios[1]
    assert client.post(url, {**datos, "costo": "mucho"}).status_code == 200
    assert client.get(url_votar(proceso)).status_code == 410


# --- In-person ballots and results ---------------------------------------------------------------------------------


def test_resultados_por_territorio_suman_actas_y_votos_en_linea(client, territorios):
    proceso = crear_proceso()
    placa = propuesta(proceso, territorios[0], "Placa huella")
    acueducto = propuesta(proceso, territorios[0], "Acueducto")
    puente = propuesta(proceso, territorios[1], "Puente")
    propuesta(proceso, territorios[1], "Cancha", estado="no_viable")
    for n, p in enumerate([placa, placa, acueducto, puente]):
        servicio.votar(proceso=proceso, propuesta=p, tipo_documento="CC", numero_documento=f"{n}0000000")
    acta = Acta.objects.create(
        proceso=proceso, reunion="Asamblea de Aponte", territorio=territorios[0], fecha=timezone.localdate()
    )
    VotoActa.objects.create(acta=acta, propuesta=acueducto, votos=5)
    resultados = servicio.resultados(proceso)
    assert [r.territorio.nombre for r in resultados] == ["Aponte", "La Cueva"]
    aponte = resultados[0]
    assert [(p.titulo, p.en_linea, p.presenciales, p.total) for p in aponte.propuestas] == [
        ("Acueducto", 1, 5, 6),
        ("Placa huella", 2, 0, 2),
    ]
    assert [p.titulo for p in resultados[1].propuestas] == ["Puente"]  # the non-viable one is not in the vote
    # Shown once the committee publishes them.
    html = client.get(proceso.get_absolute_url()).content.decode()
    assert "Resultados por vereda" not in html
    proceso.resultados_publicados = True
    proceso.save()
    html = client.get(proceso.get_absolute_url()).content.decode()
    assert "Priorizada:</strong> Acueducto" in html and "$ 50.000.000" in html
    cifras = servicio.cifras(proceso)
    assert cifras["territorios"][0] == {"territorio": "Aponte", "propuestas": 2, "en_linea": 3, "presenciales": 5}


def test_consultas_constantes_y_cache_en_las_paginas_publicas(
    client, settings, territorios, django_assert_max_num_queries, django_assert_num_queries
):
    proceso = crear_proceso(resultados_publicados=True)
    propuesta(proceso, territorios[0], "Uno")
    urls = [proceso.get_absolute_url(), reverse("participa:planeacion")]
    with CaptureQueriesContext(connection) as pocas:
        for url in urls:
            client.get(url)
    for n in range(10):
        otra = Territorio.objects.create(nombre=f"Vereda {n}", tipo="vereda")
        p = propuesta(proceso, otra, f"Propuesta {n}")
        VotoActa.objects.create(
            acta=Acta.objects.create(proceso=proceso, reunion="A", territorio=otra, fecha=timezone.localdate()),
            propuesta=p,
            votos=3,
        )
    with django_assert_max_num_queries(len(pocas.captured_queries)):
        for url in urls:
            assert client.get(url).status_code == 200
    settings.CACHE_PAGINAS_SEGUNDOS = 300
    for url in urls:
        primera = client.get(url)
        with django_assert_num_queries(0):
            assert client.get(url).content == primera.content


# --- Permissions ---------------------------------------------------------------------------------------------------


def test_un_funcionario_solo_ve_propuestas_y_actas_de_su_dependencia(client, territorios):
    propia, ajena = crear_dependencia(), crear_dependencia()
    mio = crear_proceso(dependencia=propia)
    otro = crear_proceso(dependencia=ajena, anio=2027)
    p_mia = propuesta(mio, territorios[0], "Propuesta mía")
    p_otra = propuesta(otro, territorios[0], "Propuesta ajena")
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[propia])
    client.force_login(funcionario)
    lista = client.get(reverse("admin:participa_propuesta_changelist")).content.decode()
    assert "Propuesta mía" in lista and "Propuesta ajena" not in lista
    assert client.get(reverse("admin:participa_propuesta_change", args=[p_otra.pk])).status_code == 302
    assert client.get(reverse("admin:participa_procesoplaneacion_add")).status_code == 403
    # The official enters an acta of their process; it is signed with their user.
    respuesta = client.post(
        reverse("admin:participa_acta_add"),
        {
            "proceso": mio.pk,
            "reunion": "Asamblea de Aponte",
            "territorio": territorios[0].pk,
            "fecha": timezone.localdate().strftime("%d/%m/%Y"),
            "asistentes": 30,
            "votos-TOTAL_FORMS": 1,
            "votos-INITIAL_FORMS": 0,
            "votos-0-propuesta": p_mia.pk,
            "votos-0-votos": 12,
        },
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    acta = Acta.objects.get()
    assert acta.registrada_por == funcionario and acta.votos.get().votos == 12
    # Not one of another dependencia's processes.
    ajena_post = client.post(
        reverse("admin:participa_acta_add"),
        {"proceso": otro.pk, "reunion": "X", "territorio": territorios[0].pk, "fecha": "01/01/2026"}
        | {"asistentes": 1, "votos-TOTAL_FORMS": 0, "votos-INITIAL_FORMS": 0},
    )
    assert ajena_post.status_code == 200 and Acta.objects.count() == 1
    # Nobody reads the votes' hashes in the admin.
    assert client.get("/admin/participa/voto/").status_code == 404


def test_limite_de_votos_por_conexion_sin_guardar_la_direccion(client, settings, territorios):
    settings.PLANEACION_VOTOS_POR_CLIENTE = 1
    proceso = crear_proceso()
    placa = propuesta(proceso, territorios[0], "Placa huella")
    assert client.post(url_votar(proceso), datos_voto(placa), REMOTE_ADDR="203.0.113.5").status_code == 302
    segundo = client.post(
        url_votar(proceso), datos_voto(placa, numero_documento="99999999"), REMOTE_ADDR="203.0.113.5"
    )
    assert segundo.status_code == 429 and 'value="99999999"' in segundo.content.decode()
    otra_conexion = client.post(
        url_votar(proceso), datos_voto(placa, numero_documento="99999999"), REMOTE_ADDR="198.51.100.7"
    )
    assert otra_conexion.status_code == 302 and Voto.objects.count() == 2
    from django.core.cache import cache

    claves = list(getattr(cache, "_cache", {}).keys())
    assert not any("203.0.113.5" in str(c) for c in claves)
    from ventanilla.models import Intento

    assert not Intento.objects.filter(huella__contains="203.0.113.5").exists()
    # The used-up connection is told before it starts filling the form again.
    antes = client.get(url_votar(proceso), REMOTE_ADDR="203.0.113.5").content.decode()
    assert "Antes de empezar" in antes and "ya se votó muchas veces hoy" in antes
    assert "Antes de empezar" not in client.get(url_votar(proceso), REMOTE_ADDR="192.0.2.9").content.decode()


def test_con_la_base_caida_vuelven_los_formularios_llenos(client, territorios):
    from unittest import mock

    from django.db import OperationalError

    client.raise_request_exception = False
    proceso = crear_proceso()
    placa = propuesta(proceso, territorios[0], "Placa huella")
    with mock.patch.object(servicio, "votar", side_effect=OperationalError("caída")):
        respuesta = client.post(url_votar(proceso), datos_voto(placa))
    html = respuesta.content.decode()
    assert respuesta.status_code == 503
    assert f'name="propuesta" value="{placa.pk}"' in html and f'value="{DOCUMENTO}"' in html
    abierto = crear_proceso(fase="propuestas", anio=2030)
    datos = {"territorio": str(territorios[0].pk), "titulo": "Puente", "descripcion": "Sobre la quebrada."}
    with mock.patch.object(servicio, "proponer", side_effect=OperationalError("caída")):
        respuesta = client.post(
            reverse("participa:planeacion_proponer", args=[abierto.anio]),
            {**datos, "costo": "1.000", "declaracion": "on"},
        )
    assert respuesta.status_code == 503 and "Sobre la quebrada." in respuesta.content.decode()


def test_la_cache_de_paginas_no_pasa_de_un_cambio_de_fase():
    from datetime import datetime, time

    proceso = crear_proceso()
    esperado = timezone.make_aware(datetime.combine(proceso.votacion_cierra + timedelta(days=1), time.min))
    assert servicio.proximo_cambio(timezone.now()) == esperado
