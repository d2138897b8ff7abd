"""Checking many files at once: a pool of worker processes on this machine, or a dask.distributed cluster.

Each file is one task run in a worker process by the core's `check_file`; the Outcome travels back.
A worker that passes its time or memory bound, or dies, is killed and replaced, and the file is
recorded as failed with a Chinese reason; the run goes on. Pages of a scanned PDF are recognised as
tasks of their own, in parallel, before the file itself is checked. The core never imports this package.
"""

from juesuan.batch.pool import in_order, run_local
from juesuan.batch.tasks import Done, Task

__all__ = ["Done", "Task", "in_order", "run_local"]
