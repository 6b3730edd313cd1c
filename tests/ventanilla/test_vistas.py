"""The public side: filing from the form, the receipt, the follow-up, the report; what a person sees and
what never leaks."""

import io

import pytest
from django.core import mail
from django.core.files import File
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from portal.tareas import ejecutar_pendientes
from ventanilla import services
from ventanilla.models import Estado, Radicado

from .factories import PERSONA, radicar

pytestmark = pytest.mark.django_db

DATOS = {
    "tipo": "peticion",
    "asunto": "Arreglo del camino veredal",
    "descripcion": "El camino a la vereda Las Mesas está intransitable desde noviembre.",
    "tipo_persona": "natural",
    "nombre": "Rosa Elena Chávez",
    "tipo_documento": "CC",
    "numero_documento": "1085123456",
    "correo": "rosa@example.com",
    "notificacion_electronica": "on",
}


def _foto(nombre="foto.jpg"):
    salida = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 90, 40)).save(salida, "JPEG")
    salida.seek(0)
    salida.name = nombre
    return salida


def test_radicar_da_constancia_con_codigo_una_sola_vez_y_acuse_por_correo(client):
    respuesta = client.post(reverse("ventanilla:nueva"), {**DATOS, "adjuntos": [_foto()]})
    radicado = Radicado.objects.get()
    assert respuesta.status_code == 302 and respuesta["Location"].endswith(f"/pqrsd/constancia/{radicado.numero}/")
    constancia = client.get(respuesta["Location"])
    html = constancia.content.decode()
    assert radicado.numero in html and "código de consulta" in html.lower()
    assert constancia["Cache-Control"].startswith("private") and "noindex" in constancia["X-Robots-Tag"]
    assert "código de consulta" not in client.get(respuesta["Location"]).content.decode().lower()  # once
    assert radicado.adjuntos.count() == 1
    ejecutar_pendientes()
    assert [m.to for m in mail.outbox] == [["rosa@example.com"]]
    assert radicado.numero in mail.outbox[0].subject and "/pqrsd/r/" in mail.outbox[0].body


def test_errores_resumidos_arriba_y_lo_escrito_se_conserva(client):
    respuesta = client.post(reverse("ventanilla:nueva"), {**DATOS, "asunto": "", "correo": "no-es-correo"})
    html = respuesta.content.decode()
    assert respuesta.status_code == 200 and not Radicado.objects.exists()
    assert 'id="resumen-errores"' in html and "autofocus" in html
    assert "El camino a la vereda Las Mesas" in html and 'value="1085123456"' in html
    assert "Escriba un correo válido" in html


def test_un_archivo_que_no_es_pdf_ni_imagen_se_rechaza_con_su_nombre(client):
    falso = io.BytesIO(b"MZ\x90\x00 ejecutable")
    falso.name = "cedula.pdf"
    respuesta = client.post(reverse("ventanilla:nueva"), {**DATOS, "adjuntos": [falso]})
    assert "«cedula.pdf»" in respuesta.content.decode() and not Radicado.objects.exists()


def test_anonima_solo_para_quejas_y_denuncias(client):
    respuesta = client.post(
        reverse("ventanilla:nueva"), {"tipo": "peticion", "asunto": "x", "descripcion": "y", "anonimo": "on"}
    )
    assert "Solo las quejas y las denuncias pueden ser anónimas" in respuesta.content.decode()
    respuesta = client.post(
        reverse("ventanilla:nueva"),
        {"tipo": "denuncia", "asunto": "Cobro irregular", "descripcion": "Hechos", "anonimo": "on"},
    )
    assert respuesta.status_code == 302
    assert Radicado.objects.get().anonimo


def test_trampa_rechaza_y_conserva(client):
    respuesta = client.post(reverse("ventanilla:nueva"), {**DATOS, "sitio_web": "http://spam"})
    assert respuesta.status_code == 400 and not Radicado.objects.exists()
    assert "El camino a la vereda Las Mesas" in respuesta.content.decode()


def test_limite_por_conexion_se_avisa_antes_y_no_pierde_lo_escrito(client, settings):
    settings.PQRSD_RADICACIONES_POR_CLIENTE = 1
    assert client.post(reverse("ventanilla:nueva"), DATOS).status_code == 302
    assert "Antes de empezar" in client.get(reverse("ventanilla:nueva")).content.decode()
    respuesta = client.post(reverse("ventanilla:nueva"), {**DATOS, "asunto": "Segunda solicitud"})
    assert respuesta.status_code == 429 and 'value="Segunda solicitud"' in respuesta.content.decode()
    assert Radicado.objects.count() == 1


def test_consulta_misma_respuesta_para_numero_inexistente_y_clave_equivocada(client):
    radicado, codigo = radicar()
    url = reverse("ventanilla:consulta")
    inexistente = client.post(url, {"radicado": "2026-999999", "clave": codigo}).content.decode()
    equivocada = client.post(url, {"radicado": radicado.numero, "clave": "otro@example.com"}).content.decode()
    assert "No encontramos una solicitud" in inexistente and "No encontramos una solicitud" in equivocada
    assert client.get(reverse("ventanilla:detalle", args=[radicado.numero])).status_code == 302  # not yet known
    correcta = client.post(url, {"radicado": radicado.numero, "clave": PERSONA["correo"].upper()})
    assert correcta["Location"].endswith(f"/pqrsd/consulta/{radicado.numero}/")


