"""“三公”经费: total, each item, vehicles bought and held by type, groups, batches and persons —
per 二级预算单位 where the report splits them (seed 004)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from juesuan.document import Block
from juesuan.extract.mentions import (
    GENERIC_LABEL,
    Mention,
    add_mention,
    flat_changes,
    new_item,
    parse_sentence,
    reasons,
)
from juesuan.extract.section_text import split_sentences
from juesuan.model.disclosure import ThreePublic, ThreePublicUnit
from juesuan.model.figures import MONEY_UNITS, Item
from juesuan.outline.catalogue import THREE_PUBLIC_ITEMS, first_match

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

_NOT_SPENDING = re.compile(r"退回|收回|压缩|指标|预算安排")
# A sentence that opens with a budget and says nothing of what was spent (a 预算 page beside the 决算's)
_BUDGET_SENTENCE = re.compile(r"^[^,，。；;]{0,40}?预算(?:总计|合计|总额|安排|数)?\s*(?:为|是|较|比)?\s*(?:\d|上年|20\d\d)")
_SPENT = re.compile(r"决算|实际|执行|支出\s*\d")
_VEHICLE_TYPES = re.compile(r"^(轿车|越野车|载客汽车|其他车辆|客车|货车|特种车|商务车|小型客车|中型客车|大型客车|旅行车)$")


def extract_three_public(ctx: Analysis, sub_units: list[str]) -> ThreePublic:
    result = ThreePublic()
    units: dict[str | None, ThreePublicUnit] = {}
    for text in ctx.index.of_kind("three_public"):
        for _, paragraph in text.paragraphs():
            _paragraph(ctx, paragraph, sub_units, result, units)
    result.units = [u for u in units.values() if _has_data(u)]
    return result


def _paragraph(ctx: Analysis, paragraph: Block, sub_units: list[str], result: ThreePublic,
               units: dict[str | None, ThreePublicUnit]) -> None:
    """Files the figures of one paragraph; its reason goes to the last item it stated."""
    doc = ctx.document
    sentences = list(split_sentences(doc, paragraph.location.start, paragraph.location.end))
    last_item: Item | None = None
    last_kind: str | None = None
    named: list[str | None] = []
    for sentence in sentences:
        if _BUDGET_SENTENCE.match(sentence.norm) and not _SPENT.search(sentence.norm):
            continue  # "2022年度“三公”经费预算总计21.8万元,其中:…公务接待11.8万元…": a budget, not what was spent
        # A sentence that names no unit goes on about the unit of the sentence before it.
        named = _units_in(sentence.norm, sub_units) or named
        targets = [units.setdefault(u, ThreePublicUnit(unit=u)) for u in (named or [None])]
        context: str | None = None  # what the counts of this sentence are about
        for mention in parse_sentence(doc, sentence, ctx.prior_year):
            key = _strip_units(mention.key, sub_units)
            if mention.figure.unit not in (*MONEY_UNITS, None) and not mention.rate_only:
                before = sentence.norm[: max(0, mention.figure.location.start - sentence.start)]
                context = _count(targets, key, mention, context, sentence.norm, _foreign(before))
                if mention.figure.unit == "批次" and "接待" in key:  # "…接待24批次，共计支出4.73万元"
                    last_kind = "reception_foreign" if "外事" in key else "reception_domestic"
                continue
            if key == "金额" and context is not None:
                # "轿车0辆、金额0万元": the amount spent on the vehicles of that type
                by_type: list[Item] = getattr(targets[0], context)
                if by_type:
                    by_type[-1].amount.append(mention.figure)
                continue
            if _NOT_SPENDING.search(key):
                continue  # "退回财政公务接待费198.68万元" is money given back, not spent
            kind = first_match(THREE_PUBLIC_ITEMS, key)
            if kind is None and GENERIC_LABEL.match(key):
                kind = last_kind  # "共计支出1.57万元" restates the item of the sentence
            if kind is None:
                continue
            for unit in targets:
                _file(result, unit, kind, mention, len(named) > 1)
            last_kind = kind
            last_item = result.total if kind == "total" and targets[0].unit is None else getattr(targets[0], kind)
    target = last_item or result.total
    if target is not None:
        target.reason += reasons(doc, [(0, paragraph)])
        target.change += flat_changes(doc, sentences, ctx.prior_year)


def _file(result: ThreePublic, unit: ThreePublicUnit, kind: str, mention: Mention, shared: bool) -> None:
    """Files an amount; a sentence naming several units ("…均为0万元") gives each of them the figure."""
    if kind == "total" and unit.unit is None:
        if result.total is None:
            result.total = new_item(mention, "three_public")
        else:
            add_mention(result.total, mention)
        return
    existing = getattr(unit, kind)
    if existing is None:
        item = new_item(mention, kind)
        if shared:
            item.name = mention.label
        setattr(unit, kind, item)
    else:
        add_mention(existing, mention)


def _foreign(before: str) -> bool:
    """A reception count is of foreign guests when the nearest of 外事 and 国内 before it is 外事 ("外事接待费支出0万元,
    国内公务接待221批次": the 221 are domestic)."""
    return before.rfind("外事") > before.rfind("国内")


def _count(targets: list[ThreePublicUnit], key: str, mention: Mention, context: str | None, norm: str,
           foreign: bool) -> str | None:
    unit = mention.figure.unit
    if mention.is_change:
        return context  # "较上年减少119批次" is how the count changed, not the count
    for target in targets:
        if unit == "辆":
            if re.search(r"购置|更新", key):
                target.vehicles_bought.append(mention.figure)
                context = "vehicles_bought_by_type"
            elif re.search(r"共有|保有|实有|现有", key):
                target.vehicles_held.append(mention.figure)
                context = "vehicles_held_by_type"
            elif _VEHICLE_TYPES.match(key) and context is not None:
                by_type: list[Item] = getattr(target, context)
                existing = next((i for i in by_type if i.name == key), None)
                if existing is None:
                    by_type.append(Item(name=mention.label, key=key, count=[mention.figure]))
                else:
                    existing.count.append(mention.figure)
        elif unit in ("次", "个") and re.search(r"团组", key):
            target.outbound_groups.append(mention.figure)
        elif unit in ("人", "人次") and (re.search(r"出国|出境", key) or ("团组" in norm and "接待" not in norm)):
            target.outbound_persons.append(mention.figure)
        elif unit == "人" and "接待" in norm:
            (target.foreign_persons if foreign else target.reception_persons).append(mention.figure)
        elif unit == "批次" or (unit == "次" and "批次" in key):  # "国内公务接待批次为0次"
            (target.foreign_batches if foreign else target.reception_batches).append(mention.figure)
        elif unit == "人次":
            (target.foreign_persons if foreign else target.reception_persons).append(mention.figure)
    return context


def _units_in(norm: str, sub_units: list[str]) -> list[str | None]:
    """The sub-units a sentence is about: those named at its start ("市委办公室（本级）、市委党史研究室…")."""
    first_figure = re.search(r"\d+(\.\d+)?\s*(万元|元|%|辆|批次|人次)", norm)
    head = norm[: first_figure.start() if first_figure else 60]
    named = [u for u in sub_units if u and u in head]
    return sorted(named, key=head.find)  # type: ignore[arg-type]


def _strip_units(key: str, sub_units: list[str]) -> str:
    for unit in sorted(sub_units, key=len, reverse=True):
        key = key.replace(unit, "")
    return key.strip("、 ")


def _has_data(unit: ThreePublicUnit) -> bool:
    return any(value for name, value in unit if name != "unit")
