"""The public form of an accountability question: only what is needed to answer it (name and e-mail), the topic
and the question. Built for a phone: one column, large targets, the right keyboards; no JavaScript needed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ventanilla.forms import CAMPO_TRAMPA

from .rendicion import MAX_PREGUNTA

REQUERIDO = _("Este dato es obligatorio.")


class PreguntaForm(forms.Form):
    tema = forms.ChoiceField(
        label=_("Tema de su pregunta"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Elija el tema de su pregunta."),
            "invalid_choice": _("Elija uno de los temas."),
        },
    )
    pregunta = forms.CharField(
        label=_("Su pregunta"),
        max_length=MAX_PREGUNTA,
        help_text=_("Escriba una pregunta concreta. Se publica con su respuesta, sin su nombre ni su correo."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Escriba su pregunta."),
            "max_length": _("Escriba como máximo %(limit_value)d caracteres (ahora tiene %(show_value)d)."),
        },
    )
    nombre = forms.CharField(
        label=_("Nombre completo"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": REQUERIDO},
    )
    correo = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        help_text=_("Allí le enviamos el número de radicado y la respuesta."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": REQUERIDO,
            "invalid": _("Escriba un correo válido, por ejemplo nombre@gmail.com."),
        },
    )
    notificacion_electronica = forms.BooleanField(
        label=_("Acepto recibir la respuesta y los avisos de mi pregunta por correo electrónico"),
        required=False,
        initial=True,
        help_text=_("Si no acepta, consulte la respuesta en el portal con su número de radicado y su código."),
    )
    # The honeypot: a field people never see (templates/ventanilla/_trampa.html).
    sitio_web = forms.CharField(required=False, label=_("Sitio web (deje este campo vacío)"))

    def __init__(self, *args, temas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].choices = [(str(pk), nombre) for pk, nombre in temas]


assert CAMPO_TRAMPA == "sitio_web"  # noqa: S101 - the shared honeypot include names this field
