"""Structure and completeness: the sections a report must have, and the pieces each must state."""

from __future__ import annotations

import re

from juesuan.document import BlockKind
from juesuan.model.figures import Item
from juesuan.outline.catalogue import title_key
from juesuan.outline.contents import CONTENTS_TITLE
from juesuan.outline.labels import KIND_LABELS
from juesuan.rules.base import CheckContext, Reporter, Severity, rule
from juesuan.text.headings import chinese_number, numbering

REQUIRED_ITEMS = [
    "income_expenditure_overview", "income", "expenditure", "fiscal_appropriation_overview",
    "general_budget_expenditure", "general_budget_basic", "three_public", "gov_fund", "state_capital",
]
REQUIRED_SUBSECTIONS = ["admin_operating_cost", "procurement", "state_assets"]


@rule("S101", "structure", Severity.WARNING, "缺少必须公开的说明事项",
      "决算情况说明应逐项说明收入支出总体情况、收入、支出、财政拨款收支总体情况、一般公共预算财政拨款支出、"
      "基本支出、“三公”经费、政府性基金、国有资本经营预算支出，以及机关运行经费、政府采购和国有资产占有使用情况。",
      bad="第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n2020年度收、支总计100.00万元。",
      good="第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n2020年度收、支总计100.00万元。\n二、收入决算情况说明\n三、支出决算情况说明\n四、财政拨款收入支出决算总体情况说明\n五、一般公共预算财政拨款支出决算情况说明\n六、一般公共预算财政拨款基本支出决算情况说明\n七、“三公”经费财政拨款支出决算情况说明\n八、政府性基金预算支出决算情况说明\n九、国有资本经营预算支出决算情况说明\n十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n（二）政府采购支出情况\n（三）国有资产占有使用情况")
def required_sections(ctx: CheckContext, out: Reporter) -> None:
    explanation = ctx.outline.find("explanation")
    if not explanation:
        out.missing()
        return
    found = set(ctx.outline.kinds())
    anchor = explanation[0].location
    if all(ctx.only_titles(part) for part in explanation):
        out.missing()  # a table of contents read as the body, cut before the body: nothing to judge
        return
    if ctx.cut_off and not found.issuperset(REQUIRED_ITEMS + REQUIRED_SUBSECTIONS):
        out.missing()  # what is not there may stand past the cut: completeness cannot be judged
        return
    for kind in REQUIRED_ITEMS + REQUIRED_SUBSECTIONS:
        if kind in found:
            out.checked()
        else:
            out.finding(f"缺少“{KIND_LABELS.get(kind, kind)}”的说明", anchor, evidence=explanation[0].title)


def _changes_needing_reason(ctx: CheckContext) -> list[tuple[str, Item]]:
    d = ctx.disclosure
    named = [("收、支总计", d.totals.total), ("收入总计", d.totals.income_total),
             ("财政拨款收、支总计", d.fiscal_appropriation.total or d.fiscal_appropriation.income),
             ("一般公共预算财政拨款支出", d.general_budget.total), ("机关运行经费", d.admin_operating_cost)]
    return [(name, item) for name, item in named if item is not None]


@rule("S102", "structure", Severity.WARNING, "增减变动未说明原因",
      "收支总计、财政拨款收支、一般公共预算财政拨款支出和机关运行经费与上年相比有增减时，应说明主要原因。",
      bad="十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出380.64万元，比2019年增加91.49万元，增长31.64%。",
      good="十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出380.64万元，比2019年增加91.49万元，增长31.64%。主要原因为公务用车运行维护费增加。")
def change_without_reason(ctx: CheckContext, out: Reporter) -> None:
    for name, item in _changes_needing_reason(ctx):
        moving = [c for c in item.change if c.direction in ("增加", "减少") and c.amount is not None and c.amount.value]
        if not moving:
            continue
        if item.reason or (item is ctx.disclosure.totals.total and _reasons_in(ctx, ("income", "expenditure"))):
            out.checked()  # Beijing and Chongqing give the reasons of the total's change under 收入 and 支出
        elif ctx.may_be_cut(moving[0].location.start):
            out.missing()  # the reason may follow past the cut
        else:
            change = moving[0]
            out.finding(f"{name}{change.direction}了，但没有说明原因", change.location,
                        evidence=change.amount.sentence if change.amount else None)


