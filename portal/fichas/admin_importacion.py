"""Import of fichas from a spreadsheet in the admin: a page to upload the file and the template downloads.

Add ``ImportacionAdminMixin`` before ``FichaAdmin`` in a ficha's admin and use the change list template
``admin/fichas/change_list.html``, which links to the import page. Who may add fichas may import them; the
import itself applies the same ownership rules as the admin (an official only touches their dependencias'
drafts), and keeps nothing when a row is wrong.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import importacion

TAMANO_MAXIMO = 5 * 1024 * 1024
TIPO_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class FormularioImportacion(forms.Form):
    archivo = forms.FileField(
        label=gettext_lazy("Archivo CSV o Excel (.xlsx)"),
        help_text=gettext_lazy("Llenado con la plantilla: una fila por ficha. Máximo 5 MB."),
    )
    solo_validar = forms.BooleanField(
        label=gettext_lazy("Solo validar"),
        label_suffix="",
        required=False,
        help_text=gettext_lazy("Revisa el archivo y dice qué haría, sin guardar nada."),
    )

    def clean_archivo(self):
        archivo = self.cleaned_data["archivo"]
        if archivo.size > TAMANO_MAXIMO:
            raise forms.ValidationError(_("El archivo pesa más de 5 MB; divídalo en varios."))
        return archivo


def resumen(informe, opts):
    """The one-line outcome of an import that had no errors, in Spanish."""
    creadas, actualizadas = len(informe.creadas), len(informe.actualizadas)
    if informe.simulado:
        texto = _("El archivo está bien. Se crearían %(c)d y se actualizarían %(a)d %(plural)s. No se guardó nada.")
    else:
        texto = ngettext(
            "Importación terminada: %(c)d %(singular)s creado en borrador y %(a)d actualizados.",
            "Importación terminada: %(c)d %(plural)s creados en borrador y %(a)d actualizados.",
            creadas,
        )
    return texto % {"c": creadas, "a": actualizadas, "singular": opts.verbose_name, "plural": opts.verbose_name_plural}


class ImportacionAdminMixin:
    """Adds ``importar/``, ``plantilla.xlsx`` and ``plantilla.csv`` to a ficha's admin."""

    importacion_template = "admin/fichas/importar.html"

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        vista = self.admin_site.admin_view
        # Before the ModelAdmin's own URLs, whose "<path:object_id>/" would take "importar/" for an object.
        return [
            path("importar/", vista(self.importar_view), name=f"{info}_importar"),
            path("plantilla.xlsx", vista(self.plantilla_xlsx_view), name=f"{info}_plantilla_xlsx"),
            path("plantilla.csv", vista(self.plantilla_csv_view), name=f"{info}_plantilla_csv"),
            *super().get_urls(),
        ]

    def puede_importar(self, request):
        return self.has_add_permission(request)

    def importar_view(self, request):
        if not self.puede_importar(request):
            raise PermissionDenied
        informe = None
        if request.method == "POST":
            formulario = FormularioImportacion(request.POST, request.FILES)
            if formulario.is_valid():
                informe = importacion.importar(
                    formulario.cleaned_data["archivo"],
                    modelo=self.model,
                    usuario=request.user,
                    simular=formulario.cleaned_data["solo_validar"],
                )
                if informe.ok and not informe.simulado:
                    self.message_user(request, resumen(informe, self.opts), messages.SUCCESS)
                    return redirect(
                        reverse(
                            f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist",
                            current_app=self.admin_site.name,
                        )
                    )
        else:
            formulario = FormularioImportacion()
        contexto = {
            **self.admin_site.each_context(request),
            "title": _("Importar %(plural)s desde CSV o Excel") % {"plural": self.opts.verbose_name_plural},
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "has_view_permission": self.has_view_permission(request),
            "formulario": formulario,
            "informe": informe,
            "resumen": resumen(informe, self.opts) if informe and informe.ok else "",
            "columnas": importacion.COLUMNAS,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.importacion_template, contexto)

    def _descarga(self, contenido, tipo, extension):
        respuesta = HttpResponse(contenido, content_type=tipo)
        nombre = f"plantilla-{slugify(self.opts.verbose_name_plural)}.{extension}"
        respuesta["Content-Disposition"] = f'attachment; filename="{nombre}"'
        return respuesta

    def plantilla_xlsx_view(self, request):
        if not self.puede_importar(request):
            raise PermissionDenied
        return self._descarga(importacion.plantilla_xlsx(self.model), TIPO_XLSX, "xlsx")

    def plantilla_csv_view(self, request):
        if not self.puede_importar(request):
            raise PermissionDenied
        return self._descarga(importacion.plantilla_csv(self.model), "text/csv; charset=utf-8", "csv")
