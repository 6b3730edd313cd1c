"""What a ficha app registers in portal's registries (dependencia pages, home page, demo)."""

from django.urls import reverse

from .. import registro


def registrar_app_de_fichas(modelo, *, titulo_inicio=None):
    def de_dependencia(dependencia):
        fichas = modelo.objects.publicados().filter(dependencia=dependencia).only("nombre", "slug")
        return {"titulo": str(modelo._meta.verbose_name_plural).capitalize(), "items": list(fichas)}

    registro.registrar_contenido_de_dependencia(de_dependencia)

    if titulo_inicio:

        def mas_usados():
            fichas = modelo.objects.publicados().filter(destacado=True).only("nombre", "slug")[:6]
            return {
                "titulo": titulo_inicio,
                "url": reverse(f"{modelo._meta.app_label}:catalogo"),
                "items": list(fichas),
            }

        registro.registrar_acceso_inicio(mas_usados)
