"""A blank YAML data file with a Chinese comment on every field."""

from __future__ import annotations

from pathlib import Path
from typing import get_args, get_origin

from pydantic import BaseModel

from juesuan.generate.inputs import ReportData

HEADER = """# juesuan 决算报告数据模板（YAML）。填写后运行：juesuan generate 本文件 --layout sichuan --out 报告.docx
# 金额单位为万元，写两位小数；占比、增减率、完成率、合计和措辞都由程序计算，不要填写。
# 本年数与上年数不同时必须在 reason 中写明原因；项级科目的决算数与预算数不同时也必须写明原因。
"""


def _lines(model: type[BaseModel], indent: int) -> list[str]:
    lines: list[str] = []
    pad = "  " * indent
    for name, info in model.model_fields.items():
        note = f"  # {info.description}" if info.description else ""
        annotation = info.annotation
        args = [a for a in get_args(annotation) if isinstance(a, type)]
        nested = next((a for a in [annotation, *args] if isinstance(a, type) and issubclass(a, BaseModel)), None)
        origin = get_origin(annotation)
        if origin is list:
            element = get_args(annotation)[0]
            if isinstance(element, type) and issubclass(element, BaseModel):
                lines.append(f"{pad}{name}:{note}")
                sub = _lines(element, indent + 2)
                lines.append(f"{pad}  - {sub[0].strip()}")
                lines += sub[1:]
            else:
                lines.append(f"{pad}{name}: []{note}")
        elif origin is dict:
            lines.append(f"{pad}{name}: {{}}{note}")
        elif nested is not None:
            lines.append(f"{pad}{name}:{note}")
            lines += _lines(nested, indent + 1)
        else:
            default = info.default if info.default is not None and not info.is_required() else ""
            lines.append(f"{pad}{name}: {default if default != '' else ''}{note}".replace(": " + "  #", ":  #"))
    return lines


def write_yaml_template(target: Path) -> None:
    target.write_text(HEADER + "\n".join(_lines(ReportData, 0)) + "\n", encoding="utf-8")
