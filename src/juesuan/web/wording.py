"""Messages written for the command line, said for the web: advice about options a web user does not have."""

from __future__ import annotations

import re

_COMMAND_LINE = ((re.compile(r"[（(]确需\S{2,4}可加 --large 放宽上限[）)]"), ""),
                 (re.compile(r"juesuan template(?: --(?:yaml|xlsx))?"), "“生成报告”页上下载的模板"))


def for_the_web(message: str) -> str:
    """A reader's or loader's message without the command-line advice a web user cannot follow."""
    for pattern, instead in _COMMAND_LINE:
        message = pattern.sub(instead, message)
    return message
