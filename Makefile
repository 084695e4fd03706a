# news-events: every target installs what it needs into .venv first (pinned by requirements.lock).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTHON ?= $(shell command -v python3.11 || command -v python3)
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
# Corpora beside the clone by default; point elsewhere with e.g. make bench NEWS_BENCH_CORPUS=DIR
NEWS_BENCH_CORPUS ?= ../shared/corpora/bbc

.PHONY: install run test ui eval eval-clean eval-quotes eval-entities eval-events bench bench-growth bench-scale lint clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# A DAGSTER_HOME without a dagster.yaml gets the local one (telemetry off, log level set).
LOCAL_INSTANCE := deploy/dagster.local.yaml
define dagster_home
	@mkdir -p "$(DAGSTER_HOME)"
	@test -f "$(DAGSTER_HOME)/dagster.yaml" || cp $(LOCAL_INSTANCE) "$(DAGSTER_HOME)/dagster.yaml"
endef

run: install  ## build and publish the dataset from $NEWS_SOURCES_DIR (default seeds/)
	$(dagster_home)
	$(VENV)/bin/news-events build

test: install  ## the whole test suite (what CI runs)
	$(PY) -m pytest -q

ui: install  ## the Dagster UI with a persistent instance in .dagster_home/
	$(dagster_home)
	$(VENV)/bin/dagster dev -w workspace.yaml

eval: install  ## quality figures of the latest release against the seeds' gold fixture -> quality/seeds.json
	$(VENV)/bin/news-events eval --record

NEWS_BENCHMARK_DEV ?= ../shared/corpora/benchmark-dev
eval-clean: install  ## cleaning F1 on the benchmark pages in $NEWS_BENCHMARK_DEV
	$(PY) scripts/eval_clean.py --corpus "$(NEWS_BENCHMARK_DEV)" --bbc "$(NEWS_BENCH_CORPUS)"

NEWS_POLNEAR ?= ../shared/corpora/polnear-train
NEWS_EVAL_QUOTES_OUT ?= bench-results/eval_quotes.json
eval-quotes: install  ## quote recall, precision, speakers by fold on $NEWS_POLNEAR -> $NEWS_EVAL_QUOTES_OUT
	@test -f "$(NEWS_POLNEAR)/gold_direct_quotes.json" || { echo "eval-quotes: no annotated corpus at $(NEWS_POLNEAR) (txt/, ann/, gold_direct_quotes.json); set NEWS_POLNEAR=<folder>" >&2; exit 2; }
	$(PY) scripts/eval_quotes.py --corpus "$(NEWS_POLNEAR)" --out "$(NEWS_EVAL_QUOTES_OUT)"

eval-entities: install  ## entity resolution on the hand-labelled mentions of tests/fixtures/entity_gold in $NEWS_POLNEAR
	@test -d "$(NEWS_POLNEAR)/txt" || { echo "eval-entities: no corpus at $(NEWS_POLNEAR) (txt/ of the gold's articles); set NEWS_POLNEAR=<folder>" >&2; exit 2; }
	$(PY) scripts/eval_entities.py --corpus "$(NEWS_POLNEAR)"

NEWS_BBC ?= $(NEWS_BENCH_CORPUS)
eval-events: install  ## events on the hand-labelled sentences of tests/fixtures/event_gold -> quality/events.json
	@for c in "$(NEWS_BBC)" "$(NEWS_BENCHMARK_DEV)" "$(NEWS_POLNEAR)"; do test -d "$$c" || { echo "eval-events: no corpus at $$c (the gold points into bbc, benchmark-dev and polnear-train); set NEWS_BBC=, NEWS_BENCHMARK_DEV=, NEWS_POLNEAR=<folder>" >&2; exit 2; }; done
	$(PY) scripts/eval_events.py --bbc "$(NEWS_BBC)" --benchmark-dev "$(NEWS_BENCHMARK_DEV)" --polnear "$(NEWS_POLNEAR)" --record

NEWS_BENCH_PAIRS ?= 3
bench: install  ## `news-events build` vs a plain spaCy script, A B rounds, on $NEWS_BENCH_CORPUS -> bench-results/bench.json
	@test -d "$(NEWS_BENCH_CORPUS)" || { echo "bench: no corpus at $(NEWS_BENCH_CORPUS) (a folder of .txt articles); set NEWS_BENCH_CORPUS=<folder>" >&2; exit 2; }
	NEWS_BENCH_CORPUS=$(NEWS_BENCH_CORPUS) $(PY) scripts/bench.py --pairs $(NEWS_BENCH_PAIRS)

bench-growth: install  ## build time as the corpus grows (250, 1,000, all of $NEWS_BENCH_CORPUS) -> bench-results/bench-growth.json
	@test -d "$(NEWS_BENCH_CORPUS)" || { echo "bench-growth: no corpus at $(NEWS_BENCH_CORPUS) (a folder of .txt articles); set NEWS_BENCH_CORPUS=<folder>" >&2; exit 2; }
	NEWS_BENCH_CORPUS=$(NEWS_BENCH_CORPUS) $(PY) scripts/bench.py --pairs 1 --growth 250,1000 --json bench-results/bench-growth.json

NEWS_BENCH_SIZES ?= 25000,100000,400000
bench-scale: install  ## corpus steps + release on synthetic corpora of $NEWS_BENCH_SIZES articles made from $NEWS_BENCH_CORPUS's results -> bench-results/bench-scale.json
	@test -d "$(NEWS_BENCH_CORPUS)" || { echo "bench-scale: no corpus at $(NEWS_BENCH_CORPUS) (a folder of .txt articles, built once as the base); set NEWS_BENCH_CORPUS=<folder>" >&2; exit 2; }
	$(PY) scripts/bench_scale.py --corpus "$(NEWS_BENCH_CORPUS)" --sizes $(NEWS_BENCH_SIZES)

lint: install
	$(VENV)/bin/ruff check pipeline schemas tests scripts

clean:
	rm -rf output/news-events output/.work .pytest_cache
