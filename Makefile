# claimtrack: `make demo` runs the main job on the seed articles, `make test` runs the tests.
# Both set up a virtual environment (.venv) on first use; only Python 3.11+ and pip are needed.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO := build/demo

.PHONY: demo test chromium lint fix store model attribution-model boundaries bench report clean

$(BIN)/claimtrack: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -e . --group dev
	@touch $@

## ingest the seed articles into a fresh store and show the contradictions
demo: $(BIN)/claimtrack
	@rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN)/claimtrack ingest seeds --store $(DEMO)/claims.jsonl
	$(BIN)/claimtrack contradictions --store $(DEMO)/claims.jsonl --format table

## run the test suite
test: $(BIN)/claimtrack chromium
	$(BIN)/python -m pytest -q

## headless Chromium (Debian's package) for the report's browser test: installed when missing and run as root
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	  else echo "chromium is not installed and this is not root: the browser test will be skipped"; fi; }

lint: $(BIN)/claimtrack
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/ruff format --check src tests benchmarks training
	$(BIN)/mypy

fix: $(BIN)/claimtrack
	$(BIN)/ruff check --fix src tests benchmarks training
	$(BIN)/ruff format src tests benchmarks training

## rebuild data/claims.jsonl (and data/articles.jsonl) from seeds/
store: $(BIN)/claimtrack
	rm -f data/claims.jsonl data/articles.jsonl
	$(BIN)/claimtrack ingest seeds --store data/claims.jsonl

## retrain the bundled spaCy pipeline from ../shared/data (about 90 minutes on 2 cores)
model: $(BIN)/claimtrack
	$(BIN)/python training/train.py --data $(SHARED)/data

## retrain the attribution tagger from ../shared/eval/polnear-{train,dev}.jsonl (about 40 minutes on 2 busy cores)
attribution-model: $(BIN)/claimtrack
	nice -n 5 $(BIN)/python training/train_roles.py --eval $(SHARED)/eval

## refit the content-boundary scorers on PolNeAR train (a few minutes; after a new tagger or rule change)
boundaries: $(BIN)/claimtrack
	nice -n 5 $(BIN)/python training/fit_boundaries.py --eval --data $(SHARED)/eval

bench: $(BIN)/claimtrack
	$(BIN)/python benchmarks/pipeline_speed.py
	$(BIN)/python benchmarks/attribution_polnear.py $(SHARED)/eval/polnear-dev.jsonl --mode all
	$(BIN)/python benchmarks/speakers_real.py --corpus $(SHARED)/corpus
	$(BIN)/python benchmarks/contradictions_scale.py
	$(BIN)/python benchmarks/ingest_jobs.py
	$(BIN)/python benchmarks/dask_cluster.py
	$(BIN)/python benchmarks/read_speed.py

## the HTML report of the seed articles (build/report.html)
report: $(BIN)/claimtrack
	@rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN)/claimtrack ingest seeds --store $(DEMO)/claims.jsonl -q
	$(BIN)/claimtrack report --store $(DEMO)/claims.jsonl --out build/report.html

clean:
	rm -rf build $(VENV)
