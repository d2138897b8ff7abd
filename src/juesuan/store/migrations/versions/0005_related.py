"""A finding's related places: the other statement of a pair that disagree when the report does not say which
is right (JSON list of locations, as the check's JSON writes them).

Findings stored before this revision have none until their report is ingested again.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("related", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("related")
