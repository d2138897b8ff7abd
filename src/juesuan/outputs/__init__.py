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

from juesuan.pipeline import Outcome


class OutputError(Exception):
    """A result cannot be written (no such folder, no permission, a disk full): one Chinese sentence."""


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
    if not OUTPUTS:
        for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
            import_module(f"{__name__}.{module}")


def find_output(name: str | None, path: Path | None) -> Output:
    """The output named by --format, else the one whose suffix -o has, else text."""
    _load()
    if name:
        if name not in OUTPUTS:
            raise OutputError(f"不支持的输出格式“{name}”（支持 {'、'.join(OUTPUTS)}）")
        return OUTPUTS[name]
    if path is not None:
        for output in OUTPUTS.values():
            if path.suffix.lower() == output.suffix:
                return output
    return OUTPUTS["text"]


def names() -> list[str]:
    _load()
    return list(OUTPUTS)


def open_text(path: Path) -> IO[str]:
    """Opens a file for writing results, or says in Chinese why it cannot."""
    return _open(path, "w")


def finish(file: IO[str] | IO[bytes] | None, path: Path | None, written: bool) -> None:
    """Closes a result file; when no report could be written to it, removes it rather than leave it empty."""
    if file is None:
        return
    file.close()
    if not written and path is not None:
        path.unlink(missing_ok=True)


def open_binary(path: Path) -> IO[bytes]:
    return _open(path, "wb")


def _open(path: Path, mode: str):  # type: ignore[no-untyped-def]
    try:
        return path.open(mode, encoding="utf-8") if "b" not in mode else path.open(mode)
    except OSError as exc:
        raise OutputError(write_failure(path, exc)) from None


def write_failure(path: Path, exc: OSError) -> str:
    if not path.parent.exists():
        return f"无法写入 {path}：文件夹 {path.parent} 不存在"
    if path.is_dir():
        return f"无法写入 {path}：这是一个文件夹"
    if isinstance(exc, PermissionError):
        return f"无法写入 {path}：没有写入权限"
    return f"无法写入 {path}：{exc.strerror or type(exc).__name__}"
