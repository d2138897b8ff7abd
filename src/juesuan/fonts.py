"""The Chinese font charts are drawn in: the Noto CJK faces that the setup installs (fonts-noto-cjk)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_FILES = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
]


@lru_cache(maxsize=1)
def chart_font() -> object:
    """A matplotlib FontProperties of the first installed face."""
    from matplotlib import font_manager

    for path in FONT_FILES:
        if path.exists():
            return font_manager.FontProperties(fname=str(path))
    raise RuntimeError("未找到中文字体（fonts-noto-cjk），请先运行 make setup")
