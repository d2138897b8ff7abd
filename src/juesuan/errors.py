"""The one error a user sees when an input cannot be read: a clear Chinese sentence."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """An input that cannot be read. `str()` is the one Chinese line shown to the user."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"无法读取“{self.path.name}”：{reason}")


class PagesToRecognise(Exception):
    """Not a failure: raised by the PDF reader, when a batch asks it to (readers/ocr_cache.deferring), for a scan
    with several pages OCR has not read yet; the batch recognises them as tasks of their own, in parallel, and
    checks the file again with what they read. Readers let it through untouched."""

    def __init__(self, sha256: str, pages: list[int]) -> None:
        super().__init__(f"{len(pages)} pages to recognise")
        self.sha256 = sha256
        self.pages = pages
