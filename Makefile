# Two commands for a newcomer: `make run` and `make test`. Each one creates or refreshes .venv.
# While working: `make test-fast` (all but the tests marked slow), `make format`, `make lint`,
# `make typecheck`; .ci/run runs lint, typecheck and test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := $(HOME)/.local/share/ordnum-desktop/demo.sqlite
QT_LIBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils
# PyInstaller reads the shared libraries' dependencies with objdump (binutils) on Linux;
# appstreamcli validates the metainfo (tests/test_packaging_files.py); icupkg, genccode (icu-devtools)
# and gcc rebuild a smaller ICU data library for the built app (packaging/trim_linux.py).
DIST_TOOLS := binutils appstream icu-devtools gcc
# Team mode's tests start a throwaway PostgreSQL server (tests/pg_server.py) when its programs
# are installed; without them those tests are skipped, with the reason.
TEST_TOOLS := postgresql
BUILD_STAMP := $(VENV)/.build-installed
DIST := dist/ordnum-desktop

.PHONY: run test test-fast lint format typecheck bench bench-dist forms sysdeps clean dist dist-check install-desktop

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory sysdeps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Qt needs a few shared libraries that a bare Debian/Ubuntu may lack, and the tests of team mode
# a PostgreSQL server; install them only when missing and only when we are root (a developer's
# laptop usually has them already).
sysdeps:
	@missing=""; for p in $(QT_LIBS) $(DIST_TOOLS) $(TEST_TOOLS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installation des bibliothèques système :$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Bibliothèques système manquantes (à installer en root) :$$missing"; fi; \
	fi

run: $(STAMP)
	test -f "$(DEMO)" || $(BIN)/ordnum demo --db "$(DEMO)"
	$(BIN)/ordnum-desktop --db "$(DEMO)"

# Both spread the tests over the machine's cores (pytest-xdist); `PYTEST_ARGS=-n0` runs them in one process.
PYTEST_ARGS ?= -n auto
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# Leaves out the SIGKILL crash, million-row, fuzz and lock-timeout tests (marked slow in pyproject.toml).
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check ordnum_desktop tests packaging
	$(BIN)/ruff format --check ordnum_desktop tests packaging

format: $(STAMP)
	$(BIN)/ruff format ordnum_desktop tests packaging

# What is checked and how strictly is in [tool.mypy] of pyproject.toml.
typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run

# Start-up of the built window against the venv's, same run (after `make dist`).
bench-dist: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.startup_built $(DIST)

forms: $(STAMP)
	$(BIN)/python -m ordnum_desktop.ui.compile_forms

# The built application (packaging/ordnum.spec): one folder $(DIST) with `ordnum-desktop` and
# `ordnum`. PyInstaller comes with the [build] extra, installed only for this target.
$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $(BUILD_STAMP)

dist: $(BUILD_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/ordnum.spec
	@du -sh $(DIST)

# Runs the built programs on a fresh temporary home and checks their outputs.
dist-check: $(STAMP)
	$(BIN)/python packaging/dist_check.py $(DIST)

# Launcher and icons for the current user (no root): the built application if `make dist` ran,
# else the program of .venv. `Exec` gets the absolute path, since neither is on PATH.
APPS := $(HOME)/.local/share/applications
ICONS := $(HOME)/.local/share/icons/hicolor
ICON_SIZES := 16 22 24 32 48 64 128 256 512
install-desktop:
	@if [ -x "$(DIST)/ordnum-desktop" ]; then exe="$(abspath $(DIST))/ordnum-desktop"; \
	else $(MAKE) --no-print-directory $(STAMP); exe="$(abspath $(BIN))/ordnum-desktop"; fi; \
	mkdir -p "$(APPS)"; \
	sed "s|^Exec=.*|Exec=$$exe|" packaging/ordnum-desktop.desktop > "$(APPS)/ordnum-desktop.desktop"; \
	for s in $(ICON_SIZES); do \
	  install -D -m 644 packaging/icons/ordnum-desktop-$$s.png "$(ICONS)/$${s}x$${s}/apps/ordnum-desktop.png"; \
	done; \
	install -D -m 644 packaging/icons/ordnum-desktop.svg "$(ICONS)/scalable/apps/ordnum-desktop.svg"; \
	install -D -m 644 packaging/fr.ameli.ordnum_desktop.metainfo.xml \
	  "$(HOME)/.local/share/metainfo/fr.ameli.ordnum_desktop.metainfo.xml"; \
	command -v update-desktop-database >/dev/null && update-desktop-database -q "$(APPS)" || true; \
	echo "Lanceur installé : $(APPS)/ordnum-desktop.desktop → $$exe"

clean:
	rm -rf $(VENV) build dist *.egg-info
