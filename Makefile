# The two commands of the quick start: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PLUGINS := $(sort $(dir $(wildcard plugins/*/pyproject.toml)))
# Test-only plugins (a small example standard and a deliberately broken plugin) are real
# distributions, installed apart from the venv so that only the test run sees them.
TESTPLUGINS := .test-plugins
TESTSTAMP := $(TESTPLUGINS)/.installed
# Faulty plugins (one per class of fault), apart again: only the isolation tests see them.
HOSTILE := .test-plugins-hostile

.PHONY: demo test lint typecheck pytest bench docs screenshots clean

$(STAMP): pyproject.toml $(wildcard plugins/*/pyproject.toml)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev,docs]' \
		$(foreach p,$(PLUGINS),-e $(p))
	touch $(STAMP)

$(TESTSTAMP): $(STAMP) $(wildcard tests/plugins/*/pyproject.toml) $(wildcard tests/plugins/*/src/*/*.py)
	rm -rf $(TESTPLUGINS)
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps \
		--target $(TESTPLUGINS) tests/plugins/example tests/plugins/broken
	rm -rf $(HOSTILE)
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps \
		--target $(HOSTILE) tests/plugins/hostile
	touch $(TESTSTAMP)

demo: $(STAMP)
	$(BIN)/stationkit demo

lint: $(STAMP)
	$(BIN)/ruff check src plugins tests benchmarks tools docs/examples
	$(BIN)/ruff format --check src plugins tests benchmarks tools docs/examples

# mypy runs once per tree: the plugins' tests share module names (conftest), so one run
# over everything would see duplicates.
typecheck: $(STAMP)
	$(BIN)/mypy -p stationkit
	$(BIN)/mypy -p stationkit_example
	MYPYPATH=tests/plugins/hostile/src $(BIN)/mypy -p stationkit_hostile
	$(BIN)/mypy tests/*.py tests/lifecycle tests/testing tests/toy_standards tests/monitor tests/report tests/browser benchmarks
	MYPYPATH=src:docs/examples/mycounty/src $(BIN)/mypy docs/examples/mycounty/src docs/examples/mycounty/tests
	set -e; for p in $(PLUGINS); do \
		MYPYPATH=src:$${p}src $(BIN)/mypy $${p}src $${p}tests; done

pytest: $(STAMP) $(TESTSTAMP)
	PYTHONPATH=$(TESTPLUGINS) $(BIN)/python -m pytest
	# The monitor's durable engines share one runtime per process: the other test order too.
	STATIONKIT_REVERSE_TESTS=1 PYTHONPATH=$(TESTPLUGINS) $(BIN)/python -m pytest tests/monitor

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/lifecycle.py
	$(BIN)/python benchmarks/assessment.py
	$(BIN)/python benchmarks/monitor.py
	$(BIN)/python benchmarks/loading.py
	$(BIN)/python benchmarks/vocabulary_loading.py
	$(BIN)/python benchmarks/cli.py
	$(BIN)/python benchmarks/national.py --stations 50000  # 500000 (the default) needs ~5 GB of disk
	$(BIN)/python benchmarks/import_time.py

# The generated pages, then the site into site/ (strict: any warning fails the build).
docs: $(STAMP)
	$(BIN)/python tools/gen_docs.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

# The browser tests take the screenshots (build/screenshots/); the README shows two of them.
screenshots: $(STAMP) $(TESTSTAMP)
	PYTHONPATH=$(TESTPLUGINS) $(BIN)/python -m pytest -q tests/browser -k screenshot
	cp build/screenshots/dashboard.png build/screenshots/standard-page.png docs/img/

clean:
	rm -rf $(VENV) $(TESTPLUGINS) $(HOSTILE) .mypy_cache .ruff_cache .pytest_cache .hypothesis site build
