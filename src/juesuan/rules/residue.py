"""Template residue and placeholders left in a published report."""

from __future__ import annotations

import re

from juesuan.rules.base import CheckContext, Reporter, Severity, rule

_UNANSWERED = "未作答的模板提示"
# Built from the Sichuan template text left in seed 001 and the Shanghai template PDF, plus the
# generic placeholders reviewers see: each (pattern, what it is).
RESIDUE: list[tuple[re.Pattern[str], str]] = [
    # "决算数大小于预算数" (an Anhui template's 大于/小于 merged, neither struck out)
    # ... or the other choice kept in brackets: "决算数小于预算数(或与预算数持平)的主要原因是…"
    (re.compile(r"增加/减少|减少/增加|增长/下降|下降/增长|增加\(减少\)|减少\(增加\)|增长\(下降\)|下降\(增长\)|大于/小于|高于/低于"
                r"|决算数?大小于"
                r"|\(或(?:与预算数?持平|等于预算数?|大于预算数?|小于预算数?|持平|增加|减少|增长|下降)\)"),
     "未选择的二选一措辞"),
    (re.compile(r"\(如持平作持平表述\)|\(不涉及的不列\)|\(可用表格形式[^)]*\)"), "模板说明文字"),
    # the Shanghai template's note on an empty table: "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："
    (re.compile(r"仍保留(?:该|本)表(?:格式)?(?:[，,]\s*并?在本表下方作(?:下述|如下)说明)?|在本表下方作(?:下述|如下)说明"), "模板说明文字"),
    (re.compile(r"…\s*\(具体工作\)|\.\.\.\s*\(具体工作\)|\(具体工作\)"), "未填写的模板内容“（具体工作）”"),
    (re.compile(r"\(注[:：][^)]*(数据来源|财决|口径|罗列|根据本部门|可以不写)[^)]*\)"), "填报说明（注：数据来源…）"),
    (re.compile(r"\((?:解释|罗列|名词解释部分|职能参照|本单位项目绩效目标个数)[^)]*\)"), "填报说明"),
    (re.compile(r"(?<![A-Za-z])X{2,}(?![A-Za-z])|×{2,}|某某"), "占位符"),
    # "第一部分部门名称概况", "部门(单位)名称概况", "部门名称2022年度部门决算表": the template's blank for the name
    (re.compile(r"(?:部门|单位)(?:\((?:单位|部门)\))?名称(?=\s*(?:概况|20\d\d\s*年))"), "占位符"),
    (re.compile(r"待填写|待补充|此处填写|请填写|由主管部门根据"), "待填写的占位内容"),
    # "部门应当按照部门预算管理要求,参照公开模板进行专业名词解释。": a report never speaks of its own template
    (re.compile(r"(?:参照|按照|根据|依照)[^，,。；;]{0,6}模板"), "模板填报说明"),
    # "本部门内设机构包括…… 。": the list left as the template's ellipsis
    (re.compile(r"(?:包括|包含|分别为|主要有|为)[:：]?\s*(?:……|\.{6})\s*[。；;]"), "占位符"),
    (re.compile(r"\((?:柱状图|饼状图|折线图)\)"), "图题后留有模板说明"),
    (re.compile(r"范本"), "沿用的范本标题"),  # reported as a warning: the annex may say it does not apply
    (re.compile(r"本部门\(单位\)|本单位\(部门\)"), "未选择的二选一措辞"),
    # "一、部门(儋州市西培中学)(单位)职责": the name written into the template's choice, the choice kept
    (re.compile(r"部门\([^()]{2,30}\)\(单位\)"), "未选择的二选一措辞"),
    (re.compile(r"\((?:收入|支出|项目|单位|部门|资金)(?:类型|名称)\)"), "未填写的模板内容"),
    # A parenthesis that tells the writer what to do ("（非涉密部门均需公开…）", "（根据需要增减指标并赋分值）"); not a
    # table's name ("收入决算表（按功能分类列示）").
    (re.compile(r"\((?!按[^()]{1,12}列示\))[^()]{0,80}?(?:均需|须|应当|应按|应根据|应写明|应说明|应注明|请|根据需要|根据[^()]{0,8}实际|可以不|填写|填列|列示|增减指标"
                r"|赋分值)[^()]{0,80}\)"), "模板填报说明"),
    (re.compile(r"(?<=[\u4e00-\u9fff])\(\s*\)"), "未填写的括号"),
    # A prompt that ends its cell or paragraph with a limit on the answer's length ("结合自评情况，分析存在的问题及原因。
    # (200字以内)"): the template's question, never answered. (A form's footnote that goes on after it is the form's.)
    (re.compile(r"\(\s*\d{2,4}\s*字(?:以内|以下|左右)\s*\)[\s|]*$"), _UNANSWERED),
    # A score table's template row left empty: "指标2:" with nothing after it, or a line of "……" alone.
    (re.compile(r"^\s*(?:指标\s*\d{1,2}\s*[:：]|…{2,}|\.{6,})\s*\|?\s*$"), "空白的模板指标行"),
    # A unit with its number left blank: "单价50万元以上设备 台(套)", "平均得分 分".
    (re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?:台\(套\)|分|万元|个|辆)(?=[。，,；;)）])|(?:占|增长|下降)[ \u3000]*%"),
     "未填写的数字"),
]

