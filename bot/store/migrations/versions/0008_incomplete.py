"""refined_requests.incomplete: a confirmed question kept, the intake ended early

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy of the table on SQLite would lose its
    # AUTOINCREMENT sequence (ids never reused, migration 0003).
    op.add_column(
        "refined_requests",
        sa.Column("incomplete", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("refined_requests") as batch:
        batch.drop_column("incomplete")
