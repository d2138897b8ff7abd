"""收入支出决算总体情况, 收入决算, 支出决算 and 财政拨款收入支出决算总体情况."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from juesuan.extract.mentions import Mention, add_mention, flat_changes, new_item, reasons
from juesuan.extract.section_text import SectionText
from juesuan.model.disclosure import FiscalAppropriation, Totals
from juesuan.model.figures import Item
from juesuan.outline.catalogue import first_match

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

INCOME_TOTAL = re.compile(r"^(?:本年度?)?收入总计|^总收入$")
EXPENDITURE_TOTAL = re.compile(r"^(?:本年度?)?支出总计|^总支出$")
TOTAL = re.compile(r"收[入、]?\s*[、和及与]?\s*支出?总计|收入支出总计|收支总计|^总计|^收支$")

INCOME: list[tuple[str, re.Pattern[str]]] = [
    ("income_this_year", re.compile(r"本年收入合计|^收入合计|^本年收入$")),
    ("general_budget", re.compile(r"一般公共预算财政拨款")),
    ("gov_fund", re.compile(r"政府性基金预算财政拨款")),
    ("state_capital", re.compile(r"国有资本经营预算财政拨款")),
    ("fiscal_appropriation", re.compile(r"^财政(预算)?拨款收入|^财政拨款$")),
    ("superior_subsidy", re.compile(r"上级补助收入")),
    ("business", re.compile(r"事业收入")),
    ("operating", re.compile(r"经营收入")),
    ("subsidiary", re.compile(r"附属单位上缴收入")),
    ("non_fiscal_balance", re.compile(r"非财政拨款结余|事业基金弥补")),
    ("other", re.compile(r"其他收入")),
    ("carryover_begin", re.compile(r"年初结转和?结余|上年结转和?结余")),
]

EXPENDITURE: list[tuple[str, re.Pattern[str]]] = [
    ("expenditure_this_year", re.compile(r"本年支出合计|^支出合计|^本年支出$")),
    # not "基本支出中医疗业务支出5868.43万元": a part of 基本支出, named after it
    ("basic", re.compile(r"基本支出(?!中)")),
    ("project", re.compile(r"项目支出(?!中)")),
    ("upper", re.compile(r"上缴上级支出")),
    ("operating", re.compile(r"经营支出")),
    ("subsidiary", re.compile(r"对附属单位补助支出")),
    ("carryover_end", re.compile(r"年末结转和?结余")),
    ("balance_distribution", re.compile(r"结余分配")),
]

FISCAL: list[tuple[str, re.Pattern[str]]] = [
    ("total", re.compile(r"财政拨款收[入、]?\s*[、和及与]?\s*支出?总计|财政拨款收支总计|财政拨款收入支出总计")),
    ("income", re.compile(r"(?<!预算)财政(预算)?拨款(收入)?(合计|总计)?$")),
    ("expenditure", re.compile(r"(?<!预算)财政(预算)?拨款支出(合计|总计)?$")),
    ("basic", re.compile(r"^基本支出$")),
    ("project", re.compile(r"^项目支出$")),
    # the income from each budget ("一般公共预算财政拨款收入488.93万元"), not its spending, said in the same place
    ("general_budget", re.compile(r"一般公共预算(?!.*支出)")),
    ("gov_fund", re.compile(r"政府性基金(?!.*支出)")),
    ("state_capital", re.compile(r"国有资本经营(?!.*支出)")),
]


def _file(item: Item | None, mention: Mention, key: str) -> Item:
    if item is None:
        return new_item(mention, key)
    add_mention(item, mention)
    return item


def extract_totals(ctx: Analysis) -> Totals:
    totals = Totals()
    # Beijing and Chongqing put 收入 and 支出 inside the overall item: their text is read there, once.
    own = {i for kind in ("income", "expenditure") for part in ctx.index.of_kind(kind) for i, _ in part.blocks}
    for whole in ctx.index.of_kind("income_expenditure_overview"):
        text = SectionText(whole.document, [(i, b) for i, b in whole.blocks if i not in own])
        sentences = list(text.sentences())
        for mention in ctx.mentions(sentences):
            if "财政拨款" in mention.key and TOTAL.search(mention.key):
                continue  # 财政拨款收、支总计 belongs to the fiscal appropriation section
            if INCOME_TOTAL.search(mention.key):
                totals.income_total = _file(totals.income_total, mention, "income_total")
            elif EXPENDITURE_TOTAL.search(mention.key):
                totals.expenditure_total = _file(totals.expenditure_total, mention, "expenditure_total")
            elif TOTAL.search(mention.key) or (mention.is_change and not mention.key):
                totals.total = _file(totals.total, mention, "total")
            elif key := first_match(INCOME, mention.key):
                _file_income(totals, mention, key)
            elif key := first_match(EXPENDITURE, mention.key):
                _file_expenditure(totals, mention, key)
        main = totals.total or totals.income_total
        if main is not None:
            main.reason += reasons(ctx.document, text.paragraphs())
            main.change += flat_changes(ctx.document, sentences, ctx.prior_year)
    # A report without an overview item may state its 收入总计 (支出总计) under 收入 (支出): "(一)收入决算情况。2021年度,
    # 收入总计为457.8161万元,其中:…" (there, 总收入 is often the year's income alone, as a hospital's "2017年总收入6628.72万元")
    for text in ctx.index.of_kind("income"):
        for mention in ctx.mentions(text.sentences()):
            if mention.key.startswith("收入总计") and not mention.is_change:
                totals.income_total = _file(totals.income_total, mention, "income_total")
            elif key := first_match(INCOME, mention.key):
                _file_income(totals, mention, key)
    for text in ctx.index.of_kind("expenditure"):
        for mention in ctx.mentions(text.sentences()):
            if mention.key.startswith("支出总计") and not mention.is_change:
                totals.expenditure_total = _file(totals.expenditure_total, mention, "expenditure_total")
            elif key := first_match(EXPENDITURE, mention.key):
                _file_expenditure(totals, mention, key)
    return totals


def _file_income(totals: Totals, mention: Mention, key: str) -> None:
    if key == "income_this_year":
        totals.income_this_year = _file(totals.income_this_year, mention, key)
    elif key == "carryover_begin":
        totals.carryover_begin = _file(totals.carryover_begin, mention, key)
    else:
        existing = next((i for i in totals.income_sources if i.key == key), None)
        if existing is None:
            totals.income_sources.append(new_item(mention, key))
        else:
            add_mention(existing, mention)


def _file_expenditure(totals: Totals, mention: Mention, key: str) -> None:
    if key == "expenditure_this_year":
        totals.expenditure_this_year = _file(totals.expenditure_this_year, mention, key)
    elif key == "carryover_end":
        totals.carryover_end = _file(totals.carryover_end, mention, key)
    else:
        existing = next((i for i in totals.expenditure_kinds if i.key == key), None)
        if existing is None:
            totals.expenditure_kinds.append(new_item(mention, key))
        else:
            add_mention(existing, mention)


def extract_fiscal(ctx: Analysis) -> FiscalAppropriation:
    fiscal = FiscalAppropriation()
    for text in ctx.index.of_kind("fiscal_appropriation_overview"):
        sentences = list(text.sentences())
        last: Item | None = None
        for mention in ctx.mentions(sentences):
            key = first_match(FISCAL, mention.key)
            if key is None and mention.is_change and last is not None:
                add_mention(last, mention)
                continue
            if key in ("total", "income", "expenditure"):
                last = _file(getattr(fiscal, key), mention, key)
                setattr(fiscal, key, last)
            elif key is not None:
                existing = next((i for i in fiscal.parts if i.key == key), None)
                if existing is None:
                    last = new_item(mention, key)
                    fiscal.parts.append(last)
                else:
                    add_mention(existing, mention)
                    last = existing
        main = fiscal.total or fiscal.income
        if main is not None:
            main.reason += reasons(ctx.document, text.paragraphs())
            main.change += flat_changes(ctx.document, sentences, ctx.prior_year)
    return fiscal
