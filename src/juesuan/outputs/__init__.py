"""Ways out for check results, one module a format, each registered once with its name and suffix.

An output receives Outcomes one at a time (`add`) and finishes with `close`, so a batch of ten
thousand reports streams through text, JSON lines and CSV without being held in memory; HTML writes one
page a report; Excel writes its workbook at the end. The command line asks this registry; a new format
is one module here that calls `register`: every module of this package is imported when the
registry is first asked.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import IO, Protocol

from juesuan.files import AtomicFile, WriteError
from juesuan.pipeline import Outcome


class OutputError(WriteError):
    """A result cannot be written (an unknown format, no such folder, a disk full): one Chinese sentence."""


class Writer(Protocol):
    def add(self, outcome: Outcome) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Destination:
    """Where results go: a file the user named (-o), else the terminal (`stream`)."""

    path: Path | None
    stream: IO[str]
    many: bool  # more than one report in this run


@dataclass(frozen=True, slots=True)
class Output:
    name: str  # the --format value
    suffix: str  # the file suffix that selects it when -o names a file and --format is not given
    label: str  # what it is, in Chinese, for help and messages
    start: Callable[[Destination], Writer]


OUTPUTS: dict[str, Output] = {}


def register(output: Output) -> Output:
    assert output.name not in OUTPUTS, output.name
    OUTPUTS[output.name] = output
    return output


def _load() -> None:
    """Imports every output module (importing one directly, as the web pages do, registers only that one)."""
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        import_module(f"{__name__}.{module}")


def find_output(name: str | None, path: Path | None) -> Output:
    """The output named by --format, else the one whose suffix -o has, else text."""
    _load()
    if name:
        if name not in OUTPUTS:
            raise OutputError(f"不支持的输出格式“{name}”（支持 {'、'.join(OUTPUTS)}）")
        return OUTPUTS[name]
    if path is not None and path.suffix:
        for output in OUTPUTS.values():
            if path.suffix.lower() == output.suffix:
                return output
        known = "、".join(f"{o.suffix}（{o.name}）" for o in OUTPUTS.values())
        raise OutputError(f"不认识输出文件 {path.name} 的格式（扩展名可以是 {known}，或用 --format 指定）")
    return OUTPUTS["text"]


def names() -> list[str]:
    _load()
    return list(OUTPUTS)


def open_text(path: Path) -> AtomicFile:
    """A result file written under a temporary name, renamed onto `path` by `finish` (see files.py)."""
    return AtomicFile(path)


def open_binary(path: Path) -> AtomicFile:
    return AtomicFile(path, binary=True)


def finish(out: AtomicFile | None, written: bool) -> None:
    """Puts a result file in place; when no report could be written to it, none is left behind."""
    if out is None:
        return
    if written:
        out.commit()
    else:
        out.discard()
