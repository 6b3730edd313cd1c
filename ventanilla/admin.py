"""The officials' PQRSD inbox (bandeja) in the admin.

The list shows the radicados an official may see (their dependencias'; all for the committee, administrators
and the office that receives PQRSD), overdue and due-soon first. The change page is the radicado's file: what
the person asked, the clock, the history (public steps and internal notes) and one small form per step
(assign, ask to complete, extend, transfer, answer, close…), each calling one function of ``services``.
A radicado is never deleted nor edited field by field: its steps are its history.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.auditoria import AuditadoAdmin, AuditadoMixin
from portal.models import Dependencia, Usuario

from . import services
from .calendario import calendario_vigente
from .certificados import certificado_expedir, revocar
from .forms import CampoDeArchivos, RegistroEnVentanillaForm
from .models import (
    ABIERTOS,
    Adjunto,
    Certificado,
    DiaSuspendido,
    Estado,
    PlantillaCertificado,
    Radicado,
    TerminoLegal,
    Tipo,
    clave_de_ficha,
)
from .permisos import puede_actuar, ve_todos
from .views import _servir

# --- the forms of each step -------------------------------------------------------------------------------


class AsignarForm(forms.Form):
    dependencia = forms.ModelChoiceField(label=_("Dependencia que responde"), queryset=Dependencia.objects.activas())
    responsable = forms.ModelChoiceField(
        label=_("Funcionario responsable (opcional)"),
        queryset=Usuario.objects.filter(is_active=True, is_staff=True).order_by("first_name", "username"),
        required=False,
    )
    nota = forms.CharField(
        label=_("Nota interna (opcional)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class NotaForm(forms.Form):
    texto = forms.CharField(
        label=_("Nota interna"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("El peticionario no la ve.")
    )


class CompletarSolicitudForm(forms.Form):
    que_falta = forms.CharField(
        label=_("Qué le falta a la petición"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("El peticionario lo lee tal cual. El término se detiene y tiene un mes para completarla."),
    )


class ProrrogaForm(forms.Form):
    nueva_fecha = forms.DateField(
        label=_("Nueva fecha de respuesta"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    motivo = forms.CharField(
        label=_("Motivo (se le informa al peticionario)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class TrasladoForm(forms.Form):
    entidad = forms.CharField(label=_("Entidad competente"), max_length=200)
    motivo = forms.CharField(label=_("Por qué le corresponde"), widget=forms.Textarea(attrs={"rows": 2}))


class RespuestaForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decisión"),
        choices=[("", _("Elija…")), ("aprobada", _("Aprobar")), ("rechazada", _("Rechazar"))],
        required=False,
        help_text=_("Si la rechaza, explique por qué en la respuesta: el peticionario la lee con sus recursos."),
    )
    respuesta = Radicado._meta.get_field("respuesta").formfield(label=_("Respuesta"), required=True)
    adjuntos = CampoDeArchivos(label=_("Anexos de la respuesta (opcional)"), required=False)
    acceso_negado = forms.BooleanField(
        label=_("Se niega el acceso a la información (total o parcialmente)"),
        required=False,
        help_text=_("Solo en solicitudes de información; la negación debe ser motivada (Ley 1755, arts. 24 y 25)."),
    )
    fundamento_negacion = forms.CharField(
        label=_("Norma que funda la negación"),
        max_length=250,
        required=False,
        help_text=_("Por ejemplo «Ley 1712 de 2014, art. 18 lit. a (datos personales)»."),
    )


class MotivoForm(forms.Form):
    motivo = forms.CharField(label=_("Decisión motivada"), widget=forms.Textarea(attrs={"rows": 3}))


class CertificadoForm(forms.Form):
    plantilla = forms.ModelChoiceField(
        label=_("Certificado"),
        queryset=PlantillaCertificado.objects.filter(activa=True),
        help_text=_(
            "Se genera en PDF con código de verificación y código QR; el peticionario lo descarga en la consulta."
        ),
    )


class PagoForm(forms.Form):
    detalle = forms.CharField(
        label=_("Cómo se pagó"), max_length=200, help_text=_("Banco o ventanilla y número del recibo.")
    )


class CierreForm(forms.Form):
    nota = forms.CharField(label=_("Nota de cierre (opcional)"), required=False)


PASOS = {
    "asignar": (AsignarForm, _("Asignar o reasignar")),
    "nota": (NotaForm, _("Agregar nota interna")),
    "completar": (CompletarSolicitudForm, _("Pedir que complete la petición (art. 17)")),
    "prorrogar": (ProrrogaForm, _("Prorrogar el término (art. 14, parágrafo)")),
    "trasladar": (TrasladoForm, _("Trasladar a otra entidad (art. 21)")),
    "responder": (RespuestaForm, _("Responder")),
    "certificado": (CertificadoForm, _("Expedir un certificado")),
    "pago": (PagoForm, _("Registrar el pago")),
    "desistir": (MotivoForm, _("Declarar el desistimiento tácito")),
    "cerrar": (CierreForm, _("Cerrar")),
}


def _pasos_posibles(radicado, hoy):
    if radicado.estado in ABIERTOS:
        posibles = ["responder", "asignar", "completar", "prorrogar", "trasladar", "nota"]
        if not radicado.anonimo:
            posibles.insert(1, "certificado")
        if radicado.pendiente_de_pago:
            posibles.insert(0, "pago")
        if radicado.tipo == Tipo.FELICITACION:
            posibles.append("cerrar")
        return posibles
    if radicado.estado == Estado.POR_COMPLETAR:
        vencio = radicado.completar_hasta is not None and hoy > radicado.completar_hasta
        return ["desistir", "nota"] if vencio else ["nota"]
    if radicado.estado == Estado.RESPONDIDA:
        return ["certificado", "cerrar", "nota"] if not radicado.anonimo else ["cerrar", "nota"]
    return ["nota"]


def _ejecutar(paso, radicado, usuario, datos):
    if paso == "asignar":
        return services.radicado_asignar(radicado=radicado, usuario=usuario, **datos)
    if paso == "nota":
        return services.radicado_anotar(radicado=radicado, usuario=usuario, texto=datos["texto"])
    if paso == "completar":
        return services.radicado_pedir_completar(radicado=radicado, usuario=usuario, que_falta=datos["que_falta"])
    if paso == "prorrogar":
        return services.radicado_prorrogar(radicado=radicado, usuario=usuario, **datos)
    if paso == "trasladar":
        return services.radicado_trasladar(radicado=radicado, usuario=usuario, **datos)
    if paso == "responder":
        archivos = [(a.name, a) for a in datos.pop("adjuntos")]
        return services.radicado_responder(radicado=radicado, usuario=usuario, archivos=archivos, **datos)
    if paso == "pago":
        return services.radicado_registrar_pago(radicado=radicado, usuario=usuario, detalle=datos["detalle"])
    if paso == "certificado":
        return certificado_expedir(radicado=radicado, plantilla=datos["plantilla"], usuario=usuario)
    if paso == "desistir":
        return services.radicado_desistir(radicado=radicado, usuario=usuario, motivo=datos["motivo"])
    if paso == "cerrar":
        return services.radicado_cerrar(radicado=radicado, usuario=usuario, nota=datos["nota"])
    raise Http404


TIPOS_CORTOS = {
    Tipo.PETICION: _("Petición"),
    Tipo.INFORMACION: _("Información"),
}

# --- the list ---------------------------------------------------------------------------------------------


class VencimientoFilter(admin.SimpleListFilter):
    title = _("vencimiento")
    parameter_name = "vencimiento"

    def lookups(self, request, model_admin):
        return [
            ("vencidas", _("Vencidas")),
            ("pronto", _("Vencen en 3 días hábiles o menos")),
            ("en_termino", _("En término")),
        ]

    def queryset(self, request, queryset):
        hoy = timezone.localdate()
        if self.value() == "vencidas":
            return queryset.vencidos(hoy)
        if self.value() == "pronto":
            return queryset.por_vencer(hoy, calendario_vigente().sumar(hoy, 3))
        if self.value() == "en_termino":
            return queryset.abiertos().filter(vence__gte=hoy)
        return queryset


@admin.register(Radicado)
class RadicadoAdmin(AuditadoMixin, admin.ModelAdmin):
    list_display = ["numero", "semaforo", "estado", "tipo_corto", "asunto_corto", "dependencia"]
    list_display_links = ["numero", "asunto_corto"]
    list_filter = [VencimientoFilter, "estado", "tipo", "canal", "dependencia", "prioridad"]
    search_fields = ["numero", "asunto", "nombre", "numero_documento"]
    list_select_related = ["dependencia"]
    list_per_page = 50
    show_full_result_count = False
    change_form_template = "admin/ventanilla/radicado/expediente.html"

    class Media:
        css = {"all": ["css/ventanilla-admin.css"]}

    add_form_template = "admin/ventanilla/radicado/registrar.html"

    def get_queryset(self, request):
        # Open ones first, by due date (overdue at the top); then the closed ones, newest first.
        return super().get_queryset(request).de_usuario(request.user)

    def get_list_display(self, request):
        # An official sees only their dependencias' radicados: the column would repeat the same name.
        if ve_todos(request.user):
            return self.list_display
        return [c for c in self.list_display if c != "dependencia"]

    def get_ordering(self, request):
        cerrado = Case(When(estado__in=ABIERTOS, then=Value(0)), default=Value(1), output_field=IntegerField())
        return [cerrado.asc(), F("vence").asc(nulls_last=True), "-radicado_en"]

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Bandeja de PQRSD"), **(extra_context or {})})

    def get_actions(self, request):
        return {}

    @admin.display(description=_("vence"), ordering="vence")
    def semaforo(self, obj):
        hoy = timezone.localdate()
        if not obj.abierto or obj.vence is None:
            texto = _("En pausa") if obj.estado == Estado.POR_COMPLETAR else "—"
            return format_html('<span class="semaforo semaforo--nada">{}</span>', texto)
        restantes = (obj.vence - hoy).days
        if restantes < 0:
            return format_html('<span class="semaforo semaforo--vencida">Vencida {}</span>', f"{obj.vence:%d/%m/%y}")
        clase = "pronto" if restantes <= 4 else "bien"
        return format_html('<span class="semaforo semaforo--{}">{}</span>', clase, f"{obj.vence:%d/%m/%y}")

    @admin.display(description=_("tipo"), ordering="tipo")
    def tipo_corto(self, obj):
        return TIPOS_CORTOS.get(obj.tipo, obj.get_tipo_display())

    @admin.display(description=_("asunto"))
    def asunto_corto(self, obj):
        asunto = obj.asunto if len(obj.asunto) <= 60 else obj.asunto[:57] + "…"
        if obj.prioridad:
            return format_html('<strong class="alerta">{}</strong> {}', _("Prioritaria:"), asunto)
        return asunto

    # --- the file (change page) -----------------------------------------------------------------------------

    def get_urls(self):
        propias = [
            path(
                "<int:pk>/archivos/<int:adjunto>/",
                self.admin_site.admin_view(self.descargar),
                name="ventanilla_radicado_adjunto",
            )
        ]
        return propias + super().get_urls()

    def descargar(self, request, pk, adjunto):
        radicado = get_object_or_404(self.get_queryset(request), pk=pk)
        return _servir(get_object_or_404(Adjunto, pk=adjunto, radicado=radicado))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        radicado = self.get_object(request, object_id)
        if radicado is None or not self.has_view_permission(request, radicado):
            raise Http404
        hoy = timezone.localdate()
        posibles = _pasos_posibles(radicado, hoy)
        puede = self.has_change_permission(request, radicado) and puede_actuar(request.user, radicado)
        formularios = {}
        paso_activo = None
        if request.method == "POST":
            paso_activo = request.POST.get("paso")
            if not puede or paso_activo not in posibles:
                raise PermissionDenied
            clase = PASOS[paso_activo][0]
            form = clase(request.POST, request.FILES, prefix=paso_activo)
            if paso_activo == "responder" and not radicado.es_tramite:
                form.fields.pop("decision")
            if form.is_valid():
                try:
                    _ejecutar(paso_activo, radicado, request.user, dict(form.cleaned_data))
                except ValidationError as error:
                    form.add_error(None, error)
                except PermissionDenied as error:
                    form.add_error(None, str(error))
                else:
                    self.message_user(
                        request, _("Listo: %(paso)s.") % {"paso": PASOS[paso_activo][1]}, messages.SUCCESS
                    )
                    return redirect(reverse("admin:ventanilla_radicado_change", args=[radicado.pk]))
            formularios[paso_activo] = form
        if puede:
            for nombre in posibles:
                if nombre not in formularios:
                    inicial = self._inicial(nombre, radicado, hoy)
                    formularios[nombre] = PASOS[nombre][0](prefix=nombre, initial=inicial)
        if "responder" in formularios and not radicado.es_tramite:
            formularios["responder"].fields.pop("decision", None)
        contexto = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Radicado {radicado.numero}",
            "radicado": radicado,
            "original": radicado,
            "hoy": hoy,
            "vencido": radicado.vencido(hoy),
            "limite_prorroga": services.limite_de_prorroga(radicado) if radicado.abierto else None,
            "actuaciones": radicado.actuaciones.select_related("usuario"),
            "adjuntos": radicado.adjuntos.all(),
            "pasos": [(nombre, PASOS[nombre][1], formularios[nombre]) for nombre in posibles if nombre in formularios],
            "paso_activo": paso_activo,
            "has_view_permission": True,
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.change_form_template, contexto, status=400 if paso_activo else 200)

    @staticmethod
    def _inicial(nombre, radicado, hoy):
        if nombre == "asignar":
            return {"dependencia": radicado.dependencia_id, "responsable": radicado.responsable_id}
        if nombre == "certificado":
            # The template made for the requested ficha, else one named like it.
            de_la_ficha = (
                Q(ficha=clave_de_ficha(radicado.ficha_modelo, radicado.ficha_id)) if radicado.ficha_id else Q(pk=None)
            )
            plantilla = (
                PlantillaCertificado.objects.filter(activa=True)
                .filter(de_la_ficha | Q(nombre__iexact=radicado.ficha_nombre or radicado.asunto))
                .order_by("-ficha")
                .first()
            )
            return {"plantilla": plantilla.pk} if plantilla else {}
        return {}

    # --- petitions received at the counter, by phone or by post ---------------------------------------------

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = RegistroEnVentanillaForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            datos = form.cleaned_data
            try:
                radicado, codigo = services.radicado_crear(
                    tipo=datos["tipo"],
                    asunto=datos["asunto"],
                    descripcion=datos["descripcion"],
                    canal=datos["canal"],
                    anonimo=datos["anonimo"],
                    persona=datos["persona"],
                    prioridad=datos.get("prioridad") or "",
                    archivos=[(a.name, a) for a in datos["adjuntos"]],
                    usuario=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    _(
                        "Radicado %(numero)s registrado; vence el %(vence)s. Entregue al peticionario el número y su "
                        "código de consulta: %(codigo)s (no se vuelve a mostrar)."
                    )
                    % {"numero": radicado.numero, "vence": f"{radicado.vence:%d/%m/%Y}", "codigo": codigo},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:ventanilla_radicado_change", args=[radicado.pk]))
        contexto = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Registrar una PQRSD recibida en ventanilla, por teléfono o por correo"),
            "form": form,
            "has_view_permission": True,
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.add_form_template, contexto)


@admin.register(TerminoLegal)
class TerminoLegalAdmin(AuditadoAdmin):
    list_display = ["tipo", "dias", "fundamento"]


@admin.register(DiaSuspendido)
class DiaSuspendidoAdmin(AuditadoAdmin):
    list_display = ["fecha", "motivo"]
    date_hierarchy = "fecha"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        cambiados = services.recalcular_vencimientos()
        if cambiados:
            self.message_user(request, _("Se movió el vencimiento de %(n)d radicados abiertos.") % {"n": cambiados})

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.recalcular_vencimientos()


def _opciones_de_ficha():
    """Every ficha of the apps that registered theirs (trámites, servicios), as «app.modelo:id»."""
    from portal import registro

    opciones = [("", _("Ninguna"))]
    for modelo in registro.modelos_de_ficha().values():
        etiqueta = modelo._meta.label_lower
        grupo = [
            (clave_de_ficha(etiqueta, pk), nombre)
            for pk, nombre in modelo.objects.vivos().order_by("nombre").values_list("pk", "nombre")
        ]
        opciones.append((str(modelo._meta.verbose_name_plural).capitalize(), grupo))
    return opciones


class PlantillaCertificadoForm(forms.ModelForm):
    ficha = forms.ChoiceField(
        label=_("Trámite o servicio"),
        required=False,
        choices=_opciones_de_ficha,
        help_text=PlantillaCertificado._meta.get_field("ficha").help_text,
    )

    class Meta:
        model = PlantillaCertificado
        fields = ["nombre", "titulo", "ficha", "texto", "firma_cargo", "vigencia_dias", "activa"]


@admin.register(PlantillaCertificado)
class PlantillaCertificadoAdmin(AuditadoAdmin):
    form = PlantillaCertificadoForm
    list_display = ["nombre", "titulo", "vigencia_dias", "activa"]
    list_filter = ["activa"]


class RevocarForm(forms.Form):
    motivo = forms.CharField(
        label=_("Motivo de la revocación"), max_length=250, help_text=_("Se muestra a quien verifique el certificado.")
    )


@admin.register(Certificado)
class CertificadoAdmin(AuditadoMixin, admin.ModelAdmin):
    """Issued certificates: read-only, with one step, revoking (the reason is public on /verificar/)."""

    list_display = ["codigo_legible", "titulo", "radicado", "emitido_en", "valido_hasta", "estado_texto"]
    list_filter = ["plantilla", "revocado_en"]
    search_fields = ["codigo", "radicado__numero"]
    list_select_related = ["radicado"]
    change_form_template = "admin/ventanilla/certificado/revocar.html"

    def get_queryset(self, request):
        visibles = Radicado.objects.de_usuario(request.user).values("pk")
        return super().get_queryset(request).filter(radicado__in=visibles)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("estado"))
    def estado_texto(self, obj):
        return {
            "vigente": _("Vigente"),
            "vencido": _("Vencido"),
            "revocado": _("Revocado"),
            "pendiente": _("En preparación"),
        }[obj.estado()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        certificado = self.get_object(request, object_id)
        if certificado is None:
            raise Http404
        puede = self.has_change_permission(request, certificado) and not certificado.revocado_en
        form = RevocarForm(request.POST or None) if puede else None
        if request.method == "POST":
            if not puede:
                raise PermissionDenied
            if form.is_valid():
                try:
                    revocar(certificado=certificado, usuario=request.user, motivo=form.cleaned_data["motivo"])
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    self.message_user(request, _("Certificado revocado."), messages.SUCCESS)
                    return redirect(reverse("admin:ventanilla_certificado_change", args=[certificado.pk]))
        contexto = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": str(certificado),
            "certificado": certificado,
            "original": certificado,
            "form": form,
            "has_view_permission": True,
        }
        return TemplateResponse(request, self.change_form_template, contexto)
