"""The public PQRSD form and the follow-up forms: validation with clear Spanish messages. Rules about the
radicado itself live in ``services``; these only check what a person typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .adjuntos import MAXIMO_ADJUNTOS, TEXTO_LIMITES, validar_adjunto
from .models import ANONIMO_PERMITIDO, EXPLICACIONES, TIPOS_PQRSD, Canal, Prioridad, Tipo

CAMPO_TRAMPA = "sitio_web"
MAX_DESCRIPCION = 6000

TIPOS_DE_DOCUMENTO = [
    ("", _("Elija…")),
    ("CC", _("Cédula de ciudadanía")),
    ("CE", _("Cédula de extranjería")),
    ("TI", _("Tarjeta de identidad")),
    ("PPT", _("Permiso por protección temporal")),
    ("PA", _("Pasaporte")),
    ("NIT", _("NIT (persona jurídica)")),
]

_solo_numeros_y_letras = RegexValidator(
    r"^[0-9A-Za-z.\- ]{3,20}$", _("Escriba el número sin espacios raros: solo números, letras, puntos o guiones.")
)
_telefono = RegexValidator(
    r"^[0-9+() \-]{7,20}$", _("Escriba un teléfono de 7 a 20 dígitos, por ejemplo 312 456 7890.")
)

REQUERIDO = {"required": _("Este dato es obligatorio.")}


class VariosArchivos(forms.ClearableFileInput):
    allow_multiple_selected = True


class CampoDeArchivos(forms.FileField):
    """Several files in one input (Django's documented pattern); each is checked by ``validar_adjunto``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", VariosArchivos(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        archivos = [a for a in (data if isinstance(data, list | tuple) else [data]) if a]
        if self.required and not archivos:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(archivos) > MAXIMO_ADJUNTOS:
            raise ValidationError(
                _("Adjunte como máximo %(n)d archivos (eligió %(elegidos)d)."),
                params={"n": MAXIMO_ADJUNTOS, "elegidos": len(archivos)},
            )
        errores = []
        for archivo in archivos:
            try:
                validar_adjunto(archivo)
            except ValidationError as error:
                errores.extend(f"«{archivo.name}»: {m}" for m in error.messages)
        if errores:
            raise ValidationError(errores)
        return archivos


class DatosPersonaMixin(forms.Form):
    """Who files: a person or an organisation, how to reach them."""

    tipo_persona = forms.ChoiceField(
        label=_("Usted es"),
        choices=[("natural", _("Una persona")), ("juridica", _("Una empresa u organización (persona jurídica)"))],
        widget=forms.RadioSelect,
        initial="natural",
        required=False,
    )
    nombre = forms.CharField(
        label=_("Nombre completo o razón social"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    tipo_documento = forms.ChoiceField(label=_("Tipo de documento"), choices=TIPOS_DE_DOCUMENTO, required=False)
    numero_documento = forms.CharField(
        label=_("Número de documento"),
        max_length=20,
        required=False,
        validators=[_solo_numeros_y_letras],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    correo = forms.EmailField(
        label=_("Correo electrónico"),
        required=False,
        max_length=254,
        help_text=_("Para enviarle el número de radicado y la respuesta."),
        error_messages={"invalid": _("Escriba un correo válido, por ejemplo nombre@gmail.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    direccion = forms.CharField(
        label=_("Dirección para recibir correspondencia"),
        max_length=250,
        required=False,
        help_text=_("Vereda, corregimiento o barrio y la dirección, si no tiene correo electrónico."),
        # One line: "street-address" is only valid on multi-line fields (the W3C checker refuses it here).
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    telefono = forms.CharField(
        label=_("Teléfono o celular"),
        max_length=20,
        required=False,
        validators=[_telefono],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    notificacion_electronica = forms.BooleanField(
        label=_("Acepto recibir la respuesta y las notificaciones por correo electrónico"),
        required=False,
        help_text=_("Si no acepta, la respuesta le llega a la dirección postal y también puede leerla aquí."),
    )

    CAMPOS_PERSONA = (
        "tipo_persona",
        "nombre",
        "tipo_documento",
        "numero_documento",
        "correo",
        "direccion",
        "telefono",
        "notificacion_electronica",
    )

    def limpiar_persona(self, datos, *, anonimo):
        """Check the person's fields (not when anonymous) and return them for ``services``."""
        if anonimo:
            return {}
        for campo in ("nombre", "tipo_documento", "numero_documento"):
            if not datos.get(campo):
                self.add_error(campo, ValidationError(REQUERIDO["required"], code="required"))
        if not datos.get("correo") and not datos.get("direccion"):
            self.add_error(
                "correo",
                _("Escriba un correo electrónico o una dirección postal: necesitamos dónde enviarle la respuesta."),
            )
        if datos.get("notificacion_electronica") and not datos.get("correo"):
            self.add_error("notificacion_electronica", _("Para recibir notificaciones por correo, escriba su correo."))
        if datos.get("tipo_persona") == "juridica" and datos.get("tipo_documento") not in ("", "NIT"):
            self.add_error("tipo_documento", _("Una persona jurídica se identifica con su NIT."))
        return {c: datos.get(c) or ("natural" if c == "tipo_persona" else "") for c in self.CAMPOS_PERSONA} | {
            "notificacion_electronica": bool(datos.get("notificacion_electronica"))
        }


def _opciones_de_tipo():
    return [(t.value, t.label) for t in TIPOS_PQRSD]


class PqrsdForm(DatosPersonaMixin):
    tipo = forms.ChoiceField(
        label=_("¿Qué quiere hacer?"),
        choices=_opciones_de_tipo,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija qué quiere hacer."), "invalid_choice": _("Elija una de las opciones.")},
    )
    asunto = forms.CharField(
        label=_("Asunto"),
        max_length=200,
        help_text=_("En una frase, de qué se trata."),
        error_messages={
            **REQUERIDO,
            "max_length": _("Escriba como máximo %(limit_value)d caracteres (ahora tiene %(show_value)d)."),
        },
    )
    descripcion = forms.CharField(
        label=_("Cuéntenos los hechos y qué pide"),
        max_length=MAX_DESCRIPCION,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Qué pasó, cuándo y dónde, y qué quiere que haga la alcaldía. Máximo 6.000 caracteres."),
        error_messages={
            **REQUERIDO,
            "max_length": _("Escriba como máximo %(limit_value)d caracteres (ahora tiene %(show_value)d)."),
        },
    )
    adjuntos = CampoDeArchivos(label=_("Documentos o fotos (opcional)"), required=False, help_text=TEXTO_LIMITES)
    prioridad = forms.ChoiceField(
        label=_("¿Necesita atención prioritaria?"),
        choices=Prioridad.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("La ley da prioridad a estos casos (Ley 1755 de 2015, art. 20). Elija solo si aplica."),
    )
    anonimo = forms.BooleanField(
        label=_("Quiero presentarla sin dar mis datos (anónima)"),
        required=False,
        help_text=_(
            "Solo para quejas y denuncias. Le daremos un código secreto para consultar la respuesta; guárdelo, "
            "porque no podremos enviárselo."
        ),
    )
    sitio_web = forms.CharField(label=_("Deje este campo vacío"), required=False)

    def clean(self):
        datos = super().clean()
        tipo = datos.get("tipo")
        anonimo = bool(datos.get("anonimo"))
        if anonimo and tipo and tipo not in ANONIMO_PERMITIDO:
            self.add_error(
                "anonimo",
                _(
                    "Solo las quejas y las denuncias pueden ser anónimas. "
                    "Desmarque la casilla o elija queja o denuncia."
                ),
            )
            anonimo = False
        datos["persona"] = self.limpiar_persona(datos, anonimo=anonimo)
        datos["anonimo"] = anonimo
        return datos

    def opciones_de_tipo(self):
        """The radio options with their plain-words explanation, for the template."""
        campo = self["tipo"]
        return [(opcion, EXPLICACIONES[Tipo(opcion.data["value"])]) for opcion in campo]


class RegistroEnVentanillaForm(PqrsdForm):
    """A petition received at the counter, by phone or by post, typed in by an official."""

    canal = forms.ChoiceField(
        label=_("Canal por el que llegó"), choices=[c for c in Canal.choices if c[0] != Canal.WEB]
    )

    field_order = ["canal"]


class ConsultaForm(forms.Form):
    radicado = forms.CharField(
        label=_("Número de radicado"),
        max_length=20,
        help_text=_("Como aparece en su constancia, por ejemplo 2026-000123."),
        error_messages=REQUERIDO,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    clave = forms.CharField(
        label=_("Su correo electrónico o el código de consulta"),
        max_length=254,
        help_text=_("El correo con el que la presentó, o el código que le dimos al radicarla."),
        error_messages=REQUERIDO,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_radicado(self):
        valor = "".join(self.cleaned_data["radicado"].split()).upper()
        partes = valor.replace("_", "-").split("-")
        if len(partes) == 2 and all(p.isdigit() for p in partes):
            return f"{int(partes[0]):04d}-{int(partes[1]):06d}"
        if valor.isdigit() and len(valor) == 10:
            return f"{valor[:4]}-{valor[4:]}"
        raise ValidationError(_("Escriba el número como aparece en su constancia, por ejemplo 2026-000123."))


class CompletarForm(forms.Form):
    texto = forms.CharField(
        label=_("Lo que le pidieron"),
        max_length=MAX_DESCRIPCION,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=REQUERIDO,
    )
    adjuntos = CampoDeArchivos(label=_("Documentos o fotos (opcional)"), required=False, help_text=TEXTO_LIMITES)
