"""Writes schema/disclosure.schema.json from the Disclosure model (tests check it is up to date).

    python scripts/write_schema.py
"""

from __future__ import annotations

import json
from pathlib import Path

from juesuan.model.disclosure import Disclosure

TARGET = Path(__file__).resolve().parent.parent / "schema" / "disclosure.schema.json"


def schema_text() -> str:
    return json.dumps(Disclosure.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    TARGET.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {TARGET}")
