"""Anyone checks a certificate the municipality issued: by its code (typed, or from the QR) or by uploading
the PDF, which must be byte-identical to the one issued. Wrong codes are limited per connection."""

import hashlib

from django import forms
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from portal.red import direccion_del_cliente

from . import limites
from .certificados import normalizar
from .models import Certificado

TAMANO_MAXIMO_PDF = 10 * 1024 * 1024
MENSAJE_LIMITE = (
    "Se hicieron demasiadas verificaciones fallidas desde esta conexión. Espere una hora e intente de nuevo."
)


class VerificarForm(forms.Form):
    codigo = forms.CharField(
        label="Código de verificación",
        max_length=40,
        required=False,
        help_text="Está en el recuadro de verificación del certificado, por ejemplo 7KQ2-M9XD-4TRB-P0HV-C.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    archivo = forms.FileField(
        label="O suba el PDF que recibió",
        required=False,
        help_text="Comprobamos que sea idéntico, byte por byte, al que expidió la alcaldía. Máximo 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean(self):
        datos = super().clean()
        codigo, archivo = datos.get("codigo", "").strip(), datos.get("archivo")
        if not codigo and not archivo:
            raise forms.ValidationError("Escriba el código o suba el PDF.")
        if codigo and not normalizar(codigo):
            self.add_error(
                "codigo", "Ese código no es válido: revise que tenga 17 caracteres, como aparece en el certificado."
            )
        if archivo and archivo.size > TAMANO_MAXIMO_PDF:
            self.add_error("archivo", "El archivo pesa más de 10 MB: no es un certificado de la alcaldía.")
        return datos


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


@never_cache
@require_http_methods(["GET", "POST"])
def verificar(request):
    direccion = direccion_del_cliente(request)
    agotado = limites.agotado("verificar", direccion)
    form = VerificarForm(request.POST or None, request.FILES or None)
    contexto = {"form": form, "agotado": agotado, "mensaje_limite": MENSAJE_LIMITE}
    if request.method == "POST" and form.is_valid():
        if agotado:
            contexto["rechazo"] = MENSAJE_LIMITE
            return _privada(render(request, "ventanilla/verificar.html", contexto, status=429))
        archivo = form.cleaned_data.get("archivo")
        if archivo:
            huella = hashlib.sha256(b"".join(archivo.chunks())).hexdigest()
            certificado = Certificado.objects.filter(sha256=huella).first()
            if certificado is None:
                limites.contar("verificar", direccion)
                contexto["no_coincide"] = True
                return _privada(render(request, "ventanilla/verificar.html", contexto))
            return redirect("ventanilla:verificar_codigo", codigo=certificado.codigo)
        return redirect("ventanilla:verificar_codigo", codigo=normalizar(form.cleaned_data["codigo"]))
    return _privada(render(request, "ventanilla/verificar.html", contexto))


@require_GET
def verificar_codigo(request, codigo):
    """A certificate's public page. Kept in the page cache like other public pages (it only changes when the
    certificate does, and saving one refreshes every cached page); only unknown codes count against the
    connection's limit."""
    certificado = Certificado.objects.select_related("plantilla").filter(codigo=normalizar(codigo) or "-").first()
    if certificado is None:
        direccion = direccion_del_cliente(request)
        if limites.agotado("verificar", direccion):
            contexto = {"form": VerificarForm(), "rechazo": MENSAJE_LIMITE}
            return _privada(render(request, "ventanilla/verificar.html", contexto, status=429))
        limites.contar("verificar", direccion)
        return _privada(render(request, "ventanilla/verificado.html", {"codigo": codigo[:40]}, status=404))
    return render(request, "ventanilla/verificado.html", {"certificado": certificado, "estado": certificado.estado()})
