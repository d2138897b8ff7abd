"""Writes the JSON Schemas of the extracted model and of the generator's input (tests check they are current).

    python scripts/write_schema.py
"""

from __future__ import annotations

import json
from pathlib import Path

from juesuan.generate.inputs import ReportData
from juesuan.model.disclosure import Disclosure

SCHEMA = Path(__file__).resolve().parent.parent / "schema"
TARGET = SCHEMA / "disclosure.schema.json"
INPUT_TARGET = SCHEMA / "report_data.schema.json"


def schema_text() -> str:
    return json.dumps(Disclosure.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2) + "\n"


def input_schema_text() -> str:
    return json.dumps(ReportData.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    TARGET.write_text(schema_text(), encoding="utf-8")
    INPUT_TARGET.write_text(input_schema_text(), encoding="utf-8")
    print(f"wrote {TARGET} and {INPUT_TARGET}")
