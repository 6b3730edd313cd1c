"""Visit counting without cookies or personal data: what is counted and what is not, unique visitors with a
daily key, batching through the cache, campaign short links and their QR codes, and the committee's figures."""

import importlib
import logging
import pickle
import threading
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from participa.models import Campana
from portal import metrics, roles, visitas
from portal.models import Politica, SalDiaria, VisitaDiaria, VisitanteDiario, VolcadoDeVisitas

from .factories import crear_usuario

pytestmark = pytest.mark.django_db

CONTADOR = "portal.visitas.ContadorDeVisitas"
IP = "203.0.113.77"
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0 NavegadorDePrueba/9.3"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
ANDROID_MOVIL = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155M) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)
IPAD = (
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/16.6 Mobile/15E148 Safari/604.1"
)
ANDROID_TABLETA = (
    "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def _contador(settings):
    """The middleware installed right after WhiteNoise; a clean cache and no automatic flush."""
    assert (
        settings.MIDDLEWARE.index(CONTADOR)
        == settings.MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1
    )
    cache.clear()
    visitas._sal_en_memoria.clear()
    visitas._proximo_volcado = float("inf")
    yield
    cache.clear()
    visitas._sal_en_memoria.clear()
    visitas._proximo_volcado = 0.0


def ver(client, ruta="/", ua=FIREFOX, ip=IP, **extra):
    return client.get(ruta, HTTP_USER_AGENT=ua, REMOTE_ADDR=ip, **extra)


def volcar_todo():
    """Flush as the cron would five minutes from now, when the current block is closed."""
    return visitas.volcar(ahora=timezone.now() + timedelta(minutes=5))


def vistas(**filtro):
    return sum(VisitaDiaria.objects.filter(**filtro).values_list("vistas", flat=True))


def campana(**campos):
    datos = {"codigo": "fiesta", "nombre": "Fiestas patronales", "destino": "/tramites/", "medio": "evento"}
    datos.update(campos)
    return Campana.objects.create(**datos)


# --- What is counted ---------------------------------------------------------------------------------------------


def test_cuenta_una_vista_de_pagina_publica_con_su_dia_ruta_y_dispositivo(client):
    assert ver(client).status_code == 200
    resumen = volcar_todo()
    fila = VisitaDiaria.objects.get()
    assert (fila.dia, fila.ruta, fila.referente, fila.campana, fila.dispositivo, fila.vistas) == (
        timezone.localdate(),
        "/",
        "",
        "",
        "escritorio",
        1,
    )
    assert VisitanteDiario.objects.filter(dia=timezone.localdate()).count() == 1
    assert resumen == {"bloques": 1, "vistas": 1, "visitantes": 1}


def test_la_ruta_no_guarda_la_cadena_de_consulta(client):
    ver(client, "/buscar/?q=certificado+de+mi+vecino")
    volcar_todo()
    assert list(VisitaDiaria.objects.values_list("ruta", flat=True)) == ["/buscar/"]


@pytest.mark.parametrize(
    "agente",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "Wget/1.21.4",
        "python-requests/2.32.3",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "WhatsApp/2.23.20.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
        "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
        "Mozilla/5.0 (compatible; YandexSpider/3.0)",
    ],
)
def test_no_cuenta_bots(client, agente):
    assert visitas.es_bot(agente)
    ver(client, ua=agente)
    volcar_todo()
    assert VisitaDiaria.objects.count() == 0 and VisitanteDiario.objects.count() == 0


@pytest.mark.parametrize("agente", [FIREFOX, IPHONE, ANDROID_MOVIL, IPAD, ANDROID_TABLETA])
def test_los_navegadores_no_son_bots(agente):
    assert not visitas.es_bot(agente)


