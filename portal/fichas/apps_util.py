"""What a ficha app registers in portal's registries (dependencia pages, home page, demo)."""

from django.urls import reverse

from .. import busqueda, registro, vista_previa
from ..fuentes_busqueda import datos_publicable
from ..sitemaps import PublicadosSitemap


def _texto_de_ficha(ficha):
    requisitos = " ".join(r.descripcion for r in ficha.requisitos.all())
    # What it is for comes first: a result's snippet starts there, not with the list of other names (which
    # stays in the text so that those names still find the ficha).
    return " ".join(
        [ficha.proposito, ficha.resultado, requisitos, ficha.nombre_estandarizado, ficha.tambien_conocido_como]
    )


def registrar_app_de_fichas(modelo, *, titulo_inicio=None, orden_busqueda=10):
    busqueda.registrar(
        busqueda.Fuente(
            modelo._meta.app_label,
            str(modelo._meta.verbose_name_plural).capitalize(),
            modelo,
            lambda ficha: datos_publicable(ficha, texto=_texto_de_ficha(ficha)),
            consulta=lambda: modelo.objects.prefetch_related("requisitos"),
            orden=orden_busqueda,
        )
    )

    def de_dependencia(dependencia):
        fichas = modelo.objects.publicados().filter(dependencia=dependencia).only("nombre", "slug")
        return {"titulo": str(modelo._meta.verbose_name_plural).capitalize(), "items": list(fichas)}

    registro.registrar_contenido_de_dependencia(de_dependencia)
    registro.registrar_modelo_de_ficha(modelo)
    from . import views

    vista_previa.registrar(modelo, views.vista_previa)
    registro.registrar_momento_de_cambio(modelo.objects.proximo_cambio)
    registro.registrar_en_mapa(
        clave=modelo._meta.app_label,
        etiqueta=str(modelo._meta.verbose_name_plural).capitalize(),
        ruta=f"{modelo._meta.app_label}:catalogo",
        sitemap=PublicadosSitemap(modelo),
        orden=orden_busqueda,
    )

    if titulo_inicio:

        def mas_usados():
            fichas = modelo.objects.publicados().filter(destacado=True).only("nombre", "slug")[:6]
            return {
                "titulo": titulo_inicio,
                "url": reverse(f"{modelo._meta.app_label}:catalogo"),
                "items": list(fichas),
            }

        registro.registrar_acceso_inicio(mas_usados)
