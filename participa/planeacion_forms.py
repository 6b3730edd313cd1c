"""Public forms of the presupuesto participativo: a proposal (no personal data) and a vote (the document only to
compute its HMAC; never stored). One column, large targets, no JavaScript needed."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .planeacion import TIPOS_DE_DOCUMENTO, normalizar_documento

REQUERIDO = _("Este dato es obligatorio.")


class _Trampa(forms.Form):
    # The honeypot: a field people never see (templates/ventanilla/_trampa.html).
    sitio_web = forms.CharField(required=False, label=_("Sitio web (deje este campo vacío)"))


class VotoForm(_Trampa):
    propuesta = forms.ChoiceField(
        label=_("Propuesta que prefiere"),
        error_messages={"required": _("Elija una propuesta."), "invalid_choice": _("Elija una de las propuestas.")},
    )
    tipo_documento = forms.ChoiceField(
        label=_("Tipo de documento"),
        choices=[("", _("Elija…")), *TIPOS_DE_DOCUMENTO],
        error_messages={"required": REQUERIDO},
    )
    numero_documento = forms.CharField(
        label=_("Número de documento"),
        max_length=20,
        help_text=_("Solo para que cada persona vote una vez: no se guarda el número (vea «Cómo se cuida su voto»)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": REQUERIDO},
    )
    declaracion = forms.BooleanField(
        label=_(
            "Declaro que vivo en la vereda o el corregimiento de la propuesta que elijo y que tengo la edad mínima"
        ),
        error_messages={"required": _("Para votar, marque la declaración.")},
    )

    def __init__(self, *args, propuestas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["propuesta"].choices = [(str(pk), titulo) for pk, titulo in propuestas]

    def clean_numero_documento(self):
        numero = normalizar_documento(self.cleaned_data["numero_documento"])
        if not 4 <= len(numero) <= 15:
            raise ValidationError(_("Escriba el número tal como aparece en su documento (de 4 a 15 cifras)."))
        return numero


def _a_pesos(valor):
    limpio = re.sub(r"[\s$.]", "", valor or "")
    if not limpio.isdigit():
        raise ValidationError(_("Escriba el valor en pesos, solo con números; por ejemplo 25.000.000."))
    return int(limpio)


class PropuestaForm(_Trampa):
    territorio = forms.ChoiceField(
        label=_("Vereda o corregimiento"),
        error_messages={"required": REQUERIDO, "invalid_choice": _("Elija uno de la lista.")},
    )
    titulo = forms.CharField(
        label=_("Título de la propuesta"),
        max_length=150,
        help_text=_("Corto y claro, por ejemplo «Placa huella en la vía a la escuela»."),
        error_messages={"required": REQUERIDO},
    )
    descripcion = forms.CharField(
        label=_("Qué se haría y a quién beneficia"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": REQUERIDO},
    )
    costo = forms.CharField(
        label=_("Costo estimado en pesos"),
        max_length=20,
        help_text=_("Un valor aproximado; la alcaldía lo revisa. Por ejemplo 25.000.000."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": REQUERIDO},
    )
    declaracion = forms.BooleanField(
        label=_("Declaro que vivo en ese territorio y que tengo la edad mínima"),
        error_messages={"required": _("Para proponer, marque la declaración.")},
    )

    def __init__(self, *args, territorios=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territorio"].choices = [("", _("Elija…")), *((str(pk), n) for pk, n in territorios)]

    def clean_costo(self):
        return _a_pesos(self.cleaned_data["costo"])
