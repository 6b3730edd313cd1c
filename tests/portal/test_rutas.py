"""Remembered URL reversal gives exactly what Django's reverse gives, per arguments and script prefix."""

from django.urls import reverse, set_script_prefix

from portal import rutas


def test_igual_que_reverse_para_cada_argumento_y_prefijo():
    assert rutas.url("portal:inicio") == reverse("portal:inicio")
    assert rutas.url("portal:noticia", slug="feria") == reverse("portal:noticia", kwargs={"slug": "feria"})
    assert rutas.url("portal:noticia", slug="otra") == "/noticias/otra/"
    try:
        set_script_prefix("/portal/")  # served under a sub-path: a different answer, not the remembered one
        assert rutas.url("portal:noticia", slug="feria") == "/portal/noticias/feria/"
    finally:
        set_script_prefix("/")
    assert rutas.url("portal:noticia", slug="feria") == "/noticias/feria/"
