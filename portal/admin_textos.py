"""The admin's messages in correct Spanish for every model, whatever its gender and number.

Django's Spanish catalog writes "El noticia «…» fue agregado" and "Eliminar noticias seleccionado/s": its
messages put a name in a sentence without knowing the name's gender. Here each model's gender is known
(``genero``) and the success messages, the bulk-delete action and the list's title are written for it. The
texts with no name to agree with (delete confirmations, the two-box selector) are overridden in the project's
catalog instead (``locale/``).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import model_ngettext
from django.db import models
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Nouns whose ending misleads (Spanish nouns ending in -a, -ión, -dad, -tud, -umbre are nearly all feminine).
_EXCEPCIONES = {
    **dict.fromkeys(["día", "mapa", "problema", "sistema", "tema", "programa", "idioma", "clima"], "m"),
    **dict.fromkeys(
        ["fase", "base", "clave", "red", "sede", "parte", "fuente", "llave", "calle", "frase", "visitas"], "f"
    ),
}
_FEMENINOS = ("a", "ión", "dad", "tud", "umbre", "ie", "is")


def genero(modelo):
    """``"f"`` or ``"m"``: the grammatical gender of a model's name, from its first word (``genero`` on the model
    decides when the rule would be wrong)."""
    propio = getattr(modelo, "genero_gramatical", None)
    if propio:
        return propio
    palabra = str(modelo._meta.verbose_name).split()[0].lower() if modelo._meta.verbose_name else ""
    if palabra in _EXCEPCIONES:
        return _EXCEPCIONES[palabra]
    return "f" if palabra.endswith(_FEMENINOS) else "m"


def _palabras(modelo):
    femenino = genero(modelo) == "f"
    return {
        "el": _("la") if femenino else _("el"),
        "del": _("de la") if femenino else _("del"),
        "los": _("las") if femenino else _("los"),
        "otro": _("otra") if femenino else _("otro"),
        "seleccionados": _("seleccionadas") if femenino else _("seleccionados"),
        "nombre": str(modelo._meta.verbose_name),
        "plural": str(modelo._meta.verbose_name_plural),
    }


def mensaje_guardado(modelo, objeto, *, nuevo, seguir=False, otro=False):
    """ "Se agregó la noticia «X».", "Se guardó el documento «Y». Puede agregar otro documento abajo."."""
    p = _palabras(modelo)
    if nuevo:
        texto = _("Se agregó %(el)s %(nombre)s «{}».") % p
    else:
        texto = _("Se guardaron los cambios %(del)s %(nombre)s «{}».") % p
    if seguir:
        texto += " " + _("Puede seguir editando abajo.")
    elif otro:
        texto += " " + (_("Puede agregar %(otro)s %(nombre)s abajo.") % p)
    return format_html(texto, objeto)


def mensaje_borrado(modelo, texto_del_objeto):
    return _("Se borró %(el)s %(nombre)s «%(objeto)s».") % {**_palabras(modelo), "objeto": texto_del_objeto}


def mensaje_borrados(modelo, cantidad):
    nombre = model_ngettext(modelo._meta, cantidad)
    if cantidad == 1:
        return _("Se borró 1 %(nombre)s.") % {"nombre": nombre}
    return _("Se borraron %(n)d %(nombre)s.") % {"n": cantidad, "nombre": nombre}


def descripcion_borrar_seleccionados(modelo):
    return _("Borrar %(los)s %(plural)s %(seleccionados)s") % _palabras(modelo)


_EXITO = "_mensaje_de_exito"


AYUDA_SLUG = gettext_lazy(
    "La parte final de la dirección de la página (por ejemplo …/noticias/feria-agraria/). Se escribe sola a partir "
    "del título; solo letras sin tildes, números y guiones."
)


class TextosEnEspanolMixin:
    """Success messages, the bulk-delete action and the list's title in Spanish that agrees with the model; a
    plain explanation under every "identificador en la dirección web"; summaries in a box that shows them whole."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        campo = super().formfield_for_dbfield(db_field, request, **kwargs)
        if campo is not None and isinstance(db_field, models.SlugField) and not db_field.help_text:
            campo.help_text = AYUDA_SLUG
        if campo is not None and db_field.name == "resumen" and isinstance(db_field, models.CharField):
            campo.widget = forms.Textarea(
                attrs={"rows": 3, "class": "vLargeTextField", "maxlength": db_field.max_length}
            )
        return campo

    def changelist_view(self, request, extra_context=None):
        titulo = capfirst(str(self.opts.verbose_name_plural))
        return super().changelist_view(request, {"title": titulo, **(extra_context or {})})

    def get_actions(self, request):
        acciones = super().get_actions(request)
        if "delete_selected" in acciones:
            funcion, nombre, _descripcion = acciones["delete_selected"]
            acciones["delete_selected"] = (funcion, nombre, descripcion_borrar_seleccionados(self.model))
        return acciones

    # Django writes its message inside these methods; ``message_user`` swaps it for ours (``request`` carries
    # what happened, as the ModelAdmin is shared by every request).

    def response_add(self, request, obj, post_url_continue=None):
        setattr(request, _EXITO, ("agregado", obj))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        setattr(request, _EXITO, ("cambiado", obj))
        return super().response_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        setattr(request, _EXITO, ("borrado", obj_display))
        return super().response_delete(request, obj_display, obj_id)

    def delete_queryset(self, request, queryset):
        setattr(request, _EXITO, ("borrados", queryset.count()))
        return super().delete_queryset(request, queryset)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        exito = getattr(request, _EXITO, None)
        if exito is not None and level == messages.SUCCESS:
            delattr(request, _EXITO)
            que, dato = exito
            if que == "borrado":
                message = mensaje_borrado(self.model, dato)
            elif que == "borrados":
                message = mensaje_borrados(self.model, dato)
            else:
                message = mensaje_guardado(
                    self.model,
                    dato,
                    nuevo=que == "agregado" or "_saveasnew" in request.POST,
                    seguir="_continue" in request.POST,
                    otro="_addanother" in request.POST,
                )
        return super().message_user(request, message, level, *args, **kwargs)
