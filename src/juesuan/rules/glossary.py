"""名词解释: each subject explained by its own definition, under the name the body uses."""

from __future__ import annotations

import difflib
import re
from functools import cache

from juesuan.classification import definitions, function_subjects
from juesuan.model.disclosure import GlossaryEntry
from juesuan.rules.base import CheckContext, Reporter, Severity, rule

_PATH = re.compile(r"[（(](类|款|项)[）)]")
_OTHER = re.compile(r"^其他(.+?)支出$")
_USED_FOR = re.compile(r"用于(.{2,20}?)(?:方面)?的?(?:支出|事务支出|经费)")


def path_of(term: str) -> dict[str, str]:
    """"社会保障和就业（类）行政事业单位养老支出（款）行政单位离退休（项）" → {类: …, 款: …, 项: …}."""
    parts: dict[str, str] = {}
    start = 0
    for m in _PATH.finditer(term):
        parts[m.group(1)] = term[start : m.start()].strip(" 、，,：:“”\"")
        start = m.end()
    return parts


def _subject(entry: GlossaryEntry) -> str | None:
    path = path_of(entry.term)
    return path.get("项") or path.get("款") or (entry.term.strip() if _OTHER.match(entry.term.strip()) else None)


def _plain(definition: str) -> str:
    """A definition without its wording around the content: 指/反映, bracketed remarks, 下同, punctuation."""
    text = re.sub(r"[（(][^（）()]{0,60}[）)]", "", definition)
    text = re.sub(r"^(?:是指|指|主要反映|反映|是)", "", text.strip())
    return re.sub(r"[，,。；;、：:\s“”\"]|下同", "", text)


@cache
def _standards() -> tuple[tuple[str, str], ...]:
    """(subject name, plain definition) of the function classification's standard definitions."""
    return tuple((d.name, _plain(d.text)) for d in definitions() if len(d.code) in (5, 7))


@cache
def _subject_cores() -> frozenset[str]:
    """The names of the classification's subjects without 支出: what "用于X方面的支出" may name."""
    return frozenset(re.sub(r"支出$", "", s.name) for s in function_subjects())


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _copied_from(entry: GlossaryEntry, subject: str) -> str | None:
    """The subject whose definition this entry gives instead of its own, when that is clear."""
    plain = _plain(entry.definition)
    if len(plain) < 6:
        return None
    other = _OTHER.match(subject)
    used = _USED_FOR.search(plain)
    if other and used:
        x, y = other.group(1), used.group(1)
        if y != x and y not in x and x not in y and y in _subject_cores():
            return f"其他{y}支出"
        return None
    own = [text for name, text in _standards() if _core(name) == _core(subject)]
    best, name = max(((_ratio(plain, text), n) for n, text in _standards()
                      if _core(n) != _core(subject) and not n.startswith("其他")), default=(0.0, ""))
    if own:
        return name if best >= 0.9 and max(_ratio(plain, text) for text in own) < 0.7 else None
    return name if best >= 0.97 else None


@rule("G101", "glossary", Severity.ERROR, "名词解释用了另一个科目的释义",
      "名词解释中每个科目应按《政府收支分类科目》给出它自己的释义；把“行政运行”的释义抄给“一般行政管理事务”，"
      "或把“其他农林水支出”的释义抄给“其他农业农村支出”，都是错误。两个不同科目的释义完全相同，也多半是抄错了。",
      bad="第三部分 名词解释\n1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：指行政单位（包括实行公务员管理的事业单位，下同）的基本支出。\n"
          "2.一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）：指行政单位（包括实行公务员管理的事业单位，下同）的基本支出。",
      good="第三部分 名词解释\n1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：指行政单位（包括实行公务员管理的事业单位，下同）的基本支出。\n"
           "2.一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）：指行政单位未单独设置项级科目的其他项目支出。")
def definition_of_another_subject(ctx: CheckContext, out: Reporter) -> None:
    flagged: set[int] = set()
    entries = [(e, s) for e in ctx.disclosure.glossary if (s := _subject(e))]
    for index, (entry, subject) in enumerate(entries):
        out.checked()
        copied = _copied_from(entry, subject)
        if copied:
            flagged.add(index)
            out.finding(f"“{subject}”的释义是“{copied}”的释义", entry.location, evidence=entry.definition[:60])
    seen: dict[str, tuple[int, str]] = {}
    for index, (entry, subject) in enumerate(entries):
        plain = _plain(entry.definition)
        if len(plain) < 8:
            continue
        if plain in seen and seen[plain][1] != subject and index not in flagged and seen[plain][0] not in flagged:
            out.finding(f"“{subject}”的释义与“{seen[plain][1]}”的完全相同", entry.location,
                        severity=Severity.WARNING, evidence=entry.definition[:60])
        seen.setdefault(plain, (index, subject))


def _core(name: str) -> str:
    return re.sub(r"支出$", "", name.strip())


@rule("G102", "glossary", Severity.WARNING, "名词解释中的科目名称与正文不符",
      "名词解释所列的类、款、项应与正文“一般公共预算财政拨款支出决算具体情况”中的科目名称一致。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
          "1.社会保障和就业（类）行政事业单位养老支出（款）行政单位离退休（项）：支出决算为136.22万元，完成预算100%。\n"
          "第三部分 名词解释\n1.社会保障和就业（类）行政单位养老支出（款）行政单位离退休（项）：指行政单位开支的离退休经费。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
           "1.社会保障和就业（类）行政事业单位养老支出（款）行政单位离退休（项）：支出决算为136.22万元，完成预算100%。\n"
           "第三部分 名词解释\n1.社会保障和就业（类）行政事业单位养老支出（款）行政单位离退休（项）：指行政单位开支的离退休经费。")
def glossary_names_against_body(ctx: CheckContext, out: Reporter) -> None:
    body = [(_core(i.class_name or ""), i.section_name or "", i.item_name or "")
            for i in ctx.disclosure.general_budget.items if i.item_name]
    if not body:
        return
    for entry in ctx.disclosure.glossary:
        path = path_of(entry.term)
        if "项" not in path or "款" not in path:
            continue
        out.checked()
        klass, section, item = _core(path.get("类", "")), path["款"], path["项"]
        if any((klass in (c, "") or c == "") and s == section and i == item for c, s, i in body):
            continue
        same_class = [(s, i) for c, s, i in body if not klass or not c or c == klass]
        # the body's subject this entry means: the same 项 under another 款, or a 项 named almost the same
        near = [(s, i) for s, i in same_class if i == item] or [
            (s, i) for s, i in same_class if s == section and _ratio(i, item) >= 0.8]
        if not near:
            continue
        s, i = near[0]
        written = f"{section}（款）{item}（项）"
        expected = f"{s}（款）{i}（项）"
        out.finding(f"名词解释写作“{written}”，正文为“{expected}”", entry.location, expected=expected, actual=written,
                    evidence=entry.term)
