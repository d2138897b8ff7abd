"""A corpus of N realistic, varied reports for the batch benchmarks (issue 14).

    python3 bench/synthetic_corpus.py --out /tmp/corpus --count 1000 [--pdf 10] [--docx 40] [--seed 1]

Each synthetic report is generated (juesuan generate) from one of the two bundled examples (Sichuan and
Shanghai layouts), under another organisation's name, with every amount multiplied by a whole factor (so
every sum and share still holds) and, for one report in five, one figure in the prose changed by hand as
a writer's slip would (so the checker has something to find). Formats: a few PDF and DOCX (the slow ones
to read), the rest Markdown and HTML. The real fixtures (seeds, corpus, found reports, built DOCX/DOC/WPS/
PDF, the Shanghai PDFs) are copied in as well. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from juesuan.generate import GenerationRefused, generate
from juesuan.generate.data_files import load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [(ROOT / "examples/sichuan_2020_pzh_committee_office.yaml", "sichuan"),
            (ROOT / "examples/shanghai_2024_putuo_finance_bureau.yaml", "shanghai")]
REGIONS = ["成都市", "绵阳市", "宜宾市", "南充市", "达州市", "浦东新区", "黄浦区", "徐汇区", "长宁区", "静安区",
           "合肥市", "芜湖市", "长沙市", "株洲市", "南昌市", "九江市", "贵阳市", "遵义市", "昆明市", "曲靖市"]
UNITS = ["财政局", "教育局", "卫生健康委员会", "民政局", "司法局", "农业农村局", "自然资源局", "生态环境局",
         "住房和城乡建设局", "交通运输局", "水务局", "商务局", "文化广电旅游局", "市场监督管理局", "统计局", "审计局",
         "档案馆", "机关事务管理局", "人力资源和社会保障局", "应急管理局"]
REAL = ["seeds", "corpus", "found_dev", "heldout", "built", "shanghai"]
_AMOUNT = re.compile(r"^\d{1,9}\.\d{2}$")


def _scaled(value: Any, factor: int) -> Any:
    """Every amount (a quoted decimal with two places) times `factor`; counts, scores and weights untouched."""
    if isinstance(value, dict):
        return {k: (v if k in ("performance",) else _scaled(v, factor)) for k, v in value.items()}
    if isinstance(value, list):
        return [_scaled(v, factor) for v in value]
    if isinstance(value, str) and _AMOUNT.match(value):
        return f"{Decimal(value) * factor:.2f}"
    return value


def _slip(path: Path, rng: random.Random) -> None:
    """One amount in the prose changed in its last digit, as a writer's slip would."""
    if path.suffix not in (".md", ".html"):
        return
    text = path.read_text(encoding="utf-8")
    amounts = [m for m in re.finditer(r"\d+\.\d{2}(?=万元)", text)]
    if not amounts:
        return
    m = rng.choice(amounts)
    last = int(m.group()[-1])
    path.write_text(text[: m.end() - 1] + str((last + 1) % 10) + text[m.end():], encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--count", type=int, default=1000, help="reports in all, the real fixtures included")
    parser.add_argument("--pdf", type=int, default=10)
    parser.add_argument("--docx", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    real = [p for folder in REAL for p in sorted((ROOT / "tests/fixtures" / folder).glob("*"))
            if p.is_file() and p.suffix.lower() in (".txt", ".md", ".html", ".docx", ".doc", ".wps", ".pdf")]
    for path in real[: args.count]:
        shutil.copyfile(path, args.out / f"real_{path.parent.name}_{path.name}")
    synthetic = max(0, args.count - len(real))
    raws = [(yaml.safe_load(path.read_text(encoding="utf-8")), layout) for path, layout in EXAMPLES]
    refused = 0
    for n in range(synthetic):
        raw, layout = raws[n % 2]
        factor = rng.choice([1, 2, 3, 5, 7] if layout == "sichuan" else [1, 2, 3])  # Putuo's own rounding grows with 5 and 7
        data = _scaled(raw, factor)
        data["meta"] = {**raw["meta"], "organisation": f"{rng.choice(REGIONS)}{rng.choice(UNITS)}"}
        data["meta"]["short_name"] = data["meta"]["organisation"][-4:]
        suffix = ".pdf" if n < args.pdf else ".docx" if n < args.pdf + args.docx else rng.choice([".md", ".html"])
        source = args.out / f"data_{n:05d}.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        target = args.out / f"synthetic_{n:05d}_{layout}{suffix}"
        try:
            generate(load(source), layout, target, charts=False)
        except GenerationRefused:
            refused += 1
            generate(load(EXAMPLES[n % 2][0]), layout, target, charts=False)
        finally:
            source.unlink()
        if rng.random() < 0.2:
            _slip(target, rng)
    print(f"{len(real[: args.count])} real and {synthetic} synthetic reports in {args.out} "
          f"({refused} variations refused and written from the example as it is) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
