"""Admin of the outreach campaigns (moved from portal): short link, arrivals and QR code."""

from django.contrib import admin
from django.db.models import CharField, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.auditoria import AuditadoAdmin
from portal.models import VisitaDiaria

from ..models import Campana


def _enlaces_qr(campana):
    return format_html(
        '<a href="{}" target="_blank" rel="noopener">SVG</a> · <a href="{}" target="_blank" rel="noopener">PNG</a>',
        reverse("campanas:qr_svg", kwargs={"codigo": campana.codigo}),
        reverse("campanas:qr_png", kwargs={"codigo": campana.codigo}),
    )


@admin.register(Campana)
class CampanaAdmin(AuditadoAdmin):
    """Short links ``/c/<código>/`` for the plan's outreach: perifoneo, radio spots, events, posters."""

    list_display = ["nombre", "enlace_corto", "medio", "activa", "llegadas", "qr"]
    list_filter = ["medio", "activa"]
    search_fields = ["nombre", "codigo", "destino"]
    prepopulated_fields = {"codigo": ["nombre"]}
    readonly_fields = ["enlace_corto", "llegadas", "qr", "vista_previa_qr", "creada"]
    fields = ["nombre", "codigo", "destino", "medio", "activa", "enlace_corto", "llegadas", "qr", "vista_previa_qr"]

    def get_queryset(self, request):
        llegadas = (
            VisitaDiaria.objects.filter(campana=OuterRef("codigo"))
            .order_by()
            .values("campana")
            .annotate(total=Sum("vistas"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                total_llegadas=Coalesce(Subquery(llegadas, output_field=IntegerField()), 0),
                # The site's address as the committee reaches it, for the full short link (per request).
                sitio=Value(request.build_absolute_uri("/")[:-1], output_field=CharField()),
            )
        )

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["nombre", "codigo", "destino", "medio", "activa"]
        return super().get_fields(request, obj)

    @admin.display(description=_("enlace corto"))
    def enlace_corto(self, campana):
        if not campana.pk:
            return "—"
        url = getattr(campana, "sitio", "") + campana.get_absolute_url()
        return format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', url)

    @admin.display(description=_("llegadas"), ordering="total_llegadas")
    def llegadas(self, campana):
        return getattr(campana, "total_llegadas", 0)

    @admin.display(description=_("código QR"))
    def qr(self, campana):
        return _enlaces_qr(campana) if campana.pk else "—"

    @admin.display(description=_("vista previa"))
    def vista_previa_qr(self, campana):
        if not campana.pk:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" width="200" height="200">',
            reverse("campanas:qr_svg", kwargs={"codigo": campana.codigo}),
            _("Código QR del enlace corto de la campaña «%(nombre)s»") % {"nombre": campana.nombre},
        )
