from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import roles
from .admin_publicacion import PublicableAdmin
from .auditoria import AuditadoAdmin, AuditadoMixin, auditar_admin_registrado
from .models import (
    Categoria,
    ConsultaBusqueda,
    Dependencia,
    Documento,
    EntidadDirectorio,
    Evento,
    Funcionario,
    Municipio,
    Noticia,
    Politica,
    RedSocial,
    SeccionInstitucional,
    Sinonimo,
    SubseccionTransparencia,
    Usuario,
)
from .models.publicacion import q_vigente


class RedSocialInline(admin.TabularInline):
    model = RedSocial
    extra = 1


@admin.register(Municipio)
class MunicipioAdmin(AuditadoAdmin):
    """One record: the list page goes straight to it, and it can be neither added twice nor deleted."""

    inlines = [RedSocialInline]
    readonly_fields = ["actualizado"]
    fieldsets = [
        (
            _("Identidad"),
            {"fields": ["nombre", "departamento", "entidad", "lema", "escudo", "escudo_texto_alternativo"]},
        ),
        (_("Datos legales"), {"fields": ["nit", "codigo_dane"]}),
        (
            _("Sede y atención"),
            {"fields": ["direccion", "codigo_postal", "horario_atencion", "latitud", "longitud"]},
        ),
        (
            _("Canales de contacto"),
            {
                "fields": [
                    "telefono",
                    "linea_gratuita",
                    "linea_anticorrupcion",
                    "correo_institucional",
                    "correo_notificaciones_judiciales",
                ]
            },
        ),
        (_("Publicación"), {"fields": ["aviso_demostracion", "actualizado"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        municipio = Municipio.objects.actual()
        return redirect(reverse("admin:portal_municipio_change", args=[municipio.pk]))


class FuncionarioInline(admin.TabularInline):
    model = Funcionario
    extra = 0
    autocomplete_fields = ["usuario"]
    fields = ["nombre", "usuario", "cargo", "correo", "telefono", "en_directorio", "orden"]


@admin.register(Dependencia)
class DependenciaAdmin(AuditadoAdmin):
    list_display = ["nombre", "tipo", "cargo_responsable", "telefono", "correo", "activa", "es_demo"]
    list_filter = ["tipo", "activa", "es_demo"]
    search_fields = ["nombre", "descripcion", "cargo_responsable"]
    prepopulated_fields = {"slug": ["nombre"]}
    inlines = [FuncionarioInline]

    def get_queryset(self, request):
        # An official sees and edits only the dependencias they belong to.
        queryset = super().get_queryset(request)
        if roles.es_administrador(request.user) or request.user.has_perm("portal.add_dependencia"):
            return queryset
        return queryset.filter(pk__in=Dependencia.objects.de_usuario(request.user).values("pk"))

    def get_readonly_fields(self, request, obj=None):
        # Officials keep their contact data up to date; its name, address on the site and whether it is
        # shown are the administrator's decision.
        if roles.es_administrador(request.user):
            return super().get_readonly_fields(request, obj)
        return ["nombre", "slug", "tipo", "activa", "es_demo", "orden"]

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if roles.es_administrador(request.user) else {}

    def get_inlines(self, request, obj):
        # Who belongs to a dependencia is decided by the portal administrator, not by its own officials.
        if roles.es_administrador(request.user):
            return self.inlines
        return []


class CargoInline(admin.TabularInline):
    model = Funcionario
    extra = 1
    fields = ["dependencia", "cargo", "telefono", "en_directorio"]
    verbose_name = _("cargo en una dependencia")
    verbose_name_plural = _("cargos en dependencias")


@admin.register(Usuario)
class UsuarioAdmin(AuditadoMixin, UserAdmin):
    inlines = [CargoInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "cargos__dependencia"]


@admin.register(Politica)
class PoliticaAdmin(AuditadoAdmin):
    list_display = ["titulo", "slug", "publicada", "actualizada"]
    list_filter = ["publicada"]
    search_fields = ["titulo", "contenido"]
    readonly_fields = ["actualizada"]


# --- Content: news, documents, events (the publication workflow) ------------------------------------------


@admin.register(Categoria)
class CategoriaAdmin(AuditadoAdmin):
    list_display = ["nombre", "slug"]
    search_fields = ["nombre"]
    prepopulated_fields = {"slug": ["nombre"]}


@admin.register(Noticia)
class NoticiaAdmin(PublicableAdmin):
    list_display = ["titulo", "destacada"]
    list_filter = [*PublicableAdmin.list_filter, "destacada", "categorias"]
    search_fields = ["titulo", "resumen", "cuerpo"]
    prepopulated_fields = {"slug": ["titulo"]}
    autocomplete_fields = ["categorias"]
    fieldsets = [
        (None, {"fields": ["titulo", "slug", "resumen", "cuerpo"]}),
        (_("Imagen principal"), {"fields": ["imagen", "imagen_alt", "imagen_decorativa"]}),
        (_("Clasificación"), {"fields": ["dependencia", "categorias", "destacada"]}),
        (_("Publicación"), {"fields": PublicableAdmin.campos_de_flujo}),
        (_("Auditoría"), {"fields": PublicableAdmin.campos_de_auditoria, "classes": ["collapse"]}),
    ]


@admin.register(Documento)
class DocumentoAdmin(PublicableAdmin):
    list_display = ["titulo", "tipo", "numero", "fecha_expedicion"]
    list_filter = [*PublicableAdmin.list_filter, "tipo", "subsecciones__seccion"]
    search_fields = ["titulo", "numero", "descripcion"]
    filter_horizontal = ["subsecciones"]
    fieldsets = [
        (None, {"fields": ["titulo", "tipo", "numero", "fecha_expedicion", "descripcion", "archivo"]}),
        (_("Dónde aparece"), {"fields": ["dependencia", "subsecciones"]}),
        (_("Publicación"), {"fields": PublicableAdmin.campos_de_flujo}),
        (_("Auditoría"), {"fields": PublicableAdmin.campos_de_auditoria, "classes": ["collapse"]}),
    ]


@admin.register(Evento)
class EventoAdmin(PublicableAdmin):
    list_display = ["titulo", "inicio", "lugar"]
    search_fields = ["titulo", "lugar", "descripcion"]
    prepopulated_fields = {"slug": ["titulo"]}
    fieldsets = [
        (None, {"fields": ["titulo", "slug", "inicio", "fin", "lugar", "descripcion"]}),
        (_("Responsable"), {"fields": ["dependencia"]}),
        (_("Publicación"), {"fields": PublicableAdmin.campos_de_flujo}),
        (_("Auditoría"), {"fields": PublicableAdmin.campos_de_auditoria, "classes": ["collapse"]}),
    ]


# --- Institutional information and the transparency menu --------------------------------------------------


@admin.register(SeccionInstitucional)
class SeccionInstitucionalAdmin(PublicableAdmin):
    """The sections of /municipio/ and /alcaldia/, in the publication workflow: editing a published one edits
    its revision, which the committee publishes. Page and anchor are chosen when adding and never change (the
    anchor is part of the section's address)."""

    list_display = ["titulo", "pagina", "orden", "tiene_contenido", "actualizado"]
    list_filter = ["pagina", *PublicableAdmin.list_filter]
    search_fields = ["titulo", "contenido"]
    fieldsets = [
        (None, {"fields": ["pagina", "clave", "titulo", "contenido", "documento", "orden"]}),
        (_("Imagen"), {"fields": ["imagen", "imagen_alt", "imagen_decorativa"]}),
        (_("Responsable"), {"fields": ["dependencia"]}),
        (_("Publicación"), {"fields": [*PublicableAdmin.campos_de_flujo, "actualizado"]}),
        (_("Auditoría"), {"fields": PublicableAdmin.campos_de_auditoria, "classes": ["collapse"]}),
    ]

    @admin.display(boolean=True, description=_("con contenido"))
    def tiene_contenido(self, obj):
        return obj.tiene_contenido

    def get_readonly_fields(self, request, obj=None):
        campos = [*super().get_readonly_fields(request, obj), "actualizado"]
        if obj is not None and obj.pk:
            campos += ["pagina", "clave"]
        return campos


@admin.register(EntidadDirectorio)
class EntidadDirectorioAdmin(AuditadoAdmin):
    list_display = ["nombre", "tipo", "telefono", "correo", "sitio_web"]
    list_filter = ["tipo"]
    search_fields = ["nombre", "descripcion"]


class VaciaFilter(admin.SimpleListFilter):
    title = _("contenido publicado")
    parameter_name = "vacia"

    def lookups(self, request, model_admin):
        return [("si", _("Vacías (nada publicado)")), ("no", _("Con contenido"))]

    def queryset(self, request, queryset):
        vacia = Q(documentos_vigentes=0, contenido="", ruta="")
        if self.value() == "si":
            return queryset.filter(vacia)
        if self.value() == "no":
            return queryset.exclude(vacia)
        return queryset


@admin.register(SubseccionTransparencia)
class SubseccionTransparenciaAdmin(AuditadoAdmin):
    list_display = ["numero", "titulo", "seccion", "documentos_publicados", "enlace"]
    list_display_links = ["numero", "titulo"]
    list_filter = [VaciaFilter, "seccion"]
    search_fields = ["numero", "titulo"]
    list_select_related = ["seccion"]
    readonly_fields = ["seccion", "numero", "slug", "ruta", "actualizado"]
    fields = ["seccion", "numero", "titulo", "slug", "descripcion", "contenido", "ruta", "actualizado"]
    ordering = ["seccion__numero", "orden"]

    def get_queryset(self, request):
        vigente = q_vigente(prefijo="documentos__")
        return super().get_queryset(request).annotate(documentos_vigentes=Count("documentos", filter=vigente))

    @admin.display(description=_("documentos publicados"), ordering="documentos_vigentes")
    def documentos_publicados(self, obj):
        return obj.documentos_vigentes

    @admin.display(boolean=True, description=_("enlaza a una página"))
    def enlace(self, obj):
        return bool(obj.url_pagina)

    def has_add_permission(self, request):
        return False  # the structure is the norm's, created by a data migration

    def has_delete_permission(self, request, obj=None):
        return False


# --- Search: synonyms (administrators) and what citizens search (committee) --------------------------------


@admin.register(Sinonimo)
class SinonimoAdmin(AuditadoAdmin):
    list_display = ["termino", "equivalentes"]
    search_fields = ["termino", "equivalentes"]


@admin.register(ConsultaBusqueda)
class ConsultaBusquedaAdmin(AuditadoAdmin):
    """Read-only statistics: what people searched each day, and how often they found nothing."""

    list_display = ["termino", "dia", "veces", "sin_resultados"]
    list_filter = ["dia"]
    search_fields = ["termino"]
    date_hierarchy = "dia"
    ordering = ["-dia", "-veces"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Who may do what: changes to the groups' permissions are recorded too.
auditar_admin_registrado(admin.site, Group)

from . import admin_auditoria, admin_tareas, admin_visitas  # noqa: E402, F401
