"""Visits and campaigns: who manages the campaigns and reads the visit counts, and what the privacy policy
says about the counting.

The policy's paragraph about visits is replaced only while it still has the text of ``0003``: an
administrator's own wording is never overwritten (and going back restores the old paragraph the same way).
"""

from django.db import migrations

from portal.roles import ADMINISTRADOR, COMITE, conceder_permisos, retirar_permisos

PERMISOS = {
    ADMINISTRADOR: [
        *[f"portal.{a}_campana" for a in ("add", "change", "delete", "view")],
        "portal.view_visitadiaria",
    ],
    COMITE: [*[f"portal.{a}_campana" for a in ("add", "change", "view")], "portal.view_visitadiaria"],
}

SLUG_POLITICA = "tratamiento-de-datos-personales"

PARRAFO_ANTERIOR = (
    "Este portal no usa cookies de seguimiento ni de publicidad. Las estadísticas de visitas se calculan sin "
    "guardar direcciones IP ni identificar a las personas."
)

PARRAFO_NUEVO = (
    "Este portal no usa cookies de seguimiento ni de publicidad. Las estadísticas de visitas no usan cookies: "
    "de cada página que se consulta se cuenta solamente la dirección de la página, el sitio desde el que se "
    "llegó (solo su nombre, por ejemplo facebook.com), la campaña de difusión si se llegó por un enlace corto o "
    "un código QR del municipio, el tipo de dispositivo (teléfono, tableta o computador) y el día. Para saber "
    "cuántas personas distintas visitan el portal cada día se calcula un código que cambia todos los días y con "
    "el que no es posible identificar a nadie; la clave con que se calcula se borra a los dos días. No se "
    "guardan direcciones IP ni datos del navegador."
)


def _reemplazar(apps, antes, despues):
    Politica = apps.get_model("portal", "Politica")
    for politica in Politica.objects.filter(slug=SLUG_POLITICA):
        if antes in politica.contenido:
            politica.contenido = politica.contenido.replace(antes, despues)
            politica.save(update_fields=["contenido", "actualizada"])


def aplicar(apps, schema_editor):
    conceder_permisos(apps, PERMISOS)
    _reemplazar(apps, PARRAFO_ANTERIOR, PARRAFO_NUEVO)


def deshacer(apps, schema_editor):
    retirar_permisos(apps, PERMISOS)
    _reemplazar(apps, PARRAFO_NUEVO, PARRAFO_ANTERIOR)


class Migration(migrations.Migration):
    dependencies = [("portal", "0011_visitas")]

    operations = [migrations.RunPython(aplicar, deshacer)]
