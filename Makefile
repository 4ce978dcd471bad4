# govcloud: `make run` sets everything up and serves the trial platform; `make test` runs the whole suite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
DEBIAN_PACKAGES := chromium fonts-wqy-microhei poppler-utils prometheus gettext
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup system-packages run serve demo-reset test test-sqlite test-postgres lock messages bench clean

setup: $(VENV)/.installed system-packages
	$(MANAGE) compilemessages -v 0 --ignore ".venv/*"
	$(MANAGE) collectstatic --noinput -v 0

# Debian packages: the browser for the end-to-end tests, a TrueType CJK font for PDFs,
# pdftoppm for document tests, Prometheus for the monitoring tests, gettext for the catalog.
system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages: $$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  else \
	    echo "missing Debian packages (run as root or install them): $$missing"; \
	  fi; \
	fi

$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	touch $@

# Never wipes the database: migrate, load the real data where missing, add the demo once.
run: setup
	mkdir -p var
	$(MANAGE) migrate --noinput -v 0
	GOVCLOUD_LOG_LEVEL=WARNING $(MANAGE) load_reference_data
	GOVCLOUD_LOG_LEVEL=WARNING $(MANAGE) load_demo --if-empty
	@echo "govcloud: http://$(HOST):$(PORT)/  (demo accounts in README.md)"
	$(BIN)/gunicorn govcloud.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

demo-reset: setup
	rm -f var/govcloud.sqlite3
	mkdir -p var
	$(MANAGE) migrate --noinput -v 0
	GOVCLOUD_LOG_LEVEL=WARNING $(MANAGE) load_reference_data
	GOVCLOUD_LOG_LEVEL=WARNING $(MANAGE) load_demo

test: test-sqlite test-postgres

test-sqlite: setup
	$(BIN)/pytest -q -n 2

test-postgres: setup
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -q -n 2

# Each app keeps its own Chinese catalog in govcloud/<app>/locale/zh_Hans.
messages:
	for app in govcloud/*/apps.py; do dir=$$(dirname $$app); mkdir -p $$dir/locale; \
	  (cd $$dir && DJANGO_SETTINGS_MODULE=govcloud.settings PYTHONPATH=../.. ../../$(BIN)/django-admin \
	    makemessages -l zh_Hans --no-obsolete -v 0); done
	$(MANAGE) compilemessages -v 0 --ignore ".venv/*"

lock:
	$(PYTHON) -m venv /tmp/govcloud-lock && /tmp/govcloud-lock/bin/pip install -q -r requirements.in
	/tmp/govcloud-lock/bin/pip freeze --exclude-editable | grep -v "^pip==" > requirements.lock
	rm -rf /tmp/govcloud-lock

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) staticfiles test-output
