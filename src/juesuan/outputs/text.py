"""Check results on the terminal: each finding with its place, quote and severity colour; a summary."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape

from juesuan.outputs import Destination, Output, finish, open_text, register
from juesuan.pipeline import Outcome
from juesuan.places import place_or_none
from juesuan.rules import Severity

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_outcome(console: Console, outcome: Outcome) -> None:
    report = outcome.report
    console.print(f"[bold]{escape(outcome.source)}[/bold]  [dim]{escape(report.organisation or '（未识别单位）')} · "
                  f"{report.year or '？'}年度 · {escape(report.kind or '')}[/dim]")
    for note in outcome.notes:
        console.print(f"  [magenta]说明[/magenta] {escape(note)}")
    for finding in outcome.findings:
        colour = COLOURS[finding.severity]
        console.print(f"  [{colour}]{finding.severity.label}[/{colour}] [bold]{finding.rule}[/bold] "
                      f"{place_or_none(finding.location)}：{escape(finding.message)}")
        if finding.evidence:
            console.print(f"      [dim]“{escape(finding.evidence.strip()[:160])}”[/dim]")
    counts = Counter(f.severity for f in outcome.findings)
    statuses = Counter(c.status for c in outcome.coverage)
    if outcome.findings:
        console.print(f"  共 {len(outcome.findings)} 处问题：错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，"
                      f"提示 {counts[Severity.INFO]}。")
    else:
        console.print("  [green]未发现问题。[/green]")
    console.print(f"  [dim]规则 {len(outcome.coverage)} 条：通过 {statuses['passed']}，未通过 {statuses['failed']}，"
                  f"不适用 {statuses['not_applicable']}，数据不足 {statuses['insufficient_data']}。[/dim]")


class TextWriter:
    def __init__(self, destination: Destination) -> None:
        self.written = False
        self.out = open_text(destination.path) if destination.path is not None else None
        self.file = self.out.file if self.out is not None else None
        if self.file is not None:
            self.console = Console(file=self.file, highlight=False, width=200)
        else:
            self.console = Console(file=destination.stream, highlight=False,
                                   width=None if destination.stream.isatty() else 200)

    def add(self, outcome: Outcome) -> None:
        self.written = True
        print_outcome(self.console, outcome)

    def close(self) -> None:
        finish(self.out, self.written)


register(Output("text", ".txt", "文本", TextWriter))
