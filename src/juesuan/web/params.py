"""The bounds of what a URL may carry: ids and page numbers a database can hold, years a report can have,
search words of a sane length (SQLite refuses a LIKE pattern over 50,000 characters). A value outside them
is a 422 with its Chinese name and why (errors.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Path, Query

MAX_ID = 2**31 - 1
ReportId = Annotated[int, Path(ge=1, le=MAX_ID, description="报告编号")]
PageNumber = Annotated[int, Path(ge=1, le=100_000, description="页码（从 1 起）")]
YearQuery = Annotated[int | None, Query(ge=1990, le=2100, description="年度")]
Words = Annotated[str | None, Query(max_length=200, description="名称的一部分")]
FIRST_YEAR, LAST_YEAR = 1990, 2100

NAMES = {"files": "文件", "file": "文件", "data": "数据文件", "report_id": "报告编号", "number": "页码", "page": "页码",
         "year": "年度", "org": "单位", "region": "地区", "limit": "条数", "offset": "起始位置", "wait": "是否等待（wait）",
         "token": "令牌", "name": "单位名称", "fmt": "格式", "layout": "版式", "severity": "级别", "rule": "规则",
         "sort": "排序", "job_id": "任务编号", "ids": "任务编号", "finding": "问题编号", "errors": "只看有错误的"}
WHY = {"missing": "缺少", "int_parsing": "应为整数", "int_from_float": "应为整数", "greater_than_equal": "超出范围",
       "less_than_equal": "超出范围", "string_too_long": "太长", "bool_parsing": "应为 true 或 false"}


def year_of(text: str) -> int | None:
    """A year typed in a search form: empty is none, anything else must be a year."""
    if not text.strip():
        return None
    if text.strip().isdigit() and FIRST_YEAR <= int(text.strip()) <= LAST_YEAR:
        return int(text.strip())
    raise HTTPException(422, f"年度“{text[:20]}”无效：应为 {FIRST_YEAR}—{LAST_YEAR} 之间的年份")


def words(text: str, what: str) -> str:
    if len(text) > 200:
        raise HTTPException(422, f"{what}太长（最多 200 字）")
    return text.strip()
