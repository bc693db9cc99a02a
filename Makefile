# Statement Tracker: the two commands a new user needs are `make run` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install install-dev system-packages bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

system-packages:
	scripts/install-system-packages

## run: the app on the embedded default (SQLite, tasks in process), sample article ingested
run: install
	$(PY) manage.py demo --addrport $(HOST):$(PORT)

## test: the whole suite against PostgreSQL and Redis on this machine, Chromium for browser tests
test: install system-packages
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) var test-output
