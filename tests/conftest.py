"""Shared paths and helpers for the tests. Every fixture is a real report or built from one."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from scripts import load

os.environ["JUESUAN_STRICT"] = "1"  # a rule that fails raises in the tests (a user's check notes it and goes on)
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
BUILT = FIXTURES / "built"
SHANGHAI = FIXTURES / "shanghai"
PUTUO = SHANGHAI / "putuo_finance_bureau_2024_final_accounts.pdf"
TEMPLATE = SHANGHAI / "shanghai_final_accounts_template_2024.pdf"
CHROMIUM = "/usr/bin/chromium"  # Debian's, installed by `make setup`; Playwright drives it (executable_path)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEED_STEMS = [p.stem for p in sorted(SEEDS.glob("*.txt"))]


def seed(stem_prefix: str) -> Path:
    return next(SEEDS.glob(f"{stem_prefix}*.txt"))


def run_cli(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Runs the real `juesuan` command in a new process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "juesuan", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def putuo():  # type: ignore[no-untyped-def]
    from juesuan.readers import read

    return read(PUTUO)


@pytest.fixture(autouse=True, scope="session")
def _ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """OCR results are cached by file hash (readers/ocr_cache.py): the tests keep theirs in a folder of their
    own, inherited by the commands and worker processes they start, never in the user's ~/.cache."""
    import os

    os.environ["JUESUAN_OCR_CACHE"] = str(tmp_path_factory.mktemp("ocr-cache"))


def next_year(data: dict, mismatch: Decimal | None = None) -> dict:
    """The same organisation a year later: every 上年数 is last year's 本年数 (or one is off by `mismatch`)."""
    later = copy.deepcopy(data)
    later["meta"]["year"] += 1

    def shift(node: object) -> None:
        if isinstance(node, dict):
            if "current" in node and "previous" in node:
                node["previous"] = node["current"]
                node.pop("reason", None)
            for value in node.values():
                shift(value)
        elif isinstance(node, list):
            for value in node:
                shift(value)

    shift(later)
    later["general_budget_previous"] = None
    if mismatch is not None:
        later["total"]["previous"] = str(Decimal(later["total"]["current"]) + mismatch)
        later["total"]["reason"] = "业务量减少"
    return later


postgres = load("postgres_server")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[tuple[str, int]]:
    """A PostgreSQL server of Debian's package, in a temporary folder, on a free port; removed afterwards."""
    if postgres.binaries() is None:
        pytest.skip("PostgreSQL 未安装（make setup 用 apt-get 安装 postgresql）")
    with postgres.temporary_server() as server:
        yield server


_databases = iter(range(1, 10_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database of each kind: a SQLite file, or a database on the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    host, port = request.getfixturevalue("postgres_server")
    return postgres.create_database(host, port, f"t{next(_databases)}")
