"""Citizen catalogue and ficha detail, one implementation for trámites and servicios."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from .. import cache_paginas, datos_estructurados, identidad
from ..busqueda import limpiar_consulta
from ..models import Dependencia, SituacionDeVida
from .models import Canal, TipoCosto

FICHAS_POR_PAGINA = 20


class FiltroCatalogo(forms.Form):
    q = forms.CharField(label=_("Buscar"), required=False)
    dependencia = forms.ModelChoiceField(
        label=_("Dependencia"),
        queryset=Dependencia.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Todas"),
    )
    situacion = forms.ModelChoiceField(
        label=_("Situación de vida"),
        queryset=SituacionDeVida.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Todas"),
    )
    audiencia = forms.ChoiceField(
        label=_("¿Quién lo hace?"),
        required=False,
        choices=[("", _("Cualquiera")), ("natural", _("Persona natural")), ("juridica", _("Persona jurídica"))],
    )
    en_linea = forms.ChoiceField(
        label=_("Canal"),
        required=False,
        choices=[("", _("Todos")), ("si", _("Se puede hacer en línea")), ("no", _("Solo presencial"))],
    )
    costo = forms.ChoiceField(
        label=_("Costo"),
        required=False,
        choices=[("", _("Todos")), ("gratuito", _("Gratuito")), ("pago", _("Con costo"))],
    )

    def __init__(self, *args, dependencias, situaciones, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependencia"].queryset = dependencias
        self.fields["situacion"].queryset = situaciones

    def clean_q(self):
        return limpiar_consulta(self.cleaned_data["q"])

    def filtrar(self, fichas):
        # Each valid filter applies; an invalid one (an old bookmark, a tampered link) is ignored and the
        # page says so (``self.errors``) instead of silently showing everything.
        if not self.is_bound:
            return fichas
        self.is_valid()
        datos = {campo: self.cleaned_data.get(campo) for campo in self.fields}
        if consulta := datos["q"]:
            texto = Q()
            for campo in ("nombre", "nombre_estandarizado", "tambien_conocido_como", "proposito"):
                texto |= Q(**{f"{campo}__icontains": consulta})
            fichas = fichas.filter(texto)
        if datos["dependencia"]:
            fichas = fichas.filter(dependencia=datos["dependencia"])
        if datos["situacion"]:
            fichas = fichas.filter(situaciones=datos["situacion"])
        if datos["audiencia"] == "natural":
            fichas = fichas.filter(para_persona_natural=True)
        elif datos["audiencia"] == "juridica":
            fichas = fichas.filter(para_persona_juridica=True)
        if datos["en_linea"] == "si":
            fichas = fichas.en_linea()
        elif datos["en_linea"] == "no":
            fichas = fichas.filter(canal=Canal.PRESENCIAL)
        if datos["costo"] == "gratuito":
            fichas = fichas.filter(costo_tipo=TipoCosto.GRATUITO)
        elif datos["costo"] == "pago":
            fichas = fichas.exclude(costo_tipo=TipoCosto.GRATUITO)
        return fichas


def campos_de_filtro(formulario, listas):
    """The filter form as plain data for the template, which writes the inputs itself: Django's per-widget and
    per-option templates cost more than the rest of the catalogue page. ``listas`` gives the choices of the
    model fields (``{name: [(slug, label)]}``), read once per content version."""
    campos = []
    for campo in formulario:
        valor = campo.value()
        if campo.name in listas:
            opciones = [("", campo.field.empty_label), *listas[campo.name]]
        else:
            opciones = getattr(campo.field, "choices", None)
        campos.append(
            {
                "nombre": campo.html_name,
                "id": campo.id_for_label,
                "etiqueta": campo.label,
                "valor": "" if valor is None else str(valor),
                "opciones": None if opciones is None else [(str(v), str(e)) for v, e in opciones],
                "errores": campo.errors,
            }
        )
    return campos


def _con_fichas(modelo):
    # Only the choices that lead somewhere: dependencias and situations with published fichas.
    publicadas = modelo.objects.publicados()
    return (
        Dependencia.objects.filter(pk__in=publicadas.values("dependencia")),
        SituacionDeVida.objects.filter(pk__in=publicadas.values("situaciones")),
    )


def _listas_de_filtro(modelo):
    """The filters' choices (``{campo: [(slug, nombre)]}``) and the dependencias' names by id."""
    dependencias, situaciones = _con_fichas(modelo)
    dependencias = list(dependencias.values_list("pk", "slug", "nombre"))
    listas = {
        "dependencia": [(slug, nombre) for _, slug, nombre in dependencias],
        "situacion": list(situaciones.values_list("slug", "nombre")),
    }
    return listas, {pk: nombre for pk, _, nombre in dependencias}


# What a row of the catalogue shows (``lista_de_fichas``): a ficha has some twenty long text fields besides.
CAMPOS_DE_LA_FILA = (
    "nombre", "slug", "proposito", "canal", "costo_tipo", "costo_valor", "tiempo_tipo", "tiempo_cantidad",
)  # fmt: skip


def catalogo(request, *, modelo):
    publicadas = modelo.objects.publicados()
    # What the form accepts (queried only to check a choice, so only built when something was chosen).
    if request.GET:
        dependencias, situaciones = _con_fichas(modelo)
    else:
        dependencias, situaciones = Dependencia.objects.none(), SituacionDeVida.objects.none()
    formulario = FiltroCatalogo(request.GET or None, dependencias=dependencias, situaciones=situaciones)
    # What it offers: the same, kept per content version until the next scheduled change.
    listas, nombres_de_dependencias = cache_paginas.por_version(
        f"filtros:{modelo._meta.label}", lambda: _listas_de_filtro(modelo), exacto=True
    )
    # Each row names its dependencia from those lists: no join, and no Dependencia built per row.
    filtrado = any(v for k, v in request.GET.items() if k != "pagina")

    def _pagina():
        fichas = formulario.filtrar(publicadas).only(*CAMPOS_DE_LA_FILA, "dependencia").order_by("nombre")
        pagina = Paginator(fichas, FICHAS_POR_PAGINA).get_page(request.GET.get("pagina"))
        pagina.object_list = list(pagina.object_list)
        return pagina

    # The unfiltered catalogue, the page most people open, is kept per content version like the ficha.
    if filtrado:
        pagina = _pagina()
    else:
        pagina = cache_paginas.por_version(
            f"catalogo:{modelo._meta.label_lower}:{request.GET.get('pagina')}", _pagina, exacto=True
        )
    parametros = request.GET.copy()
    parametros.pop("pagina", None)
    return render(
        request,
        "fichas/catalogo.html",
        {
            "opts": modelo._meta,
            "campos": campos_de_filtro(formulario, listas),
            "pagina": pagina,
            "dependencias": nombres_de_dependencias,
            "parametros": parametros.urlencode(),
            "filtrado": filtrado,
            "ignorados": [str(campo.label) for campo in formulario if campo.errors],
        },
    )


def _con_lo_de_la_pagina(fichas):
    return fichas.select_related("dependencia").prefetch_related(
        "requisitos",
        "puntos_atencion",
        "normas",
        "formularios",
        Prefetch("situaciones", to_attr="lista_situaciones"),
    )


def detalle(request, slug, *, modelo):
    # A published ficha and its requirements change only when content is saved or at a scheduled moment:
    # each process keeps them per content version (six queries and their ORM work, most of the page's cost).
    ficha = cache_paginas.por_version(
        f"ficha:{modelo._meta.label_lower}:{slug}",
        lambda: _con_lo_de_la_pagina(modelo.objects.publicados()).filter(slug=slug).first(),
        exacto=True,
    )
    if ficha is None:
        raise Http404
    return mostrar(request, ficha)


def vista_previa(request, objeto, extra):
    """The page of a draft or revision, exactly as the public one will be (with its own requirements…)."""
    ficha = _con_lo_de_la_pagina(type(objeto)._base_manager.filter(pk=objeto.pk)).get()
    ficha.slug = objeto.slug  # a revision shows the address of its live ficha
    return mostrar(request, ficha, extra)


def mostrar(request, ficha, extra=None):
    modelo = type(ficha)
    momentos = []
    for valor, etiqueta in ficha.requisitos.model.Momento.choices:
        requisitos = [r for r in ficha.requisitos.all() if r.momento == valor]
        if requisitos:
            momentos.append({"etiqueta": etiqueta, "requisitos": requisitos})
    return render(
        request,
        "fichas/detalle.html",
        {
            "ficha": ficha,
            "opts": modelo._meta,
            "momentos": momentos,
            "json_ld": datos_estructurados.bloque(_json_ld(request, ficha)),
            **(extra or {}),
        },
    )


def _json_ld(request, ficha):
    """schema.org GovernmentService, so search engines and GOV.CO can read the ficha: its SUIT code, what it
    costs and every channel where it is done (online, and each point of attention with address, hours and
    phone)."""
    municipio = identidad.de_la_peticion(request)["municipio"]
    datos = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": ficha.nombre,
        "description": ficha.proposito,
        "url": request.build_absolute_uri(ficha.get_absolute_url()),
        "serviceType": str(ficha._meta.verbose_name),
        "provider": {
            "@type": "GovernmentOrganization",
            "name": municipio.entidad,
            "department": ficha.dependencia.nombre,
        },
        "areaServed": {"@type": "AdministrativeArea", "name": f"{municipio.nombre}, {municipio.departamento}"},
        "audience": {"@type": "Audience", "audienceType": ficha.audiencia},
        "offers": _oferta(ficha),
    }
    if ficha.nombre_estandarizado:
        datos["alternateName"] = ficha.nombre_estandarizado
    if ficha.codigo_suit:
        datos["identifier"] = {"@type": "PropertyValue", "propertyID": "SUIT", "value": ficha.codigo_suit}
    canales = []
    if ficha.en_linea:
        canales.append({"@type": "ServiceChannel", "name": "En línea", "serviceUrl": ficha.url_en_linea})
    for punto in ficha.puntos_atencion.all():
        lugar = {"@type": "Place", "name": punto.nombre, "address": punto.direccion}
        if punto.horario:
            lugar["openingHours"] = punto.horario
        if punto.latitud is not None and punto.longitud is not None:
            lugar["geo"] = {"@type": "GeoCoordinates", "latitude": punto.latitud, "longitude": punto.longitud}
        canal = {"@type": "ServiceChannel", "name": punto.nombre, "serviceLocation": lugar}
        if punto.telefono:
            canal["servicePhone"] = {"@type": "ContactPoint", "telephone": punto.telefono}
        canales.append(canal)
    if canales:
        datos["availableChannel"] = canales
    return datos


def _oferta(ficha):
    oferta = {"@type": "Offer", "priceCurrency": "COP"}
    if ficha.es_gratuito:
        oferta["price"] = 0
    elif ficha.costo_tipo == TipoCosto.VALOR and ficha.costo_valor is not None:
        oferta["price"] = int(ficha.costo_valor)
    if ficha.costo_formula:
        oferta["description"] = ficha.costo_formula
    return oferta


def rutas(modelo):
    """The URL patterns of a ficha app (catalogue, detail, open data), bound to its concrete model."""
    from django.urls import path

    from . import datos_abiertos

    prefijo = modelo._meta.app_label

    @require_safe
    def vista_catalogo(request):
        return catalogo(request, modelo=modelo)

    @require_safe
    def vista_detalle(request, slug):
        return detalle(request, slug, modelo=modelo)

    @require_safe
    def datos_json(request):
        return datos_abiertos.respuesta_json(request, modelo=modelo)

    @require_safe
    def datos_csv(request):
        return datos_abiertos.respuesta_csv(request, modelo=modelo)

    return [
        path(f"{prefijo}/", vista_catalogo, name="catalogo"),
        path(f"{prefijo}/<slug:slug>/", vista_detalle, name="detalle"),
        path(f"datos/{prefijo}.json", datos_json, name="datos_json"),
        path(f"datos/{prefijo}.csv", datos_csv, name="datos_csv"),
    ]
