"""The first store: reports, their figures, findings and rule ledger.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("organisation", sa.String(300)),
        sa.Column("org_key", sa.String(300)),
        sa.Column("region", sa.String(100)),
        sa.Column("level", sa.String(20)),
        sa.Column("year", sa.Integer),
        sa.Column("kind", sa.String(50)),
        sa.Column("layout", sa.String(50)),
        sa.Column("pages", sa.Integer),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Integer, nullable=False),
        sa.Column("infos", sa.Integer, nullable=False),
        sa.Column("version", sa.String(50), nullable=False),
        sa.Column("rule_set", sa.String(50), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_reports_org_key", "reports", ["org_key"])
    op.create_index("ix_reports_region", "reports", ["region"])
    op.create_index("ix_reports_year", "reports", ["year"])
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("value", sa.String(60), nullable=False),
        sa.Column("unit", sa.String(20)),
        sa.Column("raw", sa.String(200), nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("page", sa.Integer),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
    )
    op.create_index("ix_figures_report_path", "figures", ["report_id", "path"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rule", sa.String(10), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("page", sa.Integer),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text),
        sa.Column("expected", sa.Text),
        sa.Column("actual", sa.Text),
    )
    op.create_index("ix_findings_report_id", "findings", ["report_id"])
    op.create_index("ix_findings_rule", "findings", ["rule"])
    op.create_table(
        "ledger",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rule", sa.String(10), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.UniqueConstraint("report_id", "rule"),
    )


def downgrade() -> None:
    for table in ("ledger", "findings", "figures", "reports"):
        op.drop_table(table)
