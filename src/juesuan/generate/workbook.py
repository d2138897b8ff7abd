"""The generator's data as an Excel workbook and as a YAML template, both with Chinese instructions.

The workbook has one sheet of single values (字段 | 值 | 说明, the 字段 being the data's field path), one
sheet for each list (收入, 支出, 项级科目, 名单, 车辆, 名词解释) and a sheet of instructions. Reading it back
gives the same ReportData a YAML file would.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from juesuan.errors import ReadError
from juesuan.generate.inputs import LineItem, ReportData
from juesuan.limits import check_zip

LIST_SHEETS = {
    "income_sources": ("收入", ["收入名称（如 一般公共预算财政拨款收入）", "金额（万元）"]),
    "expenditure_kinds": ("支出", ["支出名称（如 基本支出）", "金额（万元）"]),
    "glossary": ("名词解释", ["名词", "解释"]),
}
NAME_LISTS = {"overview.units": "纳入决算的单位", "personnel_names": "人员经费主要包括", "public_names": "公用经费主要包括"}
VEHICLE_LISTS = {"three_public.vehicles_bought": "本年购置（按车型）", "three_public.vehicles_held": "年末保有（按车型）",
                 "state_assets.vehicles_by_use": "车辆（按用途）"}
SKIPPED = {"income_sources", "expenditure_kinds", "glossary", "items", "personnel_items", "public_items",
           "overview.units", "personnel_names", "public_names", *VEHICLE_LISTS}
INSTRUCTIONS = [
    "本工作簿是 juesuan generate 的输入：填写本年度决算的源数据，报告中的占比、增减率、完成率、合计和措辞都由程序计算。",
    "金额一律以“万元”为单位，保留两位小数；上年数用于计算与上年相比的增减；本年数与上年数不同时必须填写原因。",
    "“基本信息”表每行一个字段：只改“值”一列，不要改“字段”一列。",
    "“项级科目”表每行一个一般公共预算财政拨款支出的项：编码为7位功能分类科目编码；决算数与预算数不同时必须填写原因。",
    "“收入”“支出”“名单”“车辆”“名词解释”表可增删行。",
    "生成：juesuan generate 本文件.xlsx --layout sichuan --out 报告.docx（或 .html .md .pdf；上海格式用 --layout shanghai）。",
]
ITEM_COLUMNS = list(LineItem.model_fields)


def _scalars(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str]]:
    """(field path, description) of every single value, nested models flattened."""
    found: list[tuple[str, str]] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if path in SKIPPED:
            continue
        annotation = info.annotation
        inner = [a for a in get_args(annotation) if isinstance(a, type)] or [annotation]
        nested = next((a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if nested is not None and get_origin(annotation) not in (list, dict):
            found += _scalars(nested, f"{path}.")
        elif get_origin(annotation) not in (list, dict):
            found.append((path, info.description or ""))
    return found


def write_template(target: Path, data: ReportData | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    values: dict[str, Any] = data.model_dump(mode="json") if data else {}
    book = Workbook()
    sheet = book.active
    sheet.title = "说明"
    for line in INSTRUCTIONS:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 120
    sheet = book.create_sheet("基本信息")
    sheet.append(["字段", "值", "说明"])
    for path, description in _scalars(ReportData):
        sheet.append([path, _get(values, path), description])
    for column, width in (("A", 40), ("B", 60), ("C", 50)):
        sheet.column_dimensions[column].width = width
    for field, (title, header) in LIST_SHEETS.items():
        sheet = book.create_sheet(title)
        sheet.append(header)
        entries = values.get(field) or {}
        rows = entries.items() if isinstance(entries, dict) else [(e["term"], e["definition"]) for e in entries]
        for key, value in rows:
            sheet.append([key, value])
    sheet = book.create_sheet("项级科目")
    sheet.append([LineItem.model_fields[c].description or c for c in ITEM_COLUMNS])
    sheet.append(ITEM_COLUMNS)
    for item in values.get("items", []):
        sheet.append([item.get(c) for c in ITEM_COLUMNS])
    sheet = book.create_sheet("名单")
    sheet.append(["字段", "名称"])
    for path, label in NAME_LISTS.items():
        for name in _get(values, path) or []:
            sheet.append([path, name])
        if not values:
            sheet.append([path, f"（{label}，每行一个）"])
    sheet = book.create_sheet("车辆")
    sheet.append(["字段", "车型或用途", "数量（辆）"])
    for path, label in VEHICLE_LISTS.items():
        for kind, count in (_get(values, path) or {}).items():
            sheet.append([path, kind, count])
        if not values:
            sheet.append([path, f"（{label}）", 0])
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
    book.save(str(target))


def _get(values: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(values, dict):
            return None
        values = values.get(part)  # type: ignore[assignment]
    return values


def _set(values: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        inner = values.get(part)
        if not isinstance(inner, dict):  # a field written both as a value and as a group: the group wins
            inner = values[part] = {}
        values = inner
    values[parts[-1]] = value


def read_workbook(path: Path) -> dict[str, Any]:
    """The workbook's values as plain data; generate.data_files validates them like a YAML file's."""
    from openpyxl import load_workbook as open_book

    check_zip(path, "Excel 工作簿")
    try:
        book = open_book(str(path), read_only=True, data_only=True)
    except Exception:
        raise ReadError(path, "Excel 文件已损坏或不是 .xlsx 工作簿") from None
    try:
        return _values(book)
    except KeyError as exc:
        raise ReadError(path, f"工作簿缺少工作表 {exc}，请用 juesuan template --xlsx 生成的模板填写") from None
    except Exception as exc:  # a sheet cut short or damaged inside: openpyxl fails while reading its rows
        raise ReadError(path, f"Excel 工作簿内容已损坏，无法读出（{type(exc).__name__}）") from None


def _rows(sheet: Any, first: int, width: int) -> list[tuple[Any, ...]]:
    """The sheet's rows from `first`, each cut or padded to `width` cells: a column added or missing in a
    row does not move the others."""
    return [(tuple(r) + (None,) * width)[:width] for r in sheet.iter_rows(min_row=first, values_only=True)]


def _values(book: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    rows = _rows(book["基本信息"], 2, 2)
    for path_cell, value in rows:
        if path_cell and value not in (None, ""):
            _set(data, str(path_cell), _text(value))
    for field, (title, _) in LIST_SHEETS.items():
        entries = [r for r in _rows(book[title], 2, 2) if r[0] not in (None, "")]
        if field == "glossary":
            data[field] = [{"term": str(r[0]), "definition": str(r[1] or "")} for r in entries]
        else:
            data[field] = {str(r[0]): _text(r[1]) for r in entries}
    item_rows = _rows(book["项级科目"], 3, len(ITEM_COLUMNS))
    data["items"] = [{c: _text(v) for c, v in zip(ITEM_COLUMNS, r, strict=True) if v not in (None, "")}
                     for r in item_rows if r[0] not in (None, "")]
    for path_cell, name in _rows(book["名单"], 2, 2):
        if path_cell and name and not str(name).startswith("（"):
            current = _get(data, str(path_cell)) or []
            _set(data, str(path_cell), [*current, str(name)])
    for path_cell, kind, count in _rows(book["车辆"], 2, 3):
        if path_cell and kind and not str(kind).startswith("（"):
            current = _get(data, str(path_cell)) or {}
            _set(data, str(path_cell), {**current, str(kind): _text(count) if count not in (None, "") else 0})
    return data


def _text(value: Any) -> Any:
    """Numbers from Excel arrive as float: take them as the decimal they were typed as."""
    if isinstance(value, float):
        return str(Decimal(repr(value)))
    if isinstance(value, int):
        return str(value)
    return value
