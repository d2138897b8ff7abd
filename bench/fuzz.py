"""The long fuzz run (issue 11): every case of scripts/fuzz_inputs.py, with its exit code, time and peak memory.

    python3 bench/fuzz.py [--only NAME,…] [--fast] [--time-limit 60] [--out bench/data/fuzz.txt]

A case fails when it is killed at the time limit, passes the memory bound, prints a traceback, ends
with an unexpected exit code, or ends with exit 2 without one Chinese error line.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _inputs():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fuzz_inputs", ROOT / "scripts" / "fuzz_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="comma-separated case names (prefixes)")
    parser.add_argument("--fast", action="store_true", help="only the cases CI runs")
    parser.add_argument("--time-limit", type=float, default=180.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    fuzz = _inputs()
    cases = [c for c in fuzz.CASES if not args.fast or c.fast]
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        cases = [c for c in cases if any(c.name.startswith(w) for w in wanted)]
    lines = [f"# fuzz run {time.strftime('%Y-%m-%d %H:%M')}: {len(cases)} cases, time limit {args.time_limit:g} s, "
             f"memory bound {fuzz.MEMORY_BOUND_MB} MB",
             "case\tkind\texit\tseconds\tpeak_MB\tproblems\tfirst line of stderr"]
    failed = 0
    results = []
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="juesuan-fuzz-") as tmp:
            result = fuzz.run_case(case, Path(tmp), args.time_limit)
        results.append(result)
        failed += bool(result.problems)
        first = (result.stderr.strip().splitlines() or [""])[0][:160]
        line = (f"{case.name}\t{case.kind}\t{result.status}\t{result.seconds:.1f}\t{result.peak_mb:.0f}\t"
                f"{'; '.join(result.problems) or 'ok'}\t{first}")
        lines.append(line)
        print(line, flush=True)
    codes: dict[str, int] = {}
    for r in results:
        codes[str(r.status)] = codes.get(str(r.status), 0) + 1
    slowest = max(results, key=lambda r: r.seconds)
    largest = max(results, key=lambda r: r.peak_mb)
    lines += ["", f"# {len(results)} inputs, {failed} failing; exit codes: "
              + ", ".join(f"{k}: {v}" for k, v in sorted(codes.items())),
              f"# slowest: {slowest.case} {slowest.seconds:.1f} s; largest memory: {largest.case} {largest.peak_mb:.0f} MB"]
    print("\n".join(lines[-2:]))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
