"""Many files at once: the worker pool, its bounds, the OCR cache, resumable ingest and a real Dask cluster."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUILT, FIXTURES, PUTUO, SEEDS, run_cli
from juesuan.batch import Task, in_order, run_local
from juesuan.batch.worker import Worker
from juesuan.errors import ReadError
from juesuan.limits import limits
from juesuan.pipeline import CheckOptions, Outcome, check_file

MIXED = [*sorted(SEEDS.glob("*.txt")), *sorted((FIXTURES / "corpus").glob("*"))[:6], BUILT / "001_400cdbde094ca8be.docx",
         BUILT / "000_452dfb289bf64cc2.doc", BUILT / "002_e17ae646a7019dd3.pdf", BUILT / "encrypted.pdf", PUTUO]


def _same(outcome: Outcome) -> dict:  # type: ignore[type-arg]
    """Everything an Outcome says except how long it took."""
    return outcome.model_dump(mode="json", exclude={"timings"})


def _serial(files: list[Path]) -> list[dict | str]:  # type: ignore[type-arg]
    said: list[dict | str] = []  # type: ignore[type-arg]
    for path in files:
        try:
            said.append(_same(check_file(path)))
        except ReadError as exc:
            said.append(exc.reason)
    return said


def _said(done) -> dict | str:  # type: ignore[no-untyped-def, type-arg]
    return _same(done.outcome) if done.outcome is not None else done.reason


def test_the_pool_gives_exactly_what_one_process_gives_in_input_order() -> None:
    tasks = [Task(n, str(p), CheckOptions(), limits(), split_ocr=True) for n, p in enumerate(MIXED)]
    results = list(in_order(run_local(tasks, jobs=2)))
    assert [d.index for d in results] == list(range(len(MIXED)))
    assert [_said(d) for d in results] == _serial(MIXED)
    encrypted = results[MIXED.index(BUILT / "encrypted.pdf")]
    assert encrypted.failure == "unreadable" and "加密" in (encrypted.reason or "")
    assert all(d.peak_mb > 50 for d in results)  # each worker reports its peak memory


def _ocr_task(path: Path, time_limit: float | None = 60, grace: float = 15.0) -> Task:
    return Task(0, str(path), CheckOptions(time_limit=time_limit), limits(), grace=grace)


def test_a_worker_hung_inside_a_c_library_is_killed_at_its_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """OCR runs in onnxruntime for seconds, where the in-process alarm cannot interrupt it; the parent kills
    the worker at the time limit plus the grace and records why."""
    monkeypatch.setenv("JUESUAN_OCR_CACHE", "off")  # the page must really be recognised (workers inherit this)
    worker = Worker()
    try:
        started = time.monotonic()
        worker.give(_ocr_task(BUILT / "scanned_page.pdf", time_limit=1.0, grace=0.2))
        while True:
            ready, _, _ = select.select([worker], [], [], 0.05)
            done = worker.take() if ready else worker.watch()
            if done is not None:
                break
        elapsed = time.monotonic() - started
        assert done.failure == "timeout" and done.reason == "超过 1 秒仍未完成，已终止（可用 --time-limit 放宽）"
        assert 1.2 <= elapsed < 5 and not worker.alive
    finally:
        worker.stop()


def test_a_worker_that_dies_or_passes_its_memory_bound_is_recorded_and_the_run_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUESUAN_OCR_CACHE", "off")
    worker = Worker()
    try:
        worker.give(_ocr_task(BUILT / "scanned_page.pdf"))
        time.sleep(1.0)
        os.kill(worker.process.pid, signal.SIGKILL)  # as the kernel's OOM killer or a segfault would end it
        select.select([worker], [], [], 5)
        done = worker.take()
        assert done.failure == "crashed" and "意外退出" in (done.reason or "") and not worker.alive
    finally:
        worker.stop()
    small = Worker(memory_mb=60)  # the interpreter with the core imported is already above this
    try:
        small.give(_ocr_task(PUTUO))
        deadline = time.monotonic() + 30
        done = None
        while done is None and time.monotonic() < deadline:
            ready, _, _ = select.select([small], [], [], 0.1)
            done = small.take() if ready else small.watch()
        assert done is not None and done.failure == "memory" and "60 MB" in (done.reason or "")
    finally:
        small.stop()
    # and in a pool: the next file is checked as if nothing had happened (a scan, read by OCR for seconds: the
    # pool looks at a worker's memory four times a second, and a 0.4 s check could end before it looks)
    tasks = [Task(0, str(BUILT / "scanned_page.pdf"), CheckOptions(), limits()),
             Task(1, str(SEEDS / "000_452dfb289bf64cc2.txt"), CheckOptions(), limits())]
    results = list(in_order(run_local(tasks, jobs=1, memory_mb=60)))
    assert [d.index for d in results] == [0, 1] and results[0].failure == "memory"  # a new worker takes the next
    results = list(in_order(run_local(tasks, jobs=1)))
    assert [d.failure for d in results] == [None, None]


def _two_page_scan(tmp_path: Path) -> Path:
    """The real scanned page and the Putuo report's table page, scanned, in one PDF of two pages."""
    import pypdfium2 as pdfium

    images = []
    for source, index in ((BUILT / "scanned_page.pdf", 0), (PUTUO, 14)):
        pdf = pdfium.PdfDocument(str(source))
        images.append(pdf[index].render(scale=150 / 72).to_pil().convert("L"))
        pdf.close()
    path = tmp_path / "scan.pdf"
    images[0].save(path, "PDF", resolution=150.0, save_all=True, append_images=images[1:])
    return path


