"""What the generator needs: the year's source figures and texts, nothing derived.

Shares, changes, completion rates, totals of breakdowns and every direction word are computed by the
generator; the data holds only what comes from the accounts (this year's and last year's amounts,
budgets, counts) and what a person writes (functions, reasons, names). Amounts are 万元, Decimal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Bounds that no real report passes: a number beyond them is a typing mistake or a hostile file, and
# would otherwise overflow Decimal arithmetic (1e30) or produce an impossible report (a year of -1).
MAX_AMOUNT = Decimal("1e10")  # 万元: a hundred times the largest department's spending
Amount = Annotated[Decimal, Field(allow_inf_nan=False, ge=-MAX_AMOUNT, le=MAX_AMOUNT, max_digits=20, decimal_places=6)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]
Year = Annotated[int, Field(ge=1990, le=2100)]


class Strict(BaseModel):
    # A text of the report (a function, a reason) is a few hundred characters; a megabyte is a mistake.
    model_config = ConfigDict(extra="forbid", str_max_length=20_000)


class Compared(Strict):
    """A figure with last year's value and, when they differ, the reason."""

    current: Amount
    previous: Amount | None = None
    reason: str | None = None


class Meta(Strict):
    organisation: str = Field(description="单位全称，如 中共攀枝花市委办公室")
    short_name: str = Field(description="报告正文中的简称，如 市委办公室")
    year: Year
    kind: str = Field("部门决算", description="部门决算 或 单位决算")


class Overview(Strict):
    functions: str = Field(description="主要职能")
    key_work: str = Field("", description="重点工作完成情况（四川格式）")
    organisation: str = Field(description="机构设置或决算单位构成")
    units: list[str] = Field([], description="纳入决算的单位名称")
    unit_remarks: dict[str, str] = Field({}, description="单位的备注，如 {上海市XX中心: 预算不单列，并入本级}（上海格式单位构成表）")


class LineItem(Strict):
    """One 项 of the functional classification, with its 类 and 款."""

    code: str = Field(description="7位功能分类科目编码，如 2013101")
    class_name: str = Field(description="类，如 一般公共服务支出")
    section_name: str = Field(description="款，如 党委办公厅（室）及相关机构事务")
    item_name: str = Field(description="项，如 行政运行")
    basic: Amount = Decimal(0)
    project: Amount = Decimal(0)
    budget: Amount | None = Field(None, description="调整预算数（四川）或年初预算数（上海）")
    purpose: str | None = Field(None, description="主要用于（上海格式）")
    reason: str | None = Field(None, description="决算数与预算数不同时的原因")
    other_income: Amount = Field(Decimal(0), description="该项资金中的非财政拨款收入（收入决算表用）")


class EconomicItem(Strict):
    code: str = Field(description="经济分类科目编码，如 30101")
    name: str
    amount: Amount


class ThreePublicItem(Strict):
    current: Amount
    budget: Amount
    previous: Amount | None = None
    reason: str | None = None


class ThreePublic(Strict):
    outbound: ThreePublicItem
    outbound_groups: Count = 0
    outbound_persons: Count = 0
    vehicle_purchase: ThreePublicItem
    vehicles_bought: dict[str, Count] = Field({}, description="按车型的购置数量，如 {轿车: 0}")
    vehicle_operation: ThreePublicItem
    vehicles_held: dict[str, Count] = Field(description="年末公务用车按车型的数量，如 {轿车: 2, 越野车: 5}")
    reception_domestic: ThreePublicItem
    reception_batches: Count = 0
    reception_persons: Count = 0
    reception_foreign: ThreePublicItem
    foreign_batches: Count = 0
    foreign_persons: Count = 0


class Procurement(Strict):
    goods: Amount = Decimal(0)
    works: Amount = Decimal(0)
    services: Amount = Decimal(0)
    sme: Amount = Decimal(0)
    micro_small: Amount = Decimal(0)
    # The Shanghai template's account of reserved procurement (面向中小企业预留); written when given.
    sme_reserved: Amount | None = Field(None, description="面向中小企业预留政府采购项目预算金额（上海格式）")
    micro_reserved: Amount | None = Field(None, description="面向小微企业预留政府采购项目预算金额（上海格式）")
    sme_won_reserved: Amount | None = Field(None, description="预留项目中由中小企业供应商中标或成交的采购金额（上海格式）")
    micro_won_reserved: Amount | None = Field(None, description="预留项目中由小微企业供应商中标或成交的采购金额（上海格式）")
    sme_won_other: Amount | None = Field(None, description="其他政府采购项目中由中小企业供应商中标或成交的采购金额（上海格式）")


class StateAssets(Strict):
    vehicles_by_use: dict[str, Count] = Field(description="车辆按用途，如 {机要通信用车: 1}")
    general_equipment: Count = Field(0, description="单价50万元以上通用设备台（套）数")
    special_equipment: Count = Field(0, description="单价100万元以上专用设备台（套）数（上海格式：单价100万元（含）以上设备，不含车辆）")


class GoalIndicator(Strict):
    """One row of a 项目绩效目标完成情况表."""

    level1: str = Field(description="一级指标，如 项目完成指标")
    level2: str = Field(description="二级指标，如 数量指标")
    level3: str = Field(description="三级指标，如 系统数量")
    target: str = Field("", description="预期指标值")
    actual: str = Field("", description="实际完成指标值")


class ScoreItem(Strict):
    """One row of a 项目评价得分表: the indicator, its weight (分值) and its score (得分)."""

    level1: str
    level2: str
    level3: str
    weight: Amount = Field(description="分值")
    score: Amount = Field(description="得分")


