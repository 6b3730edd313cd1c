# Two commands do everything: `make run` (set up and serve the portal) and `make test` (run the tests).
# Only Python 3.11 is needed on the machine; the rest is installed into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
# `make run` serves the portal as people see it: DEBUG off (Spanish error pages, compressed static files) with
# local-friendly settings (LOCAL=1: plain HTTP, development secrets). `make run MODO_RUN=DEBUG=1` for Django's
# debug pages.
MODO_RUN ?= DEBUG=0 LOCAL=1

.PHONY: run test install herramientas-navegador lint format migrate demo backup restore clean

# `manage.py servir` runs gunicorn and one `manage.py trabajador` (the job queue) side by side, and Ctrl+C stops
# both: it forwards the stop to them and waits (see portal/management/commands/servir.py).
run: install ## Set up everything (venv, packages, database, demo content, static files) and serve the portal
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py cargar_demo $(if $(DEMO_PASSWORD),--password "$(DEMO_PASSWORD)")
	$(BIN)/python manage.py reindexar_busqueda
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Portal en http://$(HOST):$(PORT)/ y un trabajador de la cola de tareas  (Ctrl+C detiene ambos)"
	exec env $(MODO_RUN) $(BIN)/python manage.py servir -- $(BIN)/gunicorn tablon_portal.wsgi --bind $(HOST):$(PORT) \
		--workers $(WORKERS) --access-logfile - --access-logformat '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'  # no IP nor browser in the log

test: install herramientas-navegador ## Run the test suite (on PostgreSQL when DATABASE_URL is set)
	DB_CONN_MAX_AGE=0 $(BIN)/pytest  # no persistent connections: the live server's threads must not keep the test database open

install: $(VENV)/.instalado .env

# axe-core for the browser tests and the W3C Nu HTML Checker (vnu.jar, run with the machine's Java), from the
# npm registry (never a CDN). --ignore-scripts: vnu-jar's install script would download a Java of its own.
# Without npm those tests are skipped.
AXE := tests/navegador/node_modules/axe-core/axe.min.js
VNU := tests/navegador/node_modules/vnu-jar/build/dist/vnu.jar
herramientas-navegador: $(AXE) $(VNU)

$(AXE) $(VNU) &: tests/navegador/package.json tests/navegador/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		cd tests/navegador && npm ci --ignore-scripts --no-audit --no-fund --silent \
		&& touch node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar; \
	else echo "npm no está instalado: las pruebas en el navegador y el validador HTML se omitirán."; fi

$(VENV)/.instalado: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Se necesita Python 3.11 o posterior.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Local development settings; production sets real environment variables instead (see README).
.env:
	printf '# Local development only (written by make). Production uses environment variables.\nDEBUG=1\n' > .env

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrate: install
	$(BIN)/python manage.py migrate

demo: install
	$(BIN)/python manage.py cargar_demo $(if $(DEMO_PASSWORD),--password "$(DEMO_PASSWORD)")

backup: install ## Database + uploaded media into respaldos/respaldo-<fecha>.tar.gz
	$(BIN)/python manage.py respaldar --destino respaldos

restore: install ## make restore ARCHIVO=respaldos/respaldo-….tar.gz
	@test -n "$(ARCHIVO)" || { echo "Indique el respaldo: make restore ARCHIVO=respaldos/respaldo-….tar.gz"; exit 2; }
	$(BIN)/python manage.py restaurar "$(ARCHIVO)"

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache tests/navegador/node_modules artefactos