def _reasons_in(ctx: CheckContext, kinds: tuple[str, ...]) -> bool:
    return any("原因" in ctx.document.normalized[b.location.start : b.location.end]
               for kind in kinds for text in ctx.index.of_kind(kind) for _, b in text.paragraphs())


_NO_THREE_PUBLIC = re.compile(r"(?:无|没有|未发生|未安排|不存在)[^，,。；;]{0,6}三公\W{0,2}经费")


@rule("S103", "structure", Severity.WARNING, "“三公”经费说明缺项",
      "“三公”经费应分别说明因公出国（境）费、公务用车购置及运行维护费、公务接待费；有公务接待费支出时应说明接待批次和人次；"
      "说明了国内公务接待的，也应说明外事接待（没有也写0）。写明“无“三公”经费”时，三项都已说明。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n（二）“三公”经费财政拨款支出决算具体情况说明\n1.公务用车购置及运行维护费支出30.00万元。\n2.公务接待费支出5.00万元。",
      good="七、“三公”经费财政拨款支出决算情况说明\n（二）“三公”经费财政拨款支出决算具体情况说明\n1.因公出国（境）经费支出0万元。\n2.公务用车购置及运行维护费支出30.00万元。\n3.公务接待费支出5.00万元。国内公务接待10批次，50人次；外事接待0批次，0人次。")
def three_public_pieces(ctx: CheckContext, out: Reporter) -> None:
    sections = ctx.outline.find("three_public")
    if not sections:
        return
    section = sections[0]
    if ctx.may_be_cut(section.location.start + 1):
        out.missing()  # the section runs to the cut: what it says past it is unknown
        return
    # a 三公 report of its own may tell the whole and the items under sections of their own (一、总体 二、具体)
    text = "".join(p for s in sections for _, p in ctx.section_paragraphs(s))
    if not any(p.strip() for s in sections for _, p in ctx.section_paragraphs(s, include_heading=False)):
        out.missing()  # a title with nothing under it (a contents page read as the body): nothing to judge
        return
    none_at_all = _NO_THREE_PUBLIC.search(text) is not None  # "我单位无“三公”经费的预算与支出": of all three at once
    for name, words in (("因公出国（境）费", ("因公出国",)), ("公务用车购置及运行维护费", ("公务用车",)),
                        ("公务接待费", ("公务接待", "接待费"))):
        if none_at_all or any(w in text for w in words):
            out.checked()
        else:
            out.finding(f"“三公”经费说明中没有说明{name}", section.location, evidence=section.title)
    domestic = re.search(r"国内(?:公务)?接待", text)
    if domestic and not re.search(r"外事|外宾|境外", text):
        start = next((a + p.find(domestic.group()) for a, p in ctx.section_paragraphs(section) if domestic.group() in p),
                     section.location.start)
        out.finding("公务接待只说明了国内公务接待，没有说明外事接待（无外事接待也应写明0万元、0批次、0人次）",
                    ctx.document.locate(start, start + len(domestic.group())), evidence=domestic.group())
    # the last 三公 section runs to a cut: the items past it (公务接待's 批次 and 人次 among them) are unknown
    runs_to_cut = ctx.may_be_cut(sections[-1].location.start + 1)
    for unit in ctx.disclosure.three_public.units:
        reception = unit.reception_domestic or unit.reception
        if reception is None or not reception.amount or not any(a.value for a in reception.amount):
            continue
        if "批次" in text and ("人次" in text or re.search(r"接待[^。]*\d+\s*人", text)):
            out.checked()
        elif runs_to_cut:
            out.missing()
        else:
            lacking = "、".join(x for x in ("批次", "人次") if x not in text)
            out.finding(f"{unit.unit or ''}有公务接待费支出{reception.amount[0].raw}，但没有说明接待{lacking}",
                        reception.amount[0].location)


