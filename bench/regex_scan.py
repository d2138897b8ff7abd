"""Every regular expression of the core, run on hostile strings: which ones take long (backtracking).

    python bench/regex_scan.py [--size N] [--slow SECONDS]

A pattern that is slow here is safe only if every call site bounds the text it is given (say so beside
the call). Each pattern runs in a worker process with a time limit, since a backtracking match in the
regex engine cannot be interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import pkgutil
import re
import time

import juesuan

SKIP = ("__main__", "juesuan.cli")


def hostile(n: int) -> dict[str, str]:
    return {
        "digits": "9" * n, "digits_commas": "9," * (n // 2), "spaces": " " * n, "han": "收" * n, "han_digit": "收1" * (n // 2),
        "lei_kuan": "（类）（款）" * (n // 6), "bookmark": "[bookmark: " * (n // 11), "dots": "." * n, "percent": "1%" * (n // 2),
        "brackets": "（" * n, "numbering": "一、1.（一）" * (n // 8), "commas": "，" * n, "wan": "1万" * (n // 2),
        "years": "2020年" * (n // 5), "space_lines": " \n" * (n // 2), "tabs": "\t1" * (n // 2), "dashes": "-" * n,
    }


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(juesuan.__path__, "juesuan."):
        if info.name.endswith(SKIP) or info.name in SKIP:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):  # bytes patterns sniff files
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    return list(found.values())


def _time(task: tuple[re.Pattern[str], str]) -> float:
    pattern, text = task
    started = time.perf_counter()
    list(pattern.finditer(text))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--slow", type=float, default=0.1, help="report patterns slower than this (seconds)")
    parser.add_argument("--limit", type=float, default=20, help="give up on one pattern after this (seconds)")
    args = parser.parse_args()
    found = patterns()
    texts = hostile(args.size)
    slow = 0
    with multiprocessing.Pool(1) as pool:
        for name, pattern in found:
            for label, text in texts.items():
                result = pool.apply_async(_time, ((pattern, text),))
                try:
                    seconds = result.get(timeout=args.limit)
                except multiprocessing.TimeoutError:
                    print(f"  >{args.limit:g}s  {name} on {label} (gave up)")
                    pool.terminate()
                    pool = multiprocessing.Pool(1)
                    slow += 1
                    continue
                if seconds > args.slow:
                    print(f"{seconds:7.2f}s  {name} on {label}")
                    slow += 1
    print(f"{len(found)} patterns × {len(texts)} hostile texts of {args.size} characters; {slow} slow")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
