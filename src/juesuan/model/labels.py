"""Chinese names for the Disclosure model's fields, so that a figure's path
(totals.expenditure_kinds[basic].amount[0]) can be shown to a reader as 总体情况·支出构成[基本支出]·金额."""

from __future__ import annotations

import re

FIELD_LABELS = {
    "admin_operating_cost": "机关运行经费", "amount": "金额", "annex": "附件", "annexes": "附件", "attached_tables": "附表",
    "base_year": "比较年度", "basic": "基本支出", "budget": "预算数", "carryover_begin": "年初结转和结余",
    "carryover_end": "年末结转和结余", "cells": "单元格", "change": "增减", "class_name": "类", "classes": "各类支出",
    "code": "科目编码", "columns": "列", "comparison": "比较", "completion": "完成预算", "count": "数量",
    "definition": "释义", "detail_total": "明细合计", "direction": "增减方向", "end": "结束", "equipment": "设备",
    "executed": "执行数", "expenditure": "支出", "expenditure_kinds": "支出构成", "expenditure_this_year": "本年支出合计",
    "expenditure_total": "支出总计", "figure": "数字", "fiscal_appropriation": "财政拨款", "foreign_batches": "外事接待批次",
    "foreign_persons": "外事接待人次", "general_budget": "一般公共预算财政拨款", "glossary": "名词解释",
    "goal_tables": "绩效目标表", "goals": "绩效目标", "goods": "货物", "gov_fund": "政府性基金预算",
    "income": "收入", "income_sources": "收入来源", "income_this_year": "本年收入合计", "income_total": "收入总计",
    "indicators": "指标", "item_name": "项目名称", "items": "各项", "key": "键", "kind": "类型", "layout": "版式",
    "levels": "层级", "meta": "基本信息", "micro_small": "小微企业", "name": "名称", "number": "编号",
    "organisation": "单位", "outbound_groups": "出国（境）团组", "outbound_persons": "出国（境）人次",
    "outbound_travel": "因公出国（境）费", "overall_scores": "总体评分", "parts": "组成部分", "percent": "增减率",
    "percent_direction": "增减率方向", "performance": "绩效管理", "personnel": "人员经费", "personnel_items": "人员经费明细",
    "prior_year": "上年", "procurement": "政府采购", "project": "项目支出", "projects_monitored": "绩效监控项目数",
    "projects_self_evaluated": "绩效自评项目数", "projects_with_targets": "编制绩效目标项目数", "public": "公用经费",
    "public_items": "公用经费明细", "reason": "原因", "reception": "公务接待费", "reception_batches": "公务接待批次",
    "reception_domestic": "国内公务接待", "reception_foreign": "外事接待", "reception_persons": "公务接待人次",
    "rows": "行", "score": "得分", "score_tables": "评分表", "section_name": "所在部分", "services": "服务",
    "share": "占比", "share_of": "占比的基数", "sme": "中小企业", "state_assets": "国有资产占用",
    "state_capital": "国有资本经营预算", "statements": "表述", "structure_total": "构成合计", "sub_units_listed": "所列下属单位",
    "sub_units_stated": "所述下属单位数", "tables": "决算表", "term": "名词", "three_public": "“三公”经费",
    "total": "合计", "total_score": "总分", "total_weight": "总分值", "totals": "总体情况", "unit": "单位",
    "units": "各单位", "value": "数值", "values": "数值", "vehicle_operation": "公务用车运行维护费",
    "vehicle_purchase": "公务用车购置费", "vehicles": "公务用车", "vehicles_bought": "购置车辆数",
    "vehicles_bought_by_type": "购置车辆（按车型）", "vehicles_by_use": "车辆（按用途）", "vehicles_held": "车辆保有量",
    "vehicles_held_by_type": "保有车辆（按车型）", "weight": "分值", "works": "工程", "year": "年度", "previous": "上年数",
}
# The keys of items in a list (income_sources[business]) name different things in different lists.
_INCOME_ITEMS = {"general_budget": "一般公共预算财政拨款收入", "gov_fund": "政府性基金预算财政拨款收入",
                 "state_capital": "国有资本经营预算财政拨款收入", "fiscal_appropriation": "财政拨款收入",
                 "superior_subsidy": "上级补助收入", "business": "事业收入", "operating": "经营收入",
                 "subsidiary": "附属单位上缴收入", "non_fiscal_balance": "非财政拨款结余", "other": "其他收入",
                 "carryover_begin": "年初结转和结余", "income_this_year": "本年收入合计"}
_EXPENDITURE_ITEMS = {"basic": "基本支出", "project": "项目支出", "upper": "上缴上级支出", "operating": "经营支出",
                      "subsidiary": "对附属单位补助支出", "carryover_end": "年末结转和结余",
                      "balance_distribution": "结余分配", "expenditure_this_year": "本年支出合计"}
PAIR_LABELS = {("totals", "total"): "收支总计", ("fiscal_appropriation", "total"): "收支总计"}  # a name the parent sets
ITEM_LABELS = {"income_sources": _INCOME_ITEMS, "income": _INCOME_ITEMS, "parts": _INCOME_ITEMS}
_PART = re.compile(r"([a-z_]+)((?:\[[^\]]*\])*)")
_INDEX = re.compile(r"\[([^\]]*)\]")


def path_label(path: str) -> str:
    """The path in Chinese; list positions ([0]) are dropped, names in brackets ([人员经费]) kept."""
    parts: list[str] = []
    parent = ""
    for segment in path.split(".")[:20]:
        m = _PART.fullmatch(segment)
        if m is None:
            parts.append(segment)
            continue
        name = PAIR_LABELS.get((parent, m.group(1))) or FIELD_LABELS.get(m.group(1), m.group(1))
        parent = m.group(1)
        names = ITEM_LABELS.get(m.group(1), _EXPENDITURE_ITEMS)
        keys = [_key(names, k) for k in _INDEX.findall(m.group(2)) if not k.isdigit() and k != "*"]
        parts.append(name + "".join(f"（{k}）" for k in keys))
    return "·".join(parts)


def _key(names: dict[str, str], key: str) -> str:
    from juesuan.outline.labels import KIND_LABELS  # the tables' Chinese titles (table_income → 收入决算表)

    if key in names:
        return names[key]
    if key in KIND_LABELS:
        return KIND_LABELS[key]
    column = re.fullmatch(r"c(\d{1,3})", key)
    return f"第{column.group(1)}列" if column else key
