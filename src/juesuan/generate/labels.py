"""The Chinese names of the generator's data fields, and how a place in the data is named to its author.

Every problem with the data (a missing amount in YAML, a word where a number belongs in Excel, a reason
that is missing) names the field as the author knows it: "项级科目第2项（一般行政管理事务）·预算数",
never "items.1.budget" or a parser's code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

LABELS = {
    "meta": "基本信息", "organisation": "单位全称", "short_name": "简称", "year": "年度", "kind": "决算类型",
    "overview": "概况", "functions": "主要职能", "key_work": "重点工作完成情况", "units": "纳入决算的单位", "unit_remarks": "单位备注",
    "total": "收、支总计", "current": "本年数", "previous": "上年数", "reason": "原因",
    "income_sources": "本年收入", "carryover_begin": "年初结转和结余", "non_fiscal_balance": "使用非财政拨款结余",
    "expenditure_kinds": "本年支出", "carryover_end": "年末结转和结余", "balance_distribution": "结余分配",
    "fiscal_total": "财政拨款收、支总计", "fiscal_carryover_begin": "年初财政拨款结转和结余",
    "fiscal_carryover_end": "年末财政拨款结转和结余", "gov_fund_carryover_begin": "年初政府性基金预算财政拨款结转和结余",
    "gov_fund_carryover_end": "年末政府性基金预算财政拨款结转和结余",
    "state_capital_carryover_begin": "年初国有资本经营预算财政拨款结转和结余",
    "state_capital_carryover_end": "年末国有资本经营预算财政拨款结转和结余", "general_budget_previous": "上年一般公共预算财政拨款支出",
    "general_budget_reason": "一般公共预算财政拨款支出的变动原因",
    "general_budget_budget_reason": "一般公共预算财政拨款支出决算数与预算数不同的原因", "gov_fund": "政府性基金预算财政拨款支出",
    "state_capital": "国有资本经营预算财政拨款支出", "items": "项级科目", "fund_items": "政府性基金项级科目", "capital_items": "国有资本经营预算项级科目", "other_items": "其他资金项级科目", "code": "科目编码", "class_name": "类名称",
    "section_name": "款名称", "item_name": "项名称", "basic": "基本支出", "project": "项目支出", "budget": "预算数",
    "purpose": "主要用于", "other_income": "非财政拨款收入", "personnel": "人员经费", "public": "公用经费",
    "personnel_names": "人员经费主要包括", "public_names": "公用经费主要包括", "personnel_items": "人员经费经济科目",
    "public_items": "公用经费经济科目", "name": "名称", "amount": "金额", "three_public": "“三公”经费",
    "outbound": "因公出国（境）费", "outbound_groups": "出国（境）团组数", "outbound_persons": "出国（境）人数",
    "vehicle_purchase": "公务用车购置费", "vehicles_bought": "本年购置公务用车", "vehicle_operation": "公务用车运行维护费",
    "vehicles_held": "年末公务用车", "reception_domestic": "国内公务接待费", "reception_batches": "国内公务接待批次",
    "reception_persons": "国内公务接待人次", "reception_foreign": "外事接待费", "foreign_batches": "外事接待批次",
    "foreign_persons": "外事接待人次", "admin_operating_cost": "机关运行经费", "procurement": "政府采购",
    "goods": "政府采购货物支出", "works": "政府采购工程支出", "services": "政府采购服务支出",
    "sme": "授予中小企业合同金额", "micro_small": "授予小微企业合同金额", "sme_reserved": "面向中小企业预留预算金额",
    "micro_reserved": "面向小微企业预留预算金额", "sme_won_reserved": "预留项目中小企业中标金额",
    "micro_won_reserved": "预留项目小微企业中标金额", "sme_won_other": "其他项目中小企业中标金额", "state_assets": "国有资产",
    "vehicles_by_use": "车辆（按用途）", "general_equipment": "单价50万元以上通用设备",
    "special_equipment": "单价100万元以上专用设备", "performance": "预算绩效管理",
    "projects_with_targets": "编制绩效目标的项目数", "projects_monitored": "绩效监控的项目数",
    "projects_self_evaluated": "绩效自评的项目数", "summary": "绩效管理情况综述", "glossary": "名词解释",
    "term": "名词", "definition": "解释", "projects": "绩效项目", "arrangements": "预算绩效管理制度和机制", "targets_amount": "编报绩效目标项目的预算金额",
    "monitored_amount": "绩效跟踪评价项目的预算金额", "self_evaluated_amount": "绩效自评项目的预算金额",
    "average_score": "绩效自评平均得分", "ratings": "绩效评级", "issues_found": "发现问题数", "issues_fixed": "已整改问题数",
    "issues_fixing": "正在整改问题数", "unit": "预算单位",
    "executed": "执行数", "goal": "预期目标", "achieved": "实际完成目标", "indicators": "绩效指标", "level1": "一级指标",
    "level2": "二级指标", "level3": "三级指标", "target": "预期指标值", "actual": "实际完成指标值", "evaluation": "绩效评价报告",
    "background": "基本情况", "results": "项目绩效情况", "conclusion": "评价结论", "scores": "评分表", "weight": "分值",
    "score": "得分",
}
# The field that names an entry of a list, so the author can find it: 项级科目第2项（行政运行）.
_ENTRY_NAME = {"projects": "name", "scores": "level3", "indicators": "level3", "items": "item_name", "fund_items": "item_name", "capital_items": "item_name",
               "other_items": "item_name", "personnel_items": "name", "public_items": "name", "glossary": "term"}


def place(path: Sequence[str | int], data: Any = None) -> str:
    """A field path ("items", 1, "budget") as its author knows it, counting list entries from 1."""
    words: list[str] = []
    value = data
    parent: str | None = None
    for part in path:
        if isinstance(part, int):
            name = ""
            entry = value[part] if isinstance(value, list) and 0 <= part < len(value) else None
            key = _ENTRY_NAME.get(parent or "")
            if isinstance(entry, dict) and key and entry.get(key):
                name = f"（{str(entry[key])[:30]}）"
            words[-1] = f"{words[-1]}第{part + 1}项{name}" if words else f"第{part + 1}项{name}"
            value = entry
        else:
            label = LABELS.get(part)
            words.append(label if label else f"“{str(part)[:40]}”")
            value = value.get(part) if isinstance(value, dict) else None
            parent = part
    return "·".join(words) or "数据"
