"""Report metadata: organisation, year, 部门决算 or 单位决算, and layout.

Many reports have no cover in the text (the seeds start at 第一部分), so the organisation is found by
voting among the places that name it: the cover, part titles, annex titles, 《…报告》 citations,
the 预算单位 cell of performance tables and "（以下简称…）"; the subject of sentences such as
"市委办公室机关运行经费支出…" is the fallback.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from juesuan.document import BlockKind, Document
from juesuan.outline.sections import ReportMeta, Section
from juesuan.text.headings import numbering

_ORG_SUFFIX = (
    "办公室", "办事处", "委员会", "政府", "局", "厅", "委", "办", "中心", "院", "部", "处", "会", "站", "所",
    "馆", "队", "校", "社", "署", "室", "团", "联",
)
_CJK_NAME = r"[\u4e00-\u9fff（）()]{2,30}?"
_YEAR_KIND = re.compile(r"(20\d{2})\s*年度?\s*(部门|单位)?\s*决算")
_NAME_BEFORE_YEAR = re.compile(rf"^({_CJK_NAME})\s*(20\d{{2}})\s*年")
_CITATION = re.compile(rf"《({_CJK_NAME})(20\d{{2}})年")
_ALIAS = re.compile(rf"({_CJK_NAME})[（(]以下简称")
_SUBJECT = re.compile(
    r"[，,。、]\s*([\u4e00-\u9fff]{2,20}?)\s*(?:20\d{2}年度?)?(?:机关运行经费支出|政府采购支出总额|共有车辆)"
)
_PART_OVERVIEW = re.compile(r"^第.{1,3}部分\s*(.+?)\s*(概况|20\d{2}年度)")


def read_meta(document: Document, sections: list[Section]) -> ReportMeta:
    year, kind = _year_and_kind(document, sections)
    return ReportMeta(_organisation(document, sections), year, kind, _layout(sections))


def _year_and_kind(document: Document, sections: list[Section]) -> tuple[int | None, str | None]:
    titles = [s.title for s in sections if s.level == 1]
    head = [b.text for b in document.blocks[:40] if b.kind is not BlockKind.TABLE]
    year: int | None = None
    kind: str | None = None
    for text in [*titles, *head]:
        m = _YEAR_KIND.search(text)
        if m:
            year = year or int(m.group(1))
            if m.group(2) and kind is None:
                kind = m.group(2) + "决算"
        if year and kind:
            break
    if kind is None:
        for title in titles:
            if "单位概况" in title:
                kind = "单位决算"
            elif "部门概况" in title:
                kind = "部门决算"
    return year, kind


def _layout(sections: list[Section]) -> str:
    parts = {s.kind: s for s in sections if s.level == 1}
    if "statements" in parts:
        return "shanghai"
    items = {c.kind: c for p in sections for c in p.children}
    if "performance" in items and "other_matters" in items and items["other_matters"].number == 11:
        return "shanghai"
    if "explanation" in parts and ("tables" in parts or "annexes" in parts or parts["explanation"].number == 2):
        return "sichuan"
    return "unknown"


def _is_org_name(text: str) -> bool:
    return 2 < len(text) <= 30 and text.endswith(_ORG_SUFFIX) and not re.search(r"\d", text)


def _clean(name: str) -> str:
    name = re.sub(r"[（(][^（）()]*[）)]$", "", name.strip())  # 中共…办公室（市侨联） -> 中共…办公室
    return name.strip(" ：:，,")


def _organisation(document: Document, sections: list[Section]) -> str | None:
    votes: Counter[str] = Counter()
    first_part = min((s.block for s in sections if s.level == 1), default=len(document.blocks))
    for block in document.blocks[:first_part]:  # the cover
        if block.kind is BlockKind.TABLE:
            continue
        line = block.text.strip()
        if line.replace(" ", "") in ("目录", "目次"):
            break
        if numbering(line) is not None:
            continue
        if m := _NAME_BEFORE_YEAR.match(line):
            votes[_clean(m.group(1))] += 5
        elif _is_org_name(line):
            votes[_clean(line)] += 5
    for section in sections:
        if section.level == 1 and (m := _PART_OVERVIEW.match(section.title)):
            name = _clean(m.group(1))
            if name not in ("部门", "单位", ""):
                votes[name] += 4
        for child in section.children:
            if child.kind == "annex":
                for piece in child.title.split(" ")[1:]:
                    if _is_org_name(piece):
                        votes[_clean(piece)] += 3
                    elif m := _NAME_BEFORE_YEAR.match(piece):
                        votes[_clean(m.group(1))] += 3
    text = document.text
    for m in _CITATION.finditer(text):
        votes[_clean(m.group(1))] += 2
    for m in _ALIAS.finditer(text):
        if _is_org_name(_clean(m.group(1))):
            votes[_clean(m.group(1))] += 3
    for table in document.tables:
        for row in table.rows:
            texts = row.texts
            for label, value in itertools.pairwise(texts):
                if label.strip() in ("预算单位", "单位名称", "主管部门") and _is_org_name(_clean(value)):
                    votes[_clean(value)] += 1
    votes = Counter({k: v for k, v in votes.items() if _is_org_name(k)})
    # A short form (区委办) counts for the full name that contains it (中共广元市朝天区委办公室).
    for short, count in list(votes.items()):
        for full in votes:
            if short != full and short in full:
                votes[full] += count
    if votes:
        return max(votes.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    subjects = Counter(m.group(1) for m in _SUBJECT.finditer(text) if _is_org_name(m.group(1)))
    return subjects.most_common(1)[0][0] if subjects else None
