"""政府性基金 and 国有资本经营 expenditure, 机关运行经费, 政府采购 and 国有资产占有使用."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from juesuan.extract.mentions import Mention, add_mention, flat_changes, new_item, parse_sentence, reasons
from juesuan.extract.numbers import find_figures, make_figure
from juesuan.model.disclosure import FundSection, Procurement, StateAssets
from juesuan.model.figures import MONEY_UNITS, Item, Text
from juesuan.outline.catalogue import first_match

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

_EMPTY = re.compile(r"无数据|没有数据|无(?:[^，。；]{0,20})(?:收入|支出)|不涉及|空表|未发生|为空")
_SUBJECT_ITEM = re.compile(r"[（(]项[）)]\s*$")  # a 项 named with its 类 and 款 before its amount
_FUND_LABEL = re.compile(r"政府性基金|国有资本经营|预算(财政)?拨款支出|^支出")  # "支出收入105.00万元" is 支出 mistyped
_EQUIPMENT = re.compile(r"单价\s*\d+(?:\.\d+)?\s*万元\s*(?:\(含\))?以上[^，,。；;\d]*?(?:设备|资产)[^，,。；;\d]*?(?=\d)")
_HOLDER = re.compile(r"(?:截至|截止)[^，,]*[，,]\s*(?P<unit>[^，,。；;]{2,30}?)共有(?:车辆|公务用车)")

PROCUREMENT: list[tuple[str, re.Pattern[str]]] = [
    ("micro_small", re.compile(r"小微企业")),
    ("sme", re.compile(r"中小企业")),
    ("goods", re.compile(r"货物")),
    ("works", re.compile(r"工程")),
    ("services", re.compile(r"服务")),
    ("total", re.compile(r"政府采购(支出)?(总额|金额|合计)|^政府采购支出$|采购(支出)?总额")),
]


def extract_fund(ctx: Analysis, kind: str) -> FundSection:
    section = FundSection()
    doc = ctx.document
    for text in ctx.index.of_kind(kind):
        for sentence in text.sentences():
            for mention in parse_sentence(doc, sentence, ctx.prior_year):
                if mention.is_change:
                    if section.expenditure is not None:
                        add_mention(section.expenditure, mention)
                    continue
                if _SUBJECT_ITEM.search(mention.key) and mention.figure.unit in MONEY_UNITS:
                    # "住房保障支出（类）…（项）135.00万元": each 项 once (a list, then "其中，…（项）100.00万元，主要用于…"),
                    # and this year's ("2023年…（项）50.00万元" is not)
                    if all(i.key != mention.key for i in section.items) and not _another_year(ctx, mention):
                        section.items.append(new_item(mention, mention.key))
                    continue
                if not _FUND_LABEL.search(mention.key) or ("收入" in mention.key and "支出" not in mention.key):
                    continue  # what the money was spent on, or the fund's income, not the section's spending
                if section.expenditure is None:
                    section.expenditure = new_item(mention, kind)
                else:
                    add_mention(section.expenditure, mention)
            if _EMPTY.search(sentence.norm):
                section.statements.append(Text(text=sentence.text.strip(),
                                               location=doc.locate(sentence.start, sentence.start + len(sentence.norm))))
    return section


def _another_year(ctx: Analysis, mention: Mention) -> bool:
    """The mention's clause names a year other than the report's."""
    if ctx.year is None or mention.sentence is None:
        return False
    start = mention.figure.location.start - mention.sentence.start
    head = re.split(r"[，,；;。]", mention.sentence.norm[:start])[-1]
    return any(int(y) != ctx.year for y in re.findall(r"((?:19|20)\d\d)\s*年", head))


def extract_admin_cost(ctx: Analysis) -> Item | None:
    item: Item | None = None
    doc = ctx.document
    for text in ctx.index.of_kind("admin_operating_cost"):
        sentences = list(text.sentences())
        for mention in ctx.mentions(sentences):
            if "机关运行经费" in mention.key or mention.is_change or item is None:
                if item is None:
                    item = new_item(mention, "admin_operating_cost")
                else:
                    add_mention(item, mention)
        if item is not None:
            item.reason += reasons(doc, text.paragraphs())
            item.change += flat_changes(doc, sentences, ctx.prior_year)
    return item


def extract_procurement(ctx: Analysis) -> Procurement:
    result = Procurement()
    for text in ctx.index.of_kind("procurement"):
        for mention in ctx.mentions(text.sentences()):
            if mention.is_change or mention.figure.unit not in (*MONEY_UNITS, None):
                continue
            key = first_match(PROCUREMENT, mention.key)
            if key is None:
                continue
            existing = getattr(result, key)
            if existing is None:
                setattr(result, key, new_item(mention, key))
            else:
                add_mention(existing, mention)
    return result


def extract_state_assets(ctx: Analysis) -> list[StateAssets]:
    """One entry a paragraph that says what a unit holds (seed 004 has one a 二级预算单位)."""
    found: list[StateAssets] = []
    doc = ctx.document
    for text in ctx.index.of_kind("state_assets"):
        for _, block in text.paragraphs():
            norm = doc.normalized[block.location.start : block.location.end]
            if not re.search(r"车辆|用车|设备", norm):
                continue
            assets = StateAssets()
            holder = _HOLDER.search(norm) or re.match(r"^\s*(?P<unit>[^，,。；;\d]{2,30}?)共有(?:车辆|公务用车)", norm)
            if holder:
                a = block.location.start + holder.start("unit")
                assets.unit = doc.text[a : a + len(holder.group("unit"))]
            for sentence in text.sentences():
                if not (block.location.start <= sentence.start < block.location.end):
                    continue
                for mention in parse_sentence(doc, sentence, ctx.prior_year):
                    if mention.figure.unit != "辆":
                        continue
                    if re.search(r"共有|车辆$|合计", mention.key):
                        assets.vehicles.append(mention.figure)
                    elif mention.key.endswith(("用车", "车辆")) or "用车" in mention.key:
                        assets.vehicles_by_use.append(Item(name=mention.label, key=mention.key, count=[mention.figure]))
                for m in _EQUIPMENT.finditer(sentence.norm):
                    figures = [f for f in find_figures(sentence.norm[m.end():]) if f.start == 0]
                    if not figures:
                        continue
                    shifted = replace(figures[0], start=figures[0].start + m.end(), end=figures[0].end + m.end())
                    a = sentence.start + m.start()
                    assets.equipment.append(Item(
                        name=doc.text[a : sentence.start + m.end()], count=[make_figure(doc, sentence.start, shifted)],
                    ))
            if found and assets.unit is None and not assets.vehicles:
                found[-1].equipment += assets.equipment  # a paragraph going on about the same holder
                found[-1].vehicles_by_use += assets.vehicles_by_use
            elif assets.vehicles or assets.vehicles_by_use or assets.equipment:
                found.append(assets)
    return found
