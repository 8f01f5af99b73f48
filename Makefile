# CSIRT Self-Check: run the app, run the tests.
#   make run    start the app (serve.py: app.py with the Host check and framing headers;
#               settings in .streamlit/config.toml)
#   make test   unit + app + e2e tests (e2e drives Debian's /usr/bin/chromium)
#   make clean  remove the venv and caches

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

# Stamps are named after a hash of the requirement files' contents, so an edit (or a
# `git checkout` that changes them) triggers exactly one reinstall, and mtimes don't matter.
hash = $(shell cat $(1) | sha256sum | cut -c1-12)
RUN_STAMP := $(VENV)/.installed-run-$(call hash,requirements.txt)
DEV_STAMP := $(VENV)/.installed-dev-$(call hash,requirements.txt requirements-dev.txt)
PIP := $(PY) -m pip install --disable-pip-version-check -q

.PHONY: run test clean

run: $(RUN_STAMP)
	$(VENV)/bin/streamlit run serve.py

test: $(DEV_STAMP)
	scripts/ensure_browser.sh
	scripts/ensure_postgres.sh
	scripts/ensure_nginx.sh
	$(PY) -m pytest

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): | $(PY)
	$(PIP) -r requirements.txt
	rm -f $(VENV)/.installed-run-*
	touch $@

# requirements-dev.txt includes requirements.txt, so this also satisfies `make run`.
$(DEV_STAMP): | $(PY)
	$(PIP) -r requirements-dev.txt
	rm -f $(VENV)/.installed-run-* $(VENV)/.installed-dev-*
	touch $@ $(RUN_STAMP)

# The performance benchmark against a bare Streamlit app (bench/, docs/performance.md); ~10 minutes.
.PHONY: bench
bench: $(DEV_STAMP)
	scripts/ensure_browser.sh
	$(PY) -m bench

# The workshop load (issue 10): a projector on Results and 12 phones rating for 2 minutes.
.PHONY: bench-workshop
bench-workshop: $(DEV_STAMP)
	scripts/ensure_browser.sh
	$(PY) -m bench.workshop

clean:
	rm -rf $(VENV) .pytest_cache tests/e2e/screenshots
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# The hosted load (issue 14): the workshop through nginx on two servers and one PostgreSQL, then the
# sessions one server holds before its p95 script time passes 100 ms (bench/hosted.py); ~8 minutes.
.PHONY: bench-hosted
bench-hosted: $(DEV_STAMP)
	scripts/ensure_browser.sh
	scripts/ensure_postgres.sh
	scripts/ensure_nginx.sh
	$(PY) -m bench.hosted
