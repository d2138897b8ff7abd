"""Report metadata: organisation, year, kind and layout, each either right or left unsaid.

The title ("XX单位2023年度部门决算", "2023年度XX医院单位决算", "XX镇 关于2022年部门决算公开情况的说明")
names the organisation and the year. Where a text has no title, the organisation is found by voting
among the places that name it (part titles, annex titles, 《…》 citations, 预算单位 cells,
"（以下简称…）"), and the year from "本单位2023年度…" or the year the totals are stated for. A year
in a comparison ("较2022年度"), a date ("2024年9月24日", "发布时间：2024-09-24") or a site header
never counts; a year with no good evidence is None, so rules that need it say insufficient_data.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from juesuan.document import BlockKind, Document
from juesuan.outline.catalogue import title_key
from juesuan.outline.contents import ContentsEntry
from juesuan.outline.sections import ReportMeta, Section
from juesuan.text.headings import numbering

_ORG_SUFFIX = (
    "办公室", "办事处", "委员会", "政府", "局", "厅", "委", "办", "中心", "院", "部", "处", "会", "站", "所",
    "馆", "队", "校", "学", "社", "署", "室", "团", "联", "镇", "乡", "街道", "场", "园", "台", "库",
    "医共体", "集团", "公司",
    "县", "区", "市", "旗",  # a county's own report of its 三公 ("牟定县2017年“三公”经费决算情况说明")
)
_CJK_NAME = r"[\u4e00-\u9fff（）()]{2,30}?"
_YEAR = r"(20\d{2})\s*年度?"
_REPORT = r"\s*(?:部门|单位|政府)?\s*(?:决算|预算|预决算|[^，。,]{0,14}?[\"“]?三公)"
# Title lines: the organisation before or after the year, or "XX 关于2022年部门决算…", or the year in brackets.
_TITLES = [
    re.compile(rf"^(?P<org>{_CJK_NAME})\s*(?:关于)?\s*{_YEAR}{_REPORT}"),
    # an evaluation report, its year written without 年: "XX中心2018绩效评价自评报告"
    re.compile(rf"^(?P<org>{_CJK_NAME})\s*(20\d{{2}})\s*(?:年度?)?\s*(?:部门整体支出|整体支出)?\s*绩效(?:评价|自评)"),
    re.compile(rf"^{_YEAR}\s*(?P<org>{_CJK_NAME})\s*(?:部门|单位)?\s*(?:决算|预算)"),
    re.compile(rf"^{_YEAR}\s*(?P<org>{_CJK_NAME})$"),
    # the year in brackets after the title: "XX局部门决算公开说明（2023年度）"
    re.compile(rf"^(?P<org>{_CJK_NAME})?\s*(?:部门|单位)\s*(?:决算|预算)[^（()]{{0,12}}[（(]\s*{_YEAR}\s*[）)]"),
]
_NOT_A_TITLE = re.compile(r"发布|来源|索引|欢迎|当前位置|分享|打印|浏览|点击|网站|首页")
_COMPARISON_BEFORE = re.compile(r"(较|比|与|同|对比|上年|去年|至|截至|截止|于|自|从)\s*$")
_DATE_AFTER = re.compile(r"^\s*\d{1,2}\s*月|^\s*[-./]\s*\d")
_THIS_YEAR = re.compile(rf"(本单位|本部门|(?:我|本)(?:单位|部门|办|局|委|院|中心)\s*对|我单位|我部门|本年度?|全年)\s*{_YEAR}"
                        rf"|{_YEAR}\s*(部门|单位)?\s*决算")  # "我办对2017年度部门整体支出绩效进行了…评价"
_STATED_FOR = re.compile(
    rf"{_YEAR}\s*[,，]?\s*(收[、,，]?\s*支总计|收入总计|本年收入合计|本年支出合计|总收入|总支出"
    rf"|(?:实际支出|一般公共预算财政拨款(?:安排的)?)?[\"“]?三公)"
)
_CITATION = re.compile(rf"《({_CJK_NAME})(20\d{{2}})年")
_ALIAS = re.compile(rf"({_CJK_NAME})[（(]以下简称")
_NAME_BEFORE_YEAR = re.compile(rf"^({_CJK_NAME})\s*(20\d{{2}})\s*年")
_SUBJECT = re.compile(
    r"[，,。、]\s*([\u4e00-\u9fff]{2,20}?)\s*(?:20\d{2}年度?)?(?:机关运行经费支出|政府采购支出总额|共有车辆)"
)
_PART_OVERVIEW = re.compile(r"^第.{1,3}部分\s*[:：]?\s*(.+?)\s*(概况|20\d{2}年度)")
_SELF_DESCRIBED = re.compile(rf"^\s*(?!第[一二三四五六七八九十百\d]{{1,4}}[条款章节])({_CJK_NAME})(?:是|为|系|作为|成立于|始建于)")
_BUDGET = re.compile(r"(部门|单位)预算|预算公开|预算情况说明|预算明细表|预算公开表")
_FINAL = re.compile(r"决算|自评")  # a 自评表 looks back on a year, as a 决算 does ("部门预算项目支出绩效自评表")
_THREE_PUBLIC_TITLE = re.compile(r"三公.{0,4}经费.{0,12}(决算|说明|公开)")
_HEAD_BLOCKS = 60


def read_meta(document: Document, sections: list[Section], contents: list[ContentsEntry] | None = None) -> ReportMeta:
    contents = contents or []
    titles = _title_lines(document, sections)
    kind = _kind(titles, sections, contents)
    if not any(year for _, _, year in titles):  # no title: the parts name the year ("第二部分 XX局2023年单位预算公开表")
        named = [s.title for s in sections if s.level == 1] + [e.title for e in contents if e.level == 1]
        titles = titles + [(t, None, int(m.group(1))) for t in named if (m := re.search(rf"{_YEAR}{_REPORT}", t))]
    return ReportMeta(_organisation(document, sections, titles), _year(document, titles), kind,
                      _layout(document, sections, contents, kind))


def _head(document: Document, sections: list[Section]) -> list[str]:
    """The first lines of the text, up to the first recognised part: where a title stands."""
    first_part = min((s.block for s in sections if s.level == 1), default=_HEAD_BLOCKS)
    lines = []
    for block in document.blocks[: min(first_part + 1, _HEAD_BLOCKS)]:
        if block.kind is BlockKind.TABLE:
            continue
        start = block.location.start
        lines.append(document.normalized[start : block.location.end].split("\n", 1)[0].strip())
    return lines


def _title_lines(document: Document, sections: list[Section]) -> list[tuple[str, str | None, int | None]]:
    """Title lines of the head: (line, organisation, year). A title broken over two lines ("XX局" /
    "2020年度部门决算") is joined only where no line is a whole title by itself."""
    head = [line for line in _head(document, sections) if line and not _NOT_A_TITLE.search(line[:12])]
    head = [line for line in head if len(line) <= 80 and numbering(line) is None]
    single = [t for line in head if (t := _title(line))]
    if any(org for _, org, _ in single):
        return single
    joined = [t for line, after in itertools.pairwise(head)
              if len(line) <= 30 and len(after) <= 30 and (t := _title(line + after))]
    return single + joined


def _title(line: str) -> tuple[str, str | None, int | None] | None:
    compact = re.sub(r"\s+", "", line)
    for pattern in _TITLES:
        if m := pattern.match(compact):
            org = _clean(m.group("org") or "")
            year = re.search(r"(20\d{2})(?:年|(?=\s*(?:部门整体支出|整体支出)?\s*绩效))", m.group(0))
            return compact, org if _is_org_name(org) else None, int(year.group(1)) if year else None
    return None


def _kind(titles: list[tuple[str, str | None, int | None]], sections: list[Section],
          contents: list[ContentsEntry]) -> str | None:
    named = [t[0] for t in titles] + [s.title for s in sections if s.level == 1] + [
        e.title for e in contents if e.level == 1]
    text = " ".join(title_key(t) for t in named)
    if _BUDGET.search(text) and not _FINAL.search(text):
        return "预算"
    if any(_THREE_PUBLIC_TITLE.search(key := title_key(t[0])) and not re.search(r"(部门|单位)决算", key)
           for t in titles) and not any(s.kind == "explanation" and s.level == 1 for s in sections):
        return "三公经费决算"
    for t in named:
        if m := re.search(r"(部门|单位)\s*决算", t):
            return m.group(1) + "决算"
    for s in sections:
        if s.level == 1 and "单位概况" in title_key(s.title):
            return "单位决算"
        if s.level == 1 and "部门概况" in title_key(s.title):
            return "部门决算"
    return "决算" if _FINAL.search(text) else None


def _year(document: Document, titles: list[tuple[str, str | None, int | None]]) -> int | None:
    votes: Counter[int] = Counter()
    for _, _, year in titles:
        if year:
            votes[year] += 10
    text = document.normalized
    for pattern, weight in ((_THIS_YEAR, 4), (_STATED_FOR, 3)):
        for m in pattern.finditer(text):
            start = m.start()
            year_text = next(g for g in m.groups() if g and g.isdigit())
            if _COMPARISON_BEFORE.search(text[max(0, start - 4) : start]) or _DATE_AFTER.match(text[m.end() : m.end() + 8]):
                continue
            votes[int(year_text)] += weight
    if not votes:
        return None
    (year, weight), (_, runner_up) = [*votes.most_common(2), (0, 0)][:2]
    if weight < 4 or runner_up == weight:
        return None  # no title and no "本单位2023年度", or two years with equal evidence: unsure
    return year


def _layout(document: Document, sections: list[Section], contents: list[ContentsEntry], kind: str | None) -> str:
    if kind == "预算":
        return "budget"
    if kind == "三公经费决算":
        return "three_public"
    parts: dict[str, int | None] = {}
    for entry in contents:
        if entry.level == 1 and entry.kind:
            number = numbering(entry.title)
            parts.setdefault(entry.kind, number.number if number else None)
    for s in sections:
        if s.level == 1:
            parts.setdefault(s.kind, s.number)
    items = {c.kind: c.number for p in sections for c in p.children}
    items.update({e.kind: n.number for e in contents if e.level == 2 and e.kind and (n := numbering(e.title))})
    text = document.normalized
    if parts.get("statements") == 1 and parts.get("explanation") == 2:
        return "beijing"  # the tables first, then 第二部分 决算说明 opening with 一、部门基本情况
    if parts.get("statements") == 2 and parts.get("explanation") == 3:
        return "shanghai" if "上海" in text[:5000] else "national"
    if parts.get("explanation") == 2 and "statements" not in parts:
        sichuan_numbers = {"income": 2, "expenditure": 3, "fiscal_appropriation_overview": 4,
                           "general_budget_expenditure": 5, "general_budget_basic": 6, "three_public": 7}
        same = sum(1 for k, n in sichuan_numbers.items() if items.get(k) == n)
        if (parts.get("glossary") == 3 and (parts.get("annexes") == 4 or parts.get("tables") == 5)) or same >= 3:
            return "sichuan"
    if any(s.level == 1 and s.number is not None and numbering(s.title) and numbering(s.title).level == 2
           for s in sections) and "重庆" in text[:5000]:
        return "chongqing"  # 一、单位基本情况 / 二、单位决算情况说明
    return "other"


def _is_org_name(text: str) -> bool:
    return 2 < len(text) <= 30 and text.endswith(_ORG_SUFFIX) and not re.search(r"\d", text)


def _clean(name: str) -> str:
    name = re.sub(r"[（(][^（）()]*[）)]$", "", name.strip())  # 中共…办公室（市侨联） -> 中共…办公室
    name = re.sub(r"(机关)?本级$", "", name)  # "XX局本级部门决算": the scope, not the name
    return name.strip(" ：:，,")


def _organisation(document: Document, sections: list[Section],
                  titles: list[tuple[str, str | None, int | None]]) -> str | None:
    votes: Counter[str] = Counter()
    for _, org, _ in titles:
        if org:
            votes[org] += 8
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
    text = document.normalized
    for block in document.blocks[:_HEAD_BLOCKS * 2]:  # "北京学校为公益一类事业单位…", "XX中学是经…批准成立的"
        m = _SELF_DESCRIBED.match(text[block.location.start : block.location.end])
        if block.kind is BlockKind.PARAGRAPH and m and _is_org_name(name := _clean(m.group(1))):
            votes[name] += 2
    for m in _CITATION.finditer(text):
        votes[_clean(m.group(1))] += 2
    for m in _ALIAS.finditer(text):
        if _is_org_name(_clean(m.group(1))):
            votes[_clean(m.group(1))] += 3
    for table in document.tables:
        for row in table.rows:
            for label, value in itertools.pairwise(row.texts):
                if label.strip() in ("预算单位", "单位名称", "主管部门") and _is_org_name(_clean(value)):
                    votes[_clean(value)] += 1
    votes = Counter({k: v for k, v in votes.items() if _is_org_name(k)})
    # A short form (区委办) counts for the full name that contains it (中共广元市朝天区委办公室).
    for short, count in list(votes.items()):
        for full in votes:
            if short != full and short in full:
                votes[full] += count
    if votes:
        name = max(votes.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        return _as_written(document, name)
    subjects = Counter(m.group(1) for m in _SUBJECT.finditer(text) if _is_org_name(m.group(1)))
    return _as_written(document, subjects.most_common(1)[0][0]) if subjects else None


def _as_written(document: Document, name: str) -> str:
    """The name in the report's own characters (traditional where the report is traditional)."""
    at = document.normalized.find(name)
    return document.text[at : at + len(name)] if at >= 0 else name
