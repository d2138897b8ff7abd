"""The Disclosure as (path, figure) pairs: what the accuracy bench compares and what tests look up.

Paths name list elements by their key or name rather than their index, so that they are stable:
"totals.income_sources[general_budget].share", "three_public.units[*].vehicles_held".
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from juesuan.model.figures import Figure, Item


def flatten(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, Figure]]:
    for path, node in walk(model, prefix):
        if isinstance(node, Figure):
            yield path, node


def walk(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, BaseModel]]:
    """Every figure and every other model inside `model` (itself excluded), with its path."""
    for name, value in model:
        path = f"{prefix}.{name}" if prefix else name
        yield from _value(value, path)


def _value(value: object, path: str) -> Iterator[tuple[str, BaseModel]]:
    if isinstance(value, Figure):
        yield path, value
    elif isinstance(value, BaseModel):
        yield path, value
        yield from walk(value, path)
    elif isinstance(value, list):
        labels = [f"c{i}" if path.endswith(".values") else _label(e, i) for i, e in enumerate(value)]
        seen: dict[str, int] = {}
        for element, label in zip(value, labels, strict=True):
            # A table row's values are columns: their index is part of what they mean. Elements that
            # share a label (four 项目评价得分表) are told apart by their order.
            if labels.count(label) > 1 and not isinstance(element, Figure):
                seen[label] = seen.get(label, 0) + 1
                label = f"{label}#{seen[label]}"
            yield from _value(element, f"{path}[{label}]")


_SIGN = {"增加": 1, "增长": 1, "上升": 1, "减少": -1, "下降": -1, "降低": -1, "持平": 0}


def stated_previous(model: BaseModel, year: int | None) -> Iterator[tuple[str, Figure]]:
    """Last year's amount of each item as the report states it through a change ("比上年增加7.34万元"): the
    amount less the change, at "<item>.previous", located at the change. Only money amounts in the same
    unit, and only changes against the year before (or no year named)."""
    for path, node in walk(model):
        if not isinstance(node, Item) or not node.amount:
            continue
        current = node.amount[0]
        for change in node.change:
            sign = _SIGN.get(change.direction or "")
            if change.amount is None or sign is None or change.amount.unit != current.unit or current.unit is None:
                continue
            if change.base_year is not None and (year is None or change.base_year != year - 1):
                continue  # against another year (or a budget): not last year's report
            value = current.value - sign * change.amount.value
            yield f"{path}.previous", Figure(value=value, unit=current.unit, raw=change.amount.raw,
                                            location=change.location, sentence=change.amount.sentence)
            break


def _label(element: object, index: int) -> str:
    if isinstance(element, Figure):
        return str(index)
    for attribute in ("key", "kind", "project", "unit", "name", "item_name", "class_name", "title"):
        label = getattr(element, attribute, None)
        if label:
            return str(label)
    if attribute_number := getattr(element, "number", None):
        return str(attribute_number)
    return str(index)


def figure_paths(model: BaseModel) -> list[tuple[str, str, str | None, int | None, int | None]]:
    """(path without figure indices, value, unit, line, page) for every figure in the model."""
    rows = []
    for path, figure in flatten(model):
        base = path
        while base.endswith("]") and base[base.rindex("[") + 1 : -1].isdigit():
            base = base[: base.rindex("[")]
        rows.append((base, format(figure.value, "f"), figure.unit, figure.location.line, figure.location.page))
    return rows
