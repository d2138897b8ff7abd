"""Reading the generator's data from YAML, JSON or an Excel workbook, with one kind of error for all.

Each format is read to plain values; one validation makes the ReportData, and every problem it finds
is one Chinese sentence naming the field by its Chinese label (labels.py), whatever the format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from juesuan.errors import ReadError
from juesuan.generate.inputs import ReportData
from juesuan.generate.labels import place

SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")


def load(path: Path) -> ReportData:
    """The data of a YAML, JSON or .xlsx file; a malformed file is a ReadError listing every problem."""
    if not path.exists():
        raise ReadError(path, "文件不存在")
    if path.is_dir():
        raise ReadError(path, "这是一个文件夹，不是数据文件")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(path, f"不支持的数据文件类型“{suffix or '无扩展名'}”（支持 {' '.join(SUFFIXES)}）")
    if suffix == ".xlsx":
        from juesuan.generate.workbook import read_workbook

        raw = read_workbook(path)
    else:
        raw = _read_yaml(path)
    return validate(path, raw)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark is not None else "文件中"
        raise ReadError(path, f"YAML/JSON 格式错误（{where}）") from None
    except UnicodeDecodeError:
        raise ReadError(path, "数据文件应为 UTF-8 编码") from None
    if not isinstance(raw, dict):
        raise ReadError(path, "数据文件应是一个对象（键值对），见 juesuan template --yaml 生成的模板")
    return raw


def validate(path: Path, raw: dict[str, Any]) -> ReportData:
    try:
        return ReportData.model_validate(raw)
    except ValidationError as exc:
        problems = "；".join(f"{place(e['loc'], raw)}：{_chinese(e)}" for e in exc.errors())
        raise ReadError(path, f"数据不完整或有误：{problems}") from None


def _chinese(error: Any) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    messages = {
        "missing": "缺少此项",
        "extra_forbidden": "不认识的字段",
        "decimal_parsing": "应为数字",
        "decimal_type": "应为数字",
        "decimal_max_digits": "数字位数过多",
        "decimal_max_places": "小数位数过多",
        "finite_number": "应为有限的数字",
        "int_parsing": "应为整数",
        "int_type": "应为整数",
        "int_from_float": "应为整数（不能有小数）",
        "string_type": "应为文字",
        "dict_type": "应为“名称: 数值”的对应表",
        "list_type": "应为列表",
        "model_type": "应为一组字段（键值对）",
        "model_attributes_type": "应为一组字段（键值对）",
        "bool_type": "应为 是/否",
        "greater_than_equal": f"不能小于{ctx.get('ge', '')}",
        "greater_than": f"应大于{ctx.get('gt', '')}",
        "less_than_equal": f"不能大于{ctx.get('le', '')}",
        "less_than": f"应小于{ctx.get('lt', '')}",
        "string_too_long": "文字过长",
        "too_long": "条目过多",
    }
    return messages.get(kind, "取值不符合要求")
