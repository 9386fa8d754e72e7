# Parecon Assembly - developer commands. Everything runs inside a local virtual environment
# (.venv) that these targets create and keep up to date from pyproject.toml.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PY_SOURCES := pareconapp tests bench migrations docs packaging
ENGLISH_TS := resources/translations/pareconapp_en.ts
TS_FILES := $(filter-out $(ENGLISH_TS),$(wildcard resources/translations/*.ts))

.DEFAULT_GOAL := help
.PHONY: help run test lint typecheck pytest bench screenshots translations translations-release \
        dist clean

help:
	@echo "make run          set up .venv and start the app on the demo assembly"
	@echo "make test         set up .venv and run lint, type checks and the whole test suite"
	@echo "make bench        run every benchmark under bench/ and print the figures"
	@echo "make screenshots  render every screen offscreen into docs/screenshots/"
	@echo "make translations update resources/translations/*.ts from the sources"
	@echo "make dist         build a wheel and an sdist into dist/"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Parecon Assembly needs Python 3.11 or newer: run make with PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	@touch $@

run: $(STAMP)
	$(BIN)/pareconapp --demo

lint: $(STAMP)
	$(BIN)/ruff check $(PY_SOURCES)

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

bench: $(STAMP)
	@for script in $(sort $(wildcard bench/*.py)); do \
		case "$$(basename $$script)" in _*) continue;; esac; \
		echo "== $$script"; \
		QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python $$script || exit 1; \
	done

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

translations: $(STAMP)
	$(BIN)/pyside6-lupdate -pluralonly $$(find pareconapp -name '*.py' | sort) -ts $(ENGLISH_TS)
	$(BIN)/python packaging/english_plurals.py $(ENGLISH_TS) pareconapp
	@if [ -n "$(TS_FILES)" ]; then \
		$(BIN)/pyside6-lupdate $$(find pareconapp -name '*.py' | sort) -ts $(TS_FILES); fi
	$(MAKE) translations-release

translations-release: $(STAMP)
	@for ts in $(ENGLISH_TS) $(TS_FILES); do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done

dist: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps --no-build-isolation -w dist .

clean:
	rm -rf build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