def test_consulta_con_codigo_y_lectura_de_la_respuesta_registra_la_notificacion(client):
    radicado, codigo = radicar(anonimo=True, tipo="denuncia", persona={})
    services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>Investigamos los hechos.</p>")
    client.post(reverse("ventanilla:consulta"), {"radicado": radicado.numero.replace("-", ""), "clave": codigo})
    pagina = client.get(reverse("ventanilla:detalle", args=[radicado.numero]))
    assert "Investigamos los hechos." in pagina.content.decode()
    radicado.refresh_from_db()
    assert radicado.notificada_en is not None


def test_la_consulta_esta_limitada(client, settings):
    settings.PQRSD_CONSULTAS_POR_CLIENTE = 2
    for _ in range(2):
        client.post(reverse("ventanilla:consulta"), {"radicado": "2026-000001", "clave": "x@example.com"})
    respuesta = client.post(reverse("ventanilla:consulta"), {"radicado": "2026-000001", "clave": "x@example.com"})
    assert respuesta.status_code == 429


def test_completar_desde_la_consulta_reinicia_el_termino(client):
    radicado, codigo = radicar()
    services.radicado_pedir_completar(radicado=radicado, usuario=None, que_falta="Adjunte la escritura")
    client.post(reverse("ventanilla:consulta"), {"radicado": radicado.numero, "clave": codigo})
    url = reverse("ventanilla:detalle", args=[radicado.numero])
    assert "Adjunte la escritura" in client.get(url).content.decode()
    client.post(url, {"texto": "Aquí está", "adjuntos": [_foto("escritura.jpg")]})
    radicado.refresh_from_db()
    assert radicado.estado == Estado.RADICADA and radicado.vence is not None
    assert radicado.adjuntos.filter(nombre="escritura.jpg").exists()


def test_los_archivos_solo_para_quien_abrio_el_radicado(client):
    radicado, codigo = radicar(archivos=[("foto.jpg", File(_foto(), name="foto.jpg"))])
    adjunto = radicado.adjuntos.get()
    url = reverse("ventanilla:adjunto", args=[radicado.numero, adjunto.pk])
    assert client.get(url).status_code == 404
    client.post(reverse("ventanilla:consulta"), {"radicado": radicado.numero, "clave": codigo})
    respuesta = client.get(url)
    assert respuesta.status_code == 200 and "attachment" in respuesta["Content-Disposition"]
    assert "sandbox" in respuesta["Content-Security-Policy"]


def test_el_enlace_del_correo_abre_el_radicado_y_uno_alterado_no(client):
    from ventanilla.correos import enlace_de_consulta

    radicado, _ = radicar()
    enlace = enlace_de_consulta(radicado)
    ruta = enlace.split("8000", 1)[-1] if "8000" in enlace else enlace
    assert client.get(ruta[:-3] + "xx/").status_code == 404
    assert client.get(ruta)["Location"].endswith(f"/pqrsd/consulta/{radicado.numero}/")


def test_el_informe_y_sus_exportaciones_no_llevan_datos_personales(client):
    radicado, _ = radicar(tipo="informacion")
    services.radicado_responder(
        radicado=radicado,
        usuario=None,
        respuesta="<p>No</p>",
        acceso_negado=True,
        fundamento_negacion="Ley 1712, art. 18",
    )
    radicar()
    pagina = client.get(reverse("ventanilla:informe")).content.decode()
    csv = client.get(reverse("ventanilla:informe_csv")).content.decode("utf-8-sig")
    xlsx = client.get(reverse("ventanilla:informe_xlsx")).content
    assert "Ley 1712, art. 18" in pagina and "Ley 1712, art. 18" in csv
    assert "Solicitudes recibidas;2" in csv
    for dato in (PERSONA["nombre"], PERSONA["numero_documento"], PERSONA["correo"], "Las Mesas", "camino"):
        assert dato not in pagina and dato not in csv and dato.encode() not in xlsx


def test_informe_de_un_periodo_invalido_es_404(client):
    assert client.get(reverse("ventanilla:informe") + "?periodo=2026-T9").status_code == 404


def test_paginas_con_datos_personales_nunca_se_guardan_en_cache(client):
    radicado, codigo = radicar()
    client.post(reverse("ventanilla:consulta"), {"radicado": radicado.numero, "clave": codigo})
    for url in (reverse("ventanilla:nueva"), reverse("ventanilla:detalle", args=[radicado.numero])):
        control = client.get(url)["Cache-Control"]
        assert "private" in control or "no-store" in control or "no-cache" in control


def test_inicio_y_pie_enlazan_la_pqrsd(client):
    html = client.get(reverse("portal:inicio")).content.decode()
    assert html.count(reverse("ventanilla:inicio")) >= 2  # the home page's card and the footer


