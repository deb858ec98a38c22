# 灵丘乡镇脱贫攻坚工作台 — the front door. `make run` and `make test` set everything up on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
UI_FILES := $(shell find ui -name '*.ui' 2>/dev/null)
export LANG ?= C.UTF-8

.PHONY: run test lint ui bench bundle clean

$(STAMP): pyproject.toml build/requirements.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) build/requirements.py dev | $(PY) -m pip install -q -r /dev/stdin
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

ui: $(STAMP)
	$(PY) build/compile_ui.py

bench: $(STAMP)
	$(PY) bench/run_all.py

bundle: $(STAMP)
	$(PY) build/requirements.py bundle | $(PY) -m pip install -q -r /dev/stdin
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --workpath /tmp/lingqiu-build --distpath dist build/lingqiu.spec

clean:
	rm -rf $(VENV) dist /tmp/lingqiu-build
