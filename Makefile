# `make demo` sets everything up and renders the samples; `make test` sets up and runs the tests.
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin

.PHONY: demo test samples bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/inwriting check samples/*.yaml
	for project in samples/*.yaml; do \
	  $(BIN)/inwriting scope "$$project" --out out --format pdf,docx,md --force || exit 1; \
	done

test: $(BIN)/.installed
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

samples: $(BIN)/.installed  # every document of every sample, for reading: out/samples/<sample>/
	$(BIN)/python tests/render_samples.py out/samples

bench: $(BIN)/.installed
	$(BIN)/python bench/bench_scope.py
	$(BIN)/python bench/bench_cli.py

clean:
	rm -rf $(VENV) out dist build
