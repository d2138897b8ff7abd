"""Reading the generator's data from YAML, JSON or an Excel workbook, with one kind of error for all.

Each format is read to plain values; one validation makes the ReportData, and every problem it finds
is one Chinese sentence naming the field by its Chinese label (labels.py), whatever the format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError

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
    if path.stat().st_size > MAX_DATA_BYTES:
        raise ReadError(path, f"数据文件过大（上限 {MAX_DATA_BYTES // 2**20} MB），不像一份决算数据")
    if suffix == ".xlsx":
        from juesuan.generate.workbook import read_workbook

        raw = read_workbook(path)
    else:
        raw = _read_yaml(path)
    _check_shape(path, raw)
    return validate(path, raw)


MAX_DATA_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 12  # the data's deepest field is 4 levels down
MAX_VALUES = 200_000  # values counted as validation would visit them (an alias counts each time it is used)


def _check_shape(path: Path, raw: Any) -> None:
    """Refuses data nested deeper than any template, or whose aliases would make validation visit millions
    of values (a YAML "billion laughs"); walked without recursion and stopped at the first excess."""
    stack: list[tuple[Any, int]] = [(raw, 0)]
    seen = 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if depth > MAX_DEPTH:
            raise ReadError(path, f"数据嵌套层数过多（超过 {MAX_DEPTH} 层），请按 juesuan template 生成的模板填写")
        if seen > MAX_VALUES:
            raise ReadError(path, f"数据项过多（超过 {MAX_VALUES:,} 个，或用锚点/别名重复引用），不像一份决算数据")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark is not None else "文件中"
        raise ReadError(path, f"YAML/JSON 格式错误（{where}）") from None
    except UnicodeDecodeError:
        raise ReadError(path, "数据文件应为 UTF-8 编码") from None
    except RecursionError:
        raise ReadError(path, f"数据嵌套层数过多（超过 {MAX_DEPTH} 层），请按 juesuan template 生成的模板填写") from None
    if not isinstance(raw, dict):
        raise ReadError(path, "数据文件应是一个对象（键值对），见 juesuan template --yaml 生成的模板")
    return raw


def validate(path: Path, raw: dict[str, Any]) -> ReportData:
    data, problems = checked(raw)
    if data is None:
        raise ReadError(path, f"数据不完整或有误：{'；'.join(problems)}")
    return data


def checked(raw: dict[str, Any]) -> tuple[ReportData | None, list[str]]:
    """The data, or every field that is missing or of the wrong kind, each named in Chinese."""
    try:
        return ReportData.model_validate(_drop_blanks(ReportData, raw)), []
    except ValidationError as exc:
        return None, [f"{place(e['loc'], raw)}：{_chinese(e)}" for e in exc.errors()]


def _drop_blanks(model: type[BaseModel], raw: dict[str, Any]) -> dict[str, Any]:
    """The data without the optional fields a template left blank (nothing, "" or an empty list or table):
    they take their defaults. A required field left blank stays, to be reported as missing its value."""
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        field = model.model_fields.get(key) if isinstance(key, str) else None
        if field is not None and not field.is_required() and value in (None, "", [], {}):
            continue
        nested = next((a for a in (field.annotation, *get_args(field.annotation)) if isinstance(a, type)
                       and issubclass(a, BaseModel)), None) if field is not None else None
        kept[key] = _drop_blanks(nested, value) if nested is not None and isinstance(value, dict) else value
    return kept


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
