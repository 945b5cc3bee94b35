# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo's local settings: DEBUG on, plain HTTP on loopback and a key generated once. manage.py
# reads this file (the environment wins over it); production reads only its environment.
LOCAL_SETTINGS := .env

.PHONY: run port-free test install install-test lint bench clean

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/activate pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/activate

install-test: $(VENV)/.test-deps

$(LOCAL_SETTINGS):
	@umask 077; { \
	  echo "# Local demo settings written by 'make run'. Not for production."; \
	  echo "DEBUG=true"; \
	  echo "SECURE_SSL_REDIRECT=false"; \
	  echo "SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
	} > $@
	@echo "Wrote $@ (DEBUG on, a generated SECRET_KEY); manage.py reads it."

port-free:
	@$(PYTHON) -c 'import socket, sys; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", $(PORT)))' 2>/dev/null \
	  || { echo "Port $(PORT) is already in use on 127.0.0.1; stop what runs there or choose another: PORT=9000 make run"; exit 1; }

run: port-free install $(LOCAL_SETTINGS)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seeds
	$(BIN)/python manage.py demo_accounts
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install-test
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install-test
	$(BIN)/python bench/extract_bench.py

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles .pytest_cache $(LOCAL_SETTINGS)