def test_paginas_publicas_con_consultas_constantes(client, django_assert_max_num_queries):
    for _ in range(5):
        radicar()
    with django_assert_max_num_queries(12):
        client.get(reverse("ventanilla:inicio"))
    with django_assert_max_num_queries(14):
        client.get(reverse("ventanilla:informe"))


def test_con_la_base_caida_el_formulario_vuelve_lleno_con_un_503(client):
    from unittest import mock

    from django.db import OperationalError

    client.raise_request_exception = False
    with mock.patch("ventanilla.limites.agotado", side_effect=OperationalError("server closed the connection")):
        respuesta = client.post(reverse("ventanilla:nueva"), DATOS)
    html = respuesta.content.decode()
    assert respuesta.status_code == 503 and respuesta["Retry-After"] == "30"
    assert "no</strong> quedó radicada" in html
    assert "El camino a la vereda Las Mesas" in html and 'value="1085123456"' in html
    assert 'name="csrfmiddlewaretoken"' in html and "OperationalError" not in html
    assert not Radicado.objects.exists()


def test_con_el_correo_caido_la_radicacion_funciona_y_el_correo_sale_despues(client, settings):
    from portal.tareas import ejecutar_pendientes

    settings.EMAIL_BACKEND = "tests.ventanilla.test_vistas.CorreoCaido"
    assert client.post(reverse("ventanilla:nueva"), DATOS).status_code == 302
    ejecutar_pendientes()
    assert Radicado.objects.count() == 1 and mail.outbox == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django_tasks_db.models import DBTaskResult

    pendiente = DBTaskResult.objects.get()
    assert pendiente.status == "READY"  # retried later, with back-off


class CorreoCaido:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, mensajes):
        raise ConnectionRefusedError("SMTP caído")


def test_la_tarea_diaria_olvida_los_conteos_viejos():
    from datetime import timedelta

    from django.utils import timezone

    from ventanilla import limites
    from ventanilla.models import Intento
    from ventanilla.tareas import vencimientos_avisar

    limites.contar("radicar", "10.0.0.1", ahora=timezone.now() - timedelta(days=3))
    limites.contar("radicar", "10.0.0.1")
    vencimientos_avisar.call()
    assert Intento.objects.count() == 1


def test_informe_de_cualquier_periodo_por_fechas(client):
    radicar()
    hoy = timezone.localdate()
    url = reverse("ventanilla:informe") + f"?desde={hoy.replace(day=1).isoformat()}&hasta={hoy.isoformat()}"
    pagina = client.get(url).content.decode()
    assert "1</span> recibidas" in pagina and f"desde={hoy.replace(day=1).isoformat()}" in pagina
    assert client.get(reverse("ventanilla:informe") + "?desde=2026-12-31&hasta=2026-01-01").status_code == 404


def test_ningun_registro_de_log_lleva_datos_personales(client, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    client.post(reverse("ventanilla:nueva"), {**DATOS, "adjuntos": [_foto()]})
    radicado = Radicado.objects.get()
    services.radicado_responder(radicado=radicado, usuario=None, respuesta="<p>Respuesta privada</p>")
    ejecutar_pendientes()
    texto = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for dato in (DATOS["nombre"], DATOS["numero_documento"], DATOS["correo"], "Las Mesas", "Respuesta privada"):
        assert dato not in texto


def test_con_la_cache_de_paginas_encendida_nada_personal_queda_guardado(client, settings):
    from django.core.cache import cache

    settings.CACHE_PAGINAS_SEGUNDOS = 300
    client.post(reverse("ventanilla:nueva"), DATOS)
    radicado = Radicado.objects.get()
    anonimo = client.__class__()
    for url in ("/", reverse("ventanilla:inicio"), reverse("ventanilla:informe"), reverse("ventanilla:nueva")):
        anonimo.get(url)
    client.get(reverse("ventanilla:detalle", args=[radicado.numero]))
    guardado = b" ".join(cache._cache.values())  # the local-memory cache's pickled values, as stored
    assert b"<html" in guardado  # the page cache is on: the home page is kept
    assert DATOS["nombre"].encode() not in guardado and DATOS["correo"].encode() not in guardado


def test_radicar_no_crea_sesion_y_la_cookie_firmada_no_se_puede_alterar(client):
    import json

    from django.contrib.sessions.models import Session

    from ventanilla.llavero import COOKIE

    client.post(reverse("ventanilla:nueva"), DATOS)
    radicado = Radicado.objects.get()
    assert Session.objects.count() == 0  # a citizen costs no server-side session
    otro, _ = radicar()
    cookie = client.cookies[COOKIE].value
    valor, firma = cookie.rsplit(":", 1)[0], cookie.rsplit(":", 1)[1]
    del firma
    falso = json.dumps({"r": [otro.pk, radicado.pk]}, separators=(",", ":"))
    client.cookies[COOKIE] = cookie.replace(valor.split(":", 1)[0], falso, 1)
    assert client.get(reverse("ventanilla:detalle", args=[otro.numero])).status_code == 302  # to the lookup form
