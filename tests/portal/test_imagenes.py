"""Images: what officials may upload, the clean copy the site keeps and the responsive renditions it serves."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import ImageField, ImageFieldFile
from django.template import Context, Template
from PIL import ExifTags, Image

from portal.imagenes import (
    borrar_variantes,
    generar_variantes,
    nombre_variante,
    reencodificar,
    validar_imagen,
)

MB = 1024 * 1024
GPS = 0x8825


def imagen(ancho=640, alto=480, formato="JPEG", modo="RGB", color="navy", exif=None):
    salida = io.BytesIO()
    opciones = {"exif": exif} if exif is not None else {}
    Image.new(modo, (ancho, alto), color).save(salida, formato, **opciones)
    return salida.getvalue()


def png_solo_cabecera(ancho, alto):
    """A PNG that claims a huge size in a few bytes: how decompression bombs look before decoding."""

    def trozo(tipo, datos):
        return struct.pack(">I", len(datos)) + tipo + datos + struct.pack(">I", zlib.crc32(tipo + datos))

    cabecera = struct.pack(">IIBBBBB", ancho, alto, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + trozo(b"IHDR", cabecera) + trozo(b"IDAT", zlib.compress(b"\0")) + trozo(b"IEND", b"")


def mensaje(archivo):
    with pytest.raises(ValidationError) as error:
        validar_imagen(archivo)
    return error.value.messages[0]


def abrir(contenido):
    return Image.open(io.BytesIO(contenido))


# Validation


@pytest.mark.parametrize(("nombre", "formato"), [("foto.jpg", "JPEG"), ("escudo.png", "PNG"), ("foto.webp", "WEBP")])
def test_acepta_jpeg_png_y_webp(nombre, formato):
    archivo = SimpleUploadedFile(nombre, imagen(formato=formato))
    validar_imagen(archivo)
    assert archivo.tell() == 0


NO_ES_IMAGEN = "El archivo no es una imagen válida (use JPG, PNG o WebP)."


@pytest.mark.parametrize(
    ("nombre", "contenido"),
    [
        ("foto.jpg", b"%PDF-1.4 esto no es una foto"),
        ("foto.jpg", b""),
        ("animacion.gif", imagen(formato="GIF")),
        ("foto.bmp", imagen(formato="BMP")),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"></svg>'),
        ("foto.jpg", imagen()[:2000]),
    ],
    ids=["pdf", "vacio", "gif", "bmp", "svg", "jpeg-cortado"],
)
def test_rechaza_lo_que_no_es_una_imagen_permitida(nombre, contenido):
    archivo = SimpleUploadedFile(nombre, contenido)
    assert mensaje(archivo) == NO_ES_IMAGEN
    assert archivo.tell() == 0


def test_rechaza_una_imagen_demasiado_pesada():
    archivo = SimpleUploadedFile("foto.jpg", imagen() + bytes(int(12.3 * MB)))
    assert mensaje(archivo) == "La imagen pesa 12,3 MB; el máximo es 8 MB."


def test_rechaza_una_imagen_demasiado_angosta():
    archivo = SimpleUploadedFile("icono.png", imagen(150, 600, "PNG"))
    assert mensaje(archivo) == "La imagen mide 150 píxeles de ancho; el mínimo es 200 píxeles."


@pytest.mark.parametrize(("ancho", "alto"), [(9_000, 5_000), (20_000, 10_000), (60_000, 60_000)])
def test_rechaza_demasiados_pixeles_sin_decodificar(ancho, alto):
    archivo = SimpleUploadedFile("bomba.png", png_solo_cabecera(ancho, alto))
    assert mensaje(archivo) == (
        "La imagen tiene demasiados píxeles (el máximo es 40 millones). Redúzcala antes de subirla."
    )
    assert archivo.tell() == 0


# Re-encoding


def test_reencodificar_quita_el_gps_y_demas_metadatos():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Cámara del funcionario"
    exif[GPS] = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (1.0, 26.0, 0.0)}
    original = imagen(exif=exif.tobytes())
    assert GPS in abrir(original).getexif()

    limpio = reencodificar(SimpleUploadedFile("Foto del Parque.JPG", original))

    resultado = abrir(limpio.read())
    assert resultado.format == "JPEG"
    assert dict(resultado.getexif()) == {}
    assert "exif" not in resultado.info
    assert limpio.name == "foto-del-parque.jpg"


def test_reencodificar_aplica_la_orientacion_de_la_camara():
    # A phone photo stored sideways: 400×300 pixels that should be shown as 300×400, red at the top.
    foto = Image.new("RGB", (400, 300), "blue")
    foto.paste((255, 0, 0), (0, 0, 100, 300))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    salida = io.BytesIO()
    foto.save(salida, "JPEG", exif=exif.tobytes(), quality=95)

    resultado = abrir(reencodificar(SimpleUploadedFile("celular.jpg", salida.getvalue())).read())

    assert resultado.size == (300, 400)
    assert ExifTags.Base.Orientation not in resultado.getexif()
    rojo, verde, azul = resultado.getpixel((150, 20))
    assert rojo > 200 and azul < 60


def test_reencodificar_achica_a_2400_pixeles_y_usa_jpeg_progresivo():
    limpio = reencodificar(SimpleUploadedFile("panoramica.png", imagen(3000, 1000, "PNG")))
    resultado = abrir(limpio.read())
    assert resultado.size == (2400, 800)
    assert resultado.format == "JPEG"
    assert resultado.mode == "RGB"
    assert resultado.info.get("progressive") or resultado.info.get("progression")
    assert limpio.name == "panoramica.jpg"


def test_reencodificar_conserva_png_solo_si_hay_transparencia():
    transparente = reencodificar(SimpleUploadedFile("escudo.png", imagen(300, 300, "PNG", "RGBA", (0, 80, 0, 0))))
    resultado = abrir(transparente.read())
    assert transparente.name == "escudo.png"
    assert resultado.format == "PNG"
    assert resultado.mode == "RGBA"
    assert "icc_profile" not in resultado.info

    opaco = reencodificar(SimpleUploadedFile("plano.png", imagen(300, 300, "PNG", "RGBA", (0, 80, 0, 255))))
    assert opaco.name == "plano.jpg"


def test_reencodificar_deja_el_archivo_al_principio():
    archivo = SimpleUploadedFile("foto.webp", imagen(formato="WEBP"))
    reencodificar(archivo)
    assert archivo.tell() == 0


# Renditions


def guardar(nombre, contenido):
    return default_storage.save(nombre, ContentFile(contenido))


@pytest.mark.parametrize(
    ("ancho", "esperadas"),
    [(2400, [480, 800, 1200]), (1200, [480, 800, 1200]), (1000, [480, 800]), (480, [480]), (300, [300])],
)
def test_variantes_nunca_mas_anchas_que_el_original(ancho, esperadas):
    nombre = guardar("imagenes/2025/03/foto.jpg", imagen(ancho, ancho // 2))

    datos = generar_variantes(nombre)

    assert datos == {"ancho": ancho, "alto": ancho // 2, "variantes": esperadas}
    for destino in esperadas:
        for formato, pillow in (("webp", "WEBP"), ("jpg", "JPEG")):
            with default_storage.open(f"imagenes/2025/03/variantes/foto-{destino}.{formato}") as archivo:
                variante = Image.open(archivo)
                assert variante.format == pillow
                assert variante.size == (destino, round(ancho / 2 * destino / ancho))
    _, archivos = default_storage.listdir("imagenes/2025/03/variantes")
    assert len(archivos) == 2 * len(esperadas)


def test_variantes_se_sobrescriben_sin_nombres_nuevos():
    nombre = guardar("imagenes/foto.jpg", imagen(900, 600))
    generar_variantes(nombre)
    generar_variantes(nombre)
    _, archivos = default_storage.listdir("imagenes/variantes")
    assert sorted(archivos) == ["foto-480.jpg", "foto-480.webp", "foto-800.jpg", "foto-800.webp"]


def test_variantes_de_un_png_transparente():
    nombre = guardar("imagenes/escudo.png", imagen(600, 600, "PNG", "RGBA", (200, 0, 0, 0)))
    generar_variantes(nombre)
    with default_storage.open("imagenes/variantes/escudo-480.webp") as archivo:
        assert Image.open(archivo).mode == "RGBA"
    with default_storage.open("imagenes/variantes/escudo-480.jpg") as archivo:
        # JPEG cannot be transparent: the background becomes white, not black.
        assert Image.open(archivo).convert("RGB").getpixel((10, 10)) == (255, 255, 255)


def test_nombre_variante():
    assert nombre_variante("imagenes/2025/03/escudo.png", 480, "webp") == "imagenes/2025/03/variantes/escudo-480.webp"
    assert nombre_variante("foto.final.jpg", 800, "jpg") == "variantes/foto.final-800.jpg"
    with pytest.raises(ValueError):
        nombre_variante("foto.jpg", 480, "png")


def test_borrar_variantes_no_toca_las_de_otra_imagen():
    foto = guardar("imagenes/foto.jpg", imagen(300, 200))
    otra = guardar("imagenes/foto-2.jpg", imagen(900, 600))
    generar_variantes(foto)
    generar_variantes(otra)

    borrar_variantes(foto)
    borrar_variantes(foto)  # nothing left to delete: no error

    _, archivos = default_storage.listdir("imagenes/variantes")
    assert sorted(archivos) == ["foto-2-480.jpg", "foto-2-480.webp", "foto-2-800.jpg", "foto-2-800.webp"]
    assert default_storage.exists(foto)


def test_borrar_variantes_sin_carpeta():
    borrar_variantes("imagenes/nunca-procesada.jpg")


# Template tag


class AlmacenSinDisco(FileSystemStorage):
    """The tag may only build URLs: touching files would make every list of news slow."""

    def _prohibido(self, *args, **kwargs):
        raise AssertionError("la etiqueta no debe tocar el almacenamiento")

    open = exists = size = listdir = path = _prohibido


def archivo_imagen(nombre="imagenes/2025/03/foto.jpg"):
    campo = ImageField(storage=AlmacenSinDisco(base_url="/media/"))
    return ImageFieldFile(None, campo, nombre)


def render(archivo, datos, alt="", sizes="100vw", extra=""):
    plantilla = Template("{% load imagenes %}{% imagen_responsiva archivo datos alt sizes " + extra + " %}")
    return plantilla.render(Context({"archivo": archivo, "datos": datos, "alt": alt, "sizes": sizes})).strip()


DATOS = {"ancho": 2400, "alto": 1600, "variantes": [800, 480, 1200]}


def test_etiqueta_arma_picture_con_webp_y_jpeg():
    # No database mark: a query here would fail the test.
    html = render(archivo_imagen(), DATOS, "Alcalde en la vereda", "(min-width: 48rem) 50vw, 100vw")

    base = "/media/imagenes/2025/03/variantes/foto"
    assert html.startswith("<picture>") and html.endswith("</picture>")
    assert (
        f'<source type="image/webp" srcset="{base}-480.webp 480w, {base}-800.webp 800w, {base}-1200.webp 1200w"'
        ' sizes="(min-width: 48rem) 50vw, 100vw">'
    ) in html
    assert (
        f'<img src="{base}-480.jpg" srcset="{base}-480.jpg 480w, {base}-800.jpg 800w, {base}-1200.jpg 1200w"' in html
    )
    assert 'width="2400" height="1600"' in html  # no thousands separator inside attributes
    assert 'alt="Alcalde en la vereda"' in html
    assert 'loading="lazy" decoding="async"' in html
    assert "fetchpriority" not in html
    assert "/media/imagenes/2025/03/foto.jpg" not in html


def test_etiqueta_imagen_decorativa_y_prioritaria():
    html = render(archivo_imagen(), DATOS, "", "100vw", 'clase="portada" prioridad=True')
    assert 'alt=""' in html
    assert 'class="portada"' in html
    assert 'loading="eager" fetchpriority="high"' in html
    assert 'loading="lazy"' not in html


def test_etiqueta_escapa_el_texto_alternativo():
    html = render(archivo_imagen(), DATOS, 'Escudo "oficial" <b>')
    assert 'alt="Escudo &quot;oficial&quot; &lt;b&gt;"' in html


@pytest.mark.parametrize("datos", [None, {}, {"ancho": 900, "alto": 600, "variantes": []}])
def test_etiqueta_sin_variantes_usa_el_original(datos):
    html = render(archivo_imagen(), datos, "Foto")
    assert "<picture>" not in html
    assert html.startswith('<img src="/media/imagenes/2025/03/foto.jpg"')
    assert 'loading="lazy"' in html
    assert "srcset" not in html


def test_etiqueta_sin_archivo_no_muestra_nada():
    assert render(archivo_imagen(""), DATOS) == ""
    assert render(None, None) == ""


def test_los_archivos_subidos_se_guardan_un_anio(rf, settings, tmp_path):
    """Uploaded files never change under their name: `make run` (and the README's nginx) let browsers keep them."""
    from portal.views import archivo_subido

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "imagenes").mkdir()
    (tmp_path / "imagenes" / "a1b2c3-foto-480.webp").write_bytes(b"RIFF0000WEBP")
    respuesta = archivo_subido(rf.get("/media/imagenes/a1b2c3-foto-480.webp"), "imagenes/a1b2c3-foto-480.webp")
    assert respuesta.status_code == 200
    assert respuesta["Cache-Control"] == "public, max-age=31536000, immutable"


def test_el_escudo_recibe_un_nombre_nuevo_en_cada_subida():
    from portal.archivos import ruta_identidad

    primero, segundo = ruta_identidad(None, "escudo.png"), ruta_identidad(None, "escudo.png")
    assert primero != segundo and primero.startswith("identidad/") and primero.endswith("-escudo.png")
