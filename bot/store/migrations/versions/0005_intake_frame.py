"""refined_requests.problem, goal, who, tried: the intake frame behind the question

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FRAME_COLUMNS = ("problem", "goal", "who", "tried")


def upgrade() -> None:
    with op.batch_alter_table("refined_requests") as batch:
        for name in FRAME_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("refined_requests") as batch:
        for name in reversed(FRAME_COLUMNS):
            batch.drop_column(name)
