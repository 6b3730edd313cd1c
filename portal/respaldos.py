"""Backups: the database (a consistent SQLite copy, or pg_dump on PostgreSQL) and the uploaded media, in one
dated archive; and the way back. Used by `make backup` / `make restore` through two management commands."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

from tablon_portal import __version__


def _motor(alias="default"):
    return "postgresql" if connections[alias].vendor == "postgresql" else "sqlite"


def _entorno_pg(datos):
    entorno = dict(os.environ)
    if datos.get("PASSWORD"):
        entorno["PGPASSWORD"] = datos["PASSWORD"]
    return entorno


def _argumentos_pg(datos):
    argumentos = []
    for opcion, clave in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if datos.get(clave):
            argumentos += [opcion, str(datos[clave])]
    return argumentos


def _herramienta(nombre):
    ruta = shutil.which(nombre)
    if ruta is None:
        raise ValueError(f"No se encontró «{nombre}»: instale el cliente de PostgreSQL (postgresql-client).")
    return ruta


def respaldar(destino, *, alias="default"):
    """Write ``respaldo-AAAAMMDD-HHMMSS.tar.gz`` into ``destino`` and return its path."""
    destino = Path(destino)
    destino.mkdir(parents=True, exist_ok=True)
    conexion = connections[alias]
    momento = timezone.localtime()
    with tempfile.TemporaryDirectory() as temporal:
        temporal = Path(temporal)
        if _motor(alias) == "postgresql":
            datos = conexion.settings_dict
            base = temporal / "base.dump"
            subprocess.run(  # noqa: S603 - fixed program, arguments from the deployment's own settings
                [
                    _herramienta("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    str(base),
                    *_argumentos_pg(datos),
                    datos["NAME"],
                ],
                check=True,
                env=_entorno_pg(datos),
            )
        else:
            base = temporal / "base.sqlite3"
            conexion.ensure_connection()
            copia = sqlite3.connect(base)
            with copia:
                conexion.connection.backup(copia)  # consistent even while the portal is running
            copia.close()
        manifiesto = {
            "fecha": momento.isoformat(),
            "motor": _motor(alias),
            "version": __version__,
            "archivo_base": base.name,
        }
        (temporal / "manifiesto.json").write_text(json.dumps(manifiesto, ensure_ascii=False, indent=2))
        archivo = destino / f"respaldo-{momento:%Y%m%d-%H%M%S}.tar.gz"
        with tarfile.open(archivo, "w:gz") as tar:
            tar.add(temporal / "manifiesto.json", arcname="manifiesto.json")
            tar.add(base, arcname=base.name)
            for carpeta, nombre in _CARPETAS_DE_ARCHIVOS:
                origen = Path(getattr(settings, carpeta))
                if origen.exists():
                    tar.add(origen, arcname=nombre)
    return archivo


# Uploaded files: the public media and the private files petitioners send (ventanilla), kept apart.
_CARPETAS_DE_ARCHIVOS = (("MEDIA_ROOT", "media"), ("PRIVADO_ROOT", "privado"))


def restaurar(archivo, *, alias="default"):
    """Replace the database and the media with the contents of a backup made by ``respaldar``."""
    conexion = connections[alias]
    with tempfile.TemporaryDirectory() as temporal:
        temporal = Path(temporal)
        with tarfile.open(archivo, "r:gz") as tar:
            tar.extractall(temporal, filter="data")  # no absolute paths, links or devices from the archive
        manifiesto = json.loads((temporal / "manifiesto.json").read_text())
        if manifiesto["motor"] != _motor(alias):
            raise ValueError(
                f"El respaldo es de {manifiesto['motor']} y la base de datos configurada es {_motor(alias)}."
            )
        base = temporal / manifiesto["archivo_base"]
        if manifiesto["motor"] == "postgresql":
            conexion.close()
            datos = conexion.settings_dict
            subprocess.run(  # noqa: S603 - fixed program, arguments from the deployment's own settings
                [
                    _herramienta("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    *_argumentos_pg(datos),
                    "--dbname",
                    datos["NAME"],
                    str(base),
                ],
                check=True,
                env=_entorno_pg(datos),
            )
        else:
            conexion.ensure_connection()
            origen = sqlite3.connect(base)
            with origen:
                origen.backup(conexion.connection)
            origen.close()
        for carpeta, nombre in _CARPETAS_DE_ARCHIVOS:
            destino = Path(getattr(settings, carpeta))
            if (temporal / nombre).exists():
                if destino.exists():
                    shutil.rmtree(destino)
                shutil.copytree(temporal / nombre, destino)
    return manifiesto
