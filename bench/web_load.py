"""Load on the web application (issue 15): N concurrent uploads to a local `juesuan serve`.

    python3 bench/web_load.py [--reports 100] [--jobs 2] [--corpus DIR] [--timeout 900]

Starts `juesuan serve` on a free loopback port over a new SQLite store (nothing leaves this machine),
builds a corpus with bench/synthetic_corpus.py unless --corpus names one (the real fixtures first, then
generated reports), sends every file at once to POST /api/reports (each request waits for its check),
then opens the store and checks that nothing was lost: every distinct file stored exactly once, under the
hash of the bytes sent, with as many findings as its response reported. Bounded: at most --reports files,
each request and the whole run under --timeout seconds. Prints throughput and the slowest response.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import httpx
from sqlalchemy import func, select

from juesuan.store import open_store
from juesuan.store.schema import Report, StoredFinding

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _send(client: httpx.AsyncClient, path: Path) -> tuple[Path, int, dict, float]:
    started = time.perf_counter()
    answer = await client.post("/api/reports", files={"file": (path.name, path.read_bytes())})
    return path, answer.status_code, answer.json(), time.perf_counter() - started


async def _all(url: str, files: list[Path], timeout: float) -> list[tuple[Path, int, dict, float]]:
    limits = httpx.Limits(max_connections=len(files), max_keepalive_connections=len(files))
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as client:
        return await asyncio.wait_for(asyncio.gather(*(_send(client, f) for f in files)), timeout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=0, help="the server's worker processes (0: all cores)")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="juesuan-web-load-"))
    corpus = args.corpus
    if corpus is None:
        corpus = work / "corpus"
        subprocess.run([sys.executable, str(ROOT / "bench/synthetic_corpus.py"), "--out", str(corpus), "--count",
                        str(max(args.reports, 1)), "--pdf", "3", "--docx", "5"], check=True)
    files = sorted(p for p in corpus.iterdir() if p.is_file())[: args.reports]
    kinds = {s: sum(p.suffix.lower() == s for p in files) for s in sorted({p.suffix.lower() for p in files})}
    hashes = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    db = work / "web.db"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "juesuan", "serve", "--db", str(db), "--port", str(port),
                               "--jobs", str(args.jobs)],
                              env={**os.environ, "JUESUAN_TOKEN": "", "JUESUAN_OCR_CACHE": str(work / "ocr")})  # OCR for real
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        started = time.perf_counter()
        results = asyncio.run(_all(url, files, args.timeout))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=60)
    times = [r[3] for r in results]
    statuses: dict[int, int] = {}
    for _, status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    store = open_store(str(db))
    problems: list[str] = []
    with store.session() as session:
        stored = {r.sha256: r for r in session.scalars(select(Report))}
        for path, status, body, _ in results:
            report = stored.get(hashes[path])
            if report is None:
                problems.append(f"lost: {path.name} ({status} {body.get('detail', '')})")
                continue
            if body.get("report_id") != report.id:
                problems.append(f"{path.name}: answered id {body.get('report_id')}, stored as {report.id}")
            findings = session.scalar(select(func.count(StoredFinding.id)).where(StoredFinding.report_id == report.id))
            if "result" in body and findings != len(body["result"]["findings"]):
                problems.append(f"{path.name}: {findings} findings stored, {len(body['result']['findings'])} answered")
        rows = session.scalar(select(func.count(Report.id)))
    distinct = len(set(hashes.values()))
    if rows != distinct:
        problems.append(f"{rows} reports stored for {distinct} distinct files")
    print(f"uploads: {len(files)} files at once ({', '.join(f'{n} {k}' for k, n in kinds.items())}), "
          f"{distinct} distinct; server --jobs {args.jobs or os.cpu_count()}")
    print(f"answers: {', '.join(f'{n}× HTTP {s}' for s, n in sorted(statuses.items()))}")
    print(f"wall time {wall:.1f} s; throughput {len(files) / wall:.2f} reports/s")
    print(f"response time: median {statistics.median(times):.1f} s, slowest {max(times):.1f} s "
          f"({max(results, key=lambda r: r[3])[0].name}), fastest {min(times):.1f} s")
    print(f"stored: {rows} reports for {distinct} distinct files; every file stored once with its findings: "
          f"{'yes' if not problems else 'NO'}")
    for problem in problems[:20]:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
