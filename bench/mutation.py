"""Mutation benchmark: inject one defect at a time into the real reports and see whether it is caught.

    python bench/mutation.py [--limit N]

Each mutation kind finds every place in the five seed texts where it applies and makes one mutant
per place (capped per report). A mutant is caught when the checker reports a finding (rule, line and
message) that the unmutated report does not have. Prints recall per kind, and the findings the
unmutated reports raise (the baseline).
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from juesuan.model.flatten import flatten
from juesuan.pipeline import analyse, check_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
PER_REPORT = 12  # mutants of one kind in one report, at most (chosen at random, fixed seed)

# A mutation: from the lines of a report, yield (line index, new line) for every place it applies.
Mutation = Callable[[list[str], int], Iterator[tuple[int, str]]]

_AMOUNT = re.compile(r"(\d[\d,]*\.\d\d)万元")
_SHARE = re.compile(r"占(?:[^，。；%\d]{0,12}的)?(\d+(?:\.\d+)?)%")


def _bump(number: str, by: str = "3.00") -> str:
    value = Decimal(number.replace(",", "")) + Decimal(by)
    return f"{value:,.{len(number.split('.')[-1]) if '.' in number else 0}f}" if "," in number else (
        f"{value:.{len(number.split('.')[-1])}f}" if "." in number else str(value))


def share_changed(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        if "\t" in line:
            continue
        for m in _SHARE.finditer(line):
            yield i, line[: m.start(1)] + _bump(m.group(1), "3") + line[m.end(1) :]


def _model(lines: list[str]) -> Disclosure:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return analyse(path).disclosure


def _replace(lines: list[str], figure: Figure, new_value: str) -> tuple[int, str] | None:
    """The line of `figure` with its amount replaced; None if the figure is not found on its line."""
    if figure.location.line is None:
        return None
    index = figure.location.line - 1
    number = figure.raw.removesuffix("万元")
    line = lines[index]
    if figure.raw not in line:
        return None
    return index, line.replace(figure.raw, _bump(number, new_value) + "万元", 1)


def part_changed(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    """A part of a breakdown the report sums (income sources, expenditure kinds, 类, 人员/公用经费, 三公 items)."""
    d = _model(lines)
    parts = [*d.totals.income_sources, *d.totals.expenditure_kinds, *d.general_budget.classes]
    parts += [i for i in (d.basic.personnel, d.basic.public) if i is not None]
    parts += [i for u in d.three_public.units for i in (u.outbound_travel, u.vehicles, u.reception) if i is not None]
    for item in parts:
        if item.amount and item.amount[0].unit == "万元" and (
                changed := _replace(lines, item.amount[0], "10.00")) is not None:
            yield changed


def one_of_two_changed(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    """One statement of a quantity the report states twice (the same model field, two places)."""
    d = _model(lines)
    groups: dict[str, list[Figure]] = defaultdict(list)
    for path, figure in flatten(d):
        if figure.unit == "万元" and not path.startswith(("tables", "performance")) and ".change" not in path:
            groups[re.sub(r"\[\d+\]$", "", path)].append(figure)
    gb = d.general_budget
    groups["general_budget"] = [*(gb.total.amount if gb.total else []), *gb.structure_total,
                                *(gb.detail_total.amount if gb.detail_total else [])]
    for statements in groups.values():
        if len(statements) >= 2 and (changed := _replace(lines, statements[-1], "40.00")) is not None:
            yield changed


def yoy_percent_changed(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        for m in re.finditer(r"(?:增加|减少)(?:了)?[\d,.]+万元[，,]\s*(?:增长|下降)(?:了)?(\d+(?:\.\d+)?)%", line):
            if Decimal(m.group(1)) not in (0, 100):
                yield i, line[: m.start(1)] + _bump(m.group(1), "5") + line[m.end(1) :]


def wrong_year(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        m = re.match(rf"^(\s*){year}(年度?(?:本年|“三公”|一般公共预算|财政拨款|收、支))", line)
        if m:
            yield i, line[: m.start(1) + len(m.group(1))] + str(year + 1) + line[m.end(1) + 4 :]


def template_residue(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        if re.search(r"增加[\d,.]+万元", line):
            yield i, line.replace("增加", "增加/减少", 1)
        elif line.endswith("。") and len(line) > 40 and "\t" not in line:
            yield i, line[:-1] + "，主要用于…（具体工作）。"


def drop_unit(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        for m in re.finditer(r"(?:为|是)(\d[\d,]*\.\d\d)万元(?=[，,。；])", line):
            yield i, line[: m.end(1)] + line[m.end(1) + 2 :]


def yuan_for_wan(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        amounts = list(_AMOUNT.finditer(line))
        if len(amounts) >= 3:
            m = amounts[-1]
            yield i, line[: m.end(1)] + "元" + line[m.end(1) + 2 :]


def numbering_broken(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    """A glossary or 项 number repeated: "3." written as "2."."""
    for i, line in enumerate(lines):
        m = re.match(r"^(\d{1,2})([.．、])(?=\S)", line)
        if m and int(m.group(1)) > 1 and i > 0:
            previous = next((lines[j] for j in range(i - 1, max(i - 4, -1), -1) if re.match(r"^\d{1,2}[.．、]", lines[j])), None)
            if previous is not None and re.match(rf"^{int(m.group(1)) - 1}[.．、]", previous):
                yield i, str(int(m.group(1)) - 1) + line[len(m.group(1)) :]


def score_weight_changed(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    in_score_table = False
    for i, line in enumerate(lines):
        if "项目评价得分表" in line:
            in_score_table = True
        elif line.startswith("\t合计"):
            in_score_table = False
        elif in_score_table and re.fullmatch(r"\t\d{1,2}", line) and i + 1 < len(lines) and re.fullmatch(r"\t[\d.]+", lines[i + 1]):
            yield i, f"\t{int(line.strip()) + 2}"  # +2: table 4 of seed 000 already sums to 99


def direction_contradicted(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        if "/" in line:
            continue  # "增加/减少…增长/下降" is residue already
        for m in re.finditer(r"(增加|减少)(了)?[\d,.]+万元[，,]\s*(增长|下降)", line):
            flipped = "下降" if m.group(3) == "增长" else "增长"
            yield i, line[: m.start(3)] + flipped + line[m.end(3) :]


def vehicle_count_changed(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        m = re.search(r"共有(?:车辆|公务用车)(\d+)辆，其中", line)
        if m:
            yield i, line[: m.start(1)] + str(int(m.group(1)) + 1) + line[m.end(1) :]


def base_year_changed(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        for m in re.finditer(rf"(?:与|比){year - 1}年", line):
            yield i, line[: m.end() - 5] + str(year - 2) + line[m.end() - 1 :]


def count_versus_list(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        m = re.search(r"(\d+)\s*个[，,]\s*(?:具体)?(?:为|是|包括)[:：]?", line)
        if m:
            yield i, line[: m.start(1)] + str(int(m.group(1)) + 1) + line[m.end(1) :]


def share_emptied(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        for m in re.finditer(r"占(\d+(?:\.\d+)?%)", line):
            yield i, line[: m.start(1)] + line[m.end(1) :]


def three_public_total_changed(lines: list[str], year: int) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        m = re.search(r"“三公”经费财政拨款支出决算为(\d[\d,]*\.\d\d)万元", line)
        if m:
            yield i, line[: m.start(1)] + _bump(m.group(1), "5.00") + line[m.end(1) :]


MUTATIONS: dict[str, Mutation] = {
    "share changed": share_changed,
    "part of a sum changed": part_changed,
    "year-on-year % changed": yoy_percent_changed,
    "one of two statements changed": one_of_two_changed,
    "wrong year": wrong_year,
    "template residue": template_residue,
    "unit dropped": drop_unit,
    "元 for 万元": yuan_for_wan,
    "numbering broken": numbering_broken,
    "score weight changed": score_weight_changed,
    "direction contradicted": direction_contradicted,
    "vehicle count changed": vehicle_count_changed,
    "base year changed": base_year_changed,
    "count vs list": count_versus_list,
    "share left empty": share_emptied,
    "三公 total changed": three_public_total_changed,
}


def findings_of(path: Path) -> Counter[tuple[str, int | None, str]]:
    return Counter((f.rule, f.location.line, f.message) for f in check_file(path).findings)


def main() -> int:
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else PER_REPORT
    rng = random.Random(2026)
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: dict[str, list[str]] = defaultdict(list)
    baseline_errors = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in SEEDS:
            lines = seed.read_text(encoding="utf-8").split("\n")
            year = int(re.search(r"(20\d{2})年度", "\n".join(lines)).group(1))  # type: ignore[union-attr]
            result = check_file(seed)
            baseline = Counter((f.rule, f.location.line, f.message) for f in result.findings)
            baseline_errors += sum(1 for f in result.findings if f.severity.value == "error")
            for kind, mutation in MUTATIONS.items():
                places = list(mutation(lines, year))
                rng.shuffle(places)
                for index, new_line in places[:limit]:
                    if new_line == lines[index]:
                        continue
                    mutant = Path(tmp) / seed.name
                    mutant.write_text("\n".join([*lines[:index], new_line, *lines[index + 1 :]]), encoding="utf-8")
                    after = findings_of(mutant)
                    # Caught: the checker says something it did not say of the unmutated report. (A broken
                    # sum is reported at its total, a scoring table at its 合计 row: not always on the mutated line.)
                    new = [key for key, n in after.items() if n > baseline[key]]
                    total[kind] += 1
                    if new:
                        caught[kind] += 1
                    else:
                        missed[kind].append(f"{seed.name[:3]} L{index + 1}: {new_line.strip()[:70]}")
    print(f"{'kind':<32} {'mutants':>8} {'caught':>7} {'recall':>7}")
    for kind in MUTATIONS:
        if total[kind]:
            print(f"{kind:<32} {total[kind]:>8} {caught[kind]:>7} {caught[kind] / total[kind]:>7.1%}")
    all_total, all_caught = sum(total.values()), sum(caught.values())
    print(f"{'all':<32} {all_total:>8} {all_caught:>7} {all_caught / all_total:>7.1%}")
    print(f"\nerror-level findings on the unmutated seeds (all real defects, see bench/data/reviewer_defects.tsv): "
          f"{baseline_errors}")
    if "--missed" in sys.argv:
        for kind, where in missed.items():
            print(f"\nmissed — {kind}:")
            for w in where:
                print("   ", w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