_COUNT_THEN_LIST = re.compile(
    r"(?<!\d)(?P<count>\d+)\s*个\s*(?:[，,]?\s*(?:具体)?(?:为|是|包括|分别为|分别是|即)"
    # "设9个内设机构,分别为:…": the noun between the count and a word that can only open a list
    r"|[\u4e00-\u9fff]{1,8}?\s*[，,]?\s*(?:分别为|分别是|具体为|包括|即))[:：]?\s*(?P<list>[^。；;]+)"
    # "下设3个事业单位（电子政务中心、应急指挥中心、民生工作服务中心）": the list in brackets after its noun
    r"|(?<!\d)(?P<count2>\d+)\s*个[\u4e00-\u9fff]{2,10}?[（(](?P<list2>[^（()）]{2,200})[）)]"
    # "反映政务访谈、政府公报印刷及邮寄、调研、总值班室值班、脱贫攻坚工作5个项目": the list before its count
    r"|(?:反映|对|包括|涵盖)(?P<list3>[^，,。；;：:]{4,200}?、[^，,。；;：:]{1,40}?)(?<![等\d])(?P<count3>\d{1,3})\s*个(?:项目|单位|科室|部门)"
    # "主要用于以下5个方面：一般公共服务（类）支出1904.42万元，占87%；教育支出（类）6.3万元；…": one item to each ；
    r"|(?:以下|如下|下列)(?P<count4>\d{1,2})\s*个?(?:方面|部分|类)[:：](?P<list4>[^。\n]{4,600})")


# "代管账单位1个，为市侨联": a list of one, when it is the name of one body
_ONE_BODY = re.compile(r"[\u4e00-\u9fff“”]{2,14}(?:局|办|室|中心|会|联|院|所|站|队|处|科|委|部|组|馆|校|厅|社|团|协会|公司)")


# "内设职能部门15个，包括A、…、K（11个）。另有四个派出法庭…": the rest of the count, named after the list
_BESIDES = re.compile(r"[。；;，,]?\s*(?:另有|另设|此外还有|此外|另外还有|还有|以及)\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个")


@rule("S202", "structure", Severity.ERROR, "所说个数与列出的名单不符",
      "“……单位3个，为A、B”这样先说个数再列名单时（名单只有一个机构名称“单位2个，为市侨联”也一样），或“反映A、B、C 3个项目”先列名单再说个数时，名单上的个数应与"
      "所说个数相同（名单以“等”结尾时不判断；名单后紧接“另有N个……”时，两者合计应与所说个数相同）；“主要用于以下5个方面：”之后用分号分开的各项也一样。",
      bad="二、机构设置\n独立核算二级预算单位3个，为市委党史研究室、市公务服务中心。",
      good="二、机构设置\n独立核算二级预算单位2个，为市委党史研究室、市公务服务中心。")
def count_versus_list(ctx: CheckContext, out: Reporter) -> None:
    doc = ctx.document
    for block in doc.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            continue
        norm = doc.normalized[block.location.start : block.location.end]
        for m in _COUNT_THEN_LIST.finditer(norm):
            count = next(g for g in ("count", "count2", "count3", "count4") if m.group(g))
            if count == "count4":
                listed = [x for x in re.split(r"[；;]", m.group("list4")) if x.strip()]
                if len(listed) < 2 or "等" in listed[-1]:
                    continue
            else:
                listed = [x for x in re.split(r"[、,，]", m.group("list") or m.group("list2") or m.group("list3")) if x.strip()]
                one = (len(listed) == 1 and m.group("list") and _ONE_BODY.fullmatch(listed[0].strip()) is not None
                       and int(m.group(count)) > 0 and not re.search(r"无|没有|未", listed[0]))  # "0个处室,分别是:无"
                if (len(listed) < 2 and not one) or any(len(x) > 25 or re.search(r"\d|等", x) for x in listed):
                    continue  # not a list of names ("等" says the list is not complete)
            if ctx.cut_off and not doc.text[block.location.start + m.end() :].strip():
                out.missing()  # the list runs to the cut ("包括:党委办、…、总"): its end is lost
                continue
            out.checked()
            stated = int(m.group(count))
            # "分别为A、B和C": the last item may be two joined by 和 or 及 (or one name with 和 in it)
            joined = stated == len(listed) + 1 and re.search(r"[\u4e00-\u9fff]{2}(?:和|及|以及)[\u4e00-\u9fff]{2}", listed[-1])
            besides = _BESIDES.match(norm, m.end())
            more = chinese_number(besides.group(1)) if besides else None
            if stated != len(listed) and not joined and (more is None or stated != len(listed) + more):
                a = block.location.start + m.start(count)
                out.finding(f"说有{stated}个，但列出了{len(listed)}个", doc.locate(a, a + len(m.group(count)) + 1),
                            expected=f"{len(listed)}个", actual=f"{stated}个",
                            evidence=doc.text[block.location.start + m.start() : block.location.start + m.end()])


