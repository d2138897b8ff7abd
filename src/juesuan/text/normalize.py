"""One-to-one normalisation: full-width forms to their ASCII twins, traditional to simplified characters.

Because the mapping never changes the length, an offset into the normalised text is an offset into
the original, so findings located on normalised text point at the right place in the source, and
quotes are taken from the text as written (traditional characters included).
"""

from __future__ import annotations

import re
from functools import cache

_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # ！..～ -> !..~
_TABLE[0x3000] = 0x20  # ideographic space
_TABLE[0x00A0] = 0x20  # no-break space

# Frequent characters that only traditional script uses (their simplified forms differ). A text without
# any of them is left alone, so simplified reports pay one regex scan and nothing else.
_TRADITIONAL = re.compile(
    "[們個會說財經費資產門對與總將這過從還區縣書後進開關機構臺為無萬號設務體國發當實際於結餘轉決報劃撥"
    "預算單價級辦職責況據購車輛標準營運維護礎審計議題編規範類項]"
)


@cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc  # imported only for traditional texts: it loads its dictionaries on first use

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    return _TRADITIONAL.search(text) is not None


def simplify(text: str) -> str:
    """Traditional characters to simplified ones, keeping the length (line by line where a phrase changes it)."""
    if not is_traditional(text):
        return text
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        new = converter.convert(line)
        lines.append(new if len(new) == len(line) else "".join(
            c if len(c := converter.convert(ch)) == 1 else ch for ch in line))
    return "\n".join(lines)


def normalize(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII, traditional characters to simplified;
    the result has the same length."""
    return simplify(text.translate(_TABLE))
