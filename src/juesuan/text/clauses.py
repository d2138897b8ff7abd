"""Clauses: the parts of a sentence between its commas, semicolons and colons."""

from __future__ import annotations

import re

CLAUSE_MARK = re.compile(r"[，,；;：:]")  # what ends a clause inside a sentence


def clause_start(sentence: str, at: int) -> int:
    """Where the clause of `sentence` that holds offset `at` begins (after the last ，；： before it)."""
    return max((c.end() for c in CLAUSE_MARK.finditer(sentence, 0, at)), default=0)