@rule("S105", "structure", Severity.WARNING, "政府采购说明缺项",
      "有政府采购支出时，应说明授予中小企业合同金额及其占政府采购支出总额的比重，以及其中授予小微企业的合同金额"
      "（上海的模板不要求，不检查）。",
      bad="十、其他重要事项的情况说明\n（二）政府采购支出情况\n2020年度政府采购支出总额36.32万元，其中：政府采购货物支出36.32万元。",
      good="十、其他重要事项的情况说明\n（二）政府采购支出情况\n2020年度政府采购支出总额36.32万元，其中：政府采购货物支出36.32万元。"
           "授予中小企业合同金额36.32万元，占政府采购支出总额的100%，其中：授予小微企业合同金额36.32万元。")
def procurement_pieces(ctx: CheckContext, out: Reporter) -> None:
    total = ctx.disclosure.procurement.total
    sections = ctx.outline.find("procurement")
    if ctx.disclosure.meta.layout == "shanghai" or total is None or not total.amount or not sections:
        return
    if not total.amount[0].value:
        out.checked()  # nothing bought: nothing to split
        return
    if ctx.may_be_cut(sections[0].location.start + 1):
        out.missing()
        return
    text = "".join(p for _, p in ctx.section_paragraphs(sections[0]))
    for words, what in ((("中小企业",), "授予中小企业合同金额及其占比"), (("小微企业", "小型、微型", "小微"), "授予小微企业合同金额")):
        if any(w in text for w in words):
            out.checked()
        else:
            out.finding(f"政府采购支出{total.amount[0].raw}，但没有说明{what}", total.amount[0].location,
                        evidence=total.amount[0].sentence or None)
            break  # without the 中小企业 part, the 小微 part is missing with it


_REFERENCE = re.compile(r"《([^《》]{4,80}?报告)》\s*(?:详)?见附件\s*(\d*)|(?<!《)(?:详)?见附件\s*(\d+)")
_GENERIC = re.compile(r"20\d\d年度?|附件\s*\d*|部门整体|单位整体|整体|项目支出|支出|绩效|评价|自评|报告|项目|的|[\s《》“”\"]")


def _report_core(title: str, organisation: str | None) -> tuple[bool, str]:
    """(a whole-department report, the distinct name left when the organisation, year and the words every
    evaluation report title has are taken out)."""
    text = title.replace(organisation or "\0", "")
    return "整体" in title, _GENERIC.sub("", text)


@rule("S106", "structure", Severity.WARNING, "说明中提到的附件不在报告中",
      "正文说“《……评价报告》见附件”或“见附件3”时，报告所附的附件中应有这一份；附件另行公开、报告中没有任何附件时不检查。",
      bad="十、其他重要事项的情况说明\n（四）预算绩效管理情况\n《招商引资活动经费2020年绩效评价报告》见附件。\n第四部分 附件\n附件1\n业务运行费2020年绩效评价报告\n一、项目概况",
      good="十、其他重要事项的情况说明\n（四）预算绩效管理情况\n《业务运行费2020年绩效评价报告》见附件。\n第四部分 附件\n附件1\n业务运行费2020年绩效评价报告\n一、项目概况")
