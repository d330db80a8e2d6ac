# Set-up is part of every target: `make run` and `make test` work on a fresh machine.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test check lint typecheck system venv demo screenshots translations bench package clean

# Bytecode compiled first: where Python may not cache it (PYTHONDONTWRITEBYTECODE), each
# start would compile every module again.
run: system $(STAMP)
	$(PY) -m compileall -q src/ljtracker
	scripts/run-app $(ARGS)

test: system $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

check: lint typecheck test

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

typecheck: $(STAMP)
	$(VENV)/bin/mypy

system:
	@scripts/install-system-packages

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $$(scripts/find-python) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

TS := resources/translations/ljtracker_zh_CN.ts
QM := src/ljtracker/translations/ljtracker_zh_CN.qm

# Collect the window's strings into the .ts (translate new ones there), then compile the .qm.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none src/ljtracker/ui/*.py -ts $(TS)
	mkdir -p $(dir $(QM))
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(QM)

# The main views in both languages, as PNG files in docs/screenshots, and the report page
# in docs/report-page.png.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs/screenshots

# The standalone application folder dist/ljtracker, built by PyInstaller from
# packaging/ljtracker.spec; packaging/smoke_test checks it. Not part of `make test`.
PACKAGE_STAMP := $(VENV)/.package-installed

package: system $(STAMP) $(PACKAGE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/ljtracker.spec
	@du -sh dist/ljtracker

$(PACKAGE_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install -q -e '.[package]'
	touch $(PACKAGE_STAMP)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

# The benchmark at scale (10 plans, 1,000 targets, 30 years); BENCH_ARGS=--json for JSON.
bench: $(STAMP)
	$(PY) -m ljtracker.bench $(BENCH_ARGS)
