"""Refusing data that would make a wrong report: identities that do not hold, changes without reasons.

Every problem is reported with its field's Chinese name and a Chinese sentence, all at once, before anything is
written: the generator never fills a gap with a placeholder.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.classification import classes, core_name, known
from juesuan.generate.derive import Derived, Movement, money
from juesuan.generate.inputs import Compared, LineItem, ReportData, ThreePublicItem
from juesuan.generate.labels import place

TOLERANCE = Decimal("0.005")


def problems(data: ReportData) -> list[str]:
    """Every problem, the field named as its author knows it (labels.py): "收、支总计·原因：…"."""
    raw = data.model_dump(mode="json")
    return [f"{place(_path(path), raw)}：{message}" for path, message in (p.split("：", 1) for p in _problems(data))]


def _path(dotted: str) -> list[str | int]:
    """"items[1].reason" → ["items", 1, "reason"]."""
    parts: list[str | int] = []
    for piece in dotted.split("."):
        name, _, index = piece.partition("[")
        parts.append(name)
        if index:
            parts.append(int(index.rstrip("]")))
    return parts


def _problems(data: ReportData) -> list[str]:
    d = Derived(data)
    found: list[str] = []

    def equal(path: str, stated: Decimal, computed: Decimal, what: str) -> None:
        if abs(stated - computed) > TOLERANCE:
            found.append(f"{path}：{what}（数据为{money(stated)}万元，由各项算得{money(computed)}万元）")

    equal("total.current", data.total.current, d.income_total, "收、支总计应等于本年收入合计、使用非财政拨款结余与年初结转和结余之和")
    equal("total.current", data.total.current, d.expenditure_total, "收、支总计应等于本年支出合计、结余分配与年末结转和结余之和")
    equal("fiscal_total.current", data.fiscal_total.current, d.fiscal_income + data.fiscal_carryover_begin,
          "财政拨款收、支总计应等于三项财政拨款收入与年初财政拨款结转和结余之和")
    equal("fiscal_total.current", data.fiscal_total.current, d.fiscal_expenditure + data.fiscal_carryover_end,
          "财政拨款收、支总计应等于财政拨款支出与年末财政拨款结转和结余之和")
    equal("personnel", d.personnel + d.public, d.general_budget_basic,
          "人员经费与公用经费之和应等于各项的一般公共预算财政拨款基本支出之和")
    for field, items, total in (("personnel_items", data.personnel_items, data.personnel),
                                ("public_items", data.public_items, data.public)):
        parts = [i for i in items if len(i.code) == 5]  # the 款; a 类 given as well is its total
        if parts and abs(total - sum((i.amount for i in parts), Decimal(0))) > TOLERANCE * len(parts):
            # each 款 is rounded to 0.01 in the accounts, so their sum may differ from the total by half a
            # cent for each of them, and no more
            found.append(f"{field}：各经济分类款之和{money(sum((i.amount for i in parts), Decimal(0)))}万元与总数"
                         f"{money(total)}万元不符（超过舍入误差）")

    for field, part in (("gov_fund_carryover_begin", data.gov_fund_carryover_begin + data.state_capital_carryover_begin),
                        ("gov_fund_carryover_end", data.gov_fund_carryover_end + data.state_capital_carryover_end)):
        whole = data.fiscal_carryover_begin if field.endswith("begin") else data.fiscal_carryover_end
        if part > whole:
            found.append(f"{field}：政府性基金和国有资本经营预算的结转和结余之和{money(part)}万元大于财政拨款结转和结余"
                         f"{money(whole)}万元")
    for path, compared, name in (("total", data.total, "收、支总计"), ("fiscal_total", data.fiscal_total, "财政拨款收、支总计"),
                                 ("admin_operating_cost", data.admin_operating_cost, "机关运行经费")):
        _reason(found, path, compared, name)
    gb = Compared(current=d.general_budget, previous=data.general_budget_previous, reason=data.general_budget_reason)
    _reason(found, "general_budget_reason", gb, "一般公共预算财政拨款支出")
    tp = data.three_public
    for field, item, name in (("outbound", tp.outbound, "因公出国（境）费"), ("vehicle_purchase", tp.vehicle_purchase, "公务用车购置费"),
                              ("vehicle_operation", tp.vehicle_operation, "公务用车运行维护费"),
                              ("reception_domestic", tp.reception_domestic, "国内公务接待费"),
                              ("reception_foreign", tp.reception_foreign, "外事接待费")):
        _three_public(found, f"three_public.{field}", item, name)
    for n, item in enumerate(data.items):
        amount = d.amount(item)
        if item.budget is not None and amount != item.budget and not (item.reason or "").strip():
            found.append(f"items[{n}].reason：{item.item_name}决算数{money(amount)}万元与预算数{money(item.budget)}万元不同，必须说明原因")
    for field, entries in (("items", data.items), ("fund_items", data.fund_items), ("capital_items", data.capital_items),
                           ("other_items", data.other_items)):
        codes = [item.code for item in entries]
        for n, item in enumerate(entries):
            found += _classification(f"{field}[{n}]", item, data.meta.year)
            if codes.index(item.code) != n:
                found.append(f"{field}[{n}].code：科目编码{item.code}已在第{codes.index(item.code) + 1}项填写过，同一个项只能填一次")
    # every 万元 of spending is listed by code in the 支出决算表: each kind of money needs its 项 (codes required)
    other = d.expenditure_this_year - d.general_budget - data.gov_fund - data.state_capital
    for field, amount, entries, what in (
            ("fund_items", data.gov_fund, data.fund_items, "政府性基金预算财政拨款支出"),
            ("capital_items", data.state_capital, data.capital_items, "国有资本经营预算财政拨款支出"),
            ("other_items", other, data.other_items, "财政拨款以外的资金支出（本年支出合计减去各项财政拨款支出）")):
        if entries or amount:
            equal(field, amount, sum((d.amount(i) for i in entries), Decimal(0)),
                  f"{what}应等于所填各项之和：每一笔支出都要按功能分类科目（项）填写")
    every = [*data.items, *data.fund_items, *data.capital_items, *data.other_items]
    for kind, part in (("基本", lambda i: i.basic), ("项目", lambda i: i.project)):
        keys = [k for k in data.expenditure_kinds if kind in k]
        if keys:
            stated = sum((data.expenditure_kinds[k] for k in keys), Decimal(0))
            equal(f"expenditure_kinds.{keys[0]}", stated, sum((part(i) for i in every), Decimal(0)),
                  f"{kind}支出应等于各项（一般公共预算、政府性基金、国有资本经营预算和其他资金）的{kind}支出之和")
    for field, economic in (("personnel_items", data.personnel_items), ("public_items", data.public_items)):
        for n, entry in enumerate(economic):
            subjects = known(entry.code, data.meta.year)
            if not (entry.code.isdigit() and entry.code.startswith("3") and len(entry.code) in (3, 5)):
                found.append(f"{field}[{n}].code：经济分类科目编码应为3位或5位数字（如30101），现为“{entry.code}”")
            elif subjects and all(s.confirmed for s in subjects) and not any(
                    core_name(s.name) == core_name(entry.name) for s in subjects):
                found.append(f"{field}[{n}].name：经济分类科目{entry.code}为“{subjects[0].name}”，不是“{entry.name}”")
    held = sum(tp.vehicles_held.values())
    by_use = sum(data.state_assets.vehicles_by_use.values())
    if held != by_use:
        found.append(f"three_public.vehicles_held：公务用车共{held}辆，与国有资产中按用途分列的车辆合计{by_use}辆不一致")
    p = data.procurement
    if p.sme > d.procurement_total:
        found.append("procurement.sme：授予中小企业合同金额不能大于政府采购支出总额")
    if p.micro_small > p.sme:
        found.append("procurement.micro_small：授予小微企业合同金额不能大于授予中小企业合同金额")
    if tp.reception_domestic.current > 0 and (tp.reception_batches <= 0 or tp.reception_persons <= 0):
        found.append("three_public.reception_batches：有国内公务接待费支出，必须填写接待批次和人次")
    if not data.items:
        found.append("items：至少应有一个一般公共预算财政拨款支出的项")
    for n, project in enumerate(data.performance.projects):
        evaluation = project.evaluation
        if evaluation is None:
            continue
        total = sum((s.weight for s in evaluation.scores), Decimal(0))
        if total != 100:
            found.append(f"performance.projects[{n}].evaluation.scores：各项指标分值之和为{total.normalize()}，应为100")
        for k, row in enumerate(evaluation.scores):
            if not 0 <= row.score <= row.weight:
                found.append(f"performance.projects[{n}].evaluation.scores[{k}].score：得分{row.score.normalize()}应在0和分值"
                             f"{row.weight.normalize()}之间")
    return found


def _classification(where: str, item: LineItem, year: int) -> list[str]:
    """A 项's code: seven digits, under the 类 and 款 《政府收支分类科目》 puts it (and with the 项 name, where the
    catalogue has confirmed it) against the names written beside it. `where` is the entry's path."""
    if not (len(item.code) == 7 and item.code.isdigit()):
        return [f"{where}.code：功能分类科目编码应为7位数字（如2013101），现为“{item.code}”"]
    found: list[str] = []
    class_name = classes().get(item.code[:3])
    if class_name is None:
        return [f"{where}.code：{item.code[:3]}不是《政府收支分类科目》中的类（科目编码“{item.code}”）"]
    if core_name(class_name) != core_name(item.class_name):
        found.append(f"{where}.code：科目编码{item.code}属于“{class_name}”，不属于“{item.class_name}”")
    for code, written, field, level in ((item.code[:5], item.section_name, "section_name", "款"),
                                        (item.code, item.item_name, "item_name", "项")):
        subjects = [s for s in known(code, year) if s.confirmed]
        if subjects and not any(core_name(s.name) == core_name(written) for s in subjects):
            found.append(f"{where}.{field}：{year}年科目{code}（{level}）为“{subjects[0].name}”，不是“{written}”")
    return found


def _reason(found: list[str], path: str, compared: Compared, name: str) -> None:
    movement = Movement(compared.current, compared.previous)
    if movement.known and not movement.flat and not (compared.reason or "").strip():
        word = "增加" if movement.up else "减少"
        found.append(f"{path}.reason：{name}比上年{word}{money(movement.delta)}万元，必须说明原因")


def _three_public(found: list[str], path: str, item: ThreePublicItem, name: str) -> None:
    _reason(found, path, Compared(current=item.current, previous=item.previous, reason=item.reason), name)
    if item.current != item.budget and not (item.reason or "").strip():
        word = "大于" if item.current > item.budget else "小于"
        found.append(f"{path}.reason：{name}决算数{money(item.current)}万元{word}预算数{money(item.budget)}万元，必须说明原因")
