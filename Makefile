# news-events: every target installs what it needs into .venv first (pinned by requirements.lock).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTHON ?= $(shell command -v python3.11 || command -v python3)
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: install run test ui eval eval-clean eval-quotes bench lint clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

run: install  ## build and publish the dataset from $NEWS_SOURCES_DIR (default seeds/)
	@mkdir -p "$(DAGSTER_HOME)"
	$(VENV)/bin/news-events build

test: install  ## the whole test suite (what CI runs)
	$(PY) -m pytest -q

ui: install  ## the Dagster UI with a persistent instance in .dagster_home/
	@mkdir -p "$(DAGSTER_HOME)"
	$(VENV)/bin/dagster dev -w workspace.yaml

eval: install  ## quality figures of the latest release against the seeds' gold fixture
	$(VENV)/bin/news-events eval

eval-clean: install  ## cleaning F1 on the benchmark pages in ../shared/corpora/benchmark-dev
	$(PY) scripts/eval_clean.py

NEWS_POLNEAR ?= ../shared/corpora/polnear-train
NEWS_EVAL_QUOTES_OUT ?= bench-results/eval_quotes.json
eval-quotes: install  ## quote recall, precision, speakers by fold on $NEWS_POLNEAR -> $NEWS_EVAL_QUOTES_OUT
	@test -f "$(NEWS_POLNEAR)/gold_direct_quotes.json" || { echo "eval-quotes: no annotated corpus at $(NEWS_POLNEAR) (txt/, ann/, gold_direct_quotes.json); set NEWS_POLNEAR=<folder>" >&2; exit 2; }
	$(PY) scripts/eval_quotes.py --corpus "$(NEWS_POLNEAR)" --out "$(NEWS_EVAL_QUOTES_OUT)"

NEWS_BENCH_CORPUS ?= ../shared/corpora/bbc
bench: install  ## whole pipeline vs plain spaCy on $NEWS_BENCH_CORPUS -> bench-results/bench.json
	NEWS_BENCH_CORPUS=$(NEWS_BENCH_CORPUS) $(PY) scripts/bench.py

lint: install
	$(VENV)/bin/ruff check pipeline schemas tests scripts

clean:
	rm -rf output/news-events output/.work .pytest_cache
