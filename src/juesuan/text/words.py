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
    spans, offset = [], first
    for token in jieba.cut(text[first : at + 2 * size + _WINDOW], HMM=False):
        spans.append((offset, offset + len(token)))
        offset += len(token)
    # The word ends a token at the seam and the next token begins with it again: "会议|会议室" and also
    # "视频会议|会议室"; "监测|预测|预警" has no seam inside 测预测预.
    ending = next((b for a, b in spans if a <= at < b), None)
    starting = next((b for a, b in spans if a == at + size), None)
    if ending == at + size and starting is not None and text[at + size : starting].startswith(word):
        return True
    # a known word that the segmenter splits in both copies alike ("本|年|本|年"): the copies still meet at a seam
    bounds = {a for a, _ in spans} | {b for _, b in spans}
    return {at, at + size, at + 2 * size} <= bounds and all(b - a == 1 for a, b in spans if at <= a < at + 2 * size)
