"""Many tasks over a pool of worker processes on this machine, each watched for time, memory and death."""

from __future__ import annotations

import select
from collections.abc import Iterable, Iterator

from juesuan.batch.schedule import Schedule
from juesuan.batch.tasks import Done, Task
from juesuan.batch.worker import MEMORY_LIMIT_MB, Worker


def run_local(tasks: Iterable[Task], jobs: int, memory_mb: int = MEMORY_LIMIT_MB) -> Iterator[Done]:
    """Each file's Done, in the order they finish. Workers are started as needed, at most `jobs` at once, and
    replaced when they die, are killed or have run many tasks."""
    schedule = Schedule(tasks)
    workers: list[Worker] = []
    try:
        while schedule or any(w.task is not None for w in workers):
            for worker in [w for w in workers if w.task is None and (w.worn or not w.alive)]:
                worker.stop()
                workers.remove(worker)
            idle = [w for w in workers if w.task is None]
            while schedule and (idle or len(workers) < jobs):
                if not idle:
                    workers.append(Worker(memory_mb))
                    idle.append(workers[-1])
                idle.pop().give(schedule.next())
            busy = [w for w in workers if w.task is not None]
            readable, _, _ = select.select(busy, [], [], 0.25)
            finished = [w.take() for w in readable]
            finished += [d for d in (w.watch() for w in busy if w not in readable) if d is not None]
            for done in finished:
                result = schedule.finished(done)
                if result is not None:
                    yield result
    finally:
        for worker in workers:
            worker.stop()


def in_order(results: Iterable[Done]) -> Iterator[Done]:
    """The same results in input order (by index, from 0), each given out as soon as those before it are."""
    waiting: dict[int, Done] = {}
    expected = 0
    for done in results:
        waiting[done.index] = done
        while expected in waiting:
            yield waiting.pop(expected)
            expected += 1
    yield from (waiting[k] for k in sorted(waiting))
