"""The formats the generator writes, one module each, registered with their suffix.

A new format is one module here that calls `register`; every module of this package is imported when
the registry is first asked.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from juesuan.generate.nodes import Node


@dataclass(frozen=True, slots=True)
class Format:
    suffix: str  # ".docx"
    label: str
    write: Callable[[list[Node], Path, str], None]  # (nodes, target, title)


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    assert fmt.suffix not in FORMATS, fmt.suffix
    FORMATS[fmt.suffix] = fmt
    return fmt


def formats() -> dict[str, Format]:
    if not FORMATS:
        for module in pkgutil.iter_modules(__path__):
            import_module(f"{__name__}.{module.name}")
    return FORMATS
