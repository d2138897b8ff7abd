"""The fuzz suite's fast sample (issue 11): every input ends within the time limit and the memory bound,
with exit 0, 1 or 2, and for 2 one Chinese line. The inputs are built by scripts/fuzz_inputs.py; the
long run with all of them is bench/fuzz.py."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts import load

fuzz = load("fuzz_inputs")
TIME_LIMIT_S = 60.0  # the slowest fast case takes about 25 s on the 2-core machine


def test_every_fast_fuzz_input_ends_within_bounds_with_a_clear_answer(tmp_path: Path) -> None:
    cases = [c for c in fuzz.CASES if c.fast]
    assert len(cases) >= 80
    with ThreadPoolExecutor(max_workers=2) as pool:  # each case is its own process
        results = list(pool.map(lambda c: fuzz.run_case(c, tmp_path / c.name, TIME_LIMIT_S), cases))
    failures = [f"{r.case}: {'; '.join(r.problems)}" for r in results if r.problems]
    assert not failures, "\n".join(failures)
    assert {r.status for r in results} >= {0, 1, 2}


def test_the_memory_bound_is_the_documented_one() -> None:
    from juesuan.limits import MEMORY_BOUND_MB

    assert fuzz.MEMORY_BOUND_MB == MEMORY_BOUND_MB
    assert f"{MEMORY_BOUND_MB} MB" in (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_judge_fails_a_hang_and_an_english_error() -> None:
    english = fuzz.Result("x", "self-test", 2, 0.1, 10.0, "Error: no such file\n")
    assert fuzz._problems(fuzz.CASES[0], english, 60) == ["not one Chinese error line: 'Error: no such file\\n'"]
    killed = fuzz.Result("x", "self-test", None, 61.0, 10.0, "")
    assert fuzz._problems(fuzz.CASES[0], killed, 60) == ["killed after 60 s"]
    large = fuzz.Result("x", "self-test", 0, 1.0, 1500.0, "")
    assert fuzz._problems(fuzz.CASES[0], large, 60) == ["peak memory 1500 MB > 1024 MB"]
