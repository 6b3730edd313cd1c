import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from .. import cache_paginas, rutas
from ..navegacion import MENU_PRINCIPAL

register = template.Library()


@register.inclusion_tag("includes/menu_principal.html", takes_context=True)
def menu_principal(context):
    """The main menu with the current section marked (``aria-current``) for the page being shown."""
    ruta = context["request"].path if "request" in context else ""
    items = []
    for etiqueta, nombre in MENU_PRINCIPAL:
        url = rutas.url(nombre)
        actual = ruta == url if url == "/" else ruta.startswith(url)
        items.append({"etiqueta": etiqueta, "url": url, "actual": actual})
    return {"items": items}


class _PorVersion(template.Node):
    def __init__(self, nombre, nodelist):
        self.nombre, self.nodelist = nombre, nodelist

    def render(self, context):
        return cache_paginas.por_version(f"fragmento:{self.nombre}", lambda: self.nodelist.render(context))


@register.tag
def por_version(parser, token):
    """``{% por_version "pie" %}…{% endpor_version %}``: a part of the page that shows only content, the same
    for every visitor and every page (the footer), rendered once per content version by each process."""
    try:
        _, nombre = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("{% por_version %} lleva un nombre entre comillas.") from None
    nodelist = parser.parse(("endpor_version",))
    parser.delete_first_token()
    return _PorVersion(nombre.strip("\"'"), nodelist)


@register.filter
def tel(numero):
    """A phone number as written for people (``+57 602 123 4567``) turned into a ``tel:`` link target."""
    return "".join(ch for ch in str(numero) if ch.isdigit() or ch == "+")


@register.filter
def pesos(valor):
    """An amount in Colombian pesos as people write it: ``$ 1.250.000``."""
    if valor in (None, ""):
        return ""
    try:
        entero = round(Decimal(str(valor)))
    except (InvalidOperation, ValueError):
        return ""
    return "$ " + miles(entero)


@register.filter
def miles(numero):
    """A whole number with the Colombian thousands separator: ``13.217``."""
    return f"{numero:,}".replace(",", ".")


MESES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


def _local(valor):
    return timezone.localtime(valor) if isinstance(valor, datetime.datetime) and timezone.is_aware(valor) else valor


@register.filter(expects_localtime=True)
def fecha(valor, formato="DATE_FORMAT"):
    """A date as written in Colombian Spanish, month and weekday in lower case: «24 de noviembre de 2026».

    The usual format is written directly: Django's localized formatting costs tens of microseconds a date, and
    lists show dozens.
    """
    if not valor:
        return ""
    valor = _local(valor)  # Bogotá's day, not UTC's (templates convert already: expects_localtime)
    if formato == "DATE_FORMAT" and isinstance(valor, datetime.date):
        return f"{valor.day} de {MESES[valor.month - 1]} de {valor.year}"
    return date_filter(valor, formato).lower()


@register.filter(expects_localtime=True)
def iso(valor):
    """A date or moment for machines (``<time datetime>``), in local time: what ``date:'c'`` gives, faster."""
    if isinstance(valor, datetime.datetime):
        # Whole seconds: HTML allows at most three fractional digits and the admin stores six.
        return _local(valor).replace(microsecond=0).isoformat()
    return valor.isoformat() if isinstance(valor, datetime.date) else ""


@register.filter
def get_item(diccionario, clave):
    """``{{ derivadas|get_item:sub.numero }}``: a dictionary's value in a template (None when missing)."""
    return diccionario.get(clave) if hasattr(diccionario, "get") else None


@register.filter
def verbose_name(objeto):
    return objeto._meta.verbose_name


@register.filter
def hora(valor):
    """A time as Colombians write it: «9:00 a. m.», «2:30 p. m.», «12:00 m.» at noon."""
    if not valor:
        return ""
    valor = timezone.localtime(valor) if hasattr(valor, "tzinfo") and valor.tzinfo else valor
    if valor.hour == 12 and valor.minute == 0:
        return "12:00 m."
    sufijo = "a. m." if valor.hour < 12 else "p. m."
    return f"{(valor.hour % 12) or 12}:{valor.minute:02d} {sufijo}"
