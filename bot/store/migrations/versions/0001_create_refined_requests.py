"""create refined_requests

Revision ID: 0001
Revises:
Create Date: 2026-11-25
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
        "refined_requests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("need_category", sa.String(50)),
        sa.Column("original_question", sa.Text),
        sa.Column("refined_question", sa.Text),
        sa.Column("company", sa.Text),
        sa.Column("sector", sa.Text),
        sa.Column("size", sa.Text),
        sa.Column("region", sa.Text),
        sa.Column("contact_name", sa.Text),
        sa.Column("contact_email", sa.Text),
        sa.Column("contact_phone", sa.Text),
        sa.Column("options", sa.JSON, nullable=False),
        sa.Column("chosen_option", sa.String(100)),
        sa.Column("status", sa.String(30), nullable=False, server_default="nieuw"),
        sa.Column("consent_at", sa.DateTime(timezone=True)),
        sa.Column(
            "handoff_requested", sa.Boolean, nullable=False, server_default=sa.false()
        ),
        sa.Column("answers", sa.JSON, nullable=False),
    )
    op.create_index(
        "ix_refined_requests_conversation_id",
        "refined_requests",
        ["conversation_id"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("ix_refined_requests_conversation_id", "refined_requests")
    op.drop_table("refined_requests")
