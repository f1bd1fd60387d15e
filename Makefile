# The README's two commands: `make run` and `make test` (and `make bench`).
# Each sets itself up on a fresh machine: a virtual environment in .venv with
# the project installed into it (re-done when pyproject.toml changes).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: run test bench soak translations clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.bench-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

run: $(VENV)/.installed
	$(PY) -m playground

# Two tiers: the engine runs with Qt blocked (as on a machine without PySide6),
# then the app and the command line under pytest-qt, offscreen.
test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	PLAYGROUND_BLOCK_QT=1 $(PY) -m pytest -p no:pytest-qt tests/engine
	$(PY) -m pytest tests/cli tests/gui

bench: $(VENV)/.bench-installed
	$(PY) benchmarks/bench_engine.py
	$(PY) benchmarks/bench_gui.py
	$(PY) benchmarks/bench_scale.py
	$(PY) benchmarks/bench_launch.py

# The long runs: the random-action test at 20 seeds x 1000 actions (tests/gui/random_actions),
# each seed's count and time printed; then half an hour of training with every view open,
# minute by minute.
soak: $(VENV)/.installed
	RANDOM_ACTION_SEEDS=0-19 RANDOM_ACTIONS=1000 $(PY) -m pytest -m random_actions -s tests/gui/random_actions
	$(PY) benchmarks/soak.py --minutes 30

# The Korean interface: collect new strings into assets/i18n/playground_ko.ts (to translate,
# in Qt Linguist or any editor), then compile it to playground_ko.qm (both are committed).
translations: $(VENV)/.installed
	$(PY) tools/translations.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