# Instruction sentences of the evaluation-report templates, recognised by their form rather than listed:
# a sentence without figures that tells the writer what to cover ("说明…情况。", "包括…等情况。",
# "结合…进行分析评价。", "从…方面对项目效益进行全面分析评价。", "汇总统计…情况。").
_INSTRUCTION = [
    re.compile(r"说明[^。；]{4,140}?(?:情况|方法|措施|原因|效果|程序|内容|问题|等)"),
    re.compile(r"(?:简述|概述|阐述|列明|描述|填写)[^。；]{4,140}"),
    re.compile(r"包括[^。；]{4,140}?等(?:方面的)?情况(?:[,，][^。；]{0,120})?"),
    re.compile(r"汇总(?:统计)?[^。；]{4,80}?情况"),
    re.compile(r"(?:结合|围绕|重点围绕|从|对照)[^。；]{2,140}?(?:分析评价|进行评价|总体评价|分析说明|分析存在的问题|进行分析)"
               r"[^。；]{0,60}"),
]
_SENTENCE = re.compile(r"[^。；;]+")


def is_instruction(sentence: str) -> bool:
    """The sentence is one of the evaluation-report templates' instructions to the writer ("说明…情况")."""
    return not any(ch.isdigit() for ch in sentence) and any(p.fullmatch(sentence) for p in _INSTRUCTION)


# Leftovers that do not misstate anything: warnings rather than errors.
_MINOR = {"沿用的范本标题", "图题后留有模板说明", "未填写的括号", "空白的模板指标行"}
# "一、概况.......()": a contents line whose page number was never filled in (reported once for the contents)
_EMPTY_PAGE = re.compile(r"(?:\.{3,}|…{2,})\s*\(\s*\)\s*$")
_FIELD_CODE = re.compile(r"PAGEREF\s*_?Toc\d*(?:\s*\\?h\b)?|HYPERLINK\s*\\l\s*\"?_Toc\d*\"?|TOC\s*\\o\s*\"\d-\d\"", re.IGNORECASE)


@rule("P101", "residue", Severity.ERROR, "模板残留或占位符",
      "发布的报告中不应留有模板的填报说明、二选一措辞（增加/减少、本部门（单位））、占位符（XX、××、某某）或“（具体工作）”"
      "“（收入类型）”一类未填内容、留空的数字（“单价50万元以上设备 台（套）”“平均得分 分”）、评分表中留空的模板指标行（只有“指标2：”或“……”）；评价报告模板的指导性语句"
      "（“说明……情况。”“包括……等情况。”“结合……进行分析评价。”）和以字数限制结尾、未作答的提示（“分析存在的问题及原因。"
      "（200字以内）”）也不应原样留在报告中；模板中的单位名称空位（“部门名称概况”“部门(某单位)(单位)职责”）和未填写的"
      "目录页码（“……()”，整个目录报告一次）也是。",
      bad="（二）政府采购支出情况\n2020年，政府采购支出总额0万元，主要用于…（具体工作）。因公出国（境）支出决算比2019年增加/减少0万元，增长/下降0%。",
      good="（二）政府采购支出情况\n2020年，政府采购支出总额0万元。因公出国（境）支出决算与2019年持平。")
