"""The store's speed and size (issue 12): storing reports, and comparing many departments.

    python3 bench/store_speed.py [--reports 1000] [--db URL | --postgres]

--postgres starts a throw-away PostgreSQL server (scripts/postgres_server.py, Debian's package) for the run.

The bundled reports are checked once; their Outcomes are then stored N times under other names, years
and hashes (as N different files would be), each in its own transaction. Measured: reports stored a
second (the check itself, about 0.3-0.6 s a text report, is measured by bench/read_speed.py), the time
of `compare --year` over everything stored, and the database's size per report (SQLite).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

from juesuan.pipeline import check_file
from juesuan.rules import rule_set
from juesuan.store import open_store
from juesuan.store.compare import by_year
from juesuan.store.ingest import put

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import postgres_server  # noqa: E402  (a script, not part of the package)

SOURCES = [*sorted((ROOT / "tests/fixtures/seeds").glob("*.txt")),
           ROOT / "tests/fixtures/shanghai/putuo_finance_bureau_2024_final_accounts.pdf"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--db", help="a database URL (default: a new SQLite file)")
    parser.add_argument("--postgres", action="store_true", help="a temporary PostgreSQL server")
    args = parser.parse_args()
    outcomes = [check_file(p) for p in SOURCES]
    rules = rule_set()
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        db = args.db or str(Path(folder) / "bench.db")
        if args.postgres:
            host, port = stack.enter_context(postgres_server.temporary_server())
            db = postgres_server.create_database(host, port, "bench")
        store = open_store(db)
        started = time.perf_counter()
        for n in range(args.reports):
            outcome = outcomes[n % len(outcomes)].model_copy(deep=False)
            outcome.report = outcome.report.model_copy(update={"organisation": f"测试市第{n}单位", "year": 2020})
            put(store, SOURCES[n % len(SOURCES)], f"{n:064x}", outcome, None, rules)
        stored = time.perf_counter() - started
        times = []
        for _ in range(3):  # the first run reads from disk, the others from the cache: all three are given
            started = time.perf_counter()
            with store.session() as session:
                rows = by_year(session, 2020, None)
            times.append(time.perf_counter() - started)
        size = Path(db).stat().st_size if "://" not in db else None
        print(f"{store.label.split('/')[-1] if size else store.engine.dialect.name}: {args.reports} reports stored in "
              f"{stored:.1f} s = {args.reports / stored:.1f} reports/s; compare --year over {len(rows)} reports: "
              f"{' / '.join(f'{t:.2f}' for t in times)} s" + (f"; {size / args.reports / 1024:.0f} KB a report" if size else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
