# Vraagwijzer: `make install`, then `make run`. `make help` lists the rest.
SHELL := /bin/bash
BIN := .venv/bin
MODEL := models/vraagwijzer.tar.gz
TRAINING_DATA := config.yml domain.yml $(shell find data -name '*.yml' ! -name catalogue.yml)
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
# Rasa reports nothing to Rasa's servers (train, shell, run).
export RASA_TELEMETRY_ENABLED := false

.PHONY: help install run train validate test bench shell clean review review-bench \
        cluster cluster-stop bench-load bench-compare bench-redaction audit personas \
        lint format test-fast retrain

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

install:  ## venv with Rasa 3.6, the Dutch spaCy pipeline, database schema, the trained model
	@bash scripts/install.sh $(if $(filter run,$(MAKECMDGOALS)),--quiet)

# make install trains it too, beside the web assets (scripts/install.sh).
$(MODEL): $(TRAINING_DATA)
	@bash scripts/train.sh

train: install $(MODEL)  ## train the model when data or config changed

run: install $(MODEL)  ## serve the bot: Rasa on 5005, actions on 5055, review app on 5080 (Ctrl-C stops all)
	@bash scripts/run.sh

review: install  ## the coordinators' review app on http://localhost:5080 (REVIEW_PORT)
	$(BIN)/python -m bot.review

review-bench: install  ## inbox load time with 10,000 seeded requests (scratch database)
	$(BIN)/python scripts/measure_inbox.py

shell: install $(MODEL)  ## chat in the terminal (starts the action server too)
	@export ACTION_SERVER_TOKEN=$${ACTION_SERVER_TOKEN:-$$(cat var/action_server_token)}; \
	  $(BIN)/python -m bot.action_server --actions actions --port 5055 >/dev/null 2>&1 & \
	  trap "kill $$!" EXIT; $(BIN)/rasa shell --model models --endpoints endpoints.yml

retrain: install $(MODEL)  ## the review app's corrections into the model: train, test on the holdout, load if not worse
	$(BIN)/python -m bot.retrain

validate: install  ## rasa data validate --fail-on-warnings (see scripts/validate_data.py)
	$(BIN)/python scripts/validate_data.py

test: install $(MODEL)  ## lint, then every test: units, data validation, test stories, end to end, browser, cluster
	@bash scripts/install_chromium.sh
	@bash scripts/install_services.sh
	$(BIN)/python scripts/audit.py
	@$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest tests

# tests/unit holds the tests that need no trained model, browser or service
# (PostgreSQL, Redis, a Rasa or action server): a few SQLite files at most.
test-fast: install  ## the unit tests alone (tests/unit): no model, browser or services, under a minute
	$(BIN)/python -m pytest tests/unit -q

LINT_PATHS := bot actions scripts

lint: install  ## ruff format --check, ruff check and mypy on bot/ actions/ scripts/ (pyproject.toml)
	@status=0; \
	  $(BIN)/ruff format --check $(LINT_PATHS) || status=1; \
	  $(BIN)/ruff check $(LINT_PATHS) || status=1; \
	  $(BIN)/mypy || status=1; \
	  exit $$status

format: install  ## ruff format and the safe ruff fixes (import order) on bot/ actions/ scripts/
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)

audit: install  ## requirements.lock against the vendored advisories (../shared/advisories)
	$(BIN)/python scripts/audit.py

bench: install $(MODEL)  ## NLU scores, latency, memory, start-up and training time
	$(BIN)/python scripts/bench.py

cluster: install $(MODEL)  ## PostgreSQL, Redis, 2 Rasa + 2 action servers behind nginx on 5005 (RASA_INSTANCES, ACTION_SERVERS)
	@bash scripts/install_services.sh
	$(BIN)/python -m bot.cluster start

cluster-stop:  ## stop what `make cluster` started
	$(BIN)/python -m bot.cluster stop

bench-load: install $(MODEL)  ## 50 concurrent intakes: single process vs cluster, a Rasa killed mid-run (BENCH_USERS)
	@bash scripts/install_services.sh
	$(BIN)/python scripts/bench_load.py

bench-compare: install $(MODEL)  ## Vraagwijzer vs the stock `rasa init` bot, same run, 1 and 50 users (BENCH_VS=checkout)
	$(BIN)/python scripts/bench_compare.py $(if $(BENCH_VS),--vs $(BENCH_VS))

clean:  ## remove the trained model and test results (keeps the venv and database)
	rm -rf models/*.tar.gz results .pytest_cache

bench-redaction:  ## redaction and answer-parser time on worst-case input: 2,000 and 100,000 characters
	$(BIN)/python scripts/bench_redaction.py

personas: install $(MODEL)  ## scripted entrepreneurs end to end, table + var/personas-report.md (PERSONAS="id ..."; GROUP=tuning; HELDOUT=1; SLOPPY=1; PERSONAS_FLAGS=--show)
	$(BIN)/python scripts/personas.py $(if $(PERSONAS),--only $(PERSONAS)) $(if $(GROUP),--group $(GROUP)) $(if $(HELDOUT),--heldout) $(if $(SLOPPY),--sloppy) $(PERSONAS_FLAGS)
