# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo runs with DEBUG on and plain HTTP on loopback; production sets its own environment.
RUN_ENV := DEBUG=$${DEBUG:-true} SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false}

.PHONY: run test install install-test lint bench clean

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

run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_seeds
	$(RUN_ENV) $(BIN)/python manage.py demo_accounts
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install-test
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install-test
	$(BIN)/python bench/extract_bench.py

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles .pytest_cache
