"""Trámites and servicios from the standardized ficha: what the standard requires before publishing, the
semiannual review, the citizen catalogue and detail, the committee's metrics."""

import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal import roles, services
from portal.fichas.models import Canal, TipoCosto, TipoTiempo
from portal.models import Estado, SituacionDeVida
from servicios.models import RequisitoServicio, Servicio
from tests.portal.factories import crear_dependencia, crear_usuario
from tramites import metrics
from tramites.models import NormaTramite, PuntoAtencionTramite, RequisitoTramite, Tramite

pytestmark = pytest.mark.django_db

AHORA = timezone.now


def crear_tramite(*, publicado=True, completo=True, **campos):
    n = Tramite.objects.count() + 1
    datos = {
        "nombre": f"Trámite {n}",
        "slug": f"tramite-{n}",
        "proposito": "Sirve para algo.",
        "resultado": "Un certificado.",
        "tiempo_tipo": TipoTiempo.HABILES,
        "tiempo_cantidad": 5,
        "dependencia": campos.pop("dependencia", None) or crear_dependencia(),
    }
    if publicado:
        datos.update(estado=Estado.PUBLICADO, publicar_desde=AHORA() - timezone.timedelta(days=1))
    datos.update(campos)
    tramite = Tramite.objects.create(**datos)
    if completo:
        RequisitoTramite.objects.create(ficha=tramite, descripcion="Cédula de ciudadanía", momento="solicitud")
        PuntoAtencionTramite.objects.create(ficha=tramite, nombre="Ventanilla", direccion="Palacio Municipal")
        NormaTramite.objects.create(ficha=tramite, norma="Ley 1755 de 2015")
    return tramite


@pytest.fixture
def comite():
    return crear_usuario(grupo=roles.COMITE)


# --- publishing and the semiannual review -------------------------------------------------------------------


def test_no_se_publica_una_ficha_incompleta_y_se_dice_que_falta(comite):
    tramite = crear_tramite(publicado=False, completo=False, proposito="", costo_tipo=TipoCosto.VALOR)
    with pytest.raises(ValidationError) as error:
        services.publicable_cambiar_estado(objeto=tramite, usuario=comite, transicion="publicar")
    mensaje = " ".join(error.value.messages)
    for falta in [
        "para qué sirve",
        "al menos un requisito",
        "un punto de atención",
        "la base legal",
        "valor en pesos",
    ]:
        assert falta in mensaje, falta
    tramite.refresh_from_db()
    assert tramite.estado == Estado.BORRADOR


def test_un_servicio_no_exige_base_legal(comite):
    servicio = Servicio.objects.create(
        nombre="Biblioteca",
        slug="biblioteca",
        proposito="Leer.",
        resultado="Libros.",
        canal=Canal.TOTAL,
        url_en_linea="https://biblioteca.example.org",
        tiempo_tipo=TipoTiempo.INMEDIATO,
        dependencia=crear_dependencia(),
    )
    RequisitoServicio.objects.create(ficha=servicio, descripcion="Carné")
    assert servicio.faltantes_para_publicar() == []
    services.publicable_cambiar_estado(objeto=servicio, usuario=comite, transicion="publicar")
    assert Servicio.objects.publicados().get() == servicio


def test_publicar_empieza_el_ciclo_de_revision_de_seis_meses(comite):
    tramite = crear_tramite(publicado=False)
    services.publicable_cambiar_estado(objeto=tramite, usuario=comite, transicion="publicar")
    tramite.refresh_from_db()
    assert tramite.revisado_por == comite
    hoy = timezone.localdate()
    assert (tramite.revision_vence - hoy).days in range(180, 185)


