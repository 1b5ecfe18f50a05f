"""review app: users, request history, tags, message corrections, assignment

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
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
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(80), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True)),
    )
    with op.batch_alter_table("refined_requests") as batch:
        batch.add_column(sa.Column("assigned_to_id", sa.Integer))
        batch.create_foreign_key(
            "fk_refined_requests_assigned_to_id_users",
            "users",
            ["assigned_to_id"],
            ["id"],
        )
    # The inbox sorts on created_at and counts per status.
    op.create_index(
        "ix_refined_requests_created_at", "refined_requests", ["created_at"]
    )
    op.create_index("ix_refined_requests_status", "refined_requests", ["status"])
    op.create_table(
        "request_activities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "request_id",
            sa.Integer,
            sa.ForeignKey("refined_requests.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
    )
    op.create_index(
        "ix_request_activities_request_id", "request_activities", ["request_id"]
    )
    op.create_table(
        "request_tags",
        sa.Column(
            "request_id",
            sa.Integer,
            sa.ForeignKey("refined_requests.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tag", sa.String(50), primary_key=True),
    )
    op.create_table(
        "message_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("predicted_intent", sa.String(100)),
        sa.Column("confidence", sa.Float),
        sa.Column("corrected_intent", sa.String(100), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_message_corrections_conversation_id",
        "message_corrections",
        ["conversation_id"],
    )


def downgrade() -> None:
    op.drop_table("message_corrections")
    op.drop_table("request_tags")
    op.drop_table("request_activities")
    op.drop_index("ix_refined_requests_status", "refined_requests")
    op.drop_index("ix_refined_requests_created_at", "refined_requests")
    with op.batch_alter_table("refined_requests") as batch:
        batch.drop_constraint(
            "fk_refined_requests_assigned_to_id_users", type_="foreignkey"
        )
        batch.drop_column("assigned_to_id")
    op.drop_table("users")
