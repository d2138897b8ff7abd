"""What a review needs beyond the rows: the check's whole Outcome (the text the findings point into, as
zlib-compressed JSON) and, for a file uploaded through the web application, the file itself (PDF page images, download).

Reports stored before this revision have no stored Outcome until they are ingested again.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("outcome", sa.LargeBinary, nullable=False),  # zlib-compressed JSON (about a tenth the size)
        sa.Column("content", sa.LargeBinary),
        sa.Column("suffix", sa.String(10)),
    )


def downgrade() -> None:
    op.drop_table("sources")
