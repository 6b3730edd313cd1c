from django import template

register = template.Library()


@register.filter
def campos_con_prefijo(form, prefijo):
    """The bound fields of a form whose names start with ``prefijo`` (a ficha's questions, its requirements)."""
    return [form[nombre] for nombre in form.fields if nombre.startswith(prefijo)]
