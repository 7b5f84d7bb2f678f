# The two commands of the README: `make run` and `make test`. Everything is installed here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= workreport.db
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test setup ingest-samples serve clean bench screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,scale]'
	touch $(STAMP)

setup: $(STAMP)

# The district set first: a general office's compilations of its units are the job; the
# provincial and national reports after (ingest skips what is already there).
ingest-samples: setup
	$(BIN)/workreport ingest samples/district --db $(DB)
	$(BIN)/workreport ingest samples --db $(DB)

run: ingest-samples
	$(BIN)/workreport serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

screenshots: setup
	WORKREPORT_SCREENSHOTS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_browser.py

bench: setup
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python bench/run.py --hostile

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache
