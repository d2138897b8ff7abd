"""The nine public tables, filled from the data. Every figure is the data's or a sum of it, so the tables
agree with the text and with each other."""

from __future__ import annotations

from decimal import Decimal

from juesuan.classification import known
from juesuan.generate.derive import ZERO, Derived, money
from juesuan.generate.nodes import TableNode

# The 类 of the functional classification, in the order the 收入支出决算总表 lists them.
CLASSES = [
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"), ("205", "教育支出"),
    ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"), ("210", "卫生健康支出"),
    ("211", "节能环保支出"), ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"), ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"), ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"), ("229", "其他支出"), ("231", "债务还本支出"), ("232", "债务付息支出"),
    ("234", "抗疫特别国债安排的支出"),
]
ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
            "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六"]
INCOME_ROWS = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入",
               "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]


def cell(value: Decimal | None) -> str:
    """A table cell: amounts with two decimals, empty where there is nothing."""
    return "" if value is None or value == 0 else money(value)


def _every_item(d: Derived) -> list:  # type: ignore[type-arg]
    """Every 项 of the year's spending, from every kind of money (validation makes them add up to 本年支出合计)."""
    return [*d.data.items, *d.data.fund_items, *d.data.capital_items, *d.data.other_items]


def _class_amounts(d: Derived, items: list | None = None) -> dict[str, Decimal]:  # type: ignore[type-arg]
    """Spending by 类: of the given 项, or of every 项 of the year."""
    amounts: dict[str, Decimal] = {}
    for item in items if items is not None else _every_item(d):
        amounts[item.code[:3]] = amounts.get(item.code[:3], ZERO) + d.amount(item)
    return amounts


def _source(d: Derived, name: str) -> Decimal:
    return sum((v for k, v in d.data.income_sources.items() if name in k), ZERO)


def summary(d: Derived) -> TableNode:
    """收入支出决算总表: income by source on the left, expenditure by 类 on the right."""
    by_class = _class_amounts(d)
    rows: list[list[str]] = []
    for n, (code, name) in enumerate(CLASSES):
        left = [f"{ORDINALS[n]}、{INCOME_ROWS[n]}", cell(_source(d, INCOME_ROWS[n]))] if n < len(INCOME_ROWS) else ["", ""]
        rows.append([*left, f"{ORDINALS[n]}、{name}", cell(by_class.get(code, ZERO))])
    data = d.data
    rows += [
        ["本年收入合计", money(d.income_this_year), "本年支出合计", money(d.expenditure_this_year)],
        ["使用非财政拨款结余", cell(data.non_fiscal_balance), "结余分配", cell(data.balance_distribution)],
        ["年初结转和结余", cell(data.carryover_begin), "年末结转和结余", cell(data.carryover_end)],
        ["总计", money(d.income_total), "总计", money(d.expenditure_total)],
    ]
    return TableNode("收入支出决算总表", [["收入", "收入", "支出", "支出"], ["项目", "决算数", "项目", "决算数"]], rows)


def income(d: Derived) -> TableNode:
    """收入决算表, at the level of the whole: the data gives income by source, not by 科目."""
    header = [["项目", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]]
    fiscal = d.fiscal_income
    row = ["合计", money(d.income_this_year), cell(fiscal)] + [cell(_source(d, n)) for n in INCOME_ROWS[3:]]
    return TableNode("收入决算表", header, [row])


def _functional_rows(d: Derived, columns: int, items: list | None = None) -> list[list[str]]:  # type: ignore[type-arg]
    """类, 款 and 项 rows with 合计, 基本支出, 项目支出: of the general budget, or of `items` (a 项 given in
    both the general budget and a fund is one row with both amounts)."""
    chosen = d.data.items if items is None else items
    rows: list[list[str]] = []
    seen_class: set[str] = set()
    seen_section: set[str] = set()
    seen_item: set[str] = set()
    for item in sorted(chosen, key=lambda i: i.code):
        c, s = item.code[:3], item.code[:5]
        if c not in seen_class:
            seen_class.add(c)
            members = [i for i in chosen if i.code.startswith(c)]
            rows.append([c, "", "", item.class_name, *_sums(d, members)])
        if s not in seen_section:
            seen_section.add(s)
            members = [i for i in chosen if i.code.startswith(s)]
            rows.append([c, s[3:], "", item.section_name, *_sums(d, members)])
        if item.code not in seen_item:
            seen_item.add(item.code)
            rows.append([c, s[3:], item.code[5:], item.item_name, *_sums(d, [i for i in chosen if i.code == item.code])])
    return [r[: 4 + columns] for r in rows]


def _sums(d: Derived, items: list) -> list[str]:  # type: ignore[type-arg]
    return [cell(sum((d.amount(i) for i in items), ZERO)), cell(sum((i.basic for i in items), ZERO)),
            cell(sum((i.project for i in items), ZERO))]


def expenditure(d: Derived) -> TableNode:
    """支出决算表: the general budget by 科目, and what other funds paid as one more row."""
    header = [["科目编码", "科目编码", "科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
              ["类", "款", "项", "科目名称", "本年支出合计", "基本支出", "项目支出"]]
    kinds = d.data.expenditure_kinds
    basic = sum((v for k, v in kinds.items() if "基本" in k), ZERO)
    project = sum((v for k, v in kinds.items() if "项目" in k), ZERO)
    rows = [["", "", "", "合计", money(d.expenditure_this_year), cell(basic), cell(project)],
            *_functional_rows(d, 3, _every_item(d))]
    return TableNode("支出决算表", header, rows)


def fiscal_summary(d: Derived) -> TableNode:
    """财政拨款收入支出决算总表."""
    data = d.data
    header = [["收入", "收入", "支出", "支出", "支出", "支出", "支出"],
              ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]]
    left = [("一、一般公共预算财政拨款", d.general_budget_income), ("二、政府性基金预算财政拨款", d.gov_fund_income),
            ("三、国有资本经营预算财政拨款", d.state_capital_income)]
    general_begin = data.fiscal_carryover_begin - data.gov_fund_carryover_begin - data.state_capital_carryover_begin
    general_end = data.fiscal_carryover_end - data.gov_fund_carryover_end - data.state_capital_carryover_end
    rows: list[list[str]] = []
    general = _class_amounts(d, d.data.items)
    fund = _class_amounts(d, d.data.fund_items)
    capital = _class_amounts(d, d.data.capital_items)
    by_class = _class_amounts(d, [*d.data.items, *d.data.fund_items, *d.data.capital_items])  # fiscal money only
    right = [(f"{ORDINALS[n]}、{name}", by_class[code], general.get(code, ZERO), fund.get(code, ZERO),
              capital.get(code, ZERO)) for n, (code, name) in enumerate(CLASSES) if code in by_class]
    for n in range(max(len(left), len(right))):
        l_name, l_value = left[n] if n < len(left) else ("", None)
        if n < len(right):
            name, total, gb, gov, sc = right[n]
            rows.append([l_name, cell(l_value), name, cell(total), cell(gb), cell(gov), cell(sc)])
        else:
            rows.append([l_name, cell(l_value), "", "", "", "", ""])
    rows += [
        ["本年收入合计", money(d.fiscal_income), "本年支出合计", money(d.fiscal_expenditure), cell(d.general_budget),
         cell(data.gov_fund), cell(data.state_capital)],
        ["年初财政拨款结转和结余", cell(data.fiscal_carryover_begin), "年末财政拨款结转和结余", cell(data.fiscal_carryover_end),
         cell(general_end), cell(data.gov_fund_carryover_end), cell(data.state_capital_carryover_end)],
        ["一、一般公共预算财政拨款", cell(general_begin), "", "", "", "", ""],
        ["二、政府性基金预算财政拨款", cell(data.gov_fund_carryover_begin), "", "", "", "", ""],
        ["三、国有资本经营预算财政拨款", cell(data.state_capital_carryover_begin), "", "", "", "", ""],
        ["总计", money(d.fiscal_income + data.fiscal_carryover_begin), "总计",
         money(d.fiscal_expenditure + data.fiscal_carryover_end), cell(d.general_budget + general_end),
         cell(data.gov_fund + data.gov_fund_carryover_end), cell(data.state_capital + data.state_capital_carryover_end)],
    ]
    return TableNode("财政拨款收入支出决算总表", header, rows)


