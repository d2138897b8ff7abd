"""Reading a sentence into mentions: a label and its figure, with the share, completion rate and
year-on-year change stated after it.

"其中：一般公共预算财政拨款收入7,392.56万元，占99.02%" gives the mention (一般公共预算财政拨款收入,
7392.56万元, share 99.02%). "与2019年相比，收、支总计增加2,607.44万元，增长53.65%" gives a change mention
(收、支总计, 增加 2607.44万元, 增长 53.65%, base year 2019). Sections then file mentions by label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from juesuan.document import Block, Document
from juesuan.extract.numbers import LIST_SEPARATOR, Found, find_figures, make_figure
from juesuan.extract.section_text import Sentence
from juesuan.model.figures import Change, Figure, Item, Text

_BOUNDARY = re.compile(r"[，,；;：:。]")
_LEAD = re.compile(
    r"^[\s、（(）)“”\"]*(?:\d{1,2}[.、．](?!\d)|[（(]?[一二三四五六七八九十]{1,3}[）)、])?\s*"
    r"(?:(?:其中|另外|此外|主要用于以下方面|主要包括|具体为|全年|共计|累计|截至\d{4}年\d{1,2}月(?:\d{1,2}日|底)?"
    r"|截至年底|\d{4}\s*年度?|本年度|本单位|本部门|年末(?!结转|结余)|决算中)[\s、，,：:]*)*"
)
_TRAIL = re.compile(r"(?:均为|为|是|达到|达|约|共计|共)\s*$")
_DIRECTION = re.compile(r"(增加|减少|增长|下降)(?:了)?\s*$")
_DIRECTION_ANYWHERE = re.compile(r"增加|减少|增长|下降")
_BASE_YEAR = re.compile(r"(?:比|较|与|同)\s*(\d{4})\s*年")
_PRIOR = re.compile(r"(?:比|较|与)(?:上(?:年|一年)|去年)|同比")
# 占 as "share of", not 挤占 / 侵占 / 占用 / 占有 (diverting or holding funds and assets).
_SHARE = re.compile(r"(?<![挤侵霸抢])占(?![用有地])(?P<of>[^，,；;。:：]{0,24}?)(?:的)?\s*$")
_COMPLETION = re.compile(r"(?:完成(?:年初|调整)?预算(?:数)?(?:的)?|执行率(?:为)?|预算完成率(?:为)?)\s*$")
_PCT_DIRECTION = re.compile(r"(增长|下降|增加|减少|增|减|上升|降低|提高)(?:了)?(?:幅度为|幅度)?\s*$")
_MONEY_LABEL = re.compile(r"(支出|收入|决算|预算|合计|总计|经费|金额|费|资金)")
_REASON = re.compile(r"(?:主要(?:变动|增减|增加|减少)?原因(?:为|是|如下)?|主要是由于|主要是因为|主要是|主要由于|原因是)[:：]?\s*")
_CONNECTORS = {"和", "及", "与", "、", "以及"}
_BUDGET_LABEL = re.compile(r"(?:年初|调整|全年)?预算(?:数)?$")
GENERIC_LABEL = re.compile(r"^(?:共计|合计)?(?:支出)?(?:决算(?:数)?)?(?:金额)?$")
_FLAT = re.compile(r"持平|一致|无变化|相同")


@dataclass(slots=True)
class Mention:
    label: str  # as written
    key: str  # normalised label, for matching
    figure: Figure
    found: Found
    direction: str | None = None  # 增加/减少 when the label ends with it: a change mention
    base_year: int | None = None
    share: Figure | None = None
    share_of: str | None = None
    completion: Figure | None = None
    percent: Figure | None = None
    percent_direction: str | None = None
    sentence: Sentence | None = None
    extra: list[Figure] = field(default_factory=list)
    inherited: bool = False  # a change stated without its subject ("与2019年相比增长…")
    rate_only: bool = False  # "公务接待费完成预算17.88%": a completion rate stated without the amount

    @property
    def is_change(self) -> bool:
        return self.direction is not None


def parse_sentence(document: Document, sentence: Sentence, prior_year: int | None = None) -> list[Mention]:
    norm = sentence.norm
    if _is_about(sentence, prior_year):
        return []  # a sentence about the prior year states last year's figures, not this year's
    mentions: list[Mention] = []
    previous_end = 0
    subjects: list[str] = []  # "收、支总计各是A,B万元": the subjects the next figures take in turn
    subjects_direction: str | None = None
    prior_subject = ""  # the subject of last year's value, when the sentence gives it before the change
    figures = find_figures(norm)
    for index, found in enumerate(figures):
        before = norm[previous_end : found.start]
        figure = make_figure(document, sentence.start, found, sentence.text.strip())
        if found.is_percent:
            if not mentions and (m := _COMPLETION.search(before)):
                # The rate is the first figure: its subject is the text before 完成预算.
                subject = _LEAD.sub("", re.split(r"[，,；;：:。]", before[: m.start()])[-1]).strip()
                a = sentence.start + previous_end + before.rfind(subject) if subject else sentence.start
                mentions.append(Mention(label=document.text[a : a + len(subject)], key=subject, figure=figure,
                                        found=found, completion=figure, sentence=sentence, rate_only=True))
            else:
                _attach_percent(mentions, before, figure)
            previous_end = found.end
            continue
        cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
        region_start = previous_end + cut
        raw_label = norm[region_start : found.start]
        lead = _LEAD.match(raw_label)
        offset = lead.end() if lead else 0
        label_norm = raw_label[offset:]
        trail = _TRAIL.search(label_norm)
        if found.unit is None and not (trail and _MONEY_LABEL.search(label_norm)):
            previous_end = found.end
            continue  # a bare number that is not stated as an amount
        if trail:
            label_norm = label_norm[: trail.start()]
        direction = None
        if d := _DIRECTION.search(label_norm):
            direction = "增加" if d.group(1) in ("增加", "增长") else "减少"
            label_norm = label_norm[: d.start()]
        distributive = re.search(r"(各|分别)\s*$", label_norm) is not None
        if direction is None and _is_prior_value(label_norm, prior_year):
            # "较2014年度部门决算公开“三公”经费合计16.08万元增加15.15万元": last year's value, named for the change
            # that follows it, not a statement of this year's
            prior_subject = re.sub(r"^(?:与|比|较)\s*(?:\d{4}\s*年度?|上年度?|去年)(?:决算数?)?", "", label_norm).strip(" 、")
            previous_end = found.end
            continue
        label_norm = re.sub(r"^(?:与|比|较)\s*\d{4}\s*年度?(?:决算数?)?(?:相比|同期|决算相比)?", "", label_norm)
        # "较上年度决算数增加…": 上年度 as well as 上年
        label_norm = re.sub(r"^(?:较|比)(?:上年度?|去年)(?:决算数?)?|^同比|^各$", "", label_norm)
        label_norm = re.sub(r"(?:(?:比|较|与)\s*(?:\d{4}\s*年度?|上年度?|去年)(?:决算数?)?(?:相比)?|同比)$", "",
                            label_norm).strip(" 、各")
        a = sentence.start + region_start + offset
        label = document.text[a : a + len(label_norm)] if label_norm else ""
        listed_on = index + 1 < len(figures) and LIST_SEPARATOR.fullmatch(norm[found.end : figures[index + 1].start])
        if distributive and listed_on and len(listed := _subjects(label_norm)) > 1:
            subjects = listed[1:]
            label_norm = listed[0]
            subjects_direction = direction
        elif (not label_norm or label_norm in _CONNECTORS) and subjects:
            label_norm = label = subjects.pop(0)
            direction = subjects_direction
        else:
            subjects = []
        mention = Mention(label=label, key=label_norm, figure=figure, found=found, direction=direction,
                          sentence=sentence)
        if label_norm in _CONNECTORS and mentions and mentions[-1].figure.unit == figure.unit:
            # "A和B": the second figure is a second statement of the same kind as the first
            previous = mentions[-1]
            mention.label, mention.key, mention.direction = previous.label, previous.key, previous.direction
        window = norm[max(0, region_start - 80) : region_start]
        if mention.direction is not None and not mention.key and (subject := _clause_subject(window, region_start <= 80)):
            # "公务用车运行维护费支出决算比预算无增减变化，比去年增加1.05万元": the subject of the clause before
            mention.key = subject
            a = sentence.start + norm.rfind(subject, 0, region_start)
            mention.label = document.text[a : a + len(subject)]
        if mention.direction is not None:
            if not mention.key:
                mention.inherited = True
                base = next((m for m in reversed(mentions) if not m.is_change), None)
                if base is not None:
                    mention.label, mention.key = base.label, base.key
                elif prior_subject:
                    mention.label = mention.key = prior_subject
            years = _BASE_YEAR.findall(norm[: found.start])
            mention.base_year = int(years[-1]) if years else (prior_year if _PRIOR.search(norm) else None)
        mentions.append(mention)
        previous_end = found.end
    return mentions


_CLAUSE_SUBJECT = re.compile(r"(?:^|(?<=[，,；;]))\s*(?:其中)?[,，]?\s*([^，,；;。]{2,30}?)(?:支出)?(?:决算(?:数)?)?\s*(?:比|较|与)(?:年初)?预算[^，,；;。]{0,12}[，,]\s*$")


def _clause_subject(before: str, whole: bool) -> str | None:
    """The subject of the clause just before a change stated without one, when that clause compares the
    same subject with its budget. `before` is the end of the sentence so far (all of it when `whole`)."""
    if len(before) > 120:  # a clause is short; a longer window would only let the pattern backtrack longer
        before, whole = before[-120:], False
    m = _CLAUSE_SUBJECT.search(before)
    if m is None or (m.start() == 0 and not whole and before[:1] not in "，,；;"):
        return None  # the clause begins before the window: its subject is not all there
    return m.group(1).strip()


def _subjects(label: str) -> list[str]:
    """"收、支总计" -> 收入总计, 支出总计; "基本支出、项目支出" -> both."""
    parts = [p for p in re.split(r"[、和及与]", label) if p]
    if len(parts) == 2 and parts[0] == "收" and parts[1].startswith("支"):
        noun = parts[1][1:]
        return ["收入" + noun, "支出" + noun]
    return parts


def _attach_percent(mentions: list[Mention], before: str, figure: Figure) -> None:
    if not mentions:
        return
    last = mentions[-1]
    if (m := _SHARE.search(before)) and last.share is None:
        last.share = figure
        last.share_of = m.group("of").strip() or None
        return
    if _COMPLETION.search(before):
        target = next((x for x in reversed(mentions) if not x.is_change), last)
        if target.completion is None:
            target.completion = figure
            return
    if before.strip() in _CONNECTORS:  # "分别下降20.36%和20.18%": the next change without a percent
        target = next((x for x in mentions if x.is_change and x.percent is None), None)
        previous = next((x for x in reversed(mentions) if x.percent is not None), None)
        if target is not None and previous is not None:
            target.percent, target.percent_direction = figure, previous.percent_direction
            return
    if d := _PCT_DIRECTION.search(before):
        target = next((x for x in mentions if x.is_change and x.percent is None), None)
        if target is not None and target.percent is None:
            target.percent = figure
            target.percent_direction = d.group(1)
            return
    last.extra.append(figure)


def mentions_of(document: Document, sentences: Iterable[Sentence], prior_year: int | None) -> list[Mention]:
    """The mentions of consecutive sentences. A change stated without its subject ("与2019年相比增长
    404.21万元") is about the subject of the sentence before it in the same paragraph."""
    found: list[Mention] = []
    subject: Mention | None = None
    head: Mention | None = None  # the paragraph's first subject, which a "其中" breakdown details
    broken_down = False
    previous_end = -1
    about_prior_year = False
    for sentence in sentences:
        new_paragraph = previous_end < 0 or "\n" in document.text[previous_end : sentence.start]
        if new_paragraph:
            subject = head = None
            broken_down = False
            about_prior_year = _is_about(sentence, prior_year)
        previous_end = sentence.start + len(sentence.norm)
        if about_prior_year:
            continue  # "（二）2019年财政预算拨款…": the whole paragraph is about last year
        mentions = parse_sentence(document, sentence, prior_year)
        for mention in mentions:
            if mention.is_change and mention.inherited and broken_down and head is not None:
                # "本年支出合计…，其中：基本支出…；项目支出…，与2019年相比增长343.55万元": about the total
                mention.label, mention.key = head.label, head.key
            elif mention.is_change and not mention.key and subject is not None:
                mention.label, mention.key = subject.label, subject.key
        subject = next((m for m in mentions if not m.is_change), subject)
        head = head or next((m for m in mentions if not m.is_change), None)
        broken_down = broken_down or "其中" in sentence.norm
        found.extend(mentions)
    return found


_PRIOR_VALUE = re.compile(r"^(?:与|比|较)\s*(?:(\d{4})\s*年度?|上年度?|去年)(?!\s*(?:相比|同期|决算相比)?\s*$)")


def _is_prior_value(label: str, prior_year: int | None) -> bool:
    """The label compares with last year and names something after it: "较2014年度部门决算公开“三公”经费合计" (not a bare
    "比上年"/"与2019年相比", which leads into a change)."""
    m = _PRIOR_VALUE.match(label)
    return m is not None and (m.group(1) is None or (prior_year is not None and int(m.group(1)) <= prior_year))


def _is_about(sentence: Sentence, year: int | None) -> bool:
    """Whether the sentence opens with `year` ("2019年…", "（二）2019年…")."""
    return year is not None and bool(
        re.match(rf"^\s*(?:[(（]?[一二三四五六七八九十\d]{{1,2}}[)）.、．]\s*)?{year}\s*年", sentence.norm))


def add_mention(item: Item, mention: Mention) -> None:
    """Files a mention under an item: an amount (with share/completion) or a change."""
    if mention.rate_only:
        item.completion.append(mention.figure)
        return
    if mention.is_change:
        item.change.append(
            Change(direction=mention.direction, amount=mention.figure, percent_direction=mention.percent_direction,
                   percent=mention.percent, base_year=mention.base_year, location=mention.figure.location)
        )
        return
    if _BUDGET_LABEL.search(mention.key):
        item.budget.append(mention.figure)
    elif mention.figure.unit in ("万元", "亿元", "元", None):
        item.amount.append(mention.figure)
    else:
        item.count.append(mention.figure)
    if mention.share is not None:
        item.share.append(mention.share)
        if mention.share_of:
            item.share_of.append(mention.share_of)
    if mention.completion is not None:
        item.completion.append(mention.completion)


def new_item(mention: Mention, key: str | None) -> Item:
    item = Item(name=mention.label or mention.key, key=key)
    add_mention(item, mention)
    return item


def reasons(document: Document, paragraphs: Iterable[tuple[int, Block]]) -> list[Text]:
    """The reasons stated after 主要原因为：…, to the end of their paragraph."""
    found: list[Text] = []
    for _, block in paragraphs:
        norm = document.normalized[block.location.start : block.location.end]
        m = _REASON.search(norm)
        if m is None:
            continue
        start, end = block.location.start + m.end(), block.location.end
        if not document.text[start:end].strip():
            # "主要变动原因是：" ends its paragraph: the reasons are the paragraphs that follow.
            following = _following_paragraph(document, block)
            if following is None:
                continue
            start, end = following.location.start, following.location.end
        found.append(Text(text=document.text[start:end].strip(), location=document.locate(start, end)))
    return found


def _following_paragraph(document: Document, block: Block) -> Block | None:
    index = document.blocks.index(block)
    for following in document.blocks[index + 1 : index + 3]:
        if following.kind.value == "paragraph":
            return following
    return None


def flat_changes(document: Document, sentences: Iterable[Sentence], prior_year: int | None) -> list[Change]:
    """"与2019年持平" stated without figures. "决算数与预算数持平" compares with the budget, not last year."""
    changes = []
    for sentence in sentences:
        m = _FLAT.search(sentence.norm)
        years = _BASE_YEAR.findall(sentence.norm)
        if m is None or not (years or _PRIOR.search(sentence.norm)) or _DIRECTION_ANYWHERE.search(sentence.norm):
            continue
        a = sentence.start + m.start()
        changes.append(Change(direction="持平", base_year=int(years[-1]) if years else prior_year,
                              location=document.locate(a, a + len(m.group(0)))))
    return changes
