# Vitrina: `make run` serves the demo shop, `make test` runs the whole suite.
# Both set everything up themselves (virtualenv, packages, database, demo data).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate demo check messages compile-messages serve-production bench-search bench-pages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/python manage.py check --settings=vitrina.settings.test
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=vitrina.settings.test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: install-dev
	$(BIN)/python manage.py check --settings=vitrina.settings.test
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=vitrina.settings.test

# Translators: refresh the catalog after changing UI strings, then compile it.
messages: install
	$(BIN)/python manage.py makemessages --locale es --ignore ".venv/*" --ignore "tests/*" --ignore "bench/*"

compile-messages: install
	$(BIN)/python manage.py compilemessages --locale es --ignore ".venv/*"

# What a server runs on every deploy (needs SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL):
# migrations, static files, the background worker (emails, expiries) and gunicorn.
serve-production: install
	DJANGO_SETTINGS_MODULE=vitrina.settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=vitrina.settings.production $(BIN)/python manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=vitrina.settings.production $(BIN)/python manage.py db_worker & \
	DJANGO_SETTINGS_MODULE=vitrina.settings.production $(BIN)/gunicorn vitrina.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3}

# Search at 100,000 products on PostgreSQL (not part of `make test`; see docs/benchmarks.md).
# Fills BENCH_DATABASE_URL once (about 15 minutes), then prints latency figures.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/vitrina_bench
BENCH_PRODUCTS ?= 100000
bench-search: install-dev
	createdb -h 127.0.0.1 -U postgres vitrina_bench 2>/dev/null || true
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/generate_catalog.py --products $(BENCH_PRODUCTS)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/search_latency.py --runs 5

# Pages per second under gunicorn (2 and 4 workers, page cache on and off) beside a static
# file and a trivial view, plus SQL queries per page (not part of `make test`; see
# docs/benchmarks.md). Fills BENCH_PAGES_DATABASE_URL with the demo shop first; needs wrk.
# Options: make bench-pages BENCH_PAGES_ARGS="--seconds 20 --workers 2 --only product,article"
BENCH_PAGES_ARGS ?=
bench-pages: install
	$(BIN)/python bench/page_throughput.py $(BENCH_PAGES_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media test-media staticfiles
