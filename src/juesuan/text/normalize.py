"""One-to-one normalisation: full-width forms to their ASCII twins, character for character.

Because the mapping never changes the length, an offset into the normalised text is an offset into
the original, so findings located on normalised text point at the right place in the source.
"""

from __future__ import annotations

_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # ！..～ -> !..~
_TABLE[0x3000] = 0x20  # ideographic space
_TABLE[0x00A0] = 0x20  # no-break space


def normalize(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII; the result has the same length."""
    return text.translate(_TABLE)
