"""The public comment form: what a person types, checked with clear Spanish messages. Rules about the
consultation itself (closed, duplicates) live in ``consultas_services``."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .consultas_services import MAX_COMENTARIO, MENSAJE_MARCAS, contiene_marcas
from .models import Comentario

CAMPO_TRAMPA = "sitio_web"
REQUERIDO = {"required": _("Este dato es obligatorio.")}

_nit = RegexValidator(
    r"^[0-9][0-9.\- ]{4,18}$", _("Escriba el NIT con números, puntos o guion, por ejemplo 900.123.456-7.")
)


class ComentarioForm(forms.Form):
    articulo = forms.TypedChoiceField(
        label=_("¿Sobre qué parte comenta?"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Elija un artículo o deje «Todo el proyecto»."),
    )
    texto = forms.CharField(
        label=_("Su comentario"),
        max_length=MAX_COMENTARIO,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("Qué propone cambiar, quitar o agregar, y por qué. Texto simple, máximo 5.000 caracteres."),
        error_messages={
            "required": _("Escriba su comentario."),
            "max_length": _("Escriba como máximo %(limit_value)d caracteres (ahora tiene %(show_value)d)."),
        },
    )
    tipo_autor = forms.ChoiceField(
        label=_("Comenta como"),
        choices=Comentario.Autor.choices,
        widget=forms.RadioSelect,
        initial=Comentario.Autor.PERSONA,
        error_messages={"required": _("Elija si comenta como persona o como organización.")},
    )
    nombre = forms.CharField(
        label=_("Su nombre completo"),
        max_length=200,
        error_messages=REQUERIDO,
        help_text=_("Si comenta por una organización, el nombre de quien la representa."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    correo = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        help_text=_("Para enviarle la respuesta de la alcaldía a su comentario. Nunca se publica."),
        error_messages={**REQUERIDO, "invalid": _("Escriba un correo válido, por ejemplo nombre@gmail.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organizacion = forms.CharField(
        label=_("Nombre de la organización"),
        max_length=200,
        required=False,
        help_text=_("Junta de acción comunal, asociación, empresa… Se publica con el comentario."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    nit = forms.CharField(
        label=_("NIT de la organización"),
        max_length=20,
        required=False,
        validators=[_nit],
        help_text=_("Para saber que la organización existe. No se publica."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    publicar_nombre = forms.BooleanField(
        label=_("Publicar mi nombre junto al comentario"),
        required=False,
        help_text=_("Si no la marca, el comentario aparece como «Ciudadano/a». Su correo nunca se publica."),
    )
    sitio_web = forms.CharField(label=_("Deje este campo vacío"), required=False)

    def __init__(self, *args, consulta, **kwargs):
        """``consulta`` None: the database is down and the articles cannot be read; the person's choice is kept
        as the one option beside «Todo el proyecto», so sending again comments the same article."""
        super().__init__(*args, **kwargs)
        self.consulta = consulta
        self.articulos = {a.pk: a for a in consulta.articulos.all()} if consulta is not None else {}
        opciones = [(pk, a.encabezado) for pk, a in self.articulos.items()]
        elegido = str(self.data.get("articulo", "")) if self.is_bound else ""
        if consulta is None and elegido.isdigit():
            opciones = [(int(elegido), _("El artículo que eligió"))]
        self.fields["articulo"].choices = [("", _("Todo el proyecto")), *opciones]

    def clean_texto(self):
        texto = self.cleaned_data["texto"].strip()
        if not texto:
            raise forms.ValidationError(_("Escriba su comentario."), code="required")
        if contiene_marcas(texto):
            raise forms.ValidationError(MENSAJE_MARCAS, code="marcas")
        return texto

    def clean_nombre(self):
        nombre = " ".join(self.cleaned_data["nombre"].split())
        if contiene_marcas(nombre):
            raise forms.ValidationError(_("Escriba el nombre sin signos < o >."))
        return nombre

    def clean(self):
        datos = super().clean()
        if datos.get("tipo_autor") == Comentario.Autor.ORGANIZACION:
            if not datos.get("organizacion", "").strip():
                self.add_error("organizacion", _("Escriba el nombre de la organización."))
            if not datos.get("nit", "").strip() and "nit" not in self.errors:
                self.add_error("nit", _("Escriba el NIT de la organización."))
        datos["articulo_obj"] = self.articulos.get(datos.get("articulo"))
        return datos
