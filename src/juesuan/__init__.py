"""juesuan: read, check, generate and compare 部门（单位）决算公开报告."""

__version__ = "0.1.0"
