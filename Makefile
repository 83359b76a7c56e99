# Two commands for a fresh machine with Python 3.11:
#   make run    set up .venv and start the app on http://localhost:8501
#   make test   set up .venv with the dev tools, then ruff and every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run serve-room test test-fast lint screenshots benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/python -m streamlit run app.py

# A room: one Streamlit process per core behind HAProxy (apt-get install haproxy)
# on 0.0.0.0:8501, sticky sessions; see README "Serving to the room".
serve-room: $(VENV)/.installed
	$(BIN)/python tools/serve_room.py

test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The edit loop: ruff, the core's tests and the AppTests (no browser, no fuzz).
test-fast: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not browser and not fuzz"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

# Refresh docs/screenshots/ (about 8 minutes, needs Chromium): every page at
# 1280x720 as on a laptop, and at 1920x1080 in presenter mode in English and
# Traditional Chinese, and each step of the guided lecture in presenter mode.
screenshots: $(VENV)/.installed-dev
	$(BIN)/python tools/docs_screenshots.py

# All four speed measurements (about 10 minutes; latency and cold start need
# Chromium). Each runs even if one before it missed its goal.
benchmark: $(VENV)/.installed-dev
	@status=0; for b in train_step latency load cold_start lab_fps poll; do \
		echo "== benchmarks/$$b.py"; $(BIN)/python benchmarks/$$b.py || status=1; \
	done; exit $$status

clean:
	rm -rf $(VENV) .pytest_cache tests/.screenshots
