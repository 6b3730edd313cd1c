"""The «matriz de observaciones y respuestas» of a closed consultation, in its three forms: the page (its
summary here), a PDF (fpdf2 with the DejaVu fonts the ventanilla vendors, embedded) and a CSV written by
``portal.exportar``. Only published comments, and of their authors only the public name: never an e-mail."""

from collections import Counter

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from portal import exportar
from portal.templatetags.portal_tags import fecha
from ventanilla.certificados import FUENTES

from .models import Comentario

ENCABEZADOS = ["N.º", "Fecha", "Quién comenta", "Sobre", "Comentario", "Decisión", "Respuesta de la dependencia"]


def resumen(comentarios):
    cuenta = Counter(c.sentido for c in comentarios)
    return [(etiqueta, cuenta.get(valor, 0)) for valor, etiqueta in Comentario.Sentido.choices]


def filas(comentarios):
    for numero, c in enumerate(comentarios, start=1):
        yield [
            numero,
            fecha(timezone.localtime(c.recibido).date()),
            c.autor_publico,
            c.sobre,
            c.texto,
            c.get_sentido_display(),
            c.respuesta,
        ]


def respuesta_csv(consulta, comentarios):
    return exportar.respuesta_csv(f"matriz-{consulta.slug}.csv", ENCABEZADOS, filas(comentarios))


def pdf(consulta, comentarios):
    """PDF/A-2B, letter size, landscape: the consultation's data, the summary and one block per comment."""
    from fpdf import FPDF

    from portal.models import Municipio

    municipio = Municipio.objects.actual()
    documento = FPDF(format="Letter", enforce_compliance="PDF/A-2B")
    documento.set_title(f"Matriz de observaciones y respuestas: {consulta.titulo}")
    documento.set_author(municipio.entidad)
    documento.set_lang("es-CO")
    documento.set_creation_date(consulta.respuestas_publicadas_en or timezone.now())
    documento.add_font("DejaVu", "", FUENTES / "DejaVuSans.ttf")
    documento.add_font("DejaVu", "B", FUENTES / "DejaVuSans-Bold.ttf")
    documento.set_margins(20, 20, 20)
    documento.set_auto_page_break(True, margin=20)
    documento.add_page()

    def linea(texto, tamano=10, negrita=False, alto=5.5):
        documento.set_font("DejaVu", "B" if negrita else "", tamano)
        documento.multi_cell(0, alto, texto, new_x="LMARGIN", new_y="NEXT")

    linea(municipio.entidad, 12, True)
    linea(f"{municipio.nombre}, {municipio.departamento}", 9)
    documento.ln(4)
    linea("Matriz de observaciones y respuestas", 15, True, 8)
    linea(consulta.titulo, 12, True, 6.5)
    linea(
        f"{consulta.get_tipo_display()} · {consulta.dependencia.nombre} · Comentarios del "
        f"{fecha(timezone.localtime(consulta.abre).date())} al {fecha(timezone.localtime(consulta.cierra).date())}",
        9,
    )
    url = settings.URL_DEL_SITIO.rstrip("/") + reverse("participa:consulta_matriz", args=[consulta.slug])
    linea(f"Publicada en {url}", 9)
    documento.ln(3)
    cifras = " · ".join(f"{etiqueta}: {n}" for etiqueta, n in resumen(comentarios))
    linea(f"Comentarios publicados: {len(comentarios)}. {cifras}.", 10)
    documento.ln(3)
    if not comentarios:
        linea("La consulta no recibió comentarios publicables.", 10)
    for fila in filas(comentarios):
        numero, dia, autor, sobre, texto, sentido, respuesta = fila
        documento.set_draw_color(9, 67, 181)
        documento.line(documento.l_margin, documento.get_y(), documento.w - documento.r_margin, documento.get_y())
        documento.ln(2)
        linea(f"{numero}. {autor} · {sobre} · {dia}", 10, True)
        linea(texto, 10)
        documento.ln(1)
        linea(f"Decisión: {sentido}", 10, True)
        linea(respuesta, 10)
        documento.ln(3)
    if consulta.resumen_de_cambios:
        documento.ln(2)
        linea("Qué cambió en la versión final", 12, True, 7)
        linea(consulta.resumen_de_cambios, 10)
    return bytes(documento.output())
