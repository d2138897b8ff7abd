"""Check results on the terminal: each finding with its place, quote and severity colour; a summary."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape

from juesuan.rules import CheckResult, Severity

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def where(line: int | None, page: int | None) -> str:
    if page is not None and line is None:
        return f"第{page}页"
    if line is not None:
        return f"第{line}行"
    return ""


def print_result(console: Console, result: CheckResult, source: str) -> None:
    meta = result.disclosure.meta
    console.print(f"[bold]{escape(source)}[/bold]  [dim]{escape(meta.organisation or '（未识别单位）')} · "
                  f"{meta.year or '？'}年度 · {escape(meta.kind or '')}[/dim]")
    for note in result.notes:
        console.print(f"  [magenta]说明[/magenta] {escape(note)}")
    for finding in result.findings:
        colour = COLOURS[finding.severity]
        place = where(finding.location.line, finding.location.page)
        console.print(f"  [{colour}]{finding.severity.label}[/{colour}] [bold]{finding.rule}[/bold] "
                      f"{place}：{escape(finding.message)}")
        if finding.evidence:
            console.print(f"      [dim]“{escape(finding.evidence.strip()[:160])}”[/dim]")
    counts = Counter(f.severity for f in result.findings)
    statuses = Counter(status for _, status in result.coverage)
    if result.findings:
        console.print(f"  共 {len(result.findings)} 处问题：错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，"
                      f"提示 {counts[Severity.INFO]}。")
    else:
        console.print("  [green]未发现问题。[/green]")
    console.print(f"  [dim]规则 {len(result.coverage)} 条：通过 {statuses['passed']}，未通过 {statuses['failed']}，"
                  f"不适用 {statuses['not_applicable']}，数据不足 {statuses['insufficient_data']}。[/dim]")
