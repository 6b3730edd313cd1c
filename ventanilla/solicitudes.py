"""Online requests of trámites and servicios, built from the ficha itself (issue 19).

The form has one upload per document or form of the ficha's «Al hacer la solicitud» moment, one declaration per
condition, the extra questions configured on the ficha, and the person's data. Sending it files a radicado of
the ventanilla with the ficha's response time as its term, in its dependencia's inbox; the follow-up, the
request to correct (subsanar), the answer and the certificate are the ventanilla's. ``tramites`` and
``servicios`` bind the view to their model (``rutas``): this module never imports them.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.red import direccion_del_cliente

from . import limites, services
from .forms import CAMPO_TRAMPA, REQUERIDO, CampoDeArchivos, DatosPersonaMixin
from .llavero import Llavero
from .models import Tipo

TERMINO_INMEDIATO = 1  # business days an official has for a ficha whose answer is "inmediata"


class SolicitudForm(DatosPersonaMixin):
    """The person's data plus, added per ficha: uploads, declarations and the extra questions."""

    sitio_web = forms.CharField(label=_("Deje este campo vacío"), required=False)

    def __init__(self, *args, ficha, **kwargs):
        super().__init__(*args, **kwargs)
        self.ficha = ficha
        self.requisitos = []
        self.reemplaza = []
        self.fields["tipo_persona"].required = True
        for requisito in ficha.requisitos.all():
            if requisito.momento != "solicitud" or requisito.tipo == "pago":
                continue
            if requisito.tipo == "formulario":
                # The portal's form is the request form: its data are the questions below.
                self.reemplaza.append(requisito)
                continue
            nombre = f"requisito_{requisito.pk}"
            obligatorio = not requisito.es_excepcion
            if requisito.tipo == "condicion":
                self.fields[nombre] = forms.BooleanField(
                    label=_("Declaro que cumplo: %(r)s") % {"r": requisito.descripcion},
                    required=obligatorio,
                    help_text=requisito.detalle,
                    error_messages={"required": _("Para pedirlo debe cumplir esta condición y declararlo.")},
                )
            else:
                self.fields[nombre] = CampoDeArchivos(
                    label=requisito.descripcion,
                    required=obligatorio,
                    help_text=" ".join(filter(None, [requisito.detalle, str(_("PDF, JPG o PNG de máximo 10 MB."))])),
                    error_messages={"required": _("Adjunte este documento (una foto legible sirve).")},
                )
            self.requisitos.append((nombre, requisito))
        for numero, (texto, obligatoria) in enumerate(ficha.preguntas(), start=1):
            self.fields[f"pregunta_{numero}"] = forms.CharField(
                label=texto, max_length=500, required=obligatoria, error_messages=REQUERIDO
            )

    def clean(self):
        datos = super().clean()
        datos["persona"] = self.limpiar_persona(datos, anonimo=False)
        return datos

    def campos(self, prefijo):
        return [self[nombre] for nombre in self.fields if nombre.startswith(prefijo)]

    def descripcion(self):
        """What the person answered, as the radicado's text (the files go as its attachments)."""
        lineas = [f"Solicitud en línea de «{self.ficha.nombre}»."]
        for campo in self.campos("pregunta_"):
            lineas.append(f"{campo.label}: {self.cleaned_data.get(campo.name) or '(sin respuesta)'}")
        for nombre, requisito in self.requisitos:
            valor = self.cleaned_data.get(nombre)
            if requisito.tipo == "condicion":
                lineas.append(f"Declara que cumple: {requisito.descripcion}: {'sí' if valor else 'no'}")
            else:
                lineas.append(f"{requisito.descripcion}: {len(valor or [])} archivo(s)")
        return "\n".join(lineas)

    def archivos(self):
        adjuntos = []
        for nombre, requisito in self.requisitos:
            if requisito.tipo == "condicion":
                continue
            for archivo in self.cleaned_data.get(nombre) or []:
                adjuntos.append((f"{requisito.descripcion[:60]} - {archivo.name}", archivo))
        return adjuntos


