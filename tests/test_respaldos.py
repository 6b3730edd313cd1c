"""Backups: `respaldar` and `restaurar` round-trip the database and the uploaded media without losing anything."""

import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from portal.models import Dependencia, Noticia
from tests.portal.factories import crear_dependencia, crear_publicable

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_ida_y_vuelta_sin_perder_nada(tmp_path, settings):
    dependencia = crear_dependencia(nombre="Secretaría de Hacienda")
    noticia = crear_publicable(Noticia, titulo="Antes del respaldo", dependencia=dependencia)
    noticia.imagen.save("foto.png", ContentFile(b"contenido-de-la-foto"), save=True)
    ruta_imagen = noticia.imagen.path

    call_command("respaldar", destino=str(tmp_path / "respaldos"), verbosity=0)
    (archivo,) = (tmp_path / "respaldos").glob("respaldo-*.tar.gz")
    with tarfile.open(archivo) as tar:
        nombres = tar.getnames()
    assert "manifiesto.json" in nombres and any(n.startswith("media/") for n in nombres)

    # Things go wrong after the backup: data deleted, a file lost, something new written.
    Noticia.objects.all().delete()
    Dependencia.objects.filter(pk=dependencia.pk).delete()
    crear_dependencia(nombre="Creada después")
    import os

    os.remove(ruta_imagen)

    call_command("restaurar", str(archivo), force=True, verbosity=0)
    restaurada = Noticia.objects.get(titulo="Antes del respaldo")
    assert restaurada.dependencia.nombre == "Secretaría de Hacienda"
    assert not Dependencia.objects.filter(nombre="Creada después").exists()
    with open(restaurada.imagen.path, "rb") as imagen:
        assert imagen.read() == b"contenido-de-la-foto"


def test_restaurar_pide_confirmacion(tmp_path, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda _mensaje: "no")
    with pytest.raises(CommandError, match="cancelada"):
        call_command("restaurar", str(tmp_path / "no-importa.tar.gz"))
