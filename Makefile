# The two commands of the README. Both install what is missing first, so both work on a fresh machine.
PYTHON ?= python3
SAMPLE := tests/fixtures/seeds/000_452dfb289bf64cc2.txt

.PHONY: setup run test lint bench

setup:
	PYTHON=$(PYTHON) bash scripts/setup.sh

run: setup
	mkdir -p out
	juesuan outline $(SAMPLE)
	juesuan extract $(SAMPLE) > out/000_figures.txt
	-juesuan check $(SAMPLE)
	-juesuan check $(SAMPLE) --format html --output out/000_check.html
	juesuan generate examples/sichuan_2020_pzh_committee_office.yaml --layout sichuan --out out/sichuan_2020_report.docx
	juesuan generate examples/shanghai_2024_putuo_finance_bureau.yaml --layout shanghai --out out/shanghai_2024_report.pdf
	juesuan ingest tests/fixtures/seeds tests/fixtures/shanghai/putuo_finance_bureau_2024_final_accounts.pdf --db out/juesuan.db
	juesuan reports --db out/juesuan.db
	juesuan compare --year 2020 --db out/juesuan.db
	juesuan compare --org 中共攀枝花市委办公室 --aliases examples/aliases.yaml --db out/juesuan.db --chart out/trend.png
	@echo "检查结果、生成的报告、数据库 juesuan.db 和趋势图 trend.png 在 out/ 目录中；公开评分的方法见 docs/score.md。"
	@echo "网页版（上传、查看、比较、生成）：运行 juesuan serve --db out/juesuan.db ，再用浏览器打开 http://127.0.0.1:8000/ （API 说明在 /api/docs）。"

test: setup
	$(PYTHON) -m ruff check src tests bench
	$(PYTHON) -m pytest -q

bench: setup
	$(PYTHON) bench/read_speed.py
	$(PYTHON) bench/extract_accuracy.py
	$(PYTHON) bench/reviewer_list.py
	$(PYTHON) bench/mutation.py
	$(PYTHON) bench/mutation_blind.py
	$(PYTHON) bench/reviewer_list.py --list bench/data/second_review.tsv
	$(PYTHON) bench/generate_speed.py
	$(PYTHON) bench/corpus.py --dir tests/fixtures/corpus
	$(PYTHON) bench/corpus.py --dir tests/fixtures/found_dev
	$(PYTHON) bench/corpus.py --dir tests/fixtures/heldout
	$(PYTHON) bench/scan.py
	$(PYTHON) bench/store_speed.py --reports 1000
	$(PYTHON) bench/template_wording.py
	$(PYTHON) bench/render_compare.py
	$(PYTHON) bench/batch_speed.py --reports 1000
	$(PYTHON) bench/web_load.py --reports 100