def test_el_comite_marca_como_revisada_desde_el_admin(client, comite):
    vencida = crear_tramite(revision_vence=timezone.localdate() - timezone.timedelta(days=3))
    al_dia = crear_tramite(revision_vence=timezone.localdate() + timezone.timedelta(days=90))
    proxima = crear_tramite(revision_vence=timezone.localdate() + timezone.timedelta(days=10))
    client.force_login(comite)
    lista = reverse("admin:tramites_tramite_changelist")
    html = client.get(lista, {"revision": "vencida"}).content.decode()
    assert vencida.nombre in html and al_dia.nombre not in html and proxima.nombre not in html
    assert proxima.nombre in client.get(lista, {"revision": "proxima"}).content.decode()

    respuesta = client.post(lista, {"action": "marcar_como_revisada", "_selected_action": [vencida.pk]}, follow=True)
    assert "1 ficha marcada como revisada" in respuesta.content.decode()
    vencida.refresh_from_db()
    assert vencida.revisado_por == comite and not vencida.revision_vencida
    assert Tramite.objects.con_revision_vencida().count() == 0


def test_el_funcionario_no_marca_revisiones_ni_publica_fichas(client):
    dependencia = crear_dependencia()
    client.force_login(crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[dependencia]))
    crear_tramite(dependencia=dependencia, publicado=False)
    html = client.get(reverse("admin:tramites_tramite_changelist")).content.decode()
    assert 'value="enviar_a_revision"' in html
    assert 'value="marcar_como_revisada"' not in html and 'value="publicar"' not in html


@pytest.mark.parametrize(
    ("campos", "campo_con_error"),
    [
        ({"canal": Canal.TOTAL, "url_en_linea": ""}, "url_en_linea"),
        ({"costo_tipo": TipoCosto.VALOR, "costo_valor": Decimal("-5")}, "costo_valor"),
        ({"url_govco": "javascript:alert(1)"}, "url_govco"),
        ({"tiempo_tipo": TipoTiempo.HABILES, "tiempo_cantidad": None}, "tiempo_cantidad"),
    ],
)
def test_datos_invalidos_de_la_ficha_se_explican(campos, campo_con_error):
    tramite = crear_tramite(publicado=False)
    for campo, valor in campos.items():
        setattr(tramite, campo, valor)
    with pytest.raises(ValidationError) as error:
        tramite.full_clean()
    assert campo_con_error in error.value.message_dict


def test_las_coordenadas_deben_estar_en_rango():
    punto = PuntoAtencionTramite(ficha=crear_tramite(), nombre="X", direccion="Y", latitud=Decimal("95"))
    with pytest.raises(ValidationError) as error:
        punto.full_clean()
    assert "latitud" in error.value.message_dict


# --- the citizen catalogue and detail ----------------------------------------------------------------------


def test_el_catalogo_filtra_por_cada_criterio(client):
    hacienda = crear_dependencia(nombre="Secretaría de Hacienda", slug="hacienda")
    negocio = SituacionDeVida.objects.get(slug="tengo-o-quiero-abrir-un-negocio")
    predial = crear_tramite(
        nombre="Impuesto predial unificado",
        tambien_conocido_como="predial",
        dependencia=hacienda,
        costo_tipo=TipoCosto.FORMULA,
        costo_formula="Según avalúo",
    )
    ica = crear_tramite(
        nombre="Registro de industria y comercio",
        para_persona_juridica=True,
        canal=Canal.TOTAL,
        url_en_linea="https://pagos.example.org",
    )
    ica.situaciones.add(negocio)
    residencia = crear_tramite(nombre="Certificado de residencia")
    borrador = crear_tramite(nombre="Trámite en borrador", publicado=False)
    url = reverse("tramites:catalogo")

    def nombres(**filtros):
        html = client.get(url, filtros).content.decode()
        return {t.nombre for t in (predial, ica, residencia, borrador) if f">{t.nombre}</a>" in html}

    assert nombres() == {predial.nombre, ica.nombre, residencia.nombre}
    assert nombres(q="PREDIAL") == {predial.nombre}
    assert nombres(dependencia="hacienda") == {predial.nombre}
    assert nombres(situacion=negocio.slug) == {ica.nombre}
    assert nombres(audiencia="juridica") == {ica.nombre}
    assert nombres(en_linea="si") == {ica.nombre}
    assert nombres(en_linea="no") == {predial.nombre, residencia.nombre}
    assert nombres(costo="pago") == {predial.nombre}
    assert nombres(costo="gratuito") == {ica.nombre, residencia.nombre}
    assert nombres(dependencia="no-existe") == {predial.nombre, ica.nombre, residencia.nombre}  # ignored


