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


# The faces of Chinese official documents (GB/T 9704), each with the installed stand-in that comes last:
# 小标宋 for titles, 仿宋 for the body, 黑体 and 楷体 for headings, 宋体 for tables and page numbers.
OFFICIAL_FACES = {
    "title": ["方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC"],
    "body": ["仿宋_GB2312", "仿宋", "FangSong", "方正仿宋_GBK", "Noto Serif CJK SC"],
    "heading1": ["黑体", "SimHei", "方正黑体_GBK", "Noto Sans CJK SC"],
    "heading2": ["黑体", "SimHei", "方正黑体_GBK", "Noto Sans CJK SC"],
    "heading3": ["楷体_GB2312", "楷体", "KaiTi", "方正楷体_GBK", "Noto Serif CJK SC"],
    "table": ["宋体", "SimSun", "Noto Serif CJK SC"],
}


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    """The font families fontconfig knows (every name a family is listed under), or none without fc-list."""
    import subprocess

    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(name.strip() for line in listed.stdout.splitlines() for name in line.split(",") if name.strip())


def official_face(role: str) -> str:
    """The first installed face for `role`; the last candidate (the setup's Noto face) when none is."""
    candidates = OFFICIAL_FACES[role]
    installed = installed_families()
    return next((face for face in candidates if face in installed), candidates[-1])