def template_residue(ctx: CheckContext, out: Reporter) -> None:
    empty_pages = [(start + m.start(), start + m.end()) for start, text in ctx.paragraphs()
                   for m in _EMPTY_PAGE.finditer(text)]
    if empty_pages:
        a, b = empty_pages[0]
        out.finding(f"模板残留：目录的页码未填写（共{len(empty_pages)}处，如“{ctx.document.text[a:b].strip()[-6:]}”）",
                    ctx.locate(a, b), actual=ctx.document.text[a:b], severity=Severity.WARNING)
    for start, text in [*ctx.paragraphs(), *ctx.cells()]:
        out.checked()
        reported: list[tuple[int, int]] = []
        for pattern, what in RESIDUE:
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in reported):
                    continue  # one leftover, one finding
                # an unanswered prompt is the whole text before its limit: its sentences are not reported again
                reported.append((0 if what == _UNANSWERED else m.start(), m.end()))
                out.finding(f"模板残留：{what}", ctx.locate(start + m.start(), start + m.end()),
                            actual=ctx.document.text[start + m.start() : start + m.end()],
                            severity=Severity.WARNING if what in _MINOR else None)
        for m in _SENTENCE.finditer(text):
            sentence = m.group().strip()
            if any(a < m.end() and m.start() < b for a, b in reported):
                continue
            lead = m.start() + len(m.group()) - len(m.group().lstrip())
            if is_instruction(sentence):  # (figures mean the writer filled it in)
                out.finding("模板残留：评价报告模板的填报说明（指导性语句）", ctx.locate(start + lead, start + lead + len(sentence)),
                            actual=sentence)


@rule("P102", "residue", Severity.WARNING, "文档转换留下的残留（拼音注音、Word域代码）",
      "网页或文档经转换后留下的机器残留应删去：繁简转换在字后加的拼音注音（如“政務(wù)”“結(jié)余”），"
      "目录中的Word域代码（如“PAGEREF _Toc25831 h 3”）。每种残留报告一次，并说明共有几处。",
      bad="一、收入支出决算总体情况说明\n2023年度收入总计434.72万元，年初結(jié)轉(zhuǎn)和結(jié)余0.55万元。",
      good="一、收入支出决算总体情况说明\n2023年度收入总计434.72万元，年初結轉和結余0.55万元。")
def conversion_residue(ctx: CheckContext, out: Reporter) -> None:
    out.checked()
    residue = ctx.document.residue
    if residue:
        first = residue[0].offset
        marks = "、".join(r.text for r in residue[:5])
        out.finding(f"繁简转换留下的拼音注音共{len(residue)}处（{marks}{'等' if len(residue) > 5 else ''}）",
                    ctx.locate(max(0, first - 1), first), actual=marks,
                    evidence=ctx.document.text[max(0, first - 8) : first + 8])
    codes = [(start + m.start(), start + m.end()) for start, text in ctx.paragraphs() for m in _FIELD_CODE.finditer(text)]
    if codes:
        a, b = codes[0]
        out.finding(f"目录中留有Word域代码共{len(codes)}处（如“{ctx.document.text[a:b]}”）", ctx.locate(a, b),
                    actual=ctx.document.text[a:b])


# "行政部门1个：包家镇人民政府（本级）" in the report of 裴兴镇人民政府: a place the organisation's name does not hold
_OWN_LEVEL = re.compile(r"([\u4e00-\u9fff]{2,30})\s*[（(]本级[）)]")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡|县|区|市|省|州)")


@rule("P103", "residue", Severity.WARNING, "“本级”单位不是报告的单位",
      "“××（本级）”说的是编报部门自己；其中的地名（某镇、某县、某区）不在报告单位的名称里时，多半是照抄了别的单位的"
      "报告而没有改名。",
      bad="重庆市垫江县裴兴镇人民政府2021年度部门决算情况说明\n一、部门基本情况\n（三）单位构成\n行政部门1个：包家镇人民政府（本级）。",
      good="重庆市垫江县裴兴镇人民政府2021年度部门决算情况说明\n一、部门基本情况\n（三）单位构成\n行政部门1个：裴兴镇人民政府（本级）。")
def another_units_own_level(ctx: CheckContext, out: Reporter) -> None:
    organisation = ctx.disclosure.meta.organisation
    if not organisation or len(organisation) < 6:
        return  # the report's own name is not known well enough to tell another from it
    for start, text in ctx.paragraphs():
        for m in _OWN_LEVEL.finditer(text):
            out.checked()
            name = re.split(r"[：:，,、；;。]", m.group(1))[-1]
            # "转入攀枝花市…": a place matched with a word before it is the organisation's when its end is
            foreign = [p.group() for p in _PLACE.finditer(name)
                       if not any(p.group()[i:] in organisation for i in range(len(p.group()) - 2))]
            if foreign:
                out.finding(f"“{name}（本级）”中的“{foreign[0]}”不在报告单位“{organisation}”的名称中，像是别的单位的名称",
                            ctx.locate(start + m.start(1) + m.group(1).rfind(name), start + m.end()),
                            expected=organisation, actual=name)
