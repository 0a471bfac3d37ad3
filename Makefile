# backprop-course. Students: `make lab`. Everyone: `make test`. Instructors: release, grade, feedback.
SHELL := /bin/bash
PYTHON ?= python3
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# nbgrader shells out to `alembic`, and kernels should be this venv's: put it first.
export PATH := $(BIN):$(PATH)
export JUPYTER_PATH := $(VENV)/share/jupyter
export PYTHONDONTWRITEBYTECODE := 1

ASSIGNMENTS := $(notdir $(wildcard source/[0-9][0-9]_*))
GRADED := $(sort $(notdir $(wildcard autograded/*/[0-9][0-9]_*)))

.PHONY: venv chromium bubblewrap lab test lint format check release grade feedback bench clean

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "backprop-course needs Python 3.11 or newer"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

## Students: open the course in JupyterLab (headless: open the printed URL in a browser).
## LAB_ROOT: the folder it serves (tests serve a copy); LAB_ARGS: more server flags.
LAB_ROOT ?= release
lab: venv
	jupyter lab --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=$(LAB_ROOT) \
	  $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

## Everyone: lint, then the whole test suite (real nbgrader, real kernels, a real browser).
test: venv lint chromium bubblewrap
	python -m pytest

## $(call debian-package,PROGRAM,PACKAGE,WHO NEEDS IT): when PROGRAM is missing, install
## Debian's PACKAGE if we are root, else name the package and stop.
define debian-package
	@test -x $(1) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(2); \
	  else \
	    echo "$(3) $(1), from Debian's package '$(2)':"; \
	    echo "  sudo apt-get update && sudo apt-get install $(2)"; \
	    exit 1; \
	  fi; }
endef

## The browser tests drive Debian's Chromium through Playwright (which never downloads one).
CHROMIUM := /usr/bin/chromium
chromium:
	$(call debian-package,$(CHROMIUM),chromium,The browser tests need)

## Grading runs each student's kernel in a bubblewrap sandbox (grader.sandbox): install
## Debian's package 'bubblewrap' if it is missing, then check that it can run a kernel here.
BWRAP := /usr/bin/bwrap
bubblewrap: venv
	$(call debian-package,$(BWRAP),bubblewrap,Grading sandboxes each student's kernel with)
	@python -m grader.sandbox

lint: venv
	ruff check .
	ruff format --check .

format: venv
	ruff check --fix .
	ruff format .

## Instructors: regenerate release/ from source/ with nbgrader.
release: venv
	@for a in $(ASSIGNMENTS); do nbgrader generate_assignment "$$a" --force || exit 1; done

## Anyone: grade one notebook with the full hidden tests, in a throw-away course (nothing
## here changes). NB=release/<assignment>/<notebook>.ipynb; CHECK_ARGS=--timeout=SECONDS.
check: venv
	@test -n "$(NB)" || { echo "Usage: make check NB=release/03_two_layer_cat/two_layer_cat.ipynb"; exit 2; }
	@python -m grader.check "$(NB)" $(CHECK_ARGS)

## Instructors: autograde every submitted/<student>/<assignment>/ in parallel worker processes
## (GRADE_WORKERS, default one per core), merge into gradebook.db and autograded/, write
## grades.csv and grade-report.txt. Grades only what is new or changed; FORCE=1 regrades all.
## Exits 1 when a submission could not be graded. GRADE_ARGS=--timeout=SECONDS.
grade: venv
	@python -m grader.classroom $(if $(FORCE),--force) $(GRADE_ARGS)

## Instructors, after `make grade`: feedback HTML per student in feedback/<student>/<assignment>/.
feedback: venv
	@test -n "$(GRADED)" || { echo "Nothing graded yet: run make grade first"; exit 1; }
	@for a in $(GRADED); do nbgrader generate_feedback "$$a" --force || exit 1; done

## Benchmarks (not tests): run on a quiet machine, results written into BENCHMARKS.md with the
## machine and its load. BENCH=training|notebooks|browser|grading runs some; PyTorch is bench-only.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): requirements-bench.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	touch $@

bench: venv $(BENCH_STAMP)
	python benchmarks/run.py $(BENCH)

clean:
	rm -rf build autograded/*/ feedback gradebook.db grades.csv grade-report.txt .pytest_cache
