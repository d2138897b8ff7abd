"""Organisations across years: names normalised, an alias file for renamed units, region and level.

A report names its organisation as it likes ("中共攀枝花市委办公室", "中共攀枝花市委办公室（本级）"); the
same unit in two years is found by the normalised name, or through the alias file (YAML: 旧名称: 新名称).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

_DROP = re.compile(r"[\s·•]|[（(](?:本级|汇总|部门|单位)[）)]")
_PLACE = r"[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|自治州|州|盟|地区|自治县|县|区|旗)"
_REGION = re.compile(rf"^(?:中共|中国共产党|共青团)?(?P<region>(?:{_PLACE}){{1,3}})")
_LEVELS = (("省", "省级"), ("自治区", "省级"), ("市", "市级"), ("州", "市级"), ("盟", "市级"), ("地区", "市级"),
           ("县", "县级"), ("区", "县级"), ("旗", "县级"))
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")


def normalise(name: str) -> str:
    """The name compared across years: full-width forms folded, spaces and "（本级）" dropped."""
    folded = unicodedata.normalize("NFKC", name[:300])
    return _DROP.sub("", folded).replace("(", "（").replace(")", "）")


def region_and_level(name: str) -> tuple[str | None, str | None]:
    """The place a name starts with ("攀枝花市") and its level, when the name says; else (None, None)."""
    match = _REGION.match(normalise(name))
    if match is None:
        return None, None
    region = match.group("region")
    if region in _MUNICIPALITIES:
        return region, "省级"
    if region.startswith(_MUNICIPALITIES) and region.endswith("区"):
        return region, "县级"  # a district of 北京 上海 天津 重庆 ranks with a county
    level = next((lvl for suffix, lvl in _LEVELS if region.endswith(suffix)), None)
    return region, level


class Aliases:
    """Renamed units: every alias maps to its canonical name (both normalised)."""

    def __init__(self, mapping: dict[str, str] | None = None) -> None:
        self.mapping = {normalise(k): normalise(v) for k, v in (mapping or {}).items()}

    @classmethod
    def load(cls, path: Path | None) -> Aliases:
        if path is None:
            return cls()
        from juesuan.errors import ReadError

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            raise ReadError(path, "别名文件应为 UTF-8 的 YAML，每行“旧名称: 新名称”") from None
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise ReadError(path, "别名文件应为 UTF-8 的 YAML，每行“旧名称: 新名称”")
        return cls(data)

    def key(self, name: str | None) -> str | None:
        if not name:
            return None
        key = normalise(name)
        for _ in range(10):  # a chain of renamings, never a loop
            if key not in self.mapping or self.mapping[key] == key:
                break
            key = self.mapping[key]
        return key