def general_budget(d: Derived) -> TableNode:
    header = [["科目编码", "科目编码", "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
              ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"]]
    rows = [["", "", "", "合计", money(d.general_budget), cell(d.general_budget_basic),
             cell(d.general_budget - d.general_budget_basic)], *_functional_rows(d, 3)]
    return TableNode("一般公共预算财政拨款支出决算表", header, rows)


def basic(d: Derived) -> TableNode:
    """一般公共预算财政拨款基本支出决算表 by 经济分类: 人员经费 (301, 303 …) on the left, 公用经费 (302, 310 …) on
    the right, each 类 with its total above its 款. Without the 经济分类 in the data, the two totals alone."""
    header = [["经济分类科目编码", "经济分类科目编码", "科目名称", "决算数"] * 2, ["类", "款", "科目名称", "决算数"] * 2]
    left = _economic_rows(d, d.data.personnel_items) or [["", "", "人员经费", cell(d.personnel)]]
    right = _economic_rows(d, d.data.public_items) or [["", "", "公用经费", cell(d.public)]]
    blank = ["", "", "", ""]
    rows = [(left[n] if n < len(left) else blank) + (right[n] if n < len(right) else blank)
            for n in range(max(len(left), len(right)))]
    rows.append(["", "", "人员经费合计", money(d.personnel), "", "", "公用经费合计", money(d.public)])
    return TableNode("一般公共预算财政拨款基本支出决算表", header, rows)


def _economic_rows(d: Derived, items: list) -> list[list[str]]:  # type: ignore[type-arg]
    """Each 类 (its name from the classification) with the sum of its 款, then the 款, in code order."""
    rows: list[list[str]] = []
    for head in sorted({i.code[:3] for i in items}):
        members = sorted((i for i in items if i.code[:3] == head), key=lambda i: i.code)
        subjects = known(head, d.year)
        name = subjects[0].name if subjects else next((i.name for i in members if len(i.code) == 3), head)
        rows.append([head, "", name, cell(sum((i.amount for i in members if len(i.code) == 5), ZERO))])
        rows += [[head, i.code[3:], i.name, cell(i.amount)] for i in members if len(i.code) == 5]
    return rows


def three_public(d: Derived) -> TableNode:
    tp = d.data.three_public
    total, budget, _ = d.three_public_total
    vehicles = (tp.vehicle_purchase.budget + tp.vehicle_operation.budget, tp.vehicle_purchase.current + tp.vehicle_operation.current)
    reception = (tp.reception_domestic.budget + tp.reception_foreign.budget,
                 tp.reception_domestic.current + tp.reception_foreign.current)
    vehicle = "公务用车购置及运行维护费"
    header = [["合计", "合计", "因公出国（境）费", "因公出国（境）费", *[vehicle] * 6, "公务接待费", "公务接待费"],
              ["合计", "合计", "因公出国（境）费", "因公出国（境）费", "小计", "小计", "公务用车购置费", "公务用车购置费",
               "公务用车运行维护费", "公务用车运行维护费", "公务接待费", "公务接待费"],
              ["预算数", "决算数"] * 6]
    row = [money(budget), money(total), money(tp.outbound.budget), money(tp.outbound.current), money(vehicles[0]),
           money(vehicles[1]), money(tp.vehicle_purchase.budget), money(tp.vehicle_purchase.current),
           money(tp.vehicle_operation.budget), money(tp.vehicle_operation.current), money(reception[0]), money(reception[1])]
    return TableNode("财政拨款“三公”经费支出决算表", header, [row])


def fund(d: Derived, title: str, amount: Decimal, name: str, income: Decimal, begin: Decimal,
         end: Decimal, items: list) -> TableNode:  # type: ignore[type-arg]
    """The fund's table: its 合计 row of carry-overs, income and spending, then its spending by 类/款/项."""
    header = [["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "本年支出", "本年支出", "年末结转和结余"],
              ["科目编码", "科目名称", "年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"]]
    if not (amount or income or begin or end):
        return TableNode(title, header, [["", "合计", "", "", "", "", "", ""]],
                         note=f"注：{d.data.meta.organisation}无{name}财政拨款收入和支出，故本表无数据。")
    basic = sum((i.basic for i in items), ZERO)
    rows = [["", "合计", cell(begin), cell(income), cell(amount), cell(basic), cell(amount - basic), cell(end)]]
    rows += [[code, subject, "", "", *amounts, ""] for code, subject, *amounts in _coded_rows(d, items)]
    return TableNode(title, header, rows)


def _coded_rows(d: Derived, items: list) -> list[list[str]]:  # type: ignore[type-arg]
    """类, 款 and 项 rows with the whole code in one column (a fund's tables): code, name, 合计, 基本, 项目."""
    return [[c + s + i, subject, *amounts] for c, s, i, subject, *amounts in _functional_rows(d, 3, items)]


def project(d: Derived) -> TableNode:
    """一般公共预算财政拨款项目支出决算表 (Sichuan): the 项 with 项目支出, by 功能分类 code. The official table
    also splits each by 经济分类, which the data does not give: that split is left out, not made up."""
    spent = [i for i in d.data.items if i.project]
    header = [["科目编码", "科目编码", "科目编码", "科目名称", "本年支出合计"], ["类", "款", "项", "科目名称", "本年支出合计"]]
    rows = [["", "", "", "合计", cell(sum((i.project for i in spent), ZERO))]]
    rows += [[c, s, i, name, project] for c, s, i, name, _, _, project in _functional_rows(d, 3, spent)]
    return TableNode("一般公共预算财政拨款项目支出决算表", header, rows)


def empty_three_public(d: Derived, title: str, fund: str, amount: Decimal) -> TableNode:
    """A fund's “三公” table (Sichuan): the data gives no 三公 spending from the fund; with no spending from the
    fund at all the table is empty, as the official one is, and says so."""
    header = three_public(d).header
    note = (f"注：{d.data.meta.organisation}无{fund}财政拨款安排的“三公”经费支出，故本表无数据。" if not amount else
            f"注：本年{fund}财政拨款支出中安排的“三公”经费，数据未提供。")
    return TableNode(title, header, [[""] * len(header[-1])], note=note)


def state_capital_expenditure(d: Derived) -> TableNode:
    """国有资本经营预算财政拨款支出决算表 (Sichuan)."""
    header = [["科目编码", "科目名称", "本年支出", "本年支出", "本年支出"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]]
    amount = d.data.state_capital
    if not amount:
        return TableNode("国有资本经营预算财政拨款支出决算表", header, [["", "合计", "", "", ""]],
                         note=f"注：{d.data.meta.organisation}无国有资本经营预算财政拨款支出，故本表无数据。")
    items = d.data.capital_items
    basic = sum((i.basic for i in items), ZERO)
    rows = [["", "合计", cell(amount), cell(basic), cell(amount - basic)]]
    return TableNode("国有资本经营预算财政拨款支出决算表", header, rows + _coded_rows(d, items))


def sichuan_tables(d: Derived) -> list[TableNode]:
    """The Sichuan set, in its order: the nine, and the 项目支出 table and two fund tables the Sichuan reports
    add (the two 明细表 by 功能 and 经济分类 together need data the generator does not take)."""
    nine = all_tables(d)
    return [*nine[:6], project(d), nine[6], nine[7],
            empty_three_public(d, "政府性基金预算财政拨款“三公”经费支出决算表", "政府性基金预算", d.data.gov_fund),
            nine[8], state_capital_expenditure(d)]


def all_tables(d: Derived) -> list[TableNode]:
    return [
        summary(d), income(d), expenditure(d), fiscal_summary(d), general_budget(d), basic(d), three_public(d),
        fund(d, "政府性基金预算财政拨款收入支出决算表", d.data.gov_fund, "政府性基金预算", d.gov_fund_income,
             d.data.gov_fund_carryover_begin, d.data.gov_fund_carryover_end, d.data.fund_items),
        fund(d, "国有资本经营预算财政拨款收入支出决算表", d.data.state_capital, "国有资本经营预算", d.state_capital_income,
             d.data.state_capital_carryover_begin, d.data.state_capital_carryover_end, d.data.capital_items),
    ]
