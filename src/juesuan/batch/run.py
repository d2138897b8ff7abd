"""One entry for the command line: files in, each file's Done out, on this machine or on a cluster."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from juesuan.batch.pool import run_local
from juesuan.batch.tasks import Done, Task
from juesuan.batch.worker import MEMORY_LIMIT_MB
from juesuan.limits import limits
from juesuan.pipeline import CheckOptions


def cores() -> int:
    """The cores this process may use (a container or taskset may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Workers:
    jobs: int = 1
    scheduler: str | None = None  # tcp://HOST:PORT of a running dask scheduler
    memory_mb: int = MEMORY_LIMIT_MB

    def describe(self) -> str:
        return f"Dask 集群 {self.scheduler}" if self.scheduler else f"{self.jobs} 个进程"


def run(files: list[Path], options: CheckOptions, workers: Workers,
        hashes: dict[Path, str] | None = None) -> Iterator[Done]:
    """Each file's Done in the order they finish (`pool.in_order` puts them back in input order); `index` is
    the file's place in `files`."""
    bound = limits()
    tasks = [Task(n, str(path), options, bound, sha256=(hashes or {}).get(path), split_ocr=True)
             for n, path in enumerate(files)]
    if workers.scheduler:
        from juesuan.batch.cluster import run_cluster

        return run_cluster(workers.scheduler, tasks)
    return run_local(tasks, workers.jobs, workers.memory_mb)