class Evaluation(Strict):
    """A project's 绩效评价报告 (Sichuan annex): the prose a person writes, and the score table."""

    background: str = Field(description="基本情况")
    results: str = Field(description="项目绩效情况")
    conclusion: str = Field(description="评价结论")
    scores: list[ScoreItem] = Field(description="项目评价得分表的各项指标，分值之和应为100")


class Project(Strict):
    """A project with performance targets: its 项目绩效目标完成情况表, and its evaluation report if it had one."""

    name: str = Field(description="项目名称")
    unit: str = Field(description="预算单位")
    budget: Amount = Field(description="预算数（万元）")
    executed: Amount = Field(description="执行数（万元）")
    goal: str = Field(description="年度预期目标")
    achieved: str = Field(description="实际完成目标")
    indicators: list[GoalIndicator] = []
    evaluation: Evaluation | None = None


class Performance(Strict):
    projects_with_targets: Count = 0
    projects_monitored: Count = 0
    projects_self_evaluated: Count = 0
    summary: str = ""
    # The Shanghai template's account of 全过程绩效管理; written when given.
    arrangements: str | None = Field(None, description="预算绩效管理制度和工作机制（上海格式），如 本部门制定了…，建立了…")
    targets_amount: Amount | None = Field(None, description="编报绩效目标的项目涉及预算金额（上海格式）")
    monitored_amount: Amount | None = Field(None, description="绩效跟踪评价的项目涉及预算金额（上海格式）")
    self_evaluated_amount: Amount | None = Field(None, description="绩效自评的项目涉及预算金额（上海格式）")
    average_score: Amount | None = Field(None, description="绩效自评平均得分（上海格式）")
    ratings: dict[str, Count] = Field({}, description="绩效评级的项目数，如 {优: 4, 良: 0, 合格: 0, 不合格: 0}（上海格式）")
    issues_found: Count | None = Field(None, description="绩效自评中发现的问题数（上海格式）")
    issues_fixed: Count | None = Field(None, description="已经完成整改的问题数（上海格式）")
    issues_fixing: Count | None = Field(None, description="正在整改的问题数（上海格式）")
    projects: list[Project] = Field([], description="项目绩效目标完成情况表和绩效评价报告（四川格式附件），可不填")


class GlossaryEntry(Strict):
    term: str
    definition: str


class ReportData(Strict):
    meta: Meta
    overview: Overview
    total: Compared = Field(description="收、支总计（本年数与上年数）")
    income_sources: dict[str, Amount] = Field(description="本年收入：一般公共预算财政拨款收入、其他收入等，按名称")
    carryover_begin: Amount = Decimal(0)
    non_fiscal_balance: Amount = Field(Decimal(0), description="使用非财政拨款结余")
    expenditure_kinds: dict[str, Amount] = Field(description="本年支出：基本支出、项目支出等，按名称")
    carryover_end: Amount = Decimal(0)
    balance_distribution: Amount = Field(Decimal(0), description="结余分配")
    fiscal_total: Compared = Field(description="财政拨款收、支总计（本年数与上年数）")
    fiscal_carryover_begin: Amount = Decimal(0)
    fiscal_carryover_end: Amount = Decimal(0)
    gov_fund_carryover_begin: Amount = Field(Decimal(0), description="年初财政拨款结转和结余中的政府性基金预算财政拨款")
    gov_fund_carryover_end: Amount = Field(Decimal(0), description="年末财政拨款结转和结余中的政府性基金预算财政拨款")
    state_capital_carryover_begin: Amount = Field(Decimal(0), description="年初财政拨款结转和结余中的国有资本经营预算财政拨款")
    state_capital_carryover_end: Amount = Field(Decimal(0), description="年末财政拨款结转和结余中的国有资本经营预算财政拨款")
    general_budget_previous: Amount | None = Field(None, description="上年一般公共预算财政拨款支出")
    general_budget_reason: str | None = None
    general_budget_budget_reason: str | None = Field(
        None, description="一般公共预算财政拨款支出决算数与年初预算数不同的原因（上海格式）")
    gov_fund: Amount = Decimal(0)
    state_capital: Amount = Decimal(0)
    items: list[LineItem] = Field(description="一般公共预算财政拨款支出的每一个项")
    fund_items: list[LineItem] = Field([], description="政府性基金预算财政拨款支出的每一个项（有此项支出时必须填写，决算表按科目列出）")
    capital_items: list[LineItem] = Field([], description="国有资本经营预算财政拨款支出的每一个项（有此项支出时必须填写）")
    other_items: list[LineItem] = Field([], description="财政拨款以外的资金（事业收入、其他收入等）支出的每一个项（有此项支出时必须填写）")
    personnel: Amount = Field(description="一般公共预算财政拨款基本支出中的人员经费")
    public: Amount = Field(description="一般公共预算财政拨款基本支出中的公用经费")
    personnel_names: list[str] = Field(description="人员经费主要包括的经济科目名称")
    public_names: list[str] = Field(description="公用经费主要包括的经济科目名称")
    personnel_items: list[EconomicItem] = Field([], description="人员经费按经济分类（301、303），可不填")
    public_items: list[EconomicItem] = Field([], description="公用经费按经济分类（302、310），可不填")
    three_public: ThreePublic
    admin_operating_cost: Compared
    procurement: Procurement
    state_assets: StateAssets
    performance: Performance
    glossary: list[GlossaryEntry] = []
