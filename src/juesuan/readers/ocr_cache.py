"""What OCR read on a scanned page, kept by the file's SHA-256 and the page number, so that the same scan is
recognised once: a second command on it (outline, then check) reads the words from the cache in milliseconds.

The cache is a folder of small JSON files (plain values, never pickles): `$JUESUAN_OCR_CACHE`, or
`$XDG_CACHE_HOME/juesuan/ocr` (`~/.cache/juesuan/ocr`); `JUESUAN_OCR_CACHE=off` turns it off. Entries are
written atomically, so two workers recognising the same page never leave a torn file. A batch run hands
pages recognised on other machines to a worker through `remember` (in memory, for this process only), and
asks the PDF reader, through `deferring`, to hand back a scan's unread pages instead of reading them itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from juesuan.errors import PagesToRecognise
from juesuan.readers.ocr import OCR_VERSION

_DEFER = False  # set by `deferring`: a scan with several unread pages raises PagesToRecognise
_REMEMBERED: dict[tuple[str, int], dict[str, Any]] = {}
_MAX_REMEMBERED = 400  # pages held in memory at once (a few KB each); a batch hands over one file's pages at a time


def folder() -> Path | None:
    """The cache folder, or None when the cache is off."""
    chosen = os.environ.get("JUESUAN_OCR_CACHE", "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "juesuan" / "ocr"


def _entry(sha256: str, page: int) -> Path | None:
    where = folder()
    return None if where is None else where / sha256[:2] / f"{sha256}-{page}.json"


def load(sha256: str, page: int) -> dict[str, Any] | None:
    """What OCR read on page `page` (1-based) of the file, if it was read before by this version."""
    found = _REMEMBERED.get((sha256, page))
    if found is not None:
        return found
    entry = _entry(sha256, page)
    if entry is None:
        return None
    try:
        read = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # absent, or damaged: read the page again
        return None
    return read if isinstance(read, dict) and read.get("version") == OCR_VERSION else None


def save(sha256: str, page: int, read: dict[str, Any]) -> None:
    """Keeps what OCR read; a cache that cannot be written (read-only, full disk) only costs time later."""
    entry = _entry(sha256, page)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(read, fh, ensure_ascii=False)
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def remember(sha256: str, pages: dict[int, dict[str, Any]]) -> None:
    """Pages recognised elsewhere (another worker, another machine), for this process to use."""
    if len(_REMEMBERED) + len(pages) > _MAX_REMEMBERED:
        _REMEMBERED.clear()
    for page, read in pages.items():
        _REMEMBERED[(sha256, page)] = read


@contextlib.contextmanager
def deferring(defer: bool = True) -> Iterator[None]:
    global _DEFER
    before, _DEFER = _DEFER, defer
    try:
        yield
    finally:
        _DEFER = before


def defer(sha256: str, scanned: list[int]) -> None:
    """Raises PagesToRecognise when pages are deferred and more than one of `scanned` is not read yet."""
    if _DEFER and len(scanned) > 1:
        unread = [n for n in scanned if load(sha256, n) is None]
        if len(unread) > 1:  # one page is not worth a round trip
            raise PagesToRecognise(sha256, unread)

