"""The disclosure score: its total on the report, and every point lost (or not judged) with its reason.

Reports stored before this revision have no score until they are ingested again.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("score", sa.String(10)))
        batch.add_column(sa.Column("score_judged", sa.String(10)))
        batch.add_column(sa.Column("score_method", sa.String(10)))
    op.create_table(
        "score_points",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("part", sa.String(20), nullable=False),
        sa.Column("item", sa.String(100), nullable=False),
        sa.Column("points", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("page", sa.Integer),
    )
    op.create_index("ix_score_points_report_id", "score_points", ["report_id"])


def downgrade() -> None:
    op.drop_index("ix_score_points_report_id", "score_points")
    op.drop_table("score_points")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("score_method")
        batch.drop_column("score_judged")
        batch.drop_column("score")
