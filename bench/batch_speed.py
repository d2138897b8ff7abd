"""Checking many reports at once (issue 14): reports a second with --jobs 1 and 2 and on a 2-worker Dask
LocalCluster, the speed-up, each worker's peak memory, whether all runs give the same results, and a second
command on the same scan (no OCR the second time).

    python3 bench/batch_speed.py [--reports 1000] [--corpus DIR]

Without --corpus a corpus is written first by bench/synthetic_corpus.py (into a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from juesuan.batch import Done, Task, in_order, run_local
from juesuan.files import files_in
from juesuan.limits import limits
from juesuan.pipeline import CheckOptions

ROOT = Path(__file__).resolve().parent.parent


def _run(label: str, results: list[Done], started: float, baseline: float | None) -> tuple[float, list[str]]:
    spent = time.perf_counter() - started
    failed = sum(d.outcome is None for d in results)
    peak = max(d.peak_mb for d in results)
    rate = len(results) / spent
    speedup = f", speed-up {baseline / spent:.2f}x over --jobs 1" if baseline else ""
    print(f"{label}: {len(results)} reports in {spent:.1f} s = {rate:.1f} reports/s{speedup}; "
          f"{failed} unreadable; peak memory of a worker {peak:.0f} MB", flush=True)
    said = [json.dumps(d.outcome.as_json() if d.outcome else d.reason, ensure_ascii=False, sort_keys=True)
            for d in results]
    return spent, said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = args.corpus or Path(folder) / "corpus"
        if args.corpus is None:
            subprocess.run([sys.executable, str(ROOT / "bench/synthetic_corpus.py"), "--out", str(corpus),
                            "--count", str(args.reports)], check=True)
        files = list(files_in([corpus]))[: args.reports]
        kinds: dict[str, int] = {}
        for path in files:
            kinds[path.suffix.lower()] = kinds.get(path.suffix.lower(), 0) + 1
        print(f"{len(files)} reports: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + f"; {os.cpu_count()} cores")
        tasks = [Task(n, str(p), CheckOptions(), limits(), split_ocr=True) for n, p in enumerate(files)]
        started = time.perf_counter()
        one, said_one = _run("--jobs 1", list(in_order(run_local(tasks, 1))), started, None)
        started = time.perf_counter()
        two, said_two = _run("--jobs 2", list(in_order(run_local(tasks, 2))), started, one)
        from distributed import LocalCluster

        from juesuan.batch.cluster import run_cluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            started = time.perf_counter()
            _, said_dask = _run("Dask LocalCluster, 2 workers", list(in_order(run_cluster(cluster.scheduler_address, tasks))),
                                started, one)
        same = said_one == said_two == said_dask
        print(f"same results in all three runs: {same}")
        print(f"extrapolated for 10,000 such reports on this machine: {10_000 * one / len(files) / 60:.1f} min with "
              f"--jobs 1, {10_000 * two / len(files) / 60:.1f} min with --jobs 2")
        _ocr_twice(Path(folder))
    return 0


def _ocr_twice(folder: Path) -> None:
    """`juesuan outline` then `juesuan check` of the same scan, with an empty OCR cache: the second reads no page."""
    scan = ROOT / "tests/fixtures/built/scanned_page.pdf"
    env = {**os.environ, "JUESUAN_OCR_CACHE": str(folder / "ocr-cache")}
    for command in ("outline", "check"):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "juesuan", command, str(scan)], env=env, capture_output=True, check=False)
        print(f"scan, {command}: {time.perf_counter() - started:.1f} s "
              f"({len(list((folder / 'ocr-cache').rglob('*.json')))} page(s) in the OCR cache)")


if __name__ == "__main__":
    raise SystemExit(main())
