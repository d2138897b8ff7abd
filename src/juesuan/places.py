"""How a place in a report is written for a reader: 第N页 for a PDF, 第N行 for a text-like file.

The one module that says it, so the terminal, the HTML page, the spreadsheets and the rules' messages
write places alike. A location with neither page nor line (a document built in memory) is named by
its character offset.
"""

from __future__ import annotations

from juesuan.document import Location


def place(location: Location) -> str:
    """第3页, 第62行, or 第1834字."""
    if location.page is not None:
        return f"第{location.page}页"
    if location.line is not None:
        return f"第{location.line}行"
    return f"第{location.start + 1}字"


def place_or_none(location: Location) -> str:
    """The page or line, or an empty string when the location has neither."""
    return place(location) if location.page is not None or location.line is not None else ""
