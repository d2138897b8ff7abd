"""One self-contained HTML page: the report's text with every finding highlighted in place, and the
list of findings linking to them. No scripts or files from elsewhere: it opens anywhere, offline."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path

from jinja2 import Environment

from juesuan.outputs import Destination, Output, finish, open_text, register
from juesuan.pipeline import Outcome
from juesuan.places import place_or_none
from juesuan.rules import Severity
from juesuan.rules.base import CATEGORY_LABELS, RULES

_TEMPLATE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>决算报告检查结果：{{ title }}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 0; color: #222; }
header { background: #1f3a5f; color: #fff; padding: 16px 24px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
main { display: flex; gap: 24px; padding: 16px 24px; align-items: flex-start; }
#findings { flex: 0 0 38%; position: sticky; top: 0; max-height: 100vh; overflow: auto; }
#text { flex: 1; white-space: pre-wrap; line-height: 1.8; font-size: 15px; }
.finding { border-left: 4px solid #999; padding: 6px 10px; margin: 0 0 8px; background: #fafafa; }
.finding a { color: inherit; text-decoration: none; display: block; }
.finding .rule { font-weight: bold; margin-right: 6px; }
.finding .evidence { color: #666; font-size: 13px; margin-top: 2px; }
.error { border-color: #c62828; } .warning { border-color: #ef8f00; } .info { border-color: #1e88e5; }
mark.error { background: #ffcdd2; } mark.warning { background: #ffe0b2; } mark.info { background: #bbdefb; }
mark { border-radius: 2px; padding: 0 1px; }
mark:target { outline: 3px solid #1f3a5f; }
.summary span { margin-right: 12px; }
</style>
</head>
<body>
<header>
  <h1>决算报告检查结果</h1>
  <div>{{ title }}</div>
  {% for note in notes %}<p class="note">{{ note }}</p>{% endfor %}
  <div class="summary">
    <span>错误 {{ counts.error }}</span><span>警告 {{ counts.warning }}</span><span>提示 {{ counts.info }}</span>
    <span>规则 {{ coverage|length }} 条：通过 {{ statuses.passed }}，未通过 {{ statuses.failed }}，不适用 {{ statuses.not_applicable }}，数据不足 {{ statuses.insufficient_data }}</span>
  </div>
</header>
<main>
<section id="findings">
  <h2>问题清单（{{ findings|length }}）</h2>
  {% for f in findings %}
  <div class="finding {{ f.severity }}" id="item-{{ loop.index }}">
    <a href="#f{{ loop.index }}"><span class="rule">{{ f.rule }}</span>{{ f.label }} · {{ f.where }}<br>{{ f.message }}
    {% if f.evidence %}<div class="evidence">“{{ f.evidence }}”</div>{% endif %}</a>
  </div>
  {% else %}
  <p>未发现问题。</p>
  {% endfor %}
  <h2>规则执行情况</h2>
  <ul>
  {% for rule_id, status, title, category in coverage %}<li>{{ rule_id }} {{ title }}（{{ category }}）：{{ status }}</li>
  {% endfor %}</ul>
</section>
<section id="text">{{ text|safe }}</section>
</main>
</body>
</html>
"""
_STATUS = {"passed": "通过", "failed": "未通过", "not_applicable": "不适用", "insufficient_data": "数据不足"}


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding's place in the text, as `highlight` marks it (id f<number>)."""

    number: int
    start: int
    end: int
    severity: str
    title: str


def highlight(text: str, marks: list[Mark]) -> tuple[str, set[int]]:
    """The text, escaped, with each mark's span in <mark id="f<number>">; and the numbers that got a mark (a
    span overlapping the one before it gets none: the list still names its place)."""
    pieces: list[str] = []
    position = 0
    anchored: set[int] = set()
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        start, end = mark.start, max(mark.end, mark.start + 1)
        if start < position:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(f'<mark id="f{mark.number}" class="{escape(mark.severity)}" title="{escape(mark.title)}">'
                      f'{escape(text[start:end])}</mark>')
        position = end
        anchored.add(mark.number)
    pieces.append(escape(text[position:]))
    return "".join(pieces), anchored


def render(outcome: Outcome) -> str:
    marks = [Mark(n, f.location.start, f.location.end, f.severity.value, f"{f.rule} {f.message}")
             for n, f in enumerate(outcome.findings, start=1)]
    text, anchors = highlight(outcome.text, marks)
    rules = {r.id: r for r in RULES}
    report = outcome.report
    title = " · ".join(x for x in [outcome.source, report.organisation or "", f"{report.year}年度" if report.year else "",
                                    report.kind or ""] if x)
    findings = [{
        "rule": f.rule, "severity": f.severity.value, "label": f.severity.label, "message": f.message,
        "evidence": (f.evidence or "").strip()[:200], "anchor": n in anchors, "where": place_or_none(f.location),
    } for n, f in enumerate(outcome.findings, start=1)]
    counts = Counter(f.severity.value for f in outcome.findings)
    statuses = Counter(c.status.value for c in outcome.coverage)
    coverage = [(c.rule, _STATUS[c.status.value], rules[c.rule].title, CATEGORY_LABELS[rules[c.rule].category])
                for c in outcome.coverage]
    template = Environment(autoescape=True).from_string(_TEMPLATE)
    return template.render(title=title, notes=outcome.notes, findings=findings, text=text,
                           counts={s.value: counts[s.value] for s in Severity}, statuses=statuses, coverage=coverage)


class HtmlWriter:
    """One page a report: the file -o names when there is one report, else 报告名.check.html beside it."""

    def __init__(self, destination: Destination) -> None:
        self.destination = destination

    def add(self, outcome: Outcome) -> None:
        path = self.destination.path
        target = path if path is not None and not self.destination.many else Path(outcome.source + ".check.html")
        out = open_text(target)
        try:
            out.file.write(render(outcome))
        except BaseException:
            out.discard()
            raise
        finish(out, True)
        print(f"已写入 {target}", file=sys.stderr)

    def close(self) -> None:
        pass


register(Output("html", ".html", "HTML 页面（原文中标出问题）", HtmlWriter))
