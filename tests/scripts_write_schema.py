"""Lets tests import scripts/write_schema.py, which is not part of the package."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "write_schema", Path(__file__).resolve().parent.parent / "scripts" / "write_schema.py"
)
assert _spec is not None and _spec.loader is not None
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
schema_text = _module.schema_text
input_schema_text = _module.input_schema_text
