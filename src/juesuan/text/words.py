"""Chinese word boundaries (jieba), for the few rules that must tell a doubled word from two words.

jieba loads its dictionary (about a second) on first use, so it is imported only when a rule meets a
candidate ("会议会议", but also "监测预测预警", where 测预 is not a word)."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

_WINDOW = 10  # characters of context either side: enough for jieba to cut the words around a place


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


_COMMON = 10_000  # jieba's frequency of a word common enough that writing it twice is a slip


def doubled_word(text: str, at: int, size: int) -> bool:
    """Whether text[at:at+size] written twice from `at` is one word twice, not the seam of other words."""
    jieba = _jieba()
    word = text[at : at + size]
    spans = _words(text, max(0, at - _WINDOW), at + 2 * size + _WINDOW)
    bounds = {a for a, _ in spans} | {b for _, b in spans}
    if at + size not in bounds:
        return False  # "监测|预测|预警": a word crosses the seam of the two copies (测预|测预)
    # The second copy is whole ("朝天区|委|区委|办公室", "自|评|自|评"), or a known word begins with it again at the
    # seam: "会议|会议室", "视频会议|会议室".
    starting = next((b for a, b in spans if a == at + size), None)
    return (at + 2 * size in bounds or (bool(jieba.dt.FREQ.get(word)) and starting is not None
                                        and text[at + size : starting].startswith(word))
            # "各项目项目标": the first copy a whole word, the second cut by jieba into 项|目标 — a common word twice
            or ((at, at + size) in spans and jieba.dt.FREQ.get(word, 0) >= _COMMON))


def word_start(text: str, at: int) -> int:
    """Where the word holding text[at] begins ("业务|运行费": from 务 back to 业), for naming a thing in full."""
    return next((a for a, b in _words(text, max(0, at - _WINDOW), at + _WINDOW) if b > at), at)


def _words(text: str, first: int, stop: int) -> list[tuple[int, int]]:
    """The (start, end) in `text` of each word jieba cuts text[first:stop] into."""
    spans, offset = [], first
    for token in _jieba().cut(text[first:stop], HMM=False):
        spans.append((offset, offset + len(token)))
        offset += len(token)
    return spans

