"""Telling a text that is cut off: it ends mid-sentence, or its contents list parts its body never reaches.

Most texts found on the web are the first pages of a report, or one page of it. The checker must not
call "missing" what lies past the cut, nor a sum wrong whose list of parts the cut shortened.
"""

from __future__ import annotations

import re

from juesuan.document import BlockKind, Document
from juesuan.outline.catalogue import title_key
from juesuan.outline.contents import ContentsEntry
from juesuan.outline.sections import Section
from juesuan.text.headings import is_heading_line

# How a finished paragraph, a signature or a date may end (a list that stops at "；" or "：" goes on).
_FINISHED = re.compile(r"[。！？!?）)」”\"》】\]…]$|[年月日]$|^.{0,25}$")


def truncation(document: Document, sections: list[Section], contents: list[ContentsEntry]) -> str | None:
    """Why the text looks cut off (a Chinese sentence), or None when it looks whole."""
    body = [s for s in sections for s in s.walk()]
    if contents and not body:
        return "只有目录，正文缺失"
    parts = {title_key(s.title) for s in body if s.level == 1}
    listed = [e for e in contents if e.level == 1 and e.kind]
    after_body = [e for e in listed if title_key(e.title) not in parts]
    last = _last_text(document)
    if last is not None:
        if is_heading_line(last) and not re.search(r"表$|无数据|空表", re.sub(r"[（(][^）)]*[）)]$", "", last)):
            return f"文本在标题“{last[:30]}”之后结束，其下内容缺失"
        if not _FINISHED.search(last):
            return f"文本在句中结束（“…{last[-15:]}”）"
    if body and after_body and len(after_body) < len(listed):
        return f"目录所列的“{after_body[0].title}”在正文中没有出现，后面的页面可能缺失"
    return None


def _last_text(document: Document) -> str | None:
    for block in reversed(document.blocks):
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            text = document.normalized[block.location.start : block.location.end].strip()
            if text:
                return text.rsplit("\n", 1)[-1].strip()
        elif block.kind is BlockKind.TABLE:
            return None  # a report that ends in its tables is not judged by its last line
    return None
