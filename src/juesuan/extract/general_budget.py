"""一般公共预算财政拨款支出: overall, structure by 类, every 项; and 基本支出 (人员经费, 公用经费)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from juesuan.document import Block, BlockKind, Document
from juesuan.extract.mentions import GENERIC_LABEL, add_mention, flat_changes, new_item, parse_sentence, reasons
from juesuan.extract.section_text import split_sentences
from juesuan.model.disclosure import BasicExpenditure, GeneralBudget, LineItem
from juesuan.model.figures import MONEY_UNITS, Text
from juesuan.outline.catalogue import first_match
from juesuan.text.headings import NUM, Numbering, numbering

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

GENERAL_BUDGET = re.compile(r"一般公共预算(财政拨款)?支出")
# Names are bounded (and the line is cut at 400 characters): nested lazy ".+?" backtracks without bound on
# a line of many （类）（款） pairs.
_LINE = re.compile(r"^(?P<class>.{1,60}?)[（(]类[）)]\s*-?(?P<section>.{1,80}?)[（(]款[）)]\s*-?(?P<item>.{1,80}?)[（(]项[）)]")
_CODE = re.compile(r"(?<!\d)(\d{7})(?!\d)")
# A numbered line that names its subject before a colon, then gives its spending: "教育（类）2050803干部培训: 支出决算为…"
# (the head takes its own trailing spaces: a separate \s* before the colon would backtrack over them; matched on at
# most 400 characters of a line)
_LOOSE = re.compile(r"(?P<head>[^:：。；;，,]{2,80}?)[:：]\s*(?=支出决算|决算数|支出)")
_SUBJECT = re.compile(r"[（(][类款项][）)]|(?<!\d)(?:\d{3}|\d{5}|\d{7})(?!\d)")
_BUDGET = re.compile(r"(年初预算|调整预算|预算数|预算)\s*$")
_BUDGET_KEY = re.compile(r"(?:年初|调整|全年)?预算(?:数)?")
_COMPARISON = re.compile(r"决算数(?:大于|小于|等于|与预算数(?:基本)?持平|与预算数一致)[^，,。；;:：]*")
_ITEM_REASON = re.compile(r"主要原因(?:是|为)?[:：]?")
_LIST_ITEM = re.compile(r"[^、,，]+")
_LIST_OWNER = re.compile(r"人员经费|公用经费")
_ITEM_AMOUNT = re.compile(r"(?:人员经费|公用经费)[^，,。；;：:]{0,12}?\d[\d,]*(?:\.\d+)?\s*万?元")
_LISTED = re.compile(r"主要包括[:：]?(?P<list>[^。；;]+)")


def extract_general_budget(ctx: Analysis) -> GeneralBudget:
    budget = GeneralBudget()
    doc = ctx.document
    for text in ctx.index.of_kind("general_budget_overall"):
        sentences = list(text.sentences())
        for mention in ctx.mentions(sentences):
            # Here every figure is about the total: "一般公共预算财政拨款减少了190.68万元" omits 支出.
            if "一般公共预算" in mention.key or (mention.is_change and not mention.key):
                if budget.total is None:
                    budget.total = new_item(mention, "general_budget")
                else:
                    add_mention(budget.total, mention)
        if budget.total is not None:
            budget.total.reason += reasons(doc, text.paragraphs())
            budget.total.change += flat_changes(doc, sentences, ctx.prior_year)
    for text in ctx.index.of_kind("general_budget_structure"):
        for mention in ctx.mentions(text.sentences()):
            if mention.is_change or mention.figure.unit not in (*MONEY_UNITS, None):
                continue
            if GENERAL_BUDGET.search(mention.key):
                budget.structure_total.append(mention.figure)
            elif mention.key:
                key = re.sub(r"[（(]类[）)]", "", mention.key)
                existing = next((c for c in budget.classes if c.key == key), None)
                if existing is None:
                    budget.classes.append(new_item(mention, key))
                else:
                    add_mention(existing, mention)
    for text in ctx.index.of_kind("general_budget_detail"):
        blocks = [block for _, block in text.paragraphs()]
        for k, block in enumerate(blocks):
            line = doc.normalized[block.location.start : block.location.end]
            n = numbering(line)
            match = _LINE.match(line[n.prefix_length : n.prefix_length + 400]) if n is not None and n.level == NUM else None
            loose = _LOOSE.match(line[n.prefix_length : n.prefix_length + 400]) if n is not None and n.level == NUM else None
            if match is None and loose is not None and _SUBJECT.search(loose.group("head")):
                assert n is not None
                budget.items.append(_loose_item(ctx, block.location.start, block.location.end, n, loose))
                continue
            if match is None:
                total_before = budget.detail_total
                for sentence in split_sentences(doc, block.location.start, block.location.end):
                    about_total = False
                    for mention in parse_sentence(doc, sentence, ctx.prior_year):
                        if mention.is_change:
                            continue
                        # "一般公共预算财政拨款支出年初预算为…，支出决算为…": the second restates the first
                        # (and "…年初预算为0万元，全年预算为321.02万元，支出决算为…": 全年 is a lead word, 预算 is left)
                        about_total = bool(GENERAL_BUDGET.search(mention.key)) or (
                            about_total and bool(GENERIC_LABEL.match(mention.key) or _BUDGET_KEY.fullmatch(mention.key)))
                        if about_total:
                            if budget.detail_total is None:
                                budget.detail_total = new_item(mention, "general_budget")
                            else:
                                add_mention(budget.detail_total, mention)
                if budget.detail_total is not None and total_before is None:
                    budget.detail_total.reason += reasons(doc, [(0, block)])
                continue
            assert n is not None
            item = _line_item(ctx, block.location.start, block.location.end, n, match)
            if (not item.amount or line.rstrip().endswith((":", "："))) and (end := _item_goes_on(doc, blocks, k)) is not None:
                # "1、一般公共服务支出（类）…行政运行（项）。" then "主要用于：…支出决算为 51.32 万元": a hard-wrapped text
                # whose line ended at the heading's full stop, or at "主要用于:"
                item = _line_item(ctx, block.location.start, end, n, match)
            budget.items.append(item)
    return budget


_GOES_ON = 3  # paragraphs an item's line may run on to


def _item_goes_on(doc: Document, blocks: list[Block], k: int) -> int | None:
    """Where the item of block k ends when its text runs on to the paragraphs after it (up to the next numbered
    paragraph or heading), or None when nothing follows it."""
    end = None
    for block in blocks[k + 1 : k + 1 + _GOES_ON]:
        if block.kind is not BlockKind.PARAGRAPH or numbering(doc.normalized[block.location.start : block.location.end]):
            break
        end = block.location.end
    return end


def _line_item(ctx: Analysis, start: int, end: int, n: Numbering, match: re.Match[str]) -> LineItem:
    doc = ctx.document
    base = start + n.prefix_length

    def written(group: str) -> str:  # the name as the report writes it, full-width brackets and all
        text = doc.text[base + match.start(group) : base + match.end(group)].strip(" -")
        # "一般公共服务（类）支出-政府办公厅（室）及相关机构（款）": the 支出 belongs to the 类
        return re.sub(r"^支出\s*[-－—]\s*", "", text) if group == "section" else text

    item = LineItem(number=n.number, class_name=written("class"), section_name=written("section"),
                    item_name=written("item"), location=doc.locate(start, end))
    return _figures_of(ctx, item, start, end)


def _loose_item(ctx: Analysis, start: int, end: int, n: Numbering, loose: re.Match[str]) -> LineItem:
    """An item named by its code rather than by （类）（款）（项）: "2.教育（类）2050803干部培训: 支出决算为11.95万元",
    "5.住房保障2210201住房公积金：…"; a 类 that lists its 项 after 其中 ("1.一般公共服务（类）201: 支出决算为898.25万元，
    完成预算100%。其中行政运行2013101支出决算为490.4万元，…") is one item of the 类 figures, its 项 left out."""
    doc = ctx.document
    base = start + n.prefix_length
    head = doc.text[base + loose.start("head") : base + loose.end("head")].rstrip()
    code = _CODE.search(head)
    marked = re.search(r"[（(]类[）)]", head)
    cut = marked.start() if marked else code.start() if code else len(head)
    item_name = head[code.end() :].strip(" -") if code else None
    item = LineItem(number=n.number, class_name=head[:cut].strip() or None, item_name=item_name or None,
                    code=code.group(1) if code else None, location=doc.locate(start, end))
    inner = re.compile(r"[。；;]\s*其中").search(doc.normalized, base + loose.end(), end)
    return _figures_of(ctx, item, start, inner.start() + 1 if inner else end)


def _figures_of(ctx: Analysis, item: LineItem, start: int, end: int) -> LineItem:
    """The item's spending, budget, completion rate, comparison and reason, as its line states them."""
    doc = ctx.document
    norm = doc.normalized[start:end]
    if code := _CODE.search(norm):
        item.code = code.group(1)
    for sentence in split_sentences(doc, start, end):
        for mention in parse_sentence(doc, sentence, ctx.prior_year):
            if mention.is_change:
                continue
            if _BUDGET.search(mention.key):
                item.budget.append(mention.figure)
            elif mention.figure.unit in (*MONEY_UNITS, None):
                item.amount.append(mention.figure)
            if mention.completion is not None:
                item.completion.append(mention.completion)
    for m in _COMPARISON.finditer(norm):
        item.comparison.append(Text(text=doc.text[start + m.start() : start + m.end()],
                                    location=doc.locate(start + m.start(), start + m.end())))
    if m := _ITEM_REASON.search(norm):
        a, b = start + m.end(), end
        reason = doc.text[a:b].strip()
        if reason:
            item.reason.append(Text(text=reason, location=doc.locate(a, b)))
    return item


BASIC: list[tuple[str, re.Pattern[str]]] = [
    ("personnel", re.compile(r"人员经费")),
    ("public", re.compile(r"公用经费")),
    ("basic", re.compile(r"基本支出")),
]


def extract_basic(ctx: Analysis) -> BasicExpenditure:
    basic = BasicExpenditure()
    doc = ctx.document
    for text in ctx.index.of_kind("general_budget_basic"):
        current: str | None = None
        for sentence in text.sentences():
            for mention in parse_sentence(doc, sentence, ctx.prior_year):
                key = first_match(BASIC, mention.key)
                if key is None:
                    continue
                current = key
                attribute = {"basic": "total"}.get(key, key)
                existing = getattr(basic, attribute)
                if existing is None:
                    setattr(basic, attribute, new_item(mention, key))
                else:
                    add_mention(existing, mention)
            listed = _LISTED.search(sentence.norm)
            # whose list: the category named last before 主要包括 in this sentence, told with its amount ("公用经费
            # 10.23万元，主要包括：…"); "人员经费用途主要包括…" is the template's definition, listing every kind
            named = _LIST_OWNER.findall(sentence.norm[: listed.start()]) if listed else []
            if listed and named and _ITEM_AMOUNT.search(sentence.norm[: listed.start()]):
                current = "personnel" if named[-1] == "人员经费" else "public"
                a = sentence.start + listed.start("list")
                items = getattr(basic, f"{current}_items")
                for name in _LIST_ITEM.finditer(doc.text[a : a + len(listed.group("list"))]):
                    cleaned = re.sub(r"(支出)?等$", "", name.group().strip())
                    if cleaned:
                        start = a + name.start() + len(name.group()) - len(name.group().lstrip())
                        items.append(Text(text=cleaned, location=doc.locate(start, start + len(cleaned))))
    return basic
