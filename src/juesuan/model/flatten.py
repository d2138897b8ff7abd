"""The Disclosure as (path, figure) pairs: what the accuracy bench compares and what tests look up.

Paths name list elements by their key or name rather than their index, so that they are stable:
"totals.income_sources[general_budget].share", "three_public.units[*].vehicles_held".
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from juesuan.model.figures import Figure


def flatten(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, Figure]]:
    for name, value in model:
        path = f"{prefix}.{name}" if prefix else name
        yield from _value(value, path)


def _value(value: object, path: str) -> Iterator[tuple[str, Figure]]:
    if isinstance(value, Figure):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from flatten(value, path)
    elif isinstance(value, list):
        for i, element in enumerate(value):
            yield from _value(element, f"{path}[{_label(element, i)}]")


def _label(element: object, index: int) -> str:
    if isinstance(element, Figure):
        return str(index)
    for attribute in ("key", "unit", "name", "item_name", "project", "title", "kind"):
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
