"""From an Analysis (document, outline, section texts) to the Disclosure model: one module a section kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from juesuan.extract.annexes import extract_annex_figures
from juesuan.extract.general_budget import extract_basic, extract_general_budget
from juesuan.extract.glossary import extract_attached_tables, extract_glossary
from juesuan.extract.meta import extract_meta
from juesuan.extract.other_matters import extract_admin_cost, extract_fund, extract_procurement, extract_state_assets
from juesuan.extract.performance import extract_performance
from juesuan.extract.statistical_tables import extract_statements
from juesuan.extract.three_public import extract_three_public
from juesuan.extract.totals import extract_fiscal, extract_totals
from juesuan.model.disclosure import Disclosure

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

__all__ = ["extract"]


def extract(ctx: Analysis) -> Disclosure:
    document = ctx.document
    meta = extract_meta(ctx)
    sub_units = [document.normalized[t.location.start : t.location.end].strip() for t in meta.sub_units_listed]
    disclosure = Disclosure(
        source=str(document.source),
        meta=meta,
        totals=extract_totals(ctx),
        fiscal_appropriation=extract_fiscal(ctx),
        general_budget=extract_general_budget(ctx),
        basic=extract_basic(ctx),
        three_public=extract_three_public(ctx, sub_units),
        gov_fund=extract_fund(ctx, "gov_fund"),
        state_capital=extract_fund(ctx, "state_capital"),
        admin_operating_cost=extract_admin_cost(ctx),
        procurement=extract_procurement(ctx),
        state_assets=extract_state_assets(ctx),
        performance=extract_performance(ctx),
        glossary=extract_glossary(ctx),
        attached_tables=extract_attached_tables(ctx),
        tables=extract_statements(ctx),
    )
    disclosure.annexes = extract_annex_figures(ctx, disclosure)  # what they restate needs the body first
    return disclosure
