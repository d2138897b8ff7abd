"""The generator's data as an Excel workbook and as a YAML template, both with Chinese instructions.

The workbook has one sheet of single values (项目 | 值 | 说明, and the data's field path in a hidden fourth
column), one sheet for each list (收入, 支出, 项级科目, 经济分类, 名单, 车辆, 名词解释), a sheet of instructions and
a hidden sheet of the classification's codes that the code columns offer as drop-down lists. A clerk sees
Chinese only. Reading it back gives the same ReportData a YAML file would; workbooks made by older versions
(字段 | 值 | 说明, no 经济分类 sheet) are still read.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from juesuan.classification import economic_subjects, function_subjects
from juesuan.errors import ReadError
from juesuan.generate.inputs import LineItem, ReportData
from juesuan.generate.labels import LABELS, place
from juesuan.limits import check_zip

LIST_SHEETS = {
    "income_sources": ("收入", ["收入名称（如 一般公共预算财政拨款收入）", "金额（万元）"]),
    "expenditure_kinds": ("支出", ["支出名称（如 基本支出）", "金额（万元）"]),
    "glossary": ("名词解释", ["名词", "解释"]),
}
NAME_LISTS = {"overview.units": "纳入决算的单位", "personnel_names": "人员经费主要包括", "public_names": "公用经费主要包括"}
VEHICLE_LISTS = {"three_public.vehicles_bought": "本年购置（按车型）", "three_public.vehicles_held": "年末保有（按车型）",
                 "state_assets.vehicles_by_use": "车辆（按用途）"}
SKIPPED = {"income_sources", "expenditure_kinds", "glossary", "items", "fund_items", "capital_items", "other_items", "personnel_items", "public_items",
           "overview.units", "overview.unit_remarks", "personnel_names", "public_names", "performance.ratings",
           *VEHICLE_LISTS}
INSTRUCTIONS = [
    "本工作簿是 juesuan generate 的输入：填写本年度决算的源数据，报告中的占比、增减率、完成率、合计和措辞都由程序计算。",
    "金额一律以“万元”为单位，保留两位小数；上年数用于计算与上年相比的增减；本年数与上年数不同时必须填写原因。",
    "“基本信息”表每行一个字段：只改“值”一列，不要改“字段”一列。",
    "“项级科目”表每行一个一般公共预算财政拨款支出的项：科目编码为7位功能分类科目编码（可从下拉列表选择）；决算数与预算数不同时必须填写原因。",
    "“绩效项目”“绩效指标”“评分表”表可不填（四川格式的附件）：每个项目一行，有绩效评价报告的填写基本情况、绩效情况和评价结论；指标和评分表每行写明项目名称。",
    "“政府性基金项级科目”表：有政府性基金预算财政拨款支出时，每行填一个项（填法同“项级科目”），各项之和应等于政府性基金预算财政拨款支出。",
    "“其他资金项级科目”表：财政拨款以外的资金（事业收入、其他收入等）安排的支出，每行一个项，各项之和应等于本年支出合计减去各项财政拨款支出。",
    "“经济分类”表可不填：填写时每行一个人员经费或公用经费的经济分类款（5位编码，可从下拉列表选择），各款之和应等于人员经费、公用经费。",
    "“收入”“支出”“经济分类”“名单”“车辆”“名词解释”表可增删行；不需要的可选项留空即可。",
    "生成：juesuan generate 本文件.xlsx --layout sichuan --out 报告.docx（或 .html .md .pdf；上海格式用 --layout shanghai）。",
]
ITEM_COLUMNS = list(LineItem.model_fields)
ITEM_SHEETS = {"items": "项级科目", "fund_items": "政府性基金项级科目", "capital_items": "国有资本经营预算项级科目",
               "other_items": "其他资金项级科目"}
ECONOMIC_KINDS = {"personnel_items": "人员经费", "public_items": "公用经费"}
CODES_SHEET = "科目编码"  # hidden: the lists the drop-downs offer


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
    codes = _codes_sheet(book)
    sheet = book.create_sheet("基本信息", 1)
    sheet.append(["项目", "值", "说明", "字段"])
    for path, description in _scalars(ReportData):
        sheet.append([place(path.split(".")), _get(values, path), description, path])
        if path == "meta.kind":
            _choices(sheet, f"B{sheet.max_row}", '"部门决算,单位决算"')
    for column, width in (("A", 40), ("B", 60), ("C", 50)):
        sheet.column_dimensions[column].width = width
    sheet.column_dimensions["D"].hidden = True  # the field path, for reading back: not for the clerk
    for field, (title, header) in LIST_SHEETS.items():
        sheet = book.create_sheet(title)
        sheet.append(header)
        entries = values.get(field) or {}
        rows = entries.items() if isinstance(entries, dict) else [(e["term"], e["definition"]) for e in entries]
        for key, value in rows:
            sheet.append([key, value])
    for field, title in ITEM_SHEETS.items():
        sheet = book.create_sheet(title)
        sheet.append([LABELS.get(c, c) + (f"（{LineItem.model_fields[c].description}）"
                                           if LineItem.model_fields[c].description else "") for c in ITEM_COLUMNS])
        sheet.append(ITEM_COLUMNS)
        sheet.row_dimensions[2].hidden = True  # the field names, for reading back
        for item in values.get(field, []):
            sheet.append([item.get(c) for c in ITEM_COLUMNS])
        _choices(sheet, "A3:A500", f"{codes}!$A$2:$A${len(_function_items()) + 1}")
    sheet = book.create_sheet("经济分类")
    sheet.append(["类别（人员经费或公用经费）", "经济分类科目编码（5位，如30101）", "科目名称", "金额（万元）"])
    for field, kind in ECONOMIC_KINDS.items():
        for entry in values.get(field, []):
            sheet.append([kind, entry["code"], entry["name"], entry["amount"]])
    _choices(sheet, "A2:A500", f'"{",".join(ECONOMIC_KINDS.values())}"')
    _choices(sheet, "B2:B500", f"{codes}!$C$2:$C${len(_economic_items()) + 1}")
    for column, width in (("A", 26), ("B", 30), ("C", 30), ("D", 16)):
        sheet.column_dimensions[column].width = width
    _project_sheets(book, values)
    sheet = book.create_sheet("绩效评级")
    sheet.append(["等级（优、良、合格、不合格）", "项目数"])
    for grade, count in (_get(values, "performance.ratings") or {}).items():
        sheet.append([grade, count])
    sheet = book.create_sheet("名单")
    sheet.append(["名单", "名称", "备注（纳入决算的单位可填，如 预算不单列，并入本级）"])
    remarks = _get(values, "overview.unit_remarks") or {}
    for path, label in NAME_LISTS.items():
        for name in _get(values, path) or []:
            sheet.append([label, name, remarks.get(name) if path == "overview.units" else None])
        if not values:
            sheet.append([label, "（每行一个）"])
    sheet = book.create_sheet("车辆")
    sheet.append(["名单", "车型或用途", "数量（辆）"])
    for path, label in VEHICLE_LISTS.items():
        for kind, count in (_get(values, path) or {}).items():
            sheet.append([label, kind, count])
        if not values:
            sheet.append([label, "（车型或用途）", 0])
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
    book.save(str(target))


PROJECT_COLUMNS = ["name", "unit", "budget", "executed", "goal", "achieved"]
EVALUATION_COLUMNS = ["background", "results", "conclusion"]
INDICATOR_COLUMNS = ["level1", "level2", "level3", "target", "actual"]
SCORE_COLUMNS = ["level1", "level2", "level3", "weight", "score"]


def _project_sheets(book: Any, values: dict[str, Any]) -> None:
    """绩效项目 (one a row, with its evaluation report's prose), 绩效指标 and 评分表 (rows named by project)."""
    projects = (values.get("performance") or {}).get("projects") or []
    sheet = book.create_sheet("绩效项目")
    sheet.append([LABELS[c] for c in PROJECT_COLUMNS + EVALUATION_COLUMNS])
    for project in projects:
        evaluation = project.get("evaluation") or {}
        sheet.append([project.get(c) for c in PROJECT_COLUMNS] + [evaluation.get(c) for c in EVALUATION_COLUMNS])
    for title, field, columns in (("绩效指标", "indicators", INDICATOR_COLUMNS), ("评分表", "scores", SCORE_COLUMNS)):
        sheet = book.create_sheet(title)
        sheet.append(["项目名称", *(LABELS[c] for c in columns)])
        for project in projects:
            rows = project.get(field) or ((project.get("evaluation") or {}).get(field) or [])
            for row in rows:
                sheet.append([project["name"], *(row.get(c) for c in columns)])


def _read_projects(book: Any) -> list[dict[str, Any]]:
    if "绩效项目" not in book.sheetnames:  # an older workbook
        return []
    projects: dict[str, dict[str, Any]] = {}
    for row in _rows(book["绩效项目"], 2, len(PROJECT_COLUMNS) + len(EVALUATION_COLUMNS)):
        if row[0] in (None, ""):
            continue
        project = {c: _text(v) for c, v in zip(PROJECT_COLUMNS, row, strict=False) if v not in (None, "")}
        prose = {c: _text(v) for c, v in zip(EVALUATION_COLUMNS, row[len(PROJECT_COLUMNS):], strict=True)
                 if v not in (None, "")}
        if prose:
            project["evaluation"] = {**prose, "scores": []}
        projects[str(row[0])] = project
    for title, columns in (("绩效指标", INDICATOR_COLUMNS), ("评分表", SCORE_COLUMNS)):
        for row in _rows(book[title], 2, len(columns) + 1):
            project = projects.get(str(row[0]))
            if project is None:
                continue
            entry = {c: _text(v) for c, v in zip(columns, row[1:], strict=True) if v not in (None, "")}
            if title == "绩效指标":
                project.setdefault("indicators", []).append(entry)
            elif "evaluation" in project:
                project["evaluation"]["scores"].append(entry)
    return list(projects.values())


def _function_items() -> list[tuple[str, str]]:
    return sorted({(s.code, s.name) for s in function_subjects() if s.level == "项"})


def _economic_items() -> list[tuple[str, str]]:
    return sorted({(s.code, s.name) for s in economic_subjects() if len(s.code) == 5})


def _codes_sheet(book: Any) -> str:
    """A hidden sheet: 项 codes with their names (A, B) and 经济分类 款 codes with theirs (C, D)."""
    sheet = book.create_sheet(CODES_SHEET)
    sheet.append(["功能分类项编码", "名称", "经济分类款编码", "名称"])
    functions, economic = _function_items(), _economic_items()
    for n in range(max(len(functions), len(economic))):
        f = functions[n] if n < len(functions) else ("", "")
        e = economic[n] if n < len(economic) else ("", "")
        sheet.append([*f, *e])
    sheet.sheet_state = "hidden"
    return CODES_SHEET


def _choices(sheet: Any, cells: str, source: str) -> None:
    """A drop-down list on `cells`; a value not in it is still accepted (a code the catalogue lacks), with a
    warning, so that a new subject can be typed in."""
    from openpyxl.worksheet.datavalidation import DataValidation

    check = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                           errorStyle="warning", errorTitle="不在列表中", error="该值不在列表中，确认无误可继续。")
    sheet.add_data_validation(check)
    check.add(cells)


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
    first = next(book["基本信息"].iter_rows(max_row=1, values_only=True), ())
    if first and first[0] == "字段":  # an older workbook: the field path in the first column
        rows = [(path, value) for path, value in _rows(book["基本信息"], 2, 2)]
    else:
        rows = [(path, value) for _, value, _, path in _rows(book["基本信息"], 2, 4)]
    for path_cell, value in rows:
        if path_cell and value not in (None, ""):
            _set(data, str(path_cell), _text(value))
    for field, (title, _) in LIST_SHEETS.items():
        entries = [r for r in _rows(book[title], 2, 2) if r[0] not in (None, "")]
        if field == "glossary":
            data[field] = [{"term": str(r[0]), "definition": str(r[1] or "")} for r in entries]
        else:
            data[field] = {str(r[0]): _text(r[1]) for r in entries}
    for field, title in ITEM_SHEETS.items():
        if title not in book.sheetnames:  # an older workbook: no 政府性基金 sheet
            continue
        item_rows = _rows(book[title], 3, len(ITEM_COLUMNS))
        data[field] = [{c: _text(v) for c, v in zip(ITEM_COLUMNS, r, strict=True) if v not in (None, "")}
                       for r in item_rows if r[0] not in (None, "")]
    if "经济分类" in book.sheetnames:
        fields = {kind: field for field, kind in ECONOMIC_KINDS.items()}
        for kind, code, name, amount in _rows(book["经济分类"], 2, 4):
            if kind in (None, "") and code in (None, ""):
                continue
            entry = {"code": _text(code), "name": str(name or ""), "amount": _text(amount)}
            # 类别 left blank: 301 and 303 are 人员经费, the others (302, 310 …) 公用经费
            guessed = "personnel_items" if str(code or "").startswith(("301", "303")) else "public_items"
            data.setdefault(fields.get(str(kind or ""), guessed), []).append(entry)
    labels = {**{label: path for path, label in NAME_LISTS.items()}, **{label: path for path, label in VEHICLE_LISTS.items()}}
    for path_cell, name, remark in _rows(book["名单"], 2, 3):
        path = labels.get(str(path_cell), path_cell)
        if path and name and not str(name).startswith("（"):
            current = _get(data, str(path)) or []
            _set(data, str(path), [*current, str(name)])
            if path == "overview.units" and remark not in (None, ""):
                _set(data, "overview.unit_remarks", {**(_get(data, "overview.unit_remarks") or {}), str(name): str(remark)})
    for path_cell, kind, count in _rows(book["车辆"], 2, 3):
        path = labels.get(str(path_cell), path_cell)
        if path and kind and not str(kind).startswith("（"):
            current = _get(data, str(path)) or {}
            _set(data, str(path), {**current, str(kind): _text(count) if count not in (None, "") else 0})
    if "绩效评级" in book.sheetnames:  # newer workbooks only
        ratings = {str(g): _text(n) for g, n in _rows(book["绩效评级"], 2, 2) if g not in (None, "") and n not in (None, "")}
        if ratings:
            _set(data, "performance.ratings", ratings)
    projects = _read_projects(book)
    if projects:
        _set(data, "performance.projects", projects)
    for path in VEHICLE_LISTS:  # a list left empty is an empty list (no vehicles), as in YAML
        if _get(data, path) is None:
            _set(data, path, {})
    return data


def _text(value: Any) -> Any:
    """Numbers from Excel arrive as float: take them as the decimal they were typed as."""
    if isinstance(value, float):
        return str(Decimal(repr(value)))
    if isinstance(value, int):
        return str(value)
    return value
