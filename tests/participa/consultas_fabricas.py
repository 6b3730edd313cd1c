"""Factories of the consultations' tests: a published consultation with its articles, and a comment."""

import itertools
from datetime import timedelta

from django.utils import timezone

from participa.models import Articulo, Comentario, Consulta
from portal.models import Estado
from tests.portal.factories import crear_dependencia

_n = itertools.count(1)

CORREO = "rosa.secreta@example.com"


def crear_consulta(*, abierta=True, articulos=3, dependencia=None, publicada=True, **campos):
    n = next(_n)
    ahora = timezone.now()
    abre = ahora - timedelta(days=2) if abierta else ahora - timedelta(days=20)
    datos = {
        "titulo": f"Proyecto de acuerdo {n}",
        "slug": f"proyecto-{n}",
        "objeto": "Reducir los plásticos de un solo uso.",
        "abre": abre,
        "cierra": abre + timedelta(days=15),
        "dependencia": dependencia or crear_dependencia(),
        "estado": Estado.PUBLICADO if publicada else Estado.BORRADOR,
        "publicar_desde": abre if publicada else None,
    }
    datos.update(campos)
    consulta = Consulta.objects.create(**datos)
    for orden in range(1, articulos + 1):
        Articulo.objects.create(
            consulta=consulta, orden=orden, encabezado=f"Artículo {orden}. Tema {orden}", texto=f"Texto {orden}."
        )
    return consulta


def crear_comentario(consulta, *, estado=Comentario.Estado.PUBLICADO, texto=None, **campos):
    n = next(_n)
    texto = texto or f"Comentario número {n} sobre el proyecto."
    correo = campos.pop("correo", f"persona{n}@example.com")
    datos = {
        "nombre": f"Persona {n}",
        "correo": correo,
        "texto": texto,
        "huella": Comentario.calcular_huella(correo, texto),
        "estado": estado,
    }
    datos.update(campos)
    return Comentario.objects.create(consulta=consulta, **datos)


def cerrar(consulta):
    """Move the consultation's dates so that it closed a minute ago."""
    ahora = timezone.now()
    Consulta.objects.filter(pk=consulta.pk).update(
        abre=ahora - timedelta(days=16), cierra=ahora - timedelta(minutes=1)
    )
    consulta.refresh_from_db()
    return consulta
