# Set-up and the main jobs in one command each. `make run` / `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The stamps make `make install` a no-op once done; they are redone when pyproject.toml changes.
STAMP     := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: install dev index run serve chat test test-unit eval eval-blind eval-summary bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch==2.13.0 is pinned in pyproject.toml: pip takes the CPU wheel on this disk.
	$(BIN)/pip install -q -e .
	@touch $@

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[dev]'
	@bash scripts/install-chromium.sh
	@touch $@

dev: $(DEV_STAMP)

# Build the index when it is missing or stale (document hashes, model, chunking settings).
index: install
	$(BIN)/dealqa ingest --if-stale

run: index
	$(BIN)/dealqa serve

chat: index
	$(BIN)/dealqa chat

test: dev
	$(BIN)/python -m pytest -q

test-unit: dev
	$(BIN)/python -m pytest -q -m "not integration and not browser"

eval: index
	$(BIN)/dealqa eval --baselines --out eval/runs/latest.json

# The blind sets: written by helpers that saw only the corpus and the format (see README).
BLIND_SETS := blind blind2 blind3 blind4 blind5 blind6 blind7 blind8 blind9 blind10 blind11 blind12 blind13 blind14 blind15 blind16 blind17 blind18 blind19 blind20 blind21 blind22 blind23 blind24 blind25 blind26 blind27 blind28 blind29 blind30 blind31 blind32 blind33 blind34 blind35 blind36 blind37 blind38 blind39 blind40 blind41 blind42 blind43 blind44 blind45 blind46 blind47 blind48 blind49 blind50 blind51 blind52 blind53 blind54 blind55 blind56 blind57 blind58 blind59 blind60 blind61 blind62 blind63 blind64 blind65 blind66 blind67 blind68 blind69 blind70 blind71 blind72 blind73 blind74 blind75 blind76 blind77 blind78 blind79 blind80 blind81 blind82 blind83 blind84 blind85 blind86 blind87 blind88 blind89 blind90 blind91 blind92 blind93
eval-blind: index
	@for b in $(BLIND_SETS); do \
	  $(BIN)/dealqa eval --baselines --dataset eval/data/$${b}_qa.jsonl \
	    --out eval/runs/$$b.json --report eval/report/$$b || exit 1; \
	done
	@$(MAKE) --no-print-directory eval-summary

# Pooled results with 95% intervals and paired tests against the baselines (eval/summary.py),
# from the run files eval-blind writes: the sets never read, and all blind sets.
HELD_OUT := blind24 blind25 blind29 blind31
eval-summary:
	$(BIN)/dealqa summary $(HELD_OUT:%=eval/runs/%.json) --out eval/report/HELD_OUT.md \
	  --title "Held-out sets: never read while building"
	$(BIN)/dealqa summary $(BLIND_SETS:%=eval/runs/%.json) --out eval/report/BLIND_SETS.md \
	  --title "All blind sets (most were read and tuned on: see README)"

bench: index
	$(BIN)/python -m bench.bench_core

clean:
	rm -rf data/index eval/runs tests/artifacts
