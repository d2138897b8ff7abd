"""The Disclosure model: everything a report states, section by section.

Names follow docs/domain.md §5. Breakdowns are lists of Items in the order the report gives them;
an Item's `key` is the canonical name when the label is a known one (general_budget, personnel …).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from juesuan.document import Location
from juesuan.model.figures import Figure, Item, Text


class Meta(BaseModel):
    organisation: str | None = None
    year: int | None = None
    prior_year: int | None = None
    kind: str | None = Field(None, description="部门决算 or 单位决算")
    layout: str = "unknown"
    sub_units_stated: list[Figure] = Field([], description="the number of 二级预算单位 as stated")
    sub_units_listed: list[Text] = Field([], description="the units as listed by name")


class Totals(BaseModel):
    """收入支出决算总体情况, 收入决算, 支出决算."""

    total: Item | None = Field(None, description="收、支总计, stated as one figure for both")
    income_total: Item | None = Field(None, description="收入总计, when stated on its own")
    expenditure_total: Item | None = Field(None, description="支出总计, when stated on its own")
    income_this_year: Item | None = None
    income_sources: list[Item] = []
    expenditure_this_year: Item | None = None
    expenditure_kinds: list[Item] = Field([], description="基本支出, 项目支出, 上缴上级支出 …")
    carryover_begin: Item | None = None
    carryover_end: Item | None = None


class FiscalAppropriation(BaseModel):
    total: Item | None = Field(None, description="财政拨款收、支总计")
    income: Item | None = None
    expenditure: Item | None = None
    parts: list[Item] = Field([], description="the three kinds of fiscal appropriation, when stated")


class LineItem(BaseModel):
    """One 项 of 一般公共预算财政拨款支出决算具体情况."""

    number: int | None = None
    class_name: str | None = Field(None, description="类")
    section_name: str | None = Field(None, description="款")
    item_name: str | None = Field(None, description="项")
    code: str | None = None
    amount: list[Figure] = []
    budget: list[Figure] = []
    completion: list[Figure] = []
    comparison: list[Text] = Field([], description="决算数大于/小于/等于预算数, as stated")
    reason: list[Text] = []
    location: Location


class GeneralBudget(BaseModel):
    total: Item | None = Field(None, description="一般公共预算财政拨款支出, with its share and change")
    structure_total: list[Figure] = Field([], description="the total as stated in the structure section")
    classes: list[Item] = Field([], description="by 类, with shares")
    detail_total: Item | None = Field(None, description="the total as stated in the detail section, with completion")
    items: list[LineItem] = []


class BasicExpenditure(BaseModel):
    total: Item | None = None
    personnel: Item | None = None
    personnel_items: list[Text] = Field([], description="what 人员经费 主要包括, as listed")
    public: Item | None = None
    public_items: list[Text] = Field([], description="what 公用经费 主要包括, as listed")


class ThreePublicUnit(BaseModel):
    """The 三公 figures of one unit (or of the whole department when the report does not split them)."""

    unit: str | None = Field(None, description="the 二级预算单位, when the report splits by unit")
    total: Item | None = None
    outbound_travel: Item | None = None
    vehicles: Item | None = Field(None, description="公务用车购置及运行维护费")
    vehicle_purchase: Item | None = None
    vehicle_operation: Item | None = None
    reception: Item | None = None
    reception_domestic: Item | None = None
    reception_foreign: Item | None = None
    outbound_groups: list[Figure] = []
    outbound_persons: list[Figure] = []
    vehicles_bought: list[Figure] = []
    vehicles_bought_by_type: list[Item] = []
    vehicles_held: list[Figure] = []
    vehicles_held_by_type: list[Item] = []
    reception_batches: list[Figure] = []
    reception_persons: list[Figure] = []
    foreign_batches: list[Figure] = []
    foreign_persons: list[Figure] = []


class ThreePublic(BaseModel):
    total: Item | None = None
    units: list[ThreePublicUnit] = Field([], description="one entry, or one a unit when the report splits them")

    def total_of(self, unit: ThreePublicUnit) -> Item | None:
        """A unit's 三公 total: its own, or the report's one total when the report does not split by unit."""
        return unit.total or (self.total if unit.unit is None or len(self.units) == 1 else None)


class FundSection(BaseModel):
    """政府性基金 or 国有资本经营 预算支出."""

    expenditure: Item | None = None
    items: list[Item] = Field([], description="the 项 the fund was spent on, as the section lists them (类、款、项 and amount)")
    statements: list[Text] = Field([], description="what the report says of the empty table, if anything")


class Procurement(BaseModel):
    total: Item | None = None
    goods: Item | None = None
    works: Item | None = None
    services: Item | None = None
    sme: Item | None = Field(None, description="授予中小企业合同金额, with its share as stated")
    micro_small: Item | None = Field(None, description="授予小微企业合同金额, with its share as stated")


class StateAssets(BaseModel):
    unit: str | None = None
    vehicles: list[Figure] = []
    vehicles_by_use: list[Item] = []
    equipment: list[Item] = Field([], description="单价50万元以上通用设备, 单价100万元以上专用设备 …")


class Indicator(BaseModel):
    cells: list[str]
    location: Location


class GoalTable(BaseModel):
    """项目绩效目标完成情况表."""

    project: str | None = None
    unit: str | None = None
    budget: list[Figure] = []
    executed: list[Figure] = []
    goals: list[Text] = []
    indicators: list[Indicator] = Field([], description="一级/二级/三级指标, 预期指标值, 实际完成指标值, as rows")
    location: Location


class ScoreRow(BaseModel):
    levels: list[str] = Field(description="一级, 二级, 三级指标 as written (empty where merged)")
    weight: Figure | None = None
    score: Figure | None = None
    location: Location


class ScoreTable(BaseModel):
    """项目评价得分表: weights and scores of each indicator, and the stated total."""

    title: str | None = None
    rows: list[ScoreRow] = []
    total_weight: Figure | None = None
    total_score: Figure | None = None
    location: Location


class Performance(BaseModel):
    projects_with_targets: list[Figure] = []
    projects_monitored: list[Figure] = []
    projects_self_evaluated: list[Figure] = []
    overall_scores: list[Figure] = Field([], description="整体绩效自评得分 and similar scores")
    goal_tables: list[GoalTable] = []
    score_tables: list[ScoreTable] = []


class GlossaryEntry(BaseModel):
    number: int | None = None
    term: str
    definition: str
    location: Location


class AnnexFigure(BaseModel):
    """An amount an annex (an evaluation report) restates from the body: 收入总计, a 类 or 项, 人员经费 …"""

    annex: str = Field("", description="the title of the annex it stands in")
    name: str = Field(description="the name it is stated under, as the body names it")
    figure: Figure
    body_values: list[str] = Field([], description="the amounts the body states under that name (exact decimals)")
    body_unit: str | None = None
    body_location: Location | None = Field(None, description="where the body first states it")
    body_derived: str | None = Field(None, description="how the body's amount follows from its figures, when the body "
                                                        "does not state it (收支总计减本年支出合计)")


class TableRow(BaseModel):
    code: str | None = Field(None, description="functional or economic classification code, digits only")
    name: str
    values: list[Figure | None] = Field(description="one a column of `columns`; null where the cell is empty")
    location: Location


class StatementTable(BaseModel):
    """One of the nine tables, when it is in the document (the Shanghai PDF)."""

    kind: str
    title: str
    unit: str | None = None
    columns: list[str] = []
    rows: list[TableRow] = []
    note: list[Text] = []
    pages: list[int] = []
    location: Location


class Disclosure(BaseModel):
    source: str
    meta: Meta = Meta()
    totals: Totals = Totals()
    fiscal_appropriation: FiscalAppropriation = FiscalAppropriation()
    general_budget: GeneralBudget = GeneralBudget()
    basic: BasicExpenditure = BasicExpenditure()
    three_public: ThreePublic = ThreePublic()
    gov_fund: FundSection = FundSection()
    state_capital: FundSection = FundSection()
    admin_operating_cost: Item | None = None
    procurement: Procurement = Procurement()
    state_assets: list[StateAssets] = []
    performance: Performance = Performance()
    glossary: list[GlossaryEntry] = []
    annexes: list[AnnexFigure] = Field([], description="amounts the annexes restate from the body")
    attached_tables: list[Text] = Field([], description="the list of attached tables (附表), as titled")
    tables: list[StatementTable] = []
