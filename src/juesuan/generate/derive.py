"""Everything the report states that follows from the data: sums, shares, changes, completion rates
and the words that go with them. Percentages are computed from the exact figures and rounded once."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from juesuan.amounts import number as money
from juesuan.generate.inputs import LineItem, ReportData

CENT = Decimal("0.01")
ZERO = Decimal(0)


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole in %, rounded once to two decimals; None when the whole is 0."""
    if whole == 0:
        return None
    return (part / whole * 100).quantize(CENT, ROUND_HALF_UP)


def pct(value: Decimal | None) -> str:
    return "0%" if value is None else f"{value}%"


@dataclass(frozen=True, slots=True)
class Movement:
    """A change on last year, with its words: 增加/减少 for the amount, 增长/下降 for the rate."""

    current: Decimal
    previous: Decimal | None

    @property
    def known(self) -> bool:
        return self.previous is not None

    @property
    def delta(self) -> Decimal:
        return abs(self.current - (self.previous or ZERO))

    @property
    def flat(self) -> bool:
        return self.previous is not None and self.current == self.previous

    @property
    def up(self) -> bool:
        return self.previous is not None and self.current > self.previous

    @property
    def rate(self) -> Decimal | None:
        if self.previous is None or self.previous == 0:
            return None
        return percent(self.delta, self.previous)

    def words(self) -> str:
        """"增加2,607.44万元，增长53.65%", "减少…，下降…", "持平"; no rate when last year was 0; "" when unknown."""
        if self.previous is None:
            return ""
        if self.flat:
            return "持平"
        amount, rate = ("增加", "增长") if self.up else ("减少", "下降")
        return f"{amount}{money(self.delta)}万元" + (f"，{rate}{self.rate}%" if self.rate is not None else "")

    def phrase(self, subject: str, year: int) -> str:
        """"与2019年相比，收、支总计增加2,607.44万元，增长53.65%"."""
        return f"与{year}年相比，{subject}{self.words()}" if self.known else ""


@dataclass(slots=True)
class Derived:
    """The figures a report derives from its data."""

    data: ReportData

    @property
    def year(self) -> int:
        return self.data.meta.year

    @property
    def prior(self) -> int:
        return self.data.meta.year - 1

    @property
    def income_this_year(self) -> Decimal:
        return sum(self.data.income_sources.values(), ZERO)

    @property
    def expenditure_this_year(self) -> Decimal:
        return sum(self.data.expenditure_kinds.values(), ZERO)

    @property
    def income_total(self) -> Decimal:
        return self.income_this_year + self.data.carryover_begin + self.data.non_fiscal_balance

    @property
    def expenditure_total(self) -> Decimal:
        return self.expenditure_this_year + self.data.carryover_end + self.data.balance_distribution

    @staticmethod
    def amount(item: LineItem) -> Decimal:
        return item.basic + item.project

    @property
    def general_budget(self) -> Decimal:
        return sum((self.amount(i) for i in self.data.items), ZERO)

    @property
    def general_budget_basic(self) -> Decimal:
        return sum((i.basic for i in self.data.items), ZERO)

    @property
    def general_budget_budget(self) -> Decimal | None:
        budgets = [i.budget for i in self.data.items]
        return None if any(b is None for b in budgets) else sum((b for b in budgets if b is not None), ZERO)

    def classes(self) -> list[tuple[str, Decimal]]:
        """The 类 in the order the items give them, with their totals."""
        totals: dict[str, Decimal] = {}
        for item in self.data.items:
            totals[item.class_name] = totals.get(item.class_name, ZERO) + self.amount(item)
        return list(totals.items())

    @property
    def personnel(self) -> Decimal:
        return self.data.personnel

    @property
    def public(self) -> Decimal:
        return self.data.public

    @property
    def fiscal_income(self) -> Decimal:
        return self.general_budget_income + self.gov_fund_income + self.state_capital_income

    def _source(self, *names: str) -> Decimal:
        return sum((v for k, v in self.data.income_sources.items() if any(n in k for n in names)), ZERO)

    @property
    def general_budget_income(self) -> Decimal:
        return self._source("一般公共预算财政拨款")

    @property
    def gov_fund_income(self) -> Decimal:
        return self._source("政府性基金预算财政拨款")

    @property
    def state_capital_income(self) -> Decimal:
        return self._source("国有资本经营预算财政拨款")

    @property
    def fiscal_expenditure(self) -> Decimal:
        return self.general_budget + self.data.gov_fund + self.data.state_capital

    @property
    def three_public_items(self) -> list[tuple[str, Decimal, Decimal, Decimal | None]]:
        """(name, current, budget, previous) of the three items, 公务用车 summed from its two parts."""
        tp = self.data.three_public
        vehicles = (tp.vehicle_purchase.current + tp.vehicle_operation.current,
                    tp.vehicle_purchase.budget + tp.vehicle_operation.budget,
                    None if tp.vehicle_purchase.previous is None or tp.vehicle_operation.previous is None
                    else tp.vehicle_purchase.previous + tp.vehicle_operation.previous)
        reception = (tp.reception_domestic.current + tp.reception_foreign.current,
                     tp.reception_domestic.budget + tp.reception_foreign.budget,
                     None if tp.reception_domestic.previous is None or tp.reception_foreign.previous is None
                     else tp.reception_domestic.previous + tp.reception_foreign.previous)
        return [
            ("因公出国（境）费", tp.outbound.current, tp.outbound.budget, tp.outbound.previous),
            ("公务用车购置及运行维护费", *vehicles),
            ("公务接待费", *reception),
        ]

    @property
    def three_public_total(self) -> tuple[Decimal, Decimal, Decimal | None]:
        items = self.three_public_items
        previous = [p for _, _, _, p in items]
        return (sum((c for _, c, _, _ in items), ZERO), sum((b for _, _, b, _ in items), ZERO),
                None if any(p is None for p in previous) else sum((p for p in previous if p is not None), ZERO))

    @property
    def procurement_total(self) -> Decimal:
        p = self.data.procurement
        return p.goods + p.works + p.services


def completion(amount: Decimal, budget: Decimal | None) -> Decimal | None:
    return None if budget is None else percent(amount, budget)


def versus_budget(amount: Decimal, budget: Decimal | None) -> str:
    """决算数大于/小于/等于预算数."""
    if budget is None or amount == budget:
        return "等于"
    return "大于" if amount > budget else "小于"
