"""What citizens read: news, documents, events, the transparency menu and institutional information; and
what officials can upload (sanitized rich text, verified images and documents)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from portal import roles
from portal.models import (
    Documento,
    EntidadDirectorio,
    Estado,
    Evento,
    Funcionario,
    Noticia,
    SeccionInstitucional,
    SeccionTransparencia,
    SubseccionTransparencia,
)

from .factories import PDF_MINIMO, crear_dependencia, crear_publicable, crear_usuario, imagen_png

pytestmark = pytest.mark.django_db


# --- rich text -------------------------------------------------------------------------------------------


def test_el_texto_enriquecido_se_limpia_en_el_servidor():
    noticia = crear_publicable(Noticia, publicado=False, cuerpo="")
    noticia.cuerpo = (
        '<p onclick="robar()">Hola <strong>vecinos</strong></p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">trampa</a><a href="https://www.gov.co/">GOV.CO</a>'
        '<iframe src="https://malo.example"></iframe><p style="display:none">oculto</p>'
        '<img src=x onerror="alert(1)">'
    )
    noticia.full_clean()
    limpio = noticia.cuerpo
    assert "<strong>vecinos</strong>" in limpio
    assert 'href="https://www.gov.co/"' in limpio
    for peligroso in ["<script", "onclick", "javascript:", "<iframe", "style=", "onerror", "<img"]:
        assert peligroso not in limpio, peligroso


# --- uploads through the admin ----------------------------------------------------------------------------


@pytest.fixture
def funcionario_con_dependencia():
    dependencia = crear_dependencia(nombre="Secretaría de Gobierno")
    return crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[dependencia]), dependencia


def datos_noticia(dependencia, **extra):
    datos = {
        "titulo": "Jornada de vacunación",
        "slug": "jornada-de-vacunacion",
        "resumen": "Vacunación gratuita.",
        "cuerpo": "<p>El sábado.</p>",
        "dependencia": dependencia.pk,
        "imagen_alt": "",
    }
    datos.update(extra)
    return datos


def test_una_imagen_falsa_se_rechaza_y_se_conserva_lo_escrito(client, funcionario_con_dependencia):
    usuario, dependencia = funcionario_con_dependencia
    client.force_login(usuario)
    falsa = SimpleUploadedFile("foto.jpg", b"esto no es una imagen", "image/jpeg")
    respuesta = client.post(
        reverse("admin:portal_noticia_add"), datos_noticia(dependencia, imagen=falsa, imagen_alt="Foto")
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "no es una imagen válida" in html
    assert 'value="Jornada de vacunación"' in html
    assert not Noticia.objects.exists()


def test_una_imagen_sin_texto_alternativo_se_rechaza(client, funcionario_con_dependencia):
    usuario, dependencia = funcionario_con_dependencia
    client.force_login(usuario)
    imagen = SimpleUploadedFile("foto.png", imagen_png(), "image/png")
    respuesta = client.post(reverse("admin:portal_noticia_add"), datos_noticia(dependencia, imagen=imagen))
    assert "Escriba el texto alternativo de la imagen o márquela como decorativa." in respuesta.content.decode()
    assert not Noticia.objects.exists()


def test_una_imagen_valida_se_guarda_con_variantes_y_la_lista_no_carga_el_original(
    client, funcionario_con_dependencia, django_user_model
):
    usuario, dependencia = funcionario_con_dependencia
    client.force_login(usuario)
    imagen = SimpleUploadedFile("foto.png", imagen_png(1400, 933), "image/png")
    respuesta = client.post(
        reverse("admin:portal_noticia_add"),
        datos_noticia(dependencia, imagen=imagen, imagen_alt="Personas en fila para vacunarse"),
    )
    assert respuesta.status_code == 302
    noticia = Noticia.objects.get()
    assert noticia.imagen_datos["variantes"] == [480, 800, 1200]
    Noticia.objects.filter(pk=noticia.pk).update(estado=Estado.PUBLICADO, publicar_desde=timezone.now())
    html = client.get(reverse("portal:noticias")).content.decode()
    assert 'alt="Personas en fila para vacunarse"' in html
    assert 'type="image/webp"' in html and 'loading="lazy"' in html
    assert noticia.imagen.url not in html


def test_un_documento_con_contenido_falso_se_rechaza(client, funcionario_con_dependencia):
    usuario, dependencia = funcionario_con_dependencia
    client.force_login(usuario)
    datos = {
        "titulo": "Acuerdo de presupuesto",
        "tipo": "acuerdo",
        "dependencia": dependencia.pk,
        "archivo": SimpleUploadedFile("acuerdo.pdf", imagen_png(), "application/pdf"),
    }
    respuesta = client.post(reverse("admin:portal_documento_add"), datos)
    html = respuesta.content.decode()
    assert "no es un PDF" in html
    assert 'value="Acuerdo de presupuesto"' in html
    assert not Documento.objects.exists()


# --- documents, transparency -------------------------------------------------------------------------------


def test_el_menu_de_transparencia_sigue_la_resolucion_1519():
    secciones = list(SeccionTransparencia.objects.values_list("numero", "titulo"))
    assert [n for n, _ in secciones] == list(range(1, 11))
    numeros = list(SubseccionTransparencia.objects.values_list("numero", flat=True))
    assert numeros[:14] == [f"1.{i}" for i in range(1, 15)]
    for esperado in ["2.3", "3.5", "4.10", "5", "6.6", "7.2", "8.3", "9", "10.2"]:
        assert esperado in numeros
    assert SubseccionTransparencia.objects.get(numero="4.5").titulo == "Informes de empalme"


def test_una_subseccion_vacia_lo_dice_y_una_con_documentos_los_lista_con_fecha(client):
    vacia = SubseccionTransparencia.objects.get(numero="3.1")
    html = client.get(vacia.get_absolute_url()).content.decode()
    assert "Todavía no se ha publicado información en esta subsección" in html

    normativa = SubseccionTransparencia.objects.get(numero="2.1")
    antiguo = crear_publicable(
        Documento, titulo="Acuerdo 001", publicar_desde=timezone.now() - timezone.timedelta(days=40)
    )
    nuevo = crear_publicable(Documento, titulo="Decreto 020")
    borrador = crear_publicable(Documento, publicado=False, titulo="Decreto en borrador")
    for documento in (antiguo, nuevo, borrador):
        documento.subsecciones.add(normativa)
    html = client.get(normativa.get_absolute_url()).content.decode()
    assert html.index("Decreto 020") < html.index("Acuerdo 001")
    assert "Decreto en borrador" not in html
    assert "Publicado el" in html


def test_una_subseccion_con_muchos_documentos_se_lee_por_paginas(client):
    normativa = SubseccionTransparencia.objects.get(numero="2.1")
    ahora = timezone.now()
    for i in range(30):
        documento = crear_publicable(
            Documento,
            titulo=f"Resolución {i:03d}",
            tipo="resolucion",
            publicar_desde=ahora - timezone.timedelta(hours=i),
        )
        documento.subsecciones.add(normativa)
    primera = client.get(normativa.get_absolute_url()).content.decode()
    assert "Resolución 000" in primera and "Resolución 024" in primera and "Resolución 025" not in primera
    assert "Página 1" in primera and 'href="?pagina=2"' in primera
    assert '<span class="documento__datos">Resolución ' in primera  # the type as people read it
    segunda = client.get(normativa.get_absolute_url(), {"pagina": "2"}).content.decode()
    assert "Resolución 025" in segunda and "Resolución 029" in segunda and "Resolución 000" not in segunda
    assert 'href="?pagina=3"' not in segunda and 'href="?pagina=1"' in segunda
    assert client.get(normativa.get_absolute_url(), {"pagina": "xyz"}).status_code == 200  # the first page
    assert client.get(normativa.get_absolute_url(), {"pagina": "3"}).status_code == 404


def test_el_indice_marca_las_subsecciones_sin_publicar(client):
    normativa = SubseccionTransparencia.objects.get(numero="2.1")
    crear_publicable(Documento).subsecciones.add(normativa)
    html = client.get(reverse("portal:transparencia")).content.decode()
    fila = html.split(normativa.get_absolute_url())[1].split("</li>")[0]
    assert "1 documento" in fila
    fila_vacia = html.split(SubseccionTransparencia.objects.get(numero="3.1").get_absolute_url())[1].split("</li>")[0]
    assert "Sin publicar" in fila_vacia


def test_el_comite_filtra_las_subsecciones_vacias(client):
    crear_publicable(Documento).subsecciones.add(SubseccionTransparencia.objects.get(numero="2.1"))
    client.force_login(crear_usuario(grupo=roles.COMITE))
    html = client.get(reverse("admin:portal_subsecciontransparencia_changelist"), {"vacia": "si"}).content.decode()
    assert "Normativa de la entidad" not in html
    assert "Plan anual de adquisiciones" in html


def test_documento_publicado_se_descarga_y_el_borrador_no(client):
    publicado = crear_publicable(Documento, titulo="Presupuesto 2026")
    respuesta = client.get(publicado.get_absolute_url())
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    assert 'filename="presupuesto-2026.pdf"' in respuesta["Content-Disposition"]
    assert b"".join(respuesta.streaming_content) == PDF_MINIMO
    borrador = crear_publicable(Documento, publicado=False)
    assert client.get(borrador.get_absolute_url()).status_code == 404


# --- events ---------------------------------------------------------------------------------------------


def test_eventos_proximos_y_exportacion_icalendar(client):
    proximo = crear_publicable(Evento, titulo="Rendición de cuentas", lugar="Coliseo municipal")
    crear_publicable(Evento, titulo="Evento pasado", inicio=timezone.now() - timezone.timedelta(days=5))
    html = client.get(reverse("portal:eventos")).content.decode()
    assert "Rendición de cuentas" in html and "Evento pasado" not in html

    respuesta = client.get(reverse("portal:evento_ics", args=[proximo.slug]))
    assert respuesta["Content-Type"] == "text/calendar; charset=utf-8"
    calendario = Calendar.from_ical(respuesta.content)
    (evento,) = calendario.walk("VEVENT")
    assert str(evento["SUMMARY"]) == "Rendición de cuentas"
    assert str(evento["LOCATION"]) == "Coliseo municipal"
    assert evento.decoded("DTSTART") == proximo.inicio.replace(microsecond=0)
    todos = Calendar.from_ical(client.get(reverse("portal:eventos_ics")).content)
    assert [str(e["SUMMARY"]) for e in todos.walk("VEVENT")] == ["Rendición de cuentas"]


def test_un_evento_no_termina_antes_de_empezar():
    evento = crear_publicable(Evento)
    evento.fin = evento.inicio - timezone.timedelta(hours=1)
    with pytest.raises(Exception, match="no puede terminar antes de empezar"):
        evento.full_clean()


# --- institutional information ----------------------------------------------------------------------------


def test_paginas_institucionales_con_secciones_pendientes(client):
    crear_publicable(SeccionInstitucional, clave="mision", titulo="Misión", contenido="<p>Servir a la comunidad.</p>")
    crear_publicable(SeccionInstitucional, clave="organigrama", titulo="Organigrama", contenido="")
    for orden, titulo in enumerate(["Historia", "Símbolos", "Geografía", "Economía", "Turismo"]):
        crear_publicable(SeccionInstitucional, pagina="municipio", titulo=titulo, orden=orden)
    html = client.get(reverse("portal:alcaldia")).content.decode()
    assert "Servir a la comunidad." in html
    assert 'id="organigrama"' in html
    assert "Esta información se publicará pronto." in html
    municipio = client.get(reverse("portal:municipio")).content.decode()
    for titulo in ["Historia", "Símbolos", "Geografía", "Economía", "Turismo"]:
        assert f">{titulo}</h2>" in municipio


def test_directorio_de_servidores_entidades_y_agremiaciones(client):
    dependencia = crear_dependencia(nombre="UMATA")
    Funcionario.objects.create(
        dependencia=dependencia, nombre="Rosa Díaz", cargo="Técnica agrícola", telefono="Ext. 5"
    )
    Funcionario.objects.create(dependencia=dependencia, nombre="No publicar", cargo="x", en_directorio=False)
    EntidadDirectorio.objects.create(tipo="entidad", nombre="Personería Municipal")
    EntidadDirectorio.objects.create(tipo="agremiacion", nombre="Asociación de Caficultores")
    html = client.get(reverse("portal:directorio")).content.decode()
    assert "Rosa Díaz" in html and "Técnica agrícola" in html and "Ext. 5" in html
    assert "No publicar" not in html
    entidades, agremiaciones = html.split('id="entidades"')[1].split('id="agremiaciones"')
    assert "Personería Municipal" in entidades and "Asociación de Caficultores" in agremiaciones


# --- constant number of queries with hundreds of items -----------------------------------------------------


def test_las_paginas_publicas_no_crecen_en_consultas_con_los_datos(client, django_assert_max_num_queries):
    dependencia = crear_dependencia()
    normativa = SubseccionTransparencia.objects.get(numero="2.1")
    for i in range(120):
        crear_publicable(Noticia, dependencia=dependencia, destacada=i % 10 == 0)
        crear_publicable(Documento, dependencia=dependencia).subsecciones.add(normativa)
    for _ in range(40):
        crear_publicable(Evento, dependencia=dependencia)
    for i in range(60):
        Funcionario.objects.create(dependencia=dependencia, nombre=f"Persona {i}", cargo="Profesional")
    noticia = Noticia.objects.first()
    evento = Evento.objects.first()
    paginas = [
        "/",
        reverse("portal:noticias"),
        reverse("portal:noticias") + "?pagina=3",
        noticia.get_absolute_url(),
        reverse("portal:eventos"),
        evento.get_absolute_url(),
        reverse("portal:transparencia"),
        normativa.get_absolute_url(),
        reverse("portal:directorio"),
        reverse("portal:alcaldia"),
        dependencia.get_absolute_url(),
        reverse("portal:atencion"),
        reverse("portal:mapa_del_sitio"),
    ]
    for url in paginas:
        # 9: the transparency menu also asks each app for what it publishes there (consultations, the survey,
        # accountability and the budget: one query each), whatever the amount of data.
        with django_assert_max_num_queries(9, info=url):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("pagina", ["99999999999999999999999", "100001", "-5", "1e3", ""])
def test_la_lista_de_noticias_aguanta_cualquier_numero_de_pagina(client, pagina):
    crear_publicable(Noticia, titulo="Única noticia")
    respuesta = client.get(reverse("portal:noticias"), {"pagina": pagina})
    assert respuesta.status_code in (200, 404)
    if respuesta.status_code == 200:
        assert "Única noticia" in respuesta.content.decode()


def test_lo_que_publica_el_propio_portal_no_sale_sin_publicar(client):
    from django.urls import reverse as _reverse

    from portal import registro
    from portal.models import SubseccionTransparencia

    html = client.get(_reverse("portal:transparencia")).content.decode()
    fila = html.split("Sección de datos abiertos")[1].split("</li>")[0]
    assert "Sin publicar" not in fila and "Publicado por el portal (4)" in fila
    datos = SubseccionTransparencia.objects.get(numero="7.2")
    detalle = client.get(datos.get_absolute_url()).content.decode()
    assert _reverse("tramites:datos_csv") in detalle and "Todavía no se ha publicado" not in detalle
    # The seam for later apps (the PQRSD report of ventanilla, 4.10): a provider registered from AppConfig.ready.
    registro.registrar_publicacion_derivada("4.10", lambda: [{"titulo": "Informe PQRSD", "url": "/pqrsd/informe/"}])
    try:
        html = client.get(_reverse("portal:transparencia")).content.decode()
        assert "Sin publicar" not in html.split("4.10</span>")[1].split("</li>")[0]
    finally:
        registro._publicaciones_derivadas.pop("4.10")
