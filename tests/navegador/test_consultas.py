"""A consultation of a draft norm end to end in Chromium: a citizen comments on one article from a phone
(360 px), an official moderates the comment in the admin and, once the period is over, answers it and
publishes the answer matrix; the citizen then reads the answer in the matrix. WCAG 2.1 AA on the public pages."""

import pytest

from participa.models import Comentario
from portal import roles
from tests.participa.consultas_fabricas import cerrar, crear_consulta
from tests.portal.factories import crear_dependencia, crear_usuario

from .conftest import CONTRASENA, capturar, revisar_accesibilidad, sin_desplazamiento_horizontal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_comentario_de_punta_a_punta(live_server, telefono, escritorio):
    gobierno = crear_dependencia(nombre="Secretaría de Gobierno", slug="gobierno")
    funcionario = crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno], username="ana")
    funcionario.set_password(CONTRASENA)
    funcionario.save()
    consulta = crear_consulta(dependencia=gobierno, titulo="Acuerdo de plásticos de un solo uso", articulos=4)
    articulo = consulta.articulos.all()[1]

    # The citizen, on a phone: the list, the text, «Comentar este artículo».
    telefono.goto(live_server.url + "/participa/consultas/")
    telefono.get_by_role("link", name="Acuerdo de plásticos de un solo uso").click()
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []
    telefono.get_by_role("link", name=f"Comentar este artículo: {articulo.encabezado}").click()
    assert telefono.get_by_label("¿Sobre qué parte comenta?").input_value() == str(articulo.pk)
    assert revisar_accesibilidad(telefono) == []
    # Sent with a mistake first: the summary takes the focus and nothing typed is lost.
    telefono.get_by_label("Su comentario").fill("Tres años para las tiendas de las veredas, no dos.")
    telefono.get_by_label("Su nombre completo").fill("Rosa Elena Chávez")
    telefono.get_by_role("button", name="Enviar mi comentario").click()
    resumen = telefono.locator("#resumen-errores")
    assert resumen.is_visible() and "Correo electrónico" in resumen.inner_text()
    assert telefono.evaluate("() => document.activeElement.id") == "resumen-errores"
    assert telefono.get_by_label("Su comentario").input_value().startswith("Tres años")
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []
    capturar(telefono, "consulta-comentar-errores-360")
    telefono.get_by_label("Correo electrónico").fill("rosa@example.com")
    telefono.get_by_role("button", name="Enviar mi comentario").click()
    assert "Recibimos su comentario" in telefono.locator("h1").inner_text()
    comentario = Comentario.objects.get()
    assert comentario.articulo == articulo and comentario.estado == Comentario.Estado.PENDIENTE

    # The official publishes it.
    escritorio.goto(live_server.url + "/admin/login/")
    escritorio.get_by_label("Nombre de usuario").fill("ana")
    escritorio.get_by_label("Contraseña").fill(CONTRASENA)
    escritorio.get_by_role("button", name="Iniciar sesión").click()
    escritorio.goto(live_server.url + f"/admin/participa/comentario/{comentario.pk}/change/")
    escritorio.locator("#id_estado").select_option("publicado")
    escritorio.locator("input[name=_save]").click()
    assert "Se guardaron los cambios del comentario" in escritorio.locator(".messagelist").inner_text()
    telefono.goto(live_server.url + consulta.get_absolute_url())
    telefono.locator(f"#{articulo.ancla} summary").click()  # the article's comments, folded under it
    assert "Tres años para las tiendas" in telefono.locator(f"#{articulo.ancla}").inner_text()

    # The period ends by itself; the official answers and publishes the matrix.
    cerrar(consulta)
    escritorio.goto(live_server.url + f"/admin/participa/comentario/{comentario.pk}/change/")
    escritorio.locator("#id_sentido").select_option("parcial")
    escritorio.locator("#id_respuesta").fill("Se acoge en parte: tres años fuera del casco urbano.")
    escritorio.locator("input[name=_save]").click()
    escritorio.goto(live_server.url + "/admin/participa/consulta/")
    escritorio.locator(f"input[name=_selected_action][value='{consulta.pk}']").check()
    escritorio.locator("select[name=action]").select_option("publicar_matriz")
    escritorio.locator("button[name=index]").click()
    assert "matriz publicada" in escritorio.locator(".messagelist").inner_text()
    capturar(escritorio, "consulta-admin-1280")

    # The citizen, later: the page says it closed and links the answers.
    telefono.goto(live_server.url + consulta.get_absolute_url())
    assert telefono.get_by_role("link", name="Comentar este artículo").count() == 0
    telefono.get_by_role("link", name="Ver las respuestas a los comentarios y la versión final").click()
    fila = telefono.locator("tbody tr").first
    assert "Acogido parcialmente" in fila.inner_text() and "tres años fuera del casco urbano" in fila.inner_text()
    assert "Ciudadano/a" in fila.inner_text() and "rosa@example.com" not in telefono.content()
    assert sin_desplazamiento_horizontal(telefono)
    assert revisar_accesibilidad(telefono) == []
    capturar(telefono, "consulta-matriz-360")
