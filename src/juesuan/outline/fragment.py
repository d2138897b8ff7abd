"""Telling a text that is cut off: it ends mid-sentence, or its contents list parts its body never reaches; or it
starts at an item past the first of its list with no title before it (a page from the middle of a report).

Most texts found on the web are the first pages of a report, or one page of it. The checker must not
call "missing" what lies past the cut, nor a sum wrong whose list of parts the cut shortened.
"""

from __future__ import annotations

import re

from juesuan.document import BlockKind, Document
from juesuan.outline.catalogue import title_key
from juesuan.outline.contents import ContentsEntry
from juesuan.outline.sections import Section
from juesuan.text.headings import PART, is_heading_line, numbering

# How a finished paragraph, a signature or a date may end (a list that stops at "；" or "：" goes on).
# A date ends with a numeral and 年, 月 or 日 ("2021年9月30日", "二〇二一年九月"); "…较上年" is cut mid-sentence.
# A short line is a signature or a date, unless a sentence stops inside it ("1.总体情况。2021年度收入总").
_FINISHED_SENTENCE = re.compile(r"[。！？!?）)」”\"》】\]…]$|[\d〇零一二三四五六七八九十][年月日]$|日$")
_FINISHED = re.compile(_FINISHED_SENTENCE.pattern + r"|^[^。！？!?，,；;]{0,25}$")


def truncation(document: Document, sections: list[Section], contents: list[ContentsEntry]) -> str | None:
    """Why the text looks cut off (a Chinese sentence), or None when it looks whole."""
    body = [s for s in sections for s in s.walk()]
    if contents and not body:
        return "只有目录，正文缺失"
    parts = {title_key(s.title) for s in body if s.level == 1}
    kinds = {s.kind for s in body if s.level == 1 and s.kind not in (None, "part")}
    listed = [e for e in contents if e.level == 1 and e.kind]
    # a part is there under its title, or as the part of that kind written otherwise (the Shanghai template's body
    # titles its tables "上海市XX局2024年度部门决算表", without the contents' "第二部分")
    after_body = [e for e in listed if title_key(e.title) not in parts and e.kind not in kinds]
    last = _last_text(document)
    if last is not None:
        if is_heading_line(last) and not re.search(r"表$|无数据|空表", re.sub(r"[（(][^）)]*[）)]$", "", last)):
            return f"文本在标题“{last[:30]}”之后结束，其下内容缺失"
        if (not _FINISHED.search(last) or (_OPEN_END.search(last) is None and _opens_a_list(document))
                or _CUT_AFTER_COLON.search(last) or _cut_list_item(document) or _cut_under_heading(document)):
            return f"文本在句中结束（“…{last[-15:]}”）"
    if body and after_body and len(after_body) < len(listed):
        return f"目录所列的“{after_body[0].title}”在正文中没有出现，后面的页面可能缺失"
    return None


# "2、本办二层机构事业单位管理登记局主要职责:依": a line of some length cut a character or two after its colon (not
# "联系人：张三", not a date or a number).
_CUT_AFTER_COLON = re.compile(r"^.{13,}[：:]\s*[\u4e00-\u9fff]{1,2}$")
# A short last line is finished (a signature, a date) unless the line before it opened a list ("其中：").
_OPEN_END = re.compile(r"[。！？!?；;]$")


def _last_lines(document: Document) -> list[str]:
    """The text's last lines that have something on them (from its last 2,000 characters)."""
    text = document.normalized[max(0, len(document.normalized) - 2000) :]
    return [line.strip() for line in text.split("\n") if line.strip()]


def _opens_a_list(document: Document) -> bool:
    """The text's last two lines: the one before the last ends with a colon or a comma."""
    lines = _last_lines(document)
    return len(lines) >= 2 and lines[-2][-1:] in "：:，,、"


def _cut_list_item(document: Document) -> bool:
    """The last line is the next item of a list of sentences, cut after a few characters ("1.社会保障和就业(类)…支出
    决算为67.64万元，完成预算89.53%。" then "2.卫生", or "2.公务接待费支出决算2.26万")."""
    lines = _last_lines(document)
    if len(lines) < 2 or len(lines[-1]) > 25 or _OPEN_END.search(lines[-1]) or len(lines[-2]) <= 30:
        return False
    last, before = numbering(lines[-1]), numbering(lines[-2])
    return (last is not None and before is not None and last.level == before.level and last.number == before.number + 1
            and lines[-2].endswith(("。", "；", ";")))


def _cut_under_heading(document: Document) -> bool:
    """The last line is a few characters of the paragraph under a heading ("四、财政拨款收入支出决算总体情况说明" then
    "2020年财"): a signature or a date does not stand right under an item's heading."""
    lines = _last_lines(document)
    return (len(lines) >= 2 and len(lines[-1]) <= 25 and _FINISHED_SENTENCE.search(lines[-1]) is None
            and is_heading_line(lines[-2]))


def _last_text(document: Document) -> str | None:
    for block in reversed(document.blocks):
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            text = document.normalized[block.location.start : block.location.end].strip()
            if text:
                return text.rsplit("\n", 1)[-1].strip()
        elif block.kind is BlockKind.TABLE:
            return None  # a report that ends in its tables is not judged by its last line
    return None


def start_cut(document: Document) -> str | None:
    """Why the text looks to start past the report's beginning (a Chinese sentence), or None. Only the numbering
    of what follows depends on it: a cut at the start shortens no list of parts and hides no required item
    the text goes on to give."""
    start = _first_item_past_one(document)
    return f"文本从“{start[:20]}”开始，前面的内容缺失" if start is not None else None


# A title line of a report, a part or a table, or the contents: what a whole report begins with.
_TITLE_WORDS = re.compile(r"决算|报告|说明|目录|部分|概况|职能|自评表|评价表")
_LEAD_BLOCKS = 40  # the first blocks looked at: a report's first numbered item comes early


def _first_item_past_one(document: Document) -> str | None:
    """The first numbered line, when it is numbered past one (3., （二）, 三、) and no title stands before it."""
    for block in document.blocks[:_LEAD_BLOCKS]:
        if block.kind is BlockKind.TABLE:
            return None
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            continue
        text = document.normalized[block.location.start : block.location.end].strip()
        if not text:
            continue
        n = numbering(text)
        if n is not None:  # quoted as written
            return document.text[block.location.start : block.location.end].strip() if n.level != PART and n.number > 1 else None
        if len(text) <= 60 and _TITLE_WORDS.search(text) and not re.search(r"图\s*\d*\s*[）)]?$", text):  # not a chart's caption
            return None
    return None
