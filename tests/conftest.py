"""Shared paths and helpers for the tests. Every fixture is a real report or built from one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
BUILT = FIXTURES / "built"
SHANGHAI = FIXTURES / "shanghai"
PUTUO = SHANGHAI / "putuo_finance_bureau_2024_final_accounts.pdf"
TEMPLATE = SHANGHAI / "shanghai_final_accounts_template_2024.pdf"
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
