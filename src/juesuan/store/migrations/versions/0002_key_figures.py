"""Key figures worked out at ingest, so that comparing thousands of reports reads a few rows a report.

Reports stored before this revision have none; compare works them out from their figures.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_figures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("label", sa.String(50), nullable=False),
        sa.Column("value", sa.String(60), nullable=False),
        sa.UniqueConstraint("report_id", "label"),
    )


def downgrade() -> None:
    op.drop_table("key_figures")
