"""What a batch run says at its end: files, findings by severity, unreadable files with reasons, slowest files."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from juesuan.batch.tasks import Done

SHOWN = 20  # unreadable files listed by name; the rest are counted
SLOWEST = 5


@dataclass
class Summary:
    workers: str  # "2 个进程", "Dask 集群 tcp://…"
    started: float = field(default_factory=time.perf_counter)
    checked: int = 0
    severities: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    with_errors: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    times: list[tuple[float, str]] = field(default_factory=list)
    peak_mb: float = 0.0

    def add(self, done: Done) -> None:
        self.times.append((done.seconds, done.path))
        self.peak_mb = max(self.peak_mb, done.peak_mb)
        if done.outcome is None:
            self.failed.append((done.path, done.reason or ""))
            return
        self.checked += 1
        for finding in done.outcome.findings:
            self.severities[finding.severity.value] += 1
        self.with_errors += done.outcome.has_errors

    def lines(self) -> list[str]:
        spent = time.perf_counter() - self.started
        count = self.checked + len(self.failed)
        rate = f"，每秒 {count / spent:.1f} 份" if spent > 0 and count else ""
        said = [f"共 {count:,} 个文件：检查 {self.checked:,} 个，无法读取 {len(self.failed):,} 个；用时 {spent:.1f} 秒{rate}（{self.workers}）",
                f"发现问题：错误 {self.severities['error']:,} 条，警告 {self.severities['warning']:,} 条，"
                f"提示 {self.severities['info']:,} 条；有错误的报告 {self.with_errors:,} 份"]
        if self.failed:
            said.append(f"无法读取的文件（{len(self.failed):,} 个）：")
            said += [f"  {path}：{reason}" for path, reason in self.failed[:SHOWN]]
            if len(self.failed) > SHOWN:
                said.append(f"  ……另有 {len(self.failed) - SHOWN:,} 个")
        if len(self.times) > 1:
            said.append("最慢的文件：")
            said += [f"  {seconds:6.1f} 秒  {path}" for seconds, path in sorted(self.times, reverse=True)[:SLOWEST]]
        if self.peak_mb:
            said.append(f"单个工作进程的内存峰值：{self.peak_mb:,.0f} MB")
        return said