def test_los_filtros_conservan_lo_elegido_y_anuncian_lo_que_se_ignoro(client):
    crear_tramite(nombre="Licencia de construcción", dependencia=crear_dependencia(nombre="Planeación", slug="plan"))
    filtros = {"q": "licencia", "dependencia": "no-existe", "costo": "gratuito"}
    html = client.get(reverse("tramites:catalogo"), filtros).content.decode()
    assert 'name="q" id="id_q" value="licencia"' in html
    assert '<option value="gratuito" selected>Gratuito</option>' in html
    assert '<option value="plan">Planeación</option>' in html
    # The ignored filter is announced, and the message is tied to its field for screen readers.
    assert 'aria-invalid="true" aria-describedby="id_dependencia-error"' in html
    assert '<span class="error-campo" id="id_dependencia-error">' in html
    assert "Se ignoró un filtro que ya no es válido: dependencia." in html


def test_el_catalogo_hace_un_numero_fijo_de_consultas_con_500_fichas(client, django_assert_max_num_queries):
    dependencia = crear_dependencia()
    ahora = AHORA()
    Tramite.objects.bulk_create(
        Tramite(
            nombre=f"Trámite {i}",
            slug=f"t-{i}",
            dependencia=dependencia,
            estado=Estado.PUBLICADO,
            publicar_desde=ahora,
            proposito="Sirve.",
            costo_tipo=TipoCosto.VALOR,
            costo_valor=12500,
        )
        for i in range(500)
    )
    for params in [{}, {"pagina": "7"}, {"q": "Trámite 1", "costo": "pago", "en_linea": "no"}]:
        with django_assert_max_num_queries(9):
            respuesta = client.get(reverse("tramites:catalogo"), params)
        assert respuesta.status_code == 200
    assert "$ 12.500" in respuesta.content.decode()


def test_la_ficha_muestra_lo_que_necesita_el_ciudadano(client, django_assert_max_num_queries):
    tramite = crear_tramite(
        nombre="Licencia de construcción",
        costo_tipo=TipoCosto.VALOR,
        costo_valor=Decimal("1250000"),
        canal=Canal.PARCIAL,
        url_en_linea="https://licencias.example.org",
    )
    RequisitoTramite.objects.create(ficha=tramite, descripcion="Planos firmados", momento="acceso", tipo="documento")
    RequisitoTramite.objects.create(
        ficha=tramite, descripcion="Poder autenticado", momento="solicitud", es_excepcion=True
    )
    with django_assert_max_num_queries(12):
        html = client.get(tramite.get_absolute_url()).content.decode()
    assert "¿Se puede hacer en línea?" in html and 'href="https://licencias.example.org"' in html
    assert "$ 1.250.000" in html
    assert html.index("Antes de empezar") < html.index("Planos firmados") < html.index("Al hacer la solicitud")
    assert "Poder autenticado <em>(solo en algunos casos)</em>" in html
    assert "5 días hábiles" in html
    assert "Ley 1755 de 2015" in html
    datos = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert datos["@type"] == "GovernmentService"
    assert datos["name"] == "Licencia de construcción"
    assert datos["availableChannel"][0]["serviceUrl"] == "https://licencias.example.org"


