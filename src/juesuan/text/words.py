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


def doubled_word(text: str, at: int, size: int) -> bool:
    """Whether text[at:at+size] written twice from `at` is one word twice, not the seam of other words."""
    jieba = _jieba()
    word = text[at : at + size]
    if not jieba.dt.FREQ.get(word):
        return False
    first = max(0, at - _WINDOW)
    boundaries, offset = set(), first
    for token in jieba.cut(text[first : at + 2 * size + _WINDOW], HMM=False):
        boundaries.add(offset)
        offset += len(token)
    return at in boundaries and at + size in boundaries
