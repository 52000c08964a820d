# Two commands a newcomer needs: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run desktop-deps test lint typecheck bench quality clean bundle package package-smoke

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# On a desktop missing Qt's X11 libraries, newsdiff says which and the apt command
# to install them (newsdiff_gui/ui/app/platform_check.py); `make desktop-deps` does it.
run: $(STAMP)
	$(BIN)/newsdiff

# Qt's X11 libraries for a fresh Debian/Ubuntu desktop (sudo unless root).
desktop-deps:
	@pkgs="$$($(PYTHON) -c 'import sys; sys.path.insert(0, "."); from newsdiff_gui.ui.app.platform_check import DESKTOP_PACKAGES; print(*DESKTOP_PACKAGES)')"; \
	sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	echo "$$sudo apt-get install -y $$pkgs"; $$sudo apt-get install -y $$pkgs

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The checks CI gates on: lint, formatting and types (the settings are in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check newsdiff_gui tests tools packaging
	$(BIN)/ruff format --check newsdiff_gui tests tools packaging
	$(BIN)/mypy

# The UI, strict ([tool.mypy] in pyproject.toml; PySide6 ships its stubs).
typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks.bench_align

# Alignment quality on every gold set (seeds and tests/data/gold), subsets and
# synthetic sets, and the score calibration: run by hand after changing the aligner.
quality: $(STAMP)
	$(BIN)/python -m tools.dev_scores
	$(BIN)/python -m tools.dev_scores --test
	$(BIN)/python -m tools.align_subsets tests/data/gold/seeds/seeds-alignment.json --synthetic
	$(BIN)/python -m tools.calibrate_scores

# Installers (packaging/README.md). PyInstaller is a build tool, not a dependency:
# installed into .venv on first use.
PYINSTALLER := $(BIN)/pyinstaller

$(PYINSTALLER): $(STAMP)
	$(BIN)/pip install --quiet 'pyinstaller>=6.10'

bundle: $(PYINSTALLER)
	$(PYINSTALLER) --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist packaging/newsdiff.spec

package: bundle
	$(BIN)/python packaging/build_deb.py

package-smoke: $(PYINSTALLER)
	packaging/smoke_test.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
