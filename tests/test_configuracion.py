"""Production mode refuses insecure start-up and works behind an HTTPS reverse proxy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
CLAVE_BUENA = "k" * 20 + "-produccion-de-prueba-" + "z" * 20


def ejecutar_manage(*argumentos, **entorno):
    quitar = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in quitar}
    env.update({"PORTAL_ENV_FILE": str(RAIZ / "no-existe.env"), "DJANGO_SETTINGS_MODULE": "tablon_portal.settings"})
    env.update(entorno)
    return subprocess.run(
        [sys.executable, "manage.py", *argumentos], cwd=RAIZ, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("entorno", "falta"),
    [
        ({"DEBUG": "0"}, "SECRET_KEY, ALLOWED_HOSTS"),
        ({"DEBUG": "0", "ALLOWED_HOSTS": "portal.gov.co"}, "SECRET_KEY"),
        ({"DEBUG": "0", "SECRET_KEY": CLAVE_BUENA}, "ALLOWED_HOSTS"),
        ({}, "SECRET_KEY, ALLOWED_HOSTS"),  # DEBUG unset means production
    ],
)
def test_produccion_sin_secretos_no_arranca(entorno, falta):
    resultado = ejecutar_manage("check", **entorno)
    assert resultado.returncode != 0
    assert f"falta(n) la(s) variable(s) de entorno {falta}" in resultado.stderr


def test_produccion_rechaza_una_clave_corta():
    resultado = ejecutar_manage("check", DEBUG="0", SECRET_KEY="corta", ALLOWED_HOSTS="portal.gov.co")
    assert resultado.returncode != 0
    assert "SECRET_KEY es demasiado corta" in resultado.stderr


def test_produccion_completa_pasa_check_deploy():
    resultado = ejecutar_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=CLAVE_BUENA,
        ALLOWED_HOSTS="portal.gov.co",
    )
    assert resultado.returncode == 0, resultado.stderr


@pytest.mark.django_db
def test_detras_de_un_proxy_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    directa = client.get("/")
    assert directa.status_code == 301
    assert directa["Location"].startswith("https://")
    assert client.get("/", headers={"x-forwarded-proto": "https"}).status_code == 200


def test_idioma_y_zona_horaria(settings):
    assert settings.LANGUAGE_CODE == "es-co"
    assert settings.TIME_ZONE == "America/Bogota"


def test_el_limite_de_la_encuesta_se_fija_por_el_entorno():
    codigo = "from django.conf import settings; print(settings.ENCUESTA_ENVIOS_POR_CLIENTE)"
    resultado = ejecutar_manage("shell", "-c", codigo, DEBUG="1", ENCUESTA_ENVIOS_POR_CLIENTE="40")
    assert resultado.stdout.strip().splitlines()[-1] == "40", resultado.stderr


@pytest.mark.django_db
def test_postgresql_usa_los_indices_como_corresponde_a_datos_en_memoria():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("ajuste de PostgreSQL (la CI corre esta prueba con PostgreSQL)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_con_redis_las_sesiones_se_leen_de_la_cache_y_se_guardan_en_la_base():
    codigo = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    con_redis = ejecutar_manage("shell", "-c", codigo, DEBUG="1", REDIS_URL="redis://127.0.0.1:6379/15")
    sin_redis = ejecutar_manage("shell", "-c", codigo, DEBUG="1", REDIS_URL="")
    assert con_redis.stdout.strip().splitlines()[-1] == "django.contrib.sessions.backends.cached_db", con_redis.stderr
    assert sin_redis.stdout.strip().splitlines()[-1] == "django.contrib.sessions.backends.db", sin_redis.stderr


def test_make_run_sirve_el_portal_como_lo_ve_la_gente(tmp_path):
    """`make run` serves Spanish error pages (DEBUG off), over plain HTTP, with no secret to set."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make no está instalado")
    receta = subprocess.run([make, "-n", "run"], cwd=RAIZ, capture_output=True, text=True, timeout=60).stdout
    linea = next(linea for linea in receta.splitlines() if "gunicorn tablon_portal.wsgi" in linea)
    variables = dict(v.split("=", 1) for v in linea.split("gunicorn")[0].split() if "=" in v)
    codigo = (
        "from django.conf import settings; from django.urls import resolve; "
        "print(settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, "
        "resolve('/media/imagenes/x.webp').url_name is None)"
    )
    # The developer's .env says DEBUG=1 (make writes it); what `make run` sets wins.
    entorno = tmp_path / ".env"
    entorno.write_text("DEBUG=1\n")
    resultado = ejecutar_manage("shell", "-c", codigo, PORTAL_ENV_FILE=str(entorno), **variables)
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.splitlines()[-1].split() == ["False", "False", "False", "True"]