def termino_de_la_ficha(ficha):
    """(days, calendar days?, basis) of a ficha's response time; the law's 15 business days when it has none."""
    if ficha.tiempo_tipo == "inmediato":
        return TERMINO_INMEDIATO, False, f"Ficha «{ficha.nombre}»: respuesta inmediata (1 día hábil en línea)"
    if ficha.tiempo_cantidad:
        return (
            ficha.tiempo_cantidad,
            ficha.tiempo_tipo == "calendario",
            f"Ficha «{ficha.nombre}»: {ficha.tiempo_texto}",
        )
    dias, fundamento = services.termino_de(Tipo.TRAMITE)
    return dias, False, fundamento


def _ficha(modelo, slug):
    ficha = get_object_or_404(modelo.objects.publicados().select_related("dependencia"), slug=slug)
    if not ficha.solicitud_en_linea:
        raise Http404
    return ficha


def _privada(respuesta):
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Robots-Tag"] = "noindex, nofollow"
    return respuesta


def solicitar(request, slug, *, modelo):
    from .views import MENSAJE_LIMITE, MENSAJE_TRAMPA, sin_base

    ficha = _ficha(modelo, slug)
    direccion = direccion_del_cliente(request)
    if request.method == "GET":
        form = SolicitudForm(ficha=ficha)
        return _pagina(request, ficha, form, agotado=limites.agotado("radicar", direccion))
    form = SolicitudForm(request.POST, request.FILES, ficha=ficha)
    try:
        agotado = limites.agotado("radicar", direccion)
        if request.POST.get(CAMPO_TRAMPA):
            return _pagina(request, ficha, form, agotado=agotado, rechazo=MENSAJE_TRAMPA, status=400)
        if not form.is_valid():
            return _pagina(request, ficha, form, agotado=agotado)
        if agotado:
            return _pagina(request, ficha, form, agotado=agotado, rechazo=MENSAJE_LIMITE, status=429)
        dias, calendario, fundamento = termino_de_la_ficha(ficha)
        try:
            with transaction.atomic():
                radicado, codigo = services.radicado_crear(
                    tipo=Tipo.TRAMITE,
                    asunto=ficha.nombre[:200],
                    descripcion=form.descripcion(),
                    persona=form.cleaned_data["persona"],
                    archivos=form.archivos(),
                    dependencia=ficha.dependencia,
                    dias_termino=dias,
                    dias_calendario=calendario,
                    fundamento_termino=fundamento[:250],
                    ficha=ficha,
                    valor_a_pagar=ficha.costo_valor if ficha.costo_tipo == "valor" and ficha.costo_valor else None,
                )
                limites.contar("radicar", direccion)
        except ValidationError as error:
            form.add_error(None, error)
            return _pagina(request, ficha, form, agotado=agotado)
    except (OperationalError, InterfaceError):
        return sin_base(request, "ventanilla/_formulario_solicitud.html", {"form": form, "ficha": ficha})
    llavero = Llavero(request)
    llavero.recordar(radicado, codigo)
    return llavero.guardar(redirect("ventanilla:constancia", numero=radicado.numero))


def _pagina(request, ficha, form, *, agotado, rechazo=None, status=200):
    from .views import MENSAJE_LIMITE

    contexto = {"ficha": ficha, "form": form, "limite_agotado": agotado, "mensaje_limite": MENSAJE_LIMITE}
    contexto["rechazo"] = rechazo
    return _privada(render(request, "ventanilla/solicitar.html", contexto, status=status))


def rutas(modelo):
    """The URL of a ficha app's online request form (``<app>/<slug>/solicitar/``), bound to its model."""
    from django.urls import path

    @never_cache
    @require_http_methods(["GET", "POST"])
    def vista(request, slug):
        return solicitar(request, slug, modelo=modelo)

    return [path(f"{modelo._meta.app_label}/<slug:slug>/solicitar/", vista, name="solicitar")]
