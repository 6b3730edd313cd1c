"""Small factories in code: each test builds the data it needs."""

import itertools

from django.contrib.auth.models import Group

from portal.models import Dependencia, Funcionario, Usuario

_secuencia = itertools.count(1)


def crear_dependencia(**campos):
    n = next(_secuencia)
    datos = {"nombre": f"Dependencia {n}", "slug": f"dependencia-{n}"}
    datos.update(campos)
    return Dependencia.objects.create(**datos)


def crear_usuario(grupo=None, dependencias=(), **campos):
    n = next(_secuencia)
    datos = {"username": f"usuario{n}", "is_staff": True}
    datos.update(campos)
    usuario = Usuario.objects.create_user(password="Clave-de-prueba-123", **datos)
    if grupo:
        usuario.groups.add(Group.objects.get(name=grupo))
    for dependencia in dependencias:
        Funcionario.objects.create(usuario=usuario, dependencia=dependencia, cargo="Profesional")
    return usuario


def imagen_png(ancho=900, alto=600, color=(30, 120, 60)):
    """Bytes of a real PNG image, made in memory."""
    import io

    from PIL import Image

    salida = io.BytesIO()
    Image.new("RGB", (ancho, alto), color).save(salida, "PNG")
    return salida.getvalue()


PDF_MINIMO = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def crear_publicable(modelo, *, publicado=True, **campos):
    from django.utils import timezone

    from portal.models import Estado

    n = next(_secuencia)
    if "dependencia" not in campos:
        campos["dependencia"] = crear_dependencia()
    if publicado:
        campos.setdefault("estado", Estado.PUBLICADO)
        campos.setdefault("publicar_desde", timezone.now() - timezone.timedelta(days=1))
    if modelo.__name__ == "Noticia":
        campos.setdefault("titulo", f"Noticia {n}")
        campos.setdefault("slug", f"noticia-{n}")
        campos.setdefault("resumen", "Resumen de la noticia.")
        campos.setdefault("cuerpo", "<p>Texto.</p>")
    elif modelo.__name__ == "Evento":
        campos.setdefault("titulo", f"Evento {n}")
        campos.setdefault("slug", f"evento-{n}")
        campos.setdefault("inicio", timezone.now() + timezone.timedelta(days=3))
        campos.setdefault("lugar", "Parque principal")
    elif modelo.__name__ == "Documento":
        from django.core.files.uploadedfile import SimpleUploadedFile

        campos.setdefault("titulo", f"Documento {n}")
        campos.setdefault("archivo", SimpleUploadedFile(f"documento-{n}.pdf", PDF_MINIMO, "application/pdf"))
    elif modelo.__name__ == "SeccionInstitucional":
        campos.setdefault("pagina", "alcaldia")
        campos.setdefault("clave", f"seccion-{n}")
        campos.setdefault("titulo", f"Sección {n}")
        campos.setdefault("contenido", "<p>Texto de la sección.</p>")
    return modelo.objects.create(**campos)
