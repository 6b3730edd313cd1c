"""The three roles of the portal, as Django groups, and the helper data migrations use to grant them rights.

Groups and their permissions are reference data: each app's data migration grants the permissions of the
models it adds (``conceder_permisos``), so a fresh database and an upgraded one end up the same.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

FUNCIONARIO = "Funcionario"
COMITE = "Comité GEL-T"
ADMINISTRADOR = "Administrador del portal"
GRUPOS = (FUNCIONARIO, COMITE, ADMINISTRADOR)


def es_administrador(usuario):
    return usuario.is_superuser or usuario.groups.filter(name=ADMINISTRADOR).exists()


def es_del_comite(usuario):
    """The committee's dashboard is for the Comité GEL-T and the portal administrators."""
    return usuario.is_active and (
        usuario.is_superuser or usuario.groups.filter(name__in=[COMITE, ADMINISTRADOR]).exists()
    )


def conceder_permisos(apps, permisos_por_grupo):
    """Create the groups if needed and add permissions given as ``"app_label.codename"`` strings.

    For use inside ``RunPython``: permissions are normally created after all migrations ran, so the
    permissions of the apps named are created here first.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    etiquetas = {codigo.split(".", 1)[0] for codigos in permisos_por_grupo.values() for codigo in codigos}
    for etiqueta in etiquetas:
        create_permissions(global_apps.get_app_config(etiqueta), apps=apps, verbosity=0)
    for nombre, codigos in permisos_por_grupo.items():
        grupo, _ = Group.objects.get_or_create(name=nombre)
        for codigo in codigos:
            etiqueta, codename = codigo.split(".", 1)
            grupo.permissions.add(Permission.objects.get(content_type__app_label=etiqueta, codename=codename))


def retirar_permisos(apps, permisos_por_grupo):
    """Reverse of ``conceder_permisos`` (the groups themselves stay)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for nombre, codigos in permisos_por_grupo.items():
        for grupo in Group.objects.filter(name=nombre):
            for codigo in codigos:
                etiqueta, codename = codigo.split(".", 1)
                grupo.permissions.remove(
                    *Permission.objects.filter(content_type__app_label=etiqueta, codename=codename)
                )


def permisos_de_ficha(app_label, modelo):
    """The rights on a ficha model (``tramite``, ``servicio``) and its related rows, for its data migration.

    Officials draft the fichas of their dependencias; the committee and the administrators also publish and
    mark them as reviewed (the admin limits officials to their dependencias).
    """
    modelos = [modelo, *(f"{hijo}{modelo}" for hijo in ("requisito", "puntoatencion", "norma", "formulario"))]
    edicion = [f"{app_label}.{accion}_{m}" for m in modelos for accion in ("add", "change", "delete", "view")]
    publicacion = [f"{app_label}.publicar_{modelo}", f"{app_label}.revisar_{modelo}"]
    return {
        FUNCIONARIO: [*edicion, "portal.view_situaciondevida"],
        COMITE: [*edicion, *publicacion, "portal.view_situaciondevida"],
        ADMINISTRADOR: [*edicion, *publicacion, "portal.view_situaciondevida"],
    }
