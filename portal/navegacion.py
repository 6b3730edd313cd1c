"""The main menu, in the order Resolución 1519 de 2020 (Anexo 2) asks for; at most seven items."""

from django.utils.translation import gettext_lazy as _

MENU_PRINCIPAL = [
    (_("Inicio"), "portal:inicio"),
    (_("Transparencia y acceso a la información pública"), "portal:transparencia"),
    (_("Atención y servicios a la ciudadanía"), "portal:atencion"),
    (_("Participa"), "portal:participa"),
    (_("Noticias"), "portal:noticias"),
    (_("Municipio"), "portal:municipio"),
]
