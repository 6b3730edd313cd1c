"""Settings of the municipal portal.

Every value that differs between machines comes from an environment variable (12-factor). With
``DEBUG`` off (production, the default) a missing ``SECRET_KEY`` or ``ALLOWED_HOSTS`` stops start-up with
a clear message instead of running with an insecure default.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def leer_archivo_env(ruta):
    """Load KEY=VALUE lines from a local file (git-ignored); variables already in the environment win.

    `make` writes `.env` with DEBUG=1 for development. Production sets real environment variables instead.
    """
    if not ruta.is_file():
        return
    for linea in ruta.read_text(encoding="utf-8").splitlines():
        linea = linea.strip()
        if not linea or linea.startswith("#") or "=" not in linea:
            continue
        clave, valor = linea.split("=", 1)
        os.environ.setdefault(clave.strip(), valor.strip().strip("'\""))


leer_archivo_env(Path(os.environ.get("PORTAL_ENV_FILE") or BASE_DIR / ".env"))


def env(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = env(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "si", "sí", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# `make run`: the portal as people see it (DEBUG off: Spanish error pages, compressed static files) on this
# machine over plain HTTP, with development defaults for the secrets. Never set it in production.
LOCAL = env_bool("LOCAL", False)

SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

if DEBUG or LOCAL:
    # Local development and `make run` only: never used in production.
    SECRET_KEY = SECRET_KEY or "solo-para-desarrollo-local-no-usar-en-produccion"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
else:
    missing = [name for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS)) if not value]
    if missing:
        raise ImproperlyConfigured(
            "Configuración de producción incompleta: falta(n) la(s) variable(s) de entorno "
            + ", ".join(missing)
            + ". Defínalas (vea README.md, sección Producción) o use DEBUG=1 solo en desarrollo."
        )
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY es demasiado corta: use al menos 50 caracteres aleatorios "
            "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "crispy_forms",
    "django_prose_editor",
    # The job queue: django-tasks (the backport of django.tasks) and its database backend.
    "django_tasks",
    "django_tasks_db",
    "portal.apps.PortalConfig",
    "tramites",
    "servicios",
    "ventanilla",
    "participa",
    "gelt",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.seguridad.CabecerasDeSeguridad",
    "portal.seguridad.BaseDeDatosNoDisponible",
    # HTML, feeds and data gzip-compressed (above everything that reads or writes the body); see the module.
    "portal.compresion.CompresionDeTexto",
    # ETag on every page and 304 Not Modified when it has not changed (also for pages from the page cache).
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page views counted in the cache and written in batches: no cookie, no IP or browser stored.
    "portal.visitas.ContadorDeVisitas",
    # Whole pages for anonymous visitors, from the shared cache, invalidated when content changes.
    "portal.cache_paginas.CacheDePaginas",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Locks out repeated failed logins to the back office (django-axes); last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tablon_portal.urls"
WSGI_APPLICATION = "tablon_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.identidad",
            ],
        },
    },
]

# Unset DATABASE_URL: an SQLite file inside the project (the embedded default).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tests use a file, not memory: the browser tests' live server answers from other threads, which must
    # have connections of their own (a shared in-memory connection loses data between threads).
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f"pruebas-{os.getpid()}.sqlite3")}
    # Write-ahead log: readers never wait for a writer (each search and survey answer writes), and a commit
    # does not wait for the disk (synchronous=NORMAL: safe against a crash of the portal; a power cut may lose
    # the last commits, never corrupt the file). IMMEDIATE: a writing transaction takes the lock at its start
    # instead of failing with "database is locked" halfway.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # A writer waits up to 20 s for the lock instead of 5: many people filing at the same second queue up
        # rather than get an error.
        "timeout": 20,
    }
else:
    # Plain client-side cursors: a server-side one (DECLARE … WITH HOLD) per form select costs more than
    # the few rows it reads, and they break behind a transaction-pooling PgBouncer.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    # The portal's data fits in memory (or on SSD): reading a row by index costs about what reading it in
    # sequence does. PostgreSQL's default (4.0) is for spinning disks and made it read all 4,700 documents to
    # show a subsection's 25. Empty = the server's own setting (behind PgBouncer, which refuses startup
    # options, set it there with ALTER DATABASE … SET random_page_cost = 1.1).
    if costo := env("DB_RANDOM_PAGE_COST", "1.1"):
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c random_page_cost={float(costo)}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "portal.cache_redis.CacheRedis", "LOCATION": env("REDIS_URL")}}
    # Sessions read from Redis and written through to the database (they survive a Redis restart): one query
    # less on every page an official or the committee opens.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # The embedded default: one SQLite file shared by every process of this machine (portal/cache_sqlite.py),
    # so the page cache and the content version work as with Redis, on one machine. Several nodes need Redis.
    CACHES = {
        "default": {
            "BACKEND": "portal.cache_sqlite.CacheSQLite",
            "LOCATION": env("CACHE_ARCHIVO") or str(BASE_DIR / "cache.sqlite3"),
        }
    }

# Both caches are one for every process that serves the portal (Redis: every node; the SQLite file: every
# process of the machine), so a change seen by one is seen by all: the page cache and what each process keeps
# per content version are exact.
CACHE_COMPARTIDA = True
# How long an anonymous page may stay in the cache at most (0 turns the page cache off). Off by default with
# DEBUG: whoever edits a template wants to see it at once (`make run` has DEBUG off and the cache on).
CACHE_PAGINAS_SEGUNDOS = int(env("CACHE_PAGINAS_SEGUNDOS", "0" if DEBUG else "300"))

AUTH_USER_MODEL = "portal.Usuario"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# Where a login goes when ?next= is missing or points to another site (Django's default, /accounts/profile/,
# does not exist here).
LOGIN_REDIRECT_URL = "admin:index"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After 5 failed attempts for one user name from one address, that pair is refused for 30 minutes (in every
# mode, `make run` included); an address that fails 20 times over any user names is refused on its own. A user
# name alone never locks: anyone could lock out a known official. Unlocking: see README.md ("Bloqueos").
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_LIMITE_POR_DIRECCION = int(env("AXES_LIMITE_POR_DIRECCION", "20"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HORAS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "portal.bloqueos.BloqueoPorParYDireccion"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in the admin's own history; only failures are kept
AXES_LOCKOUT_TEMPLATE = "bloqueo.html"
AXES_CLIENT_IP_CALLABLE = "portal.red.direccion_del_cliente"
AXES_VERBOSE = False

# Spanish as spoken in Colombia, Bogotá time.
LANGUAGE_CODE = "es-co"
LANGUAGES = [("es-co", _("Español (Colombia)"))]
TIME_ZONE = "America/Bogota"
USE_I18N = True
# The project's own Spanish texts for Django's admin and the text editor (locale/generar.py writes them).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
# Thousands separators are applied where a person reads an amount (money filters), never to every number:
# years, widths and identifiers must print as they are.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Hashed names never change content: let browsers and proxies keep them for a year.
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

ADMIN_URL = env("ADMIN_URL", "admin/").strip("/") + "/"


# Background jobs (portal/tareas.py): a durable queue in the database itself, run by `manage.py trabajador`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds to wait before each new attempt of a failed job; one attempt more than waits (default: 1 min,
# 5 min, 30 min, 2 h, then the job stays failed, with its traceback, in the admin).
TAREAS_ESPERAS_ENTRE_INTENTOS = [int(s) for s in env_list("TAREAS_ESPERAS_ENTRE_INTENTOS", "60,300,1800,7200")]
# A job RUNNING for longer than this is taken for abandoned by a dead worker and runs again (the lease): no job
# may take longer. Mail and PDFs take seconds; 30 minutes also covers a slow mail server's timeouts.
TAREAS_PLAZO_DE_EJECUCION = int(env("TAREAS_PLAZO_DE_EJECUCION", str(30 * 60)))
# Finished jobs kept for the admin (a daily periodic job deletes older ones; mail bodies go with them).
TAREAS_DIAS_DE_HISTORIAL = int(env("TAREAS_DIAS_DE_HISTORIAL", "14"))

# E-mail: console in development, SMTP configured by EMAIL_* in production.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or LOCAL
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "portal@localhost")
# The public address of the portal, for links in e-mails sent by commands (no request to read it from).
URL_DEL_SITIO = env("URL_DEL_SITIO", "http://127.0.0.1:8000")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Behind a reverse proxy that terminates HTTPS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
# How many reverse proxies in front of gunicorn add X-Forwarded-For (1 behind the README's nginx): the visit
# counter reads the client address from there to tell daily visitors apart, and never stores it.
VISITAS_PROXIES_DE_CONFIANZA = int(env("VISITAS_PROXIES_DE_CONFIANZA", "0"))
# Unique visitors counted per address and day at most: one machine changing its browser name cannot inflate the
# figures beyond this; an internet café or a school behind one address still counts this many people.
VISITAS_VISITANTES_POR_DIRECCION = int(env("VISITAS_VISITANTES_POR_DIRECCION", "20"))
# A referring site appears on the dashboard only once this many different addresses came from it.
VISITAS_MINIMO_PROCEDENCIA = int(env("VISITAS_MINIMO_PROCEDENCIA", "3"))
# A search term appears on the dashboard only once this many different visitors searched it.
BUSQUEDAS_MINIMO_VISITANTES = int(env("BUSQUEDAS_MINIMO_VISITANTES", "2"))
# Answers to the annual survey accepted from one connection in 24 hours (raise it where many people share one,
# an internet café or the library).
ENCUESTA_ENVIOS_POR_CLIENTE = int(env("ENCUESTA_ENVIOS_POR_CLIENTE", "3"))
# Online votes of the participatory budget accepted from one connection in 24 hours (participa.planeacion).
PLANEACION_VOTOS_POR_CLIENTE = int(env("PLANEACION_VOTOS_POR_CLIENTE", "40"))
# Search statistics: new terms one connection may add a day (more are not recorded: a script sending
# hundreds of distinct queries must not fill the table), and how many days of counts are kept.
BUSQUEDA_TERMINOS_NUEVOS_POR_CLIENTE = int(env("BUSQUEDA_TERMINOS_NUEVOS_POR_CLIENTE", "30"))
BUSQUEDA_CONSERVAR_DIAS = int(env("BUSQUEDA_CONSERVAR_DIAS", "400"))
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8  # one working day
if not DEBUG and not LOCAL:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # /salud/ is probed by load balancers over plain HTTP inside the private network.
    SECURE_REDIRECT_EXEMPT = [r"^salud/$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"simple": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "simple"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # django-axes reports every login at INFO; failures and lockouts (WARNING) are what operators need.
    # fontTools (certificate PDFs) reports every font subset at INFO, glyph by glyph.
    "loggers": {"axes": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Files people send with a petition or a trámite: outside MEDIA_ROOT (the web server never serves them), read
# only through the portal, which checks who asks.
PRIVADO_ROOT = Path(env("PRIVADO_ROOT") or BASE_DIR / "privado")
# PQRSD filed from one connection in 24 hours, and follow-up lookups per hour (a shared connection, a café
# internet or a school, may need more).
PQRSD_RADICACIONES_POR_CLIENTE = int(env("PQRSD_RADICACIONES_POR_CLIENTE", "10"))
PQRSD_CONSULTAS_POR_CLIENTE = int(env("PQRSD_CONSULTAS_POR_CLIENTE", "20"))
# Comments on draft norms sent from one connection in 24 hours (participa.consultas_limites).
CONSULTAS_COMENTARIOS_POR_CLIENTE = int(env("CONSULTAS_COMENTARIOS_POR_CLIENTE", "10"))
# Certificates signed with the municipality's digital certificate (PAdES) when these are set: the path of a
# PKCS#12 file (.p12/.pfx) and its password. Unset: certificates are verified by their code only.
CERTIFICADOS_FIRMA_P12 = env("CERTIFICADOS_FIRMA_P12")
CERTIFICADOS_FIRMA_CLAVE = env("CERTIFICADOS_FIRMA_CLAVE")
# Failed certificate verifications (unknown code, PDF not issued) per connection and hour.
VERIFICACIONES_FALLIDAS_POR_CLIENTE = int(env("VERIFICACIONES_FALLIDAS_POR_CLIENTE", "30"))
