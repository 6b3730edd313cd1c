"""The survey's bar charts, drawn on the server as SVG (rect and text elements, classes only: no inline style, so
a Content-Security-Policy without 'unsafe-inline' shows them). Each chart sits next to a table with its data."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

register = template.Library()

# Drawn for a phone (360 units wide, shown at about its size there); the table next to it has the full labels.
ANCHO = 360
BARRA_MAX = 230
LARGO_ETIQUETA = 44
ALTO_FILA = 46
ALTO_BARRA = 18


def numero(valor):
    """A number the Colombian way: decimal comma, no trailing ",0"."""
    if valor is None:
        return "—"
    texto = f"{float(valor):.1f}".rstrip("0").rstrip(".")
    return texto.replace(".", ",")


register.filter("numero_es", numero)


@register.simple_tag
def grafico_barras(resultado, descripcion):
    """Horizontal bars, one per row of ``resultado.filas``; ``descripcion`` is the chart's accessible name."""
    filas = resultado.filas
    if not filas:
        return ""
    tope = max(resultado.maximo, 1)
    alto = ALTO_FILA * len(filas) + 8
    filas_svg = []
    for i, f in enumerate(filas):
        y = i * ALTO_FILA + 4
        valor = f"{f.cantidad}" + (f" ({numero(f.porcentaje)} %)" if f.porcentaje is not None else "")
        filas_svg.append(
            format_html(
                '<text x="0" y="{y_texto}" class="grafico__etiqueta">{etiqueta}</text>'
                '<rect x="0" y="{y_barra}" width="{maximo}" height="{alto}" class="grafico__fondo"/>'
                '<rect x="0" y="{y_barra}" width="{largo}" height="{alto}" class="grafico__barra"/>'
                '<text x="{x_valor}" y="{y_valor}" class="grafico__valor">{valor}</text>',
                y_texto=y + 14,
                etiqueta=Truncator(f.etiqueta).chars(LARGO_ETIQUETA),
                y_barra=y + 20,
                maximo=BARRA_MAX,
                alto=ALTO_BARRA,
                largo=round(BARRA_MAX * f.cantidad / tope, 1),
                x_valor=BARRA_MAX + 8,
                y_valor=y + 34,
                valor=valor,
            )
        )
    barras = format_html_join("", "{}", ((fila,) for fila in filas_svg))
    return format_html(
        '<svg class="grafico" viewBox="0 0 {ancho} {alto}" role="img" aria-label="{descripcion}" '
        'focusable="false">{barras}</svg>',
        ancho=ANCHO,
        alto=alto,
        descripcion=descripcion,
        barras=barras,
    )
