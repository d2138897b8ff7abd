# The two commands of the README. Both install what is missing first, so both work on a fresh machine.
PYTHON ?= python3
SAMPLE := tests/fixtures/seeds/000_452dfb289bf64cc2.txt

.PHONY: setup run test lint bench

setup:
	PYTHON=$(PYTHON) bash scripts/setup.sh

run: setup
	juesuan outline $(SAMPLE)
	juesuan extract $(SAMPLE)
	-juesuan check $(SAMPLE)

test: setup
	$(PYTHON) -m ruff check src tests bench
	$(PYTHON) -m pytest -q

bench: setup
	$(PYTHON) bench/read_speed.py
	$(PYTHON) bench/extract_accuracy.py
	$(PYTHON) bench/reviewer_list.py
	$(PYTHON) bench/mutation.py
