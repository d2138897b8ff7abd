"""The one error a user sees when an input cannot be read: a clear Chinese sentence."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """An input that cannot be read. `str()` is the one Chinese line shown to the user."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"无法读取“{self.path.name}”：{reason}")