def test_no_cuenta_head_ni_post_ni_errores(client):
    client.head("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP)
    client.post("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP)
    assert ver(client, "/noticias/no-existe/").status_code == 404
    volcar_todo()
    assert VisitaDiaria.objects.count() == 0


@pytest.mark.parametrize("ruta", ["/salud/", "/robots.txt", "/noticias/feed/", "/sitemap.xml"])
def test_no_cuenta_salud_rastreadores_ni_feeds(client, ruta):
    assert ver(client, ruta).status_code == 200
    volcar_todo()
    assert VisitaDiaria.objects.count() == 0


def test_no_cuenta_la_administracion_ni_el_tablero(client, settings):
    usuario = crear_usuario(grupo=roles.COMITE)
    client.force_login(usuario)
    assert ver(client, "/" + settings.ADMIN_URL).status_code == 200
    assert ver(client, "/gelt/").status_code == 200
    client.logout()
    ver(client, "/" + settings.ADMIN_URL + "login/")
    volcar_todo()
    assert VisitaDiaria.objects.count() == 0


def test_no_cuenta_al_personal_que_ha_iniciado_sesion(client):
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO))
    assert ver(client).status_code == 200
    volcar_todo()
    assert VisitaDiaria.objects.count() == 0


@pytest.mark.parametrize("ruta", ["/static/css/portal.css", "/media/imagen.png", "/datos/tramites.json", "/c/x/"])
def test_rutas_que_no_son_paginas_publicas_quedan_fuera_aunque_respondan_html(ruta, settings):
    from django.http import HttpResponse

    solicitud = RequestFactory().get(ruta, HTTP_USER_AGENT=FIREFOX)
    assert not visitas.es_pagina_publica(solicitud, HttpResponse("<p>x</p>"))
    assert visitas.es_pagina_publica(RequestFactory().get("/noticias/"), HttpResponse("<p>x</p>"))
    settings.ADMIN_URL = "oficina/"
    assert not visitas.es_pagina_publica(RequestFactory().get("/oficina/"), HttpResponse("<p>x</p>"))


def test_un_fallo_del_contador_no_afecta_la_pagina(client, monkeypatch, caplog):
    def falla(*args, **kwargs):
        raise ConnectionError("caché caída")

    monkeypatch.setattr(visitas, "registrar", falla)
    with caplog.at_level(logging.ERROR, logger="portal.visitas"):
        assert ver(client).status_code == 200
    assert "No se pudo contar la visita" in caplog.text


# --- Referring site and device --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("referente", "esperado"),
    [
        ("https://www.facebook.com/groups/123/posts/456?fbclid=abc", "facebook.com"),
        ("https://l.facebook.com/l.php?u=x", "l.facebook.com"),
        ("http://testserver/noticias/", ""),
        ("android-app://com.google.android.gm/", "com.google.android.gm"),
        ("http://192.168.0.5:8080/intranet", ""),
        ("javascript:alert(1)", ""),
        ("no es una dirección", ""),
        ("", ""),
    ],
)
def test_del_referente_solo_se_guarda_el_dominio(client, referente, esperado):
    ver(client, HTTP_REFERER=referente)
    volcar_todo()
    assert VisitaDiaria.objects.get().referente == esperado


@pytest.mark.parametrize(
    ("agente", "clase"),
    [
        (IPHONE, "movil"),
        (ANDROID_MOVIL, "movil"),
        (IPAD, "tableta"),
        (ANDROID_TABLETA, "tableta"),
        (FIREFOX, "escritorio"),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
            "Safari/605.1.15",
            "escritorio",
        ),
    ],
)
def test_clase_de_dispositivo(client, agente, clase):
    assert visitas.clase_de_dispositivo(agente) == clase
    ver(client, ua=agente)
    volcar_todo()
    assert VisitaDiaria.objects.get().dispositivo == clase


# --- Unique visitors and the daily key -------------------------------------------------------------------------


def test_visitantes_unicos_por_dia(client):
    ver(client, "/")
    ver(client, "/noticias/")
    ver(client, "/")
    ver(client, "/", ip="198.51.100.20")
    ver(client, "/", ua=IPHONE)
    volcar_todo()
    assert vistas() == 5
    assert VisitanteDiario.objects.filter(dia=timezone.localdate()).count() == 3


