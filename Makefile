# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: run serve test install lint typecheck messages browser-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,shop]"
	touch $(STAMP)

install: $(STAMP)

# Set up and serve the demo shop on SQLite at http://127.0.0.1:8000 (nl at /nl/, en at /en/).
run: $(STAMP)
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	DJANGO_DEBUG=1 $(PY) manage.py create_catalog_groups
	@echo ""
	@echo "  Shop:  http://127.0.0.1:8000/nl/  (English: http://127.0.0.1:8000/en/)"
	@echo "  API:   http://127.0.0.1:8000/api/v1/  (docs: http://127.0.0.1:8000/api/v1/docs/)"
	@echo "  Admin: http://127.0.0.1:8000/admin/  - create a login first, in another terminal:"
	@echo "         DJANGO_DEBUG=1 $(PY) manage.py createsuperuser"
	@echo ""
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# The production settings locally: DEBUG off, static files collected, gunicorn with
# gunicorn.conf.py at http://127.0.0.1:8000 (JSON request logs on stderr, /healthz, /readyz).
# Uses DJANGO_SECRET_KEY if set, else a throwaway key for this run; DATABASE_URL and REDIS_URL
# as everywhere else.
serve: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput -v0
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		$(BIN)/gunicorn --config gunicorn.conf.py --no-control-socket

# The full suite (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL).
test: $(STAMP)
	$(BIN)/ruff check catalog shop_mg tests
	$(BIN)/mypy catalog
	$(PY) manage.py makemigrations --check --dry-run -v0
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check catalog shop_mg tests
	$(BIN)/ruff format --check catalog shop_mg tests

typecheck: $(STAMP)
	$(BIN)/mypy catalog

messages: $(STAMP)
	cd catalog && ../$(PY) ../manage.py makemessages -l nl --no-obsolete && ../$(PY) ../manage.py compilemessages -l nl

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .mypy_cache
