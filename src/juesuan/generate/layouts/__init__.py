"""The layouts of the generated report, one module each; `compose(data, layout)` lays the data out.

A third layout is one new module here: a Composer subclass decorated with `@register`. Every module
of this package is imported when the registry is first asked.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from juesuan.generate.inputs import ReportData
    from juesuan.generate.layouts.common import Composer
    from juesuan.generate.nodes import Node

LAYOUTS: dict[str, type[Composer]] = {}


def register(layout: type[Composer]) -> type[Composer]:
    assert layout.name and layout.name not in LAYOUTS, layout.name
    LAYOUTS[layout.name] = layout
    return layout


def layouts() -> dict[str, type[Composer]]:
    if not LAYOUTS:
        for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
            import_module(f"{__name__}.{module}")
    return LAYOUTS


def compose(data: ReportData, layout: str, charts: bool | None = None) -> list[Node]:
    """The report's nodes; `charts` None keeps the layout's own choice."""
    return layouts()[layout](data, charts).compose()