def test_a_scan_is_recognised_once_and_its_pages_in_parallel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from juesuan.readers import ocr, pdf, read

    scan = _two_page_scan(tmp_path)
    monkeypatch.setenv("JUESUAN_OCR_CACHE", str(tmp_path / "cache-a"))
    calls: list[int] = []
    real = ocr.recognise

    def counted(page):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(page)

    monkeypatch.setattr(pdf, "recognise", counted)
    first = read(scan)
    assert first.ocr_pages == [1, 2] and len(calls) == 2
    again = read(scan)  # a second command on the same scan: no OCR at all
    assert len(calls) == 2 and again.text == first.text
    assert len(list((tmp_path / "cache-a").rglob("*.json"))) == 2
    # the pool, with an empty cache: the file asks for its two pages, two workers read one each
    monkeypatch.setenv("JUESUAN_OCR_CACHE", str(tmp_path / "cache-b"))
    from juesuan.batch.tasks import run_task

    asked = run_task(Task(0, str(scan), CheckOptions(), limits(), split_ocr=True))  # the reader hands its pages back
    assert asked.needs_ocr == (1, 2) and asked.outcome is None and asked.sha256 and len(calls) == 2
    results = list(run_local([Task(0, str(scan), CheckOptions(), limits(), split_ocr=True)], jobs=2))
    assert len(results) == 1 and results[0].outcome is not None
    assert results[0].outcome.text == first.text
    assert len(list((tmp_path / "cache-b").rglob("*.json"))) == 2


def test_check_a_folder_in_parallel_with_a_summary(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in MIXED[:8]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.xyz").write_text("不是报告", encoding="utf-8")  # not a supported type: not picked up
    one = run_cli("check", folder, "-j", "1", "-f", "json", timeout=300)
    two = run_cli("check", folder, "-j", "2", "-f", "json", timeout=300)
    assert one.returncode == two.returncode == 2  # one file could not be read
    assert one.stdout == two.stdout
    listed = [json.loads(line)["source"] for line in two.stdout.splitlines()]
    assert listed == sorted(str(folder / p.name) for p in MIXED[:8])
    assert "共 9 个文件：检查 8 个，无法读取 1 个" in two.stderr and "2 个进程" in two.stderr
    assert "empty.pdf" in two.stderr and "最慢的文件" in two.stderr and "发现问题：错误" in two.stderr
    assert "Traceback" not in two.stderr
    bad = run_cli("check", folder, "--jobs", "0")
    assert bad.returncode == 2 and bad.stderr.startswith("错误：--jobs")
    bad = run_cli("check", folder, "--scheduler", "nonsense")
    assert bad.returncode == 2 and "--scheduler" in bad.stderr
    unreachable = run_cli("check", folder, "--scheduler", "tcp://127.0.0.1:9", timeout=120)
    assert unreachable.returncode == 2 and unreachable.stderr.startswith("错误：无法连接 Dask 集群")


def test_an_interrupted_ingest_carries_on_where_it_stopped(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    names = [*sorted(SEEDS.glob("*.txt")), *sorted((FIXTURES / "corpus").glob("*"))[:10]]
    for path in names:
        (folder / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "batch.db"
    run = subprocess.Popen([sys.executable, "-m", "juesuan", "ingest", str(folder), "--db", str(db), "-j", "2"],
                           stderr=subprocess.PIPE, text=True)
    assert run.stderr is not None
    for line in run.stderr:
        if line.startswith("已入库"):
            run.send_signal(signal.SIGINT)  # as Ctrl-C would
            break
    rest = run.stderr.read()
    assert run.wait(timeout=60) == 130 and "已中断" in rest and "Traceback" not in rest
    stored_before = rest.count("已入库：") + 1
    again = run_cli("ingest", folder, "--db", db, "-j", "2", timeout=300)
    assert again.returncode == 0
    assert again.stderr.count("已在库中：") == stored_before
    assert again.stderr.count("已入库：") == len(names) - stored_before
    listing = run_cli("reports", "--db", db)
    assert listing.stdout.count(".txt") == len(names)  # every report once


def test_a_dask_cluster_gives_exactly_what_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import distributed  # the cluster extra: make setup installs it, so a missing one fails here, not skips

    from juesuan.batch.cluster import run_cluster

    monkeypatch.setenv("JUESUAN_OCR_CACHE", "off")  # the scan's two pages are recognised on the cluster's workers
    files = [*MIXED[:8], BUILT / "encrypted.pdf", PUTUO, _two_page_scan(tmp_path)]
    tasks = [Task(n, str(p), CheckOptions(), limits(), split_ocr=True) for n, p in enumerate(files)]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        results = list(in_order(run_cluster(cluster.scheduler_address, tasks)))
    assert [d.index for d in results] == list(range(len(files)))
    assert [_said(d) for d in results] == _serial(files)
