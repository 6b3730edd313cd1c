from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import Dependencia, Funcionario, Municipio, Politica, RedSocial, Usuario


class RedSocialInline(admin.TabularInline):
    model = RedSocial
    extra = 1


@admin.register(Municipio)
class MunicipioAdmin(admin.ModelAdmin):
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
        municipio = Municipio.objects.actual()
        return redirect(reverse("admin:portal_municipio_change", args=[municipio.pk]))


class FuncionarioInline(admin.TabularInline):
    model = Funcionario
    extra = 0
    autocomplete_fields = ["usuario"]


@admin.register(Dependencia)
class DependenciaAdmin(admin.ModelAdmin):
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

    def get_inlines(self, request, obj):
        # Who belongs to a dependencia is decided by the portal administrator, not by its own officials.
        if roles.es_administrador(request.user):
            return self.inlines
        return []


class CargoInline(admin.TabularInline):
    model = Funcionario
    extra = 1
    verbose_name = _("cargo en una dependencia")
    verbose_name_plural = _("cargos en dependencias")


@admin.register(Usuario)
class UsuarioAdmin(UserAdmin):
    inlines = [CargoInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "cargos__dependencia"]


@admin.register(Politica)
class PoliticaAdmin(admin.ModelAdmin):
    list_display = ["titulo", "slug", "publicada", "actualizada"]
    list_filter = ["publicada"]
    search_fields = ["titulo", "contenido"]
    readonly_fields = ["actualizada"]
