"""Inline SVG charts drawn on the server (no chart library, nothing from a CDN)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal import rutas

register = template.Library()


@register.simple_tag
def estado(clave, etiqueta):
    """A status as a coloured label: ``{% estado "en_riesgo" "Atrasadas" %}``."""
    return format_html('<span class="estado estado--{}">{}</span>', clave, etiqueta)


@register.simple_tag
def fila_indicador(evaluacion, anio):
    """One indicator in the dashboard's tables: name, what it counts in words, period and source; goal, value
    with its unit, status and trend. Each cell names its column (``data-etiqueta``) for the stacked phone layout.

    Written in Python like the public lists' rows (``portal/templatetags/filas.py``): the template version of
    the nineteen rows took more time than every other part of the dashboard's page together.
    """
    indicador = evaluacion.indicador
    marcas = ""
    if not indicador.del_plan:
        marcas = format_html(' <span class="etiqueta-demo">{}</span>', "seguimiento")
    if evaluacion.sustitucion:
        marcas += format_html(' <span class="etiqueta-sustituido">{}</span>', "sustituido por el comité")
    return format_html(
        '<tr><th scope="row"><a href="{}?anio={}">{}</a>{}'
        '<p class="indicador__lectura">{}: {}.</p>'
        '<p class="nota">{} · {}</p></th>'
        '<td data-etiqueta="Meta">{}</td><td data-etiqueta="Valor" class="valor">{}</td>'
        '<td data-etiqueta="Estado">{}</td><td data-etiqueta="Tendencia">{}</td></tr>',
        rutas.url("gelt:indicador", pk=indicador.pk),
        anio,
        indicador.nombre,
        marcas,
        evaluacion.como_se_calcula.rstrip("."),
        evaluacion.lectura,
        f"Periodo: {evaluacion.periodo.etiqueta}",
        evaluacion.origen,
        indicador.meta_texto,
        evaluacion.valor_texto,
        estado(evaluacion.estado, evaluacion.estado_etiqueta),
        tendencia(evaluacion.tendencia, indicador.meta_valor, indicador.nombre),
    )


ANCHO, ALTO, MARGEN = 120, 32, 3


@register.simple_tag
def tendencia(puntos, meta, descripcion):
    """A sparkline of the values with the goal as a dashed line; ``descripcion`` is its accessible name."""
    valores = [float(p["valor"]) for p in puntos if p["valor"] is not None]
    if not valores:
        return format_html('<span class="sin-grafico">{}</span>', "Sin historia")
    tope = max([*valores, float(meta), 1.0]) * 1.1
    pasos = max(len(puntos) - 1, 1)

    def y(valor):
        return round(ALTO - MARGEN - (ALTO - 2 * MARGEN) * valor / tope, 1)

    coordenadas = [
        (round(MARGEN + (ANCHO - 2 * MARGEN) * i / pasos, 1), y(float(p["valor"])))
        for i, p in enumerate(puntos)
        if p["valor"] is not None
    ]
    linea = " ".join(f"{x},{yy}" for x, yy in coordenadas)
    ultimo_x, ultimo_y = coordenadas[-1]
    return format_html(
        '<svg class="tendencia" viewBox="0 0 {ancho} {alto}" width="{ancho}" height="{alto}" role="img" '
        'aria-label="{descripcion}"><line x1="0" x2="{ancho}" y1="{meta_y}" y2="{meta_y}" class="tendencia__meta"/>'
        '<polyline points="{linea}" class="tendencia__linea"/><circle cx="{cx}" cy="{cy}" r="2.5" '
        'class="tendencia__punto"/></svg>',
        ancho=ANCHO,
        alto=ALTO,
        descripcion=descripcion,
        meta_y=y(float(meta)),
        linea=linea,
        cx=ultimo_x,
        cy=ultimo_y,
    )


@register.filter
def etiqueta_estado(clave):
    from ..indicadores import ESTADOS

    return ESTADOS.get(clave, clave)


@register.simple_tag
def barra_avance(valor, meta, descripcion):
    """A progress bar (SVG, no inline style) of ``valor`` % with the goal marked."""
    ancho = 160
    lleno = 0 if valor is None else max(0.0, min(100.0, float(valor))) * ancho / 100
    marca = float(meta) * ancho / 100
    texto = f"{descripcion}: {'sin datos' if valor is None else f'{float(valor):g} %'} de una meta de {meta} %"
    return format_html(
        '<svg class="avance" viewBox="0 0 {ancho} 14" width="{ancho}" height="14" role="img" aria-label="{texto}">'
        '<rect width="{ancho}" height="14" class="avance__fondo"/>'
        '<rect width="{lleno}" height="14" class="avance__valor"/>'
        '<line x1="{marca}" x2="{marca}" y1="0" y2="14" class="avance__meta"/></svg>',
        ancho=ancho,
        lleno=round(lleno, 1),
        marca=round(marca, 1),
        texto=texto,
    )


@register.simple_tag
def barras_mensuales(meses, campo, descripcion):
    """Twelve vertical bars (one per month) of ``campo``, with month initials; the data table goes beside it."""
    ancho, alto, base = 360, 120, 104
    valores = [m[campo] for m in meses]
    tope = max([*valores, 1])
    paso = ancho / len(meses)
    iniciales = "EFMAMJJASOND"
    partes = []
    for i, valor in enumerate(valores):
        altura = round((base - 8) * valor / tope, 1)
        x = round(i * paso + paso * 0.15, 1)
        partes.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="barras__barra"><title>{}</title></rect>'
                '<text x="{}" y="{}" class="barras__mes">{}</text>',
                x,
                round(base - altura, 1),
                round(paso * 0.7, 1),
                altura,
                valor,
                round(x + paso * 0.35, 1),
                alto - 4,
                iniciales[i],
            )
        )
    return format_html(
        '<svg class="barras" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
        ancho,
        alto,
        descripcion,
        mark_safe("".join(str(p) for p in partes)),  # noqa: S308 - each part went through format_html
    )


@register.filter
def url_de_admin(objeto):
    """The admin page of ``objeto`` (a ficha with its review due, a channel behind): where to fix it."""
    from django.urls import reverse

    return reverse(f"admin:{objeto._meta.app_label}_{objeto._meta.model_name}_change", args=[objeto.pk])