def test_la_huella_cambia_cada_dia_y_las_claves_viejas_se_borran():
    solicitud = RequestFactory().get("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP)
    hoy = timezone.localdate()
    SalDiaria.objects.create(dia=hoy - timedelta(days=5), sal="ab" * 32)
    SalDiaria.objects.create(dia=hoy - timedelta(days=2), sal="cd" * 32)
    ayer = visitas.huella(solicitud, hoy - timedelta(days=1))
    de_hoy = visitas.huella(solicitud, hoy)
    assert de_hoy == visitas.huella(RequestFactory().get("/otra/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP), hoy)
    assert de_hoy != ayer and len(de_hoy) == 64
    # The key is random per day, so without it the code cannot be recomputed from an address and a browser.
    import hashlib

    assert de_hoy != hashlib.sha256(f"{IP}\n{FIREFOX}".encode()).hexdigest()
    assert set(SalDiaria.objects.values_list("dia", flat=True)) == {hoy, hoy - timedelta(days=1)}
    # The next day: a new key, and the one of two days before is gone.
    manana = hoy + timedelta(days=1)
    assert visitas.huella(solicitud, manana) not in (de_hoy, ayer)
    assert set(SalDiaria.objects.values_list("dia", flat=True)) == {hoy, manana}


def test_todas_las_instancias_comparten_la_clave_del_dia_por_la_base_de_datos():
    solicitud = RequestFactory().get("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP)
    hoy = timezone.localdate()
    primera = visitas.huella(solicitud, hoy)
    visitas._sal_en_memoria.clear()  # another process
    assert visitas.huella(solicitud, hoy) == primera
    assert SalDiaria.objects.filter(dia=hoy).count() == 1


def test_detras_del_proxy_se_usa_la_direccion_reenviada_de_confianza(settings):
    settings.VISITAS_PROXIES_DE_CONFIANZA = 1
    hoy = timezone.localdate()

    def solicitud(reenviada):
        return RequestFactory().get(
            "/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=reenviada
        )

    a = visitas.huella(solicitud("1.2.3.4, 203.0.113.5"), hoy)
    assert a == visitas.huella(solicitud("9.9.9.9, 203.0.113.5"), hoy)  # a forged first hop changes nothing
    assert a != visitas.huella(solicitud("203.0.113.6"), hoy)


# --- Batching through the cache ----------------------------------------------------------------------------------


def test_las_vistas_esperan_en_la_cache_hasta_volcar(client, django_capture_on_commit_callbacks):
    ver(client)
    ver(client)
    assert VisitaDiaria.objects.count() == 0
    assert visitas.volcar() == {"bloques": 0, "vistas": 0, "visitantes": 0}  # the current minute is still open
    assert VisitaDiaria.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        volcar_todo()
    assert vistas(ruta="/") == 2
    bloque = visitas.bloque_de(timezone.now())
    assert cache.get(f"visitas:{bloque}:n") is None  # the block left the cache after the commit
    # Later views add to the same row (F() increments), never replace it; even a late view that lands in a block
    # already flushed (a slow request, a node whose clock is behind) is flushed again, not lost.
    ver(client)
    volcar_todo()
    assert vistas(ruta="/") == 3 and VisitaDiaria.objects.count() == 1


def test_dos_trabajadores_que_cuentan_a_la_vez_no_pierden_nada():
    hoy = timezone.localdate()
    visitas.sal_del_dia(hoy)
    fabrica = RequestFactory()

    def trabajador(n):
        for i in range(25):
            ip = f"198.51.100.{(n * 25 + i) % 40}"
            visitas.registrar(fabrica.get("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=ip), ruta="/")

    hilos = [threading.Thread(target=trabajador, args=(n,)) for n in range(8)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    volcar_todo()
    assert vistas(ruta="/") == 200
    assert VisitanteDiario.objects.filter(dia=hoy).count() == 40


def test_un_bloque_nunca_se_suma_dos_veces():
    # Two "workers" count the same page: two increments of one counter in the shared cache.
    solicitud = RequestFactory().get("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP)
    visitas.registrar(solicitud, ruta="/tramites/")
    visitas.registrar(solicitud, ruta="/tramites/")
    volcar_todo()
    assert vistas(ruta="/tramites/") == 2
    # A flusher that died after its commit left the keys behind: the block is recognized and not added again.
    bloque = visitas.bloque_de(timezone.now())
    cache.delete(f"visitas:{bloque}:tomado")
    assert volcar_todo()["vistas"] == 0
    assert vistas(ruta="/tramites/") == 2
    assert VolcadoDeVisitas.objects.filter(bloque=bloque).exists()


def test_un_volcado_limitado_deja_el_resto_para_despues():
    solicitud = RequestFactory().get("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP)
    for minutos in (10, 9, 8):
        visitas.registrar(solicitud, ruta=f"/{minutos}/", ahora=timezone.now() - timedelta(minutes=minutos))
    assert visitas.volcar(limite=2)["bloques"] == 2
    assert vistas(ruta="/10/") == vistas(ruta="/9/") == 1 and vistas(ruta="/8/") == 0
    assert visitas.volcar()["bloques"] == 1
    assert vistas(ruta="/8/") == 1


def test_bloque_reclamado_por_otro_proceso_no_se_toca():
    visitas.registrar(RequestFactory().get("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP), ruta="/")
    bloque = visitas.bloque_de(timezone.now())
    cache.add(f"visitas:{bloque}:tomado", 1)
    assert volcar_todo()["vistas"] == 0
    cache.delete(f"visitas:{bloque}:tomado")
    assert volcar_todo()["vistas"] == 1


def test_el_comando_y_el_propio_contador_vuelcan(client, django_capture_on_commit_callbacks):
    antes = timezone.now() - timedelta(minutes=5)

    def contar(ruta):
        visitas.registrar(RequestFactory().get("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP), ruta=ruta, ahora=antes)

    contar("/a/")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("volcar_visitas", verbosity=0)
    assert vistas(ruta="/a/") == 1
    contar("/b/")
    visitas._proximo_volcado = 0.0
    with django_capture_on_commit_callbacks(execute=True):
        ver(client)  # the middleware flushes by itself at most once a minute
    assert vistas(ruta="/b/") == 1
    contar("/c1/")
    visitas._proximo_volcado = 0.0
    ver(client)  # within the same minute another worker does not flush again
    assert vistas(ruta="/c1/") == 0


# --- Privacy: no address nor user agent anywhere ------------------------------------------------------------


def test_no_se_guarda_la_ip_ni_el_agente_en_ninguna_parte(client, caplog, settings):
    settings.VISITAS_PROXIES_DE_CONFIANZA = 1
    campana(codigo="feria")
    otra_ip = "192.0.2.199"
    with caplog.at_level(logging.DEBUG):
        ver(client, HTTP_REFERER="https://www.facebook.com/")
        ver(client, "/c/feria/", HTTP_X_FORWARDED_FOR=otra_ip)
        ver(client, "/c/no-existe/")
        ver(client, "/noticias/no-existe/")
        ver(client, "/?utm_campaign=feria", ua=IPHONE + " NavegadorDePrueba/9.3")
        client.post("/buscar/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR=IP)
        volcar_todo()
        call_command("volcar_visitas")
    assert VisitaDiaria.objects.exists() and VisitanteDiario.objects.exists()
    secretos = [IP, otra_ip, FIREFOX, "NavegadorDePrueba", "Firefox", "iPhone", "Windows NT"]
    modelos = [Campana, SalDiaria, VisitaDiaria, VisitanteDiario, VolcadoDeVisitas]
    for modelo in modelos:
        for fila in modelo.objects.values_list():
            texto = " ".join(str(valor) for valor in fila)
            for secreto in secretos:
                assert secreto not in texto, (modelo.__name__, secreto)
    for secreto in secretos:
        assert secreto not in caplog.text
    # The shared cache holds only counts, dimensions and the anonymous codes.
    from django.core.cache.backends.locmem import _caches

    for almacen in _caches.values():
        for valor in almacen.values():
            texto = repr(pickle.loads(valor))  # noqa: S301 - our own test cache
            for secreto in secretos:
                assert secreto not in texto


# --- Admin, roles and the privacy policy ------------------------------------------------------------------------


def test_permisos_de_campanas_y_visitas():
    comite = set(Group.objects.get(name=roles.COMITE).permissions.values_list("codename", flat=True))
    admin = set(Group.objects.get(name=roles.ADMINISTRADOR).permissions.values_list("codename", flat=True))
    assert {"add_campana", "change_campana", "view_campana", "view_visitadiaria"} <= comite
    assert "delete_campana" not in comite
    assert {"add_campana", "change_campana", "delete_campana", "view_campana", "view_visitadiaria"} <= admin
    assert not {"view_saldiaria", "view_visitantediario"} & (comite | admin)


def test_la_politica_de_datos_dice_que_se_cuenta():
    texto = Politica.objects.get(slug="tratamiento-de-datos-personales").contenido
    for frase in ["no usan cookies", "dispositivo", "cambia todos los días", "No se guardan direcciones IP"]:
        assert frase in texto
    assert "Las estadísticas de visitas se calculan sin guardar" not in texto


def test_la_migracion_no_pisa_el_texto_de_un_administrador():
    migracion = importlib.import_module("portal.migrations.0012_visitas_permisos_y_politica")
    politica = Politica.objects.get(slug="tratamiento-de-datos-personales")
    politica.contenido = "Texto propio del municipio."
    politica.save()
    migracion._reemplazar(apps, migracion.PARRAFO_ANTERIOR, migracion.PARRAFO_NUEVO)
    migracion._reemplazar(apps, migracion.PARRAFO_NUEVO, migracion.PARRAFO_ANTERIOR)
    politica.refresh_from_db()
    assert politica.contenido == "Texto propio del municipio."


# --- Figures for the committee -------------------------------------------------------------------------------------


def _datos(dia, ruta="/", vistas=1, visitantes=0, **campos):
    VisitaDiaria.objects.create(
        dia=dia, ruta=ruta, vistas=vistas, dispositivo=campos.pop("dispositivo", "movil"), **campos
    )
    VisitanteDiario.objects.bulk_create(
        [VisitanteDiario(dia=dia, huella=f"{dia:%Y%m%d}{ruta}{i}") for i in range(visitantes)]
    )


def test_visitas_por_dia_mes_y_semestre():
    _datos(date(2026, 3, 2), vistas=10, visitantes=4)
    _datos(date(2026, 3, 2), ruta="/tramites/", vistas=5, dispositivo="escritorio")
    _datos(date(2026, 3, 4), vistas=3, visitantes=2)
    _datos(date(2026, 3, 4), ruta="/c/fiesta/", vistas=50, campana="fiesta")
    _datos(date(2026, 8, 1), vistas=1, visitantes=1)
    datos = metrics.visitas(date(2026, 3, 1), date(2026, 3, 5))
    assert (datos["vistas"], datos["visitantes"]) == (18, 6)
    assert [(d["dia"].day, d["vistas"], d["visitantes"]) for d in datos["por_dia"]] == [
        (1, 0, 0),
        (2, 15, 4),
        (3, 0, 0),
        (4, 3, 2),
    ]
    meses = metrics.visitas_por_mes(2026)
    assert len(meses) == 12 and meses[2] == {"mes": date(2026, 3, 1), "vistas": 18, "visitantes": 6}
    primero = metrics.visitas_por_semestre(2026, 1)
    assert (primero["vistas"], primero["visitantes"], len(primero["por_mes"])) == (18, 6, 6)
    assert metrics.visitas_por_semestre(2026, 2)["vistas"] == 1
    with pytest.raises(ValueError):
        metrics.visitas(date(2020, 1, 1), date(2026, 1, 1))


def test_variacion_semestral():
    assert metrics.variacion_semestral(date(2026, 3, 1)) is None
    _datos(date(2025, 10, 1), visitantes=40)
    assert metrics.variacion_semestral(date(2026, 3, 1)) is None  # nothing yet this semester
    _datos(date(2026, 2, 1), visitantes=60)
    assert metrics.variacion_semestral(date(2026, 3, 1)) == 50.0
    assert metrics.variacion_semestral(date(2025, 12, 31)) is None  # no data in the first semester of 2025
    _datos(date(2026, 7, 1), visitantes=30)
    assert metrics.variacion_semestral(date(2026, 9, 1)) == -50.0
    historial = metrics.historial_semestral(3, hoy=date(2026, 9, 1))
    assert [(h["anio"], h["semestre"], h["visitantes"], h["variacion"]) for h in historial] == [
        (2025, 2, 40, None),
        (2026, 1, 60, 50.0),
        (2026, 2, 30, -50.0),
    ]


def test_paginas_referentes_campanas_y_dispositivos():
    dia = date(2026, 5, 10)
    _datos(dia, ruta="/", vistas=10, referente="facebook.com")
    _datos(dia, ruta="/tramites/", vistas=20, dispositivo="escritorio")
    _datos(dia, ruta="/noticias/", vistas=5, referente="google.com", dispositivo="tableta")
    _datos(dia, ruta="/c/radio/", vistas=8, campana="radio", referente="facebook.com")
    _datos(dia, ruta="/", vistas=2, campana="sin-registro")
    campana(codigo="radio", nombre="Cuña en la emisora", medio="emisora")
    desde, hasta = date(2026, 5, 1), date(2026, 6, 1)
    assert metrics.paginas_mas_vistas(desde, hasta, 2) == [
        {"ruta": "/tramites/", "vistas": 20},
        {"ruta": "/", "vistas": 12},
    ]
    assert metrics.referentes(desde, hasta) == [
        {"referente": "facebook.com", "vistas": 10},
        {"referente": "google.com", "vistas": 5},
    ]
    assert metrics.campanas(desde, hasta) == [
        {"codigo": "radio", "nombre": "Cuña en la emisora", "medio": "Emisora comunitaria", "llegadas": 8},
        {"codigo": "sin-registro", "nombre": "sin-registro", "medio": "", "llegadas": 2},
    ]
    assert [(d["dispositivo"], d["vistas"], d["porcentaje"]) for d in metrics.dispositivos(desde, hasta)] == [
        ("movil", 12, 32.4),
        ("tableta", 5, 13.5),
        ("escritorio", 20, 54.1),
    ]
    assert all(d["porcentaje"] is None for d in metrics.dispositivos(date(2020, 1, 1), date(2020, 2, 1)))


# --- Simple inflation (issue 17) -----------------------------------------------------------------------------------


def test_cien_agentes_desde_una_direccion_no_suman_mas_que_el_tope(client, settings):
    settings.VISITAS_VISITANTES_POR_DIRECCION = 5
    antes = VisitanteDiario.objects.filter(dia=timezone.localdate()).count()
    for n in range(100):
        ver(client, "/", ua=f"{FIREFOX} Inventado/{n}", HTTP_REFERER=f"https://inventado-{n}.example.com/")
    ver(client, "/", ua=FIREFOX, ip="198.51.100.9")  # another address still counts
    volcar_todo()
    assert VisitanteDiario.objects.filter(dia=timezone.localdate()).count() - antes == 5 + 1
    assert vistas() == 101  # page views are still counted
    hoy = timezone.localdate()
    # Each invented referrer came from a single address: none is shown to the committee.
    assert metrics.referentes(hoy, hoy + timedelta(days=1), minimo_direcciones=3) == []
    assert len(metrics.referentes(hoy, hoy + timedelta(days=1), 200)) == 100


def test_un_sitio_de_procedencia_aparece_con_varias_direcciones(client):
    hoy = timezone.localdate()
    for n in range(3):
        for _vez in range(4):  # repeated visits from one address count it once
            ver(client, "/", ip=f"198.51.100.{n + 1}", HTTP_REFERER="https://www.facebook.com/municipio")
    ver(client, "/", ip="198.51.100.50", HTTP_REFERER="https://raro.example.net/")
    volcar_todo()
    assert metrics.referentes(hoy, hoy + timedelta(days=1), minimo_direcciones=3) == [
        {"referente": "facebook.com", "vistas": 12}
    ]
    assert metrics.referentes(hoy, hoy + timedelta(days=1), minimo_direcciones=4) == []


def test_los_bots_conocidos_no_cuentan(client):
    for agente in ("Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0", "python-requests/2.32"):
        ver(client, "/", ua=agente)
    volcar_todo()
    assert vistas() == 0 and not VisitanteDiario.objects.exists()