def referenced_annexes(ctx: CheckContext, out: Reporter) -> None:
    annexes = [s for s in ctx.outline.walk() if s.kind in ("annex", "evaluation_report") and s.title.strip()]
    if not annexes:
        return  # annexes published apart from the report: what the text refers to cannot be looked for
    organisation = ctx.disclosure.meta.organisation
    cores = [_report_core(s.title, organisation) for s in annexes]
    numbered = {int(m.group(1)) for s in annexes if (m := re.match(r"\s*附件\s*(\d+)", s.title))}
    for start, text in ctx.paragraphs():
        for m in _REFERENCE.finditer(text):
            if start >= annexes[0].location.start:
                return  # the annexes themselves
            out.checked()
            number = m.group(2) or m.group(3)
            if number and int(number) not in numbered and int(number) > len(annexes):
                out.finding(f"正文说见附件{number}，报告中没有附件{number}", ctx.document.locate(start + m.start(), start + m.end()),
                            evidence=m.group())
                continue
            if m.group(1):
                whole, core = _report_core(m.group(1), organisation)
                # a whole-department report is the department's, however its name is abbreviated
                if not any(w == whole and (whole or c == core or (c and core and (c in core or core in c)))
                           for w, c in cores):
                    titles = "、".join(f"《{a.title.strip()}》" for a in annexes[:4])
                    out.finding(f"正文说《{m.group(1)}》见附件，所附附件中没有这个标题的报告（附件为{titles}）",
                                ctx.document.locate(start + m.start(1), start + m.end(1)), evidence=m.group())



@rule("S107", "structure", Severity.WARNING, "有“目录”标题而没有目录",
      "写了“目录”二字，下面却直接是正文、没有列出各部分，多半是目录在排版时丢了。",
      bad="某单位2020年度部门决算\n目录\n第一部分 部门概况\n一、主要职能\n负责全县财政工作。\n第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n2020年度收、支总计100.00万元。",
      good="某单位2020年度部门决算\n目录\n第一部分 部门概况\n第二部分 2020年度部门决算情况说明\n第一部分 部门概况\n一、主要职能\n负责全县财政工作。\n第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n2020年度收、支总计100.00万元。")
def empty_contents(ctx: CheckContext, out: Reporter) -> None:
    doc = ctx.document
    titles = [b for b in doc.blocks[:200] if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
              and CONTENTS_TITLE.match(doc.normalized[b.location.start : b.location.end].strip())]
    if not titles:
        return
    out.checked()
    if not ctx.outline.contents and not ctx.may_be_cut(titles[0].location.end):  # a cut far below is no excuse
        out.finding("有“目录”标题，但下面没有目录内容", doc.locate(titles[0].location.start, titles[0].location.end),
                    evidence=titles[0].text.strip())


def _bare_title(title: str) -> str:
    """A heading without its numeral, as titles are matched (title_key), and without the stop after it."""
    n = numbering(title.strip())
    return title_key(n.title if n is not None else title).rstrip("。.：:")


_MAX_TITLE = 40


@rule("S108", "structure", Severity.WARNING, "正文标题与目录不一致",
      "目录中的一项与正文中同一部分、同一编号的标题应一字不差；只换了一个字（“部门主要职责”与“部门主要职能”）多半是改了一处忘了另一处。",
      bad="目录\n第一部分 部门概况\n一、部门主要职责\n二、机构设置\n第一部分 部门概况\n一、部门主要职能\n负责全县审判工作。\n"
          "二、机构设置\n内设5个庭室。",
      good="目录\n第一部分 部门概况\n一、部门主要职责\n二、机构设置\n第一部分 部门概况\n一、部门主要职责\n负责全县审判工作。\n"
           "二、机构设置\n内设5个庭室。")
def contents_against_body(ctx: CheckContext, out: Reporter) -> None:
    listed: dict[tuple[str | None, int], list[str]] = {}
    part: str | None = None
    for entry in ctx.outline.contents:
        if entry.level == 1:
            part = entry.kind
        elif entry.level == 2 and (n := numbering(entry.title.strip())) is not None:
            listed.setdefault((part, n.number), []).append(entry.title.strip())
    if not listed:
        return
    for section in ctx.outline.sections:
        for item in section.children:
            if item.level != 2 or item.number is None:
                continue
            titles = listed.get((section.kind, item.number), [])
            if len(titles) != 1:
                continue
            out.checked()
            said, body = _bare_title(titles[0]), _bare_title(item.title)
            # one character put for another in titles of the same length ("职责" / "职能"): not a title shortened or
            # qualified in one place ("单位职责" / "本单位职责"), which the reports do freely
            if (len(said) != len(body) or not 4 <= len(body) <= _MAX_TITLE
                    or sum(x != y for x, y in zip(said, body, strict=True)) != 1):
                continue
            out.finding(f"正文标题“{item.title.strip()}”与目录中的“{titles[0]}”不一致", item.location,
                        expected=titles[0], actual=item.title.strip())