def test_los_datos_estructurados_de_la_ficha_tienen_codigo_costo_y_canales(client):
    tramite = crear_tramite(
        nombre="Licencia de construcción",
        codigo_suit="12345",
        costo_tipo=TipoCosto.VALOR,
        costo_valor=Decimal("1250000"),
        canal=Canal.PARCIAL,
        url_en_linea="https://licencias.example.org",
    )
    tramite.puntos_atencion.create(
        nombre="Secretaría de Planeación", direccion="Calle 5 # 4-10", horario="Lunes a viernes", telefono="7200000"
    )
    html = client.get(tramite.get_absolute_url()).content.decode()
    datos = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert datos["identifier"] == {"@type": "PropertyValue", "propertyID": "SUIT", "value": "12345"}
    assert datos["offers"] == {"@type": "Offer", "priceCurrency": "COP", "price": 1250000}
    presencial = next(c for c in datos["availableChannel"] if c["name"] == "Secretaría de Planeación")
    assert presencial["serviceLocation"]["address"] == "Calle 5 # 4-10"
    assert presencial["servicePhone"]["telephone"] == "7200000"


def test_borradores_no_existen_para_el_publico(client):
    assert client.get(crear_tramite(publicado=False).get_absolute_url()).status_code == 404


def test_la_dependencia_y_el_inicio_muestran_sus_tramites(client):
    dependencia = crear_dependencia(nombre="Secretaría de Gobierno")
    crear_tramite(nombre="Certificado de residencia", dependencia=dependencia, destacado=True)
    crear_tramite(nombre="No destacado", dependencia=dependencia)
    pagina = client.get(dependencia.get_absolute_url()).content.decode()
    assert "Certificado de residencia" in pagina and "No destacado" in pagina
    inicio = client.get("/").content.decode()
    assert "Trámites más usados" in inicio and "Certificado de residencia" in inicio
    assert "No destacado" not in inicio


def test_la_subseccion_5_de_transparencia_lleva_al_catalogo(client):
    from portal.models import SubseccionTransparencia

    html = client.get(SubseccionTransparencia.objects.get(numero="5").get_absolute_url()).content.decode()
    assert f'href="{reverse("tramites:catalogo")}"' in html


# --- metrics for the committee -------------------------------------------------------------------------------


def test_metricas_de_tramites():
    crear_tramite(revision_vence=timezone.localdate() + timezone.timedelta(days=30))
    crear_tramite(revision_vence=timezone.localdate() - timezone.timedelta(days=1))
    crear_tramite(canal=Canal.TOTAL, url_en_linea="https://x.example.org", revision_vence=timezone.localdate())
    crear_tramite(publicado=False)
    crear_tramite(publicado=False, estado=Estado.ARCHIVADO)
    datos = metrics.metricas()
    assert (datos.identificadas, datos.publicadas, datos.revisadas_a_tiempo, datos.automatizadas) == (4, 3, 2, 1)
    assert datos.porcentaje_publicadas == 75.0
    assert metrics.published_ratio() == 75.0
    assert metrics.automated_ratio() == 25.0
    assert datos.porcentaje_revisadas_a_tiempo == pytest.approx(66.7)
    por_dependencia = metrics.metricas_por_dependencia()
    assert len(por_dependencia) == 5  # each test ficha has its own dependencia
    assert sum(m.identificadas for m in por_dependencia.values()) == 4
    assert sum(m.publicadas for m in por_dependencia.values()) == 3


def test_con_cache_compartida_las_listas_de_filtro_se_leen_una_vez_por_version(
    client, settings, django_assert_max_num_queries
):
    settings.CACHE_COMPARTIDA = True
    crear_tramite(nombre="Licencia de construcción", dependencia=crear_dependencia(nombre="Planeación"))
    url = reverse("tramites:catalogo")
    client.get(url)
    with django_assert_max_num_queries(2):  # the count and the page: the choices and the identity are kept
        assert "<option value" in client.get(url).content.decode()
    crear_tramite(nombre="Registro de vendedores", dependencia=crear_dependencia(nombre="Inspección de Policía"))
    html = client.get(url).content.decode()  # a new ficha moves the version: its dependencia is offered at once
    assert ">Inspección de Policía</option>" in html and ">Planeación</option>" in html
